/**
 * What the content loaders hand to the pages and to the build's integrations in the same
 * `astro build` (or `astro dev`) process: the validated archive, and a way to read each rendered
 * body. Astro imports the loaders, the page bundle and the integrations as separate module
 * graphs, so the hand-over goes through one `globalThis` slot rather than a module-level variable.
 * Bodies are not held in memory: each is read from the render store when a page or the search
 * index needs it, so a build that renders ten pages reads tens of bodies, not the archive.
 */
import type { PublishedFile } from '../lib/archive';
import type { Rendered, ScopeOptions } from '../lib/markdown';
import type { BulletinRecord } from '../schemas/bulletin';
import type { StoryRecord } from '../schemas/story';

/** The latest content state, published by the loaders after each sync. */
export interface Published {
  stories: StoryRecord[];
  bulletins: BulletinRecord[];
  /** Files next to bulletins, published with their stories. */
  files: PublishedFile[];
  /** A rendered body by its key (a record's `rendered`); waits until it is rendered (rendering runs in child processes while Astro bundles). */
  body(key: string): Promise<Rendered>;
}

/** How a bulletin's body is scoped: ids under its update id, headings below its h3 headline. */
export const bulletinScope = (b: BulletinRecord): ScopeOptions => ({ idPrefix: b.id, topHeading: 4, source: `${b.story}/${b.file.slice(b.file.lastIndexOf('/') + 1)}` });

/** How a story's introduction is scoped: under the page's h1. */
export const introScope = (story: Pick<StoryRecord, 'slug'>): ScopeOptions => ({ idPrefix: 'intro', topHeading: 2, source: `${story.slug}/index.md` });

const SLOT = Symbol.for('dateline.published');
type Slot = { [SLOT]?: Published };

/** Replaces the published content state. */
export function publish(state: Published): void {
  (globalThis as Slot)[SLOT] = state;
}

/** The published content state; throws when the loaders have not run in this process. */
export function published(): Published {
  const state = (globalThis as Slot)[SLOT];
  if (!state) throw new Error('Dateline: the content loaders have not run in this process (pages and integrations need `astro build` or `astro dev`)');
  return state;
}
