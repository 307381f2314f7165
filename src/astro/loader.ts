/**
 * Content-layer loaders for stories and bulletins. They read `content/` themselves (not Astro's
 * glob loader) so that frontmatter dates keep their written offsets and the checks in
 * `src/lib/content/archive.ts` run over all files at once; and they keep a build's cost to what changed:
 * - only files whose stat signature changed since the last build are read and hashed (reading and
 *   hashing all of them took about 0.3 s at 30,000 files); only new or changed texts are checked
 *   (YAML and schema checks cost ~0.15 ms a file): the rest come from a cache keyed by the file's
 *   digest and the checking code's version;
 * - only bodies missing from the render store are rendered (src/render/pool.ts); pages and the
 *   search index read the few they need from it;
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
import { buildClock, config } from '../config.ts';
import { devErrors, publish } from './handoff.ts';
import { MAX_TEXT_BYTES } from '../lib/content/files.ts';
import { bodyOf } from '../lib/content/check.ts';
import { type Archive } from '../lib/content/archive.ts';
import { formatProblem } from '../lib/content/problems.ts';
import { fileDigest, renderKey } from '../core/cache-keys.ts';
import { renderMissing, type Job } from '../render/pool.ts';
import { bioScope, briefingScope, bulletinScope, introScope } from '../lib/content/markdown.ts';
import {
  ContentError,
  contentSignature,
  loadArchive,
  readRegularFile,
} from '../lib/content/read.ts';
import { buildStoryViews, orderStories } from '../lib/site/timeline.ts';
import { contentCache } from '../cache/content-cache.ts';

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
async function syncArchive(ctx: LoaderContext, root: string): Promise<Synced> {
  const started = performance.now();
  const cacheDir = fileURLToPath(ctx.config.cacheDir);
  const { versions, workerCode, workerVersion } = await codeVersions(root);
  const cache = contentCache(join(cacheDir, 'dateline-content.json'), versions.archive);
  const { files, archive } = loadArchive(root, config.contentDir, buildClock(), cache);
  cache.save();
  for (const w of archive.warnings) ctx.logger.warn(formatProblem(w));

  const store = new EntryStore(join(cacheDir, 'dateline-rendered'));
  const keyOf = (scope: Job['scope'], digest: string) => renderKey(versions.render, scope, digest);
  const byDigest = new Map(files.map((f) => [f.digest!, f]));
  // Oldest first: the search index is built in tiers of consecutive time, and can start on
  // the first as soon as its bodies are in.
  // Each record names its rendered body by the body's key, which covers the pipeline's code and
  // packages: props that carry the record then change whenever the body would (src/lib/site/routes.ts).
  const stories = archive.stories.map((s) => ({
    ...s,
    rendered: keyOf(introScope(s), s.digest),
    ...(s.briefing
      ? {
          briefing: {
            ...s.briefing,
            rendered: keyOf(briefingScope(s, archive.media[s.briefing.file]), s.briefing.digest),
          },
        }
      : {}),
  }));
  const authors = archive.authors.map((a) => ({ ...a, rendered: keyOf(bioScope(a), a.digest) }));
  const bulletins = archive.bulletins.map((b) => ({
    ...b,
    rendered: keyOf(bulletinScope(b, archive.media[b.file]), b.digest),
  }));
  const wanted = [
    ...stories.map((s) => ({
      key: s.rendered,
      scope: introScope(s),
      file: s.file,
      digest: s.digest,
    })),
    ...stories.flatMap(({ briefing, ...s }) =>
      briefing
        ? [
            {
              key: keyOf(briefingScope(s, archive.media[briefing.file]), briefing.digest),
              scope: briefingScope(s, archive.media[briefing.file]),
              file: briefing.file,
              digest: briefing.digest,
            },
          ]
        : [],
    ),
    ...authors.map((a) => ({
      key: a.rendered,
      scope: bioScope(a),
      file: a.file,
      digest: a.digest,
    })),
    ...bulletins
      .toSorted((a, b) => a.instant - b.instant)
      .map((b) => ({
        key: b.rendered,
        scope: bulletinScope(b, archive.media[b.file]),
        file: b.file,
        digest: b.digest,
      })),
  ];
  const sources = new Map(wanted.map((w) => [w.key, w]));
  const present = store.keys();
  const misses: Job[] = wanted
    .filter((w) => !present.has(w.key))
    .map((w) => ({
      key: w.key,
      file: w.file,
      scope: w.scope,
      markdown: bodyOf(byDigest.get(w.digest)!.text),
    }));
  const checked = performance.now();
  const rendering = renderMissing(misses, store, { root, workerCode, version: workerVersion });
  const rendered = rendering.done.then((n) => {
    ctx.logger.info(
      `rendered ${n} bodies (${wanted.length - n} from cache) in ${Math.round(performance.now() - checked)} ms`,
    );
    // Only the bodies of this content state stay in the store.
    store.prune(new Set(wanted.map((w) => w.key)));
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
      if (!store.has(key)) {
        // Pruned meanwhile by another process sharing the cache (a dev server beside a build): render it again.
        const text = readRegularFile(resolve(root, source.file), MAX_TEXT_BYTES).toString('utf8');
        if (fileDigest(text) !== source.digest)
          throw new ContentError(`${source.file} changed during the build; build again`);
        await renderMissing(
          [{ key, file: source.file, scope: source.scope, markdown: bodyOf(text) }],
          store,
          { root, workerCode, version: workerVersion },
        ).done;
      }
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
function sharedSync(ctx: LoaderContext, root: string): Promise<Synced> {
  if (!ctx.watcher) return (last ??= { key: '', synced: syncArchive(ctx, root) }).synced;
  const key = contentSignature(root, config.contentDir);
  if (last?.key !== key) last = { key, synced: syncArchive(ctx, root) };
  return last.synced;
}

function archiveLoader(
  name: string,
  fill: (ctx: LoaderContext, synced: Synced, stale: Set<string>) => Promise<void>,
): Loader {
  return {
    name,
    async load(ctx) {
      const root = fileURLToPath(ctx.config.root);
      const sync = async () => {
        const stale = new Set(ctx.store.keys());
        await fill(ctx, await sharedSync(ctx, root), stale);
        // Whatever was not set again has been deleted or renamed.
        for (const id of stale) ctx.store.delete(id);
      };
      await sync();
      ctx.watcher?.on('all', (_event, path) => {
        if (path.startsWith(resolve(root, config.contentDir))) {
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
export const storiesLoader = () =>
  archiveLoader('dateline-stories', async ({ store, ...ctx }, { archive }, stale) => {
    for (const story of archive.stories) {
      stale.delete(story.slug);
      // The entry changes with its index.md, its summary.md and its translations (set from other stories).
      const digest = fileDigest(
        [story.digest, story.briefing?.digest ?? '', ...story.translations].join('\n'),
      );
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
export const updateCountsLoader = () =>
  archiveLoader('dateline-update-counts', async ({ store, ...ctx }, { storyDigests }, stale) => {
    for (const [story, { count, digest }] of storyDigests) {
      stale.delete(story);
      if (store.get(story)?.digest === digest) continue;
      const data = await ctx.parseData({ id: story, data: { story, count } });
      store.set({ id: story, data, digest });
    }
  });
