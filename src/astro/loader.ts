/**
 * Content-layer loaders for stories and bulletins. They read `content/` themselves (not Astro's
 * glob loader) so that frontmatter dates keep their written offsets and the checks in
 * `src/lib/content/archive.ts` run over all files at once; and they keep a build's cost to what changed:
 * - only files whose stat signature changed since the last build are read and hashed (reading and
 *   hashing all of them took about 0.3 s at 30,000 files); only new or changed texts are checked
 *   (YAML and schema checks cost ~0.15 ms a file): the rest come from a cache keyed by the file's
 *   digest and the checking code's version;
 * - only bodies missing from the render store are rendered (which ones: src/render/plan.ts; in
 *   child processes: src/render/pool.ts); pages and the search index read the few they need from it;
 * - Astro's data store gets the stories and one small entry per story, not the bulletins: Astro
 *   inlines the whole store into its server bundle as one string, which V8 then compiles, and that
 *   costs seconds per build at tens of thousands of entries. The bulletins reach the pages through
 *   src/astro/handoff.ts instead.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { EntryStore } from '../cache/store.ts';
import { codeVersions } from '../cache/versions.ts';
import { contentCache } from '../cache/content-cache.ts';
import type { Settings } from '../config.ts';
import { devErrors, publish } from './handoff.ts';
import { type Archive } from '../lib/content/archive.ts';
import { formatProblem } from '../lib/content/problems.ts';
import { digestOf, fileDigest } from '../core/cache-keys.ts';
import { renderMissing } from '../render/pool.ts';
import { jobsFor, planRenders, type JobText } from '../render/plan.ts';
import { bodyOf } from '../lib/content/check.ts';
import { renderOptions } from '../lib/markdown/pipeline.ts';
import { ContentError, contentSignature, loadArchive, readAgain } from '../lib/content/read.ts';
import { buildStoryViews, orderStories } from '../lib/site/timeline.ts';

/** What the loaders are given: the site's settings and the build's clock (src/content.config.ts). */
export interface LoaderInputs {
  settings: Settings;
  clock: () => number;
}

interface Synced {
  archive: Archive;
  /** Digest of the bulletins of each story, for the small per-story entries of the data store. */
  storyDigests: Map<string, { count: number; digest: string }>;
}

/**
 * Reads and checks the content (what changed since the last build), publishes it, and starts
 * rendering the bodies the render store lacks (in child processes); the pages and the search index
 * wait for the bodies they need, Astro's bundling does not.
 */
async function syncArchive(
  ctx: LoaderContext,
  root: string,
  { settings, clock }: LoaderInputs,
): Promise<Synced> {
  const started = performance.now();
  const cacheDir = fileURLToPath(ctx.config.cacheDir);
  const { versions, workerCode, workerVersion } = await codeVersions(root);
  const cache = contentCache(join(cacheDir, 'dateline-content.json'), versions.archive);
  const { archive } = loadArchive(root, settings, clock(), cache);
  cache.save();
  for (const w of archive.warnings) ctx.logger.warn(formatProblem(w));

  const store = new EntryStore(join(cacheDir, 'dateline-rendered'));
  const options = renderOptions(settings);
  const { stories, authors, bulletins, wanted } = planRenders(archive, versions.render, options);
  const sources = new Map(wanted.map((w) => [w.key, w]));
  const checked = performance.now();
  const worker = { root, workerCode, version: workerVersion };
  // Texts are read again as they are rendered (and checked against the digest they were checked
  // with): the build does not keep every file's text until the last body is rendered.
  const textOf: JobText = (job) => bodyOf(readAgain(resolve(root, job.file), job.file, job.digest));
  const rendering = renderMissing(jobsFor(wanted, store.keys(), options), textOf, store, worker);
  const rendered = rendering.done.then((n) => {
    ctx.logger.info(
      `rendered ${n} bodies (${wanted.length - n} from cache) in ${Math.round(performance.now() - checked)} ms`,
    );
    // Only the bodies of this content state stay in the store.
    store.prune(new Set(sources.keys()));
  });
  // Whoever awaits it reports a failure; this only keeps it from being "unhandled" meanwhile.
  rendered.catch(() => undefined);
  publish({
    views: orderStories(buildStoryViews(stories, bulletins)),
    files: archive.files,
    authors,
    photos: archive.photos,
    body: async (key) => {
      const source = sources.get(key);
      if (!source) throw new Error(`no body is rendered under ${key} in this build`);
      await rendering.ready(key);
      // Pruned meanwhile by another process sharing the cache (a dev server beside a build): render it again.
      if (!store.has(key))
        await renderMissing(jobsFor([source], new Set(), options), textOf, store, worker).done;
      return store.readJson(key);
    },
  });

  const byStory = new Map(archive.stories.map((s) => [s.slug, [] as string[]]));
  for (const b of archive.bulletins)
    byStory
      .get(b.story)
      ?.push(`${b.file}\0${b.digest}\0${b.authors.map((a) => a.name).join('\0')}`);
  const storyDigests = new Map(
    [...byStory].map(([slug, own]) => [
      slug,
      { count: own.length, digest: fileDigest(own.join('\n')) },
    ]),
  );
  const count = (reason: string) => archive.held.filter((h) => h.reason === reason).length;
  const held = archive.held.length
    ? `; held back: ${count('draft')} draft(s), ${count('scheduled')} scheduled`
    : '';
  ctx.logger.info(
    `${archive.stories.length} stories, ${archive.bulletins.length} bulletins${held} read and checked in ${Math.round(checked - started)} ms`,
  );
  return { archive, storyDigests };
}

