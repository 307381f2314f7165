/**
 * What one stage of the build hands to the next, in one place that both sides import:
 * - the content the loader read, checked and started rendering, to the pages and the integrations;
 * - the output files the integrations placed without writing them anew, to the sweep at the end;
 * - in `astro dev`, content errors the loader found, to the browser's error overlay.
 * Astro loads the loaders, the page bundle and the integrations as separate module graphs of one
 * process, so a module-level variable is not shared between them: this module keeps the hand-off
 * in one `globalThis` slot, and nothing else makes one.
 */
import type { PublishedFile } from '../lib/content/archive.ts';
import type { AuthorRecord } from '../schemas/author.ts';
import type { Rendered } from '../lib/markdown/pipeline.ts';
import type { StoryView } from '../lib/site/timeline.ts';

/** The content state the loader publishes after each sync. */
export interface Published {
  /** Every story with its bulletins, in front-page order: built once per content state, for every page and integration. */
  views: StoryView[];
  /** Files next to bulletins, published with their stories. */
  files: PublishedFile[];
  /** The authors of content/authors/ (each with its rendered bio's key). */
  authors: AuthorRecord[];
  /** Their photos, published at `/authors/files/<name>`. */
  photos: PublishedFile[];
  /** A rendered body by its key (a record's `rendered`); waits until it is rendered (rendering runs in child processes while Astro bundles). */
  body(key: string): Promise<Rendered>;
}

/** What the dev server's integration does with a content error (src/integrations/dev-errors.ts). */
export interface DevErrorReporter {
  report(error: { message: string; file?: string | undefined; line?: number | undefined }): void;
  clear(): void;
}

interface Handoff {
  content?: Published;
  outputs: { files: Set<string>; folders: Set<string> };
  devErrors?: DevErrorReporter;
}

const SLOT = Symbol.for('dateline.handoff');
const handoff = (): Handoff =>
  ((globalThis as { [SLOT]?: Handoff })[SLOT] ??= {
    outputs: { files: new Set(), folders: new Set() },
  });

/** Replaces the published content state (the loader, after each sync). */
export function publish(state: Published): void {
  handoff().content = state;
}

/** The published content state; throws when the loader has not run in this process. */
export function published(): Published {
  const state = handoff().content;
  if (!state)
    throw new Error(
      'Dateline: the content loaders have not run in this process (pages and integrations need `astro build` or `astro dev`)',
    );
  return state;
}

/** Claims output paths (relative to the output folder, with `/`) that an integration placed: files, or folders kept whole. */
export function claimOutput(paths: { files?: Iterable<string>; folders?: Iterable<string> }): void {
  const { outputs } = handoff();
  for (const f of paths.files ?? []) outputs.files.add(f);
  for (const f of paths.folders ?? []) outputs.folders.add(f);
}

/** Everything claimed in this process (the output sweep keeps it). */
export function claimedOutput(): { files: ReadonlySet<string>; folders: ReadonlySet<string> } {
  return handoff().outputs;
}

/** Sets where content errors go while `astro dev` runs. */
export function setDevErrorReporter(reporter: DevErrorReporter): void {
  handoff().devErrors = reporter;
}

/** Where content errors go, if a dev server runs in this process. */
export function devErrors(): DevErrorReporter | undefined {
  return handoff().devErrors;
}
