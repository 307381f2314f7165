/**
 * What the content loaders hand to the pages and to the search indexer in the same `astro build`
 * (or `astro dev`) process: the validated archive and every rendered body. Astro imports the
 * loaders, the page bundle and the integrations as separate module graphs, so the hand-over goes
 * through one `globalThis` slot rather than a module-level variable.
 */
import type { Rendered } from '../lib/markdown';
import type { BulletinRecord } from '../schemas/bulletin';
import type { StoryRecord } from '../schemas/story';

/** The latest content state, published by the loaders after each sync. */
export interface Published {
  stories: StoryRecord[];
  bulletins: BulletinRecord[];
  /**
   * Rendered bodies by `renderKey`. A promise: rendering runs in worker threads while Astro
   * bundles and starts on the pages, which wait for it.
   */
  rendered: Promise<Map<string, Rendered>>;
}

const SLOT = Symbol.for('dateline.published');
type Slot = { [SLOT]?: Published };

/** Key of a rendered body: `<story>/<update-id>`, or `<story>/index` for a story's introduction. */
export function renderKey(story: string, id: string): string {
  return `${story}/${id}`;
}

/** Replaces the published content state. */
export function publish(state: Published): void {
  (globalThis as Slot)[SLOT] = state;
}

/** The published content state, if the loaders ran in this process. */
export function published(): Published | undefined {
  return (globalThis as Slot)[SLOT];
}