let last: { key: string; synced: Promise<Synced> } | undefined;

/**
 * One sync per content state: the second loader reuses the first one's. In `astro build` the
 * content is read once; in `astro dev` it is read again when files have changed (compared by size
 * and time).
 */
function sharedSync(ctx: LoaderContext, root: string, inputs: LoaderInputs): Promise<Synced> {
  if (!ctx.watcher) return (last ??= { key: '', synced: syncArchive(ctx, root, inputs) }).synced;
  const key = contentSignature(root, inputs.settings.contentDir);
  if (last?.key !== key) last = { key, synced: syncArchive(ctx, root, inputs) };
  return last.synced;
}

function archiveLoader(
  name: string,
  inputs: LoaderInputs,
  fill: (ctx: LoaderContext, synced: Synced, stale: Set<string>) => Promise<void>,
): Loader {
  return {
    name,
    async load(ctx) {
      const root = fileURLToPath(ctx.config.root);
      const sync = async () => {
        const stale = new Set(ctx.store.keys());
        await fill(ctx, await sharedSync(ctx, root, inputs), stale);
        // Whatever was not set again has been deleted or renamed.
        for (const id of stale) ctx.store.delete(id);
      };
      await sync();
      ctx.watcher?.on('all', (_event, path) => {
        if (path.startsWith(resolve(root, inputs.settings.contentDir))) {
          // Shown in the terminal and, through the dev server's overlay, in the browser.
          sync().then(
            () => devErrors()?.clear(),
            (err: unknown) => {
              const message = err instanceof Error ? err.message : String(err);
              ctx.logger.error(message);
              const first = err instanceof ContentError ? err.problems[0] : undefined;
              devErrors()?.report({
                message,
                file: first && resolve(root, first.file),
                line: first?.line,
              });
            },
          );
        }
      });
    },
  };
}

/** Stories: one entry per `content/<slug>/index.md`. */
export const storiesLoader = (inputs: LoaderInputs) =>
  archiveLoader('dateline-stories', inputs, async ({ store, ...ctx }, { archive }, stale) => {
    for (const story of archive.stories) {
      stale.delete(story.slug);
      // The entry changes with anything of its record: its files, its translations (set from other
      // stories), what the settings give it (a default zone).
      const digest = digestOf(story);
      if (store.get(story.slug)?.digest === digest) continue;
      const data = await ctx.parseData({ id: story.slug, data: story, filePath: story.file });
      store.set({ id: story.slug, data, filePath: story.file, digest });
    }
  });

/**
 * The bulletins of each story, summarized: one entry per story whose digest changes with any of
 * its bulletins (so `astro dev` reloads when one changes). The bulletins themselves go to the
 * pages through src/astro/handoff.ts (see the comment at the top).
 */
export const updateCountsLoader = (inputs: LoaderInputs) =>
  archiveLoader(
    'dateline-update-counts',
    inputs,
    async ({ store, ...ctx }, { storyDigests }, stale) => {
      for (const [story, { count, digest }] of storyDigests) {
        stale.delete(story);
        if (store.get(story)?.digest === digest) continue;
        const data = await ctx.parseData({ id: story, data: { story, count } });
        store.set({ id: story, data, digest });
      }
    },
  );
