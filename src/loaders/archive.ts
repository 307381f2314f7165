/**
 * Content-layer loaders for stories and bulletins. They read `content/` themselves (not Astro's
 * glob loader) so that frontmatter dates keep their written offsets, the checks in
 * `src/lib/archive.ts` run over all files at once, and only metadata goes into the data store:
 * bodies are rendered here, once, in worker threads and through a cache (src/render/pool.ts), and
 * handed to the pages and the search index in memory (../shared/perf-notes.md: a data store
 * holding every body and its HTML makes large archives build several times slower).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { config } from '../config';
import { buildArchive, formatProblem, type Archive, type SourceFile } from '../lib/archive';
import { renderAll } from '../render/pool';
import { publish, renderKey, type Published } from '../render/registry';

/** Every `.md` file below `dir`, with paths relative to `root` written with `/`. */
export function readSourceFiles(root: string, dir: string): SourceFile[] {
  const base = resolve(root, dir);
  let names: string[];
  try {
    names = readdirSync(base, { recursive: true, encoding: 'utf8' });
  } catch {
    throw new Error(`Dateline: the content folder ${dir}/ does not exist (set contentDir in src/config.ts)`);
  }
  return names
    .filter((name) => name.toLowerCase().endsWith('.md') && statSync(resolve(base, name)).isFile())
    .map((name) => {
      const full = resolve(base, name);
      return { path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
    });
}

/** Thrown when the content has problems: the message lists every one of them. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * The build's clock: bulletins dated later are held back. DATELINE_NOW (an ISO datetime) fixes it,
 * for tests and for previewing a schedule.
 */
export function buildClock(): number {
  const fixed = process.env['DATELINE_NOW'];
  if (!fixed) return Date.now();
  const t = Date.parse(fixed);
  if (Number.isNaN(t)) throw new Error(`DATELINE_NOW="${fixed}" is not a datetime (use e.g. 2022-01-07T12:00:00Z)`);
  return t;
}

/** Reads and validates the whole archive; throws a ContentError listing every problem. */
export function loadArchive(root: string, dir: string = config.contentDir, now: number = buildClock()): { files: SourceFile[]; archive: Archive } {
  const files = readSourceFiles(root, dir);
  // Paths are reported relative to the project root, also for a content folder elsewhere.
  const archive = buildArchive(files, relative(root, resolve(root, dir)).split(sep).join('/'), {
    now,
    exists: (path) => existsSync(resolve(root, path)),
  });
  const { problems } = archive;
  if (problems.length) {
    throw new ContentError(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in ${dir}/:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
  }
  return { files, archive };
}

interface Synced {
  files: SourceFile[];
  archive: Archive;
}

/**
 * Reads and validates everything, publishes it, and starts rendering every body (in worker
 * threads, through the cache); the pages and the search index wait for the rendering, Astro's
 * bundling does not.
 */
function syncArchive(ctx: LoaderContext, root: string): Synced {
  const started = performance.now();
  const { files, archive } = loadArchive(root);
  const jobs = [
    ...archive.stories.map((s) => ({ key: renderKey(s.slug, 'index'), markdown: s.intro, scope: { idPrefix: 'intro', topHeading: 2 } })),
    ...archive.bulletins.map((b) => ({ key: renderKey(b.story, b.id), markdown: archive.bodies.get(b.file)!, scope: { idPrefix: b.id, topHeading: 4 } })),
  ];
  const rendering = renderAll(jobs, { root, cacheDir: fileURLToPath(ctx.config.cacheDir) }).then(({ rendered, misses }) => {
    ctx.logger.info(`rendered ${misses} bodies (${jobs.length - misses} from cache) in ${Math.round(performance.now() - started)} ms`);
    return rendered;
  });
  // Whoever awaits it reports a failure; this only keeps it from being "unhandled" meanwhile.
  rendering.catch(() => undefined);
  const state: Published = { stories: archive.stories, bulletins: archive.bulletins, rendered: rendering };
  publish(state);
  const count = (reason: string) => archive.held.filter((h) => h.reason === reason).length;
  const held = archive.held.length ? `; held back: ${count('draft')} draft(s), ${count('scheduled')} scheduled` : '';
  ctx.logger.info(`${archive.stories.length} stories, ${archive.bulletins.length} bulletins${held} read and checked in ${Math.round(performance.now() - started)} ms`);
  return { files, archive };
}

let last: { key: string; synced: Synced } | undefined;

/** One sync per content state: the second loader reuses the first one's (files are compared by size and time). */
function sharedSync(ctx: LoaderContext, root: string): Synced {
  const base = resolve(root, config.contentDir);
  let key = '';
  try {
    for (const name of readdirSync(base, { recursive: true, encoding: 'utf8' }).sort()) {
      const stat = statSync(resolve(base, name));
      key += `${name}\0${stat.size}\0${stat.mtimeMs}\0`;
    }
  } catch {
    // A missing folder: loadArchive reports it.
  }
  if (last?.key !== key) last = { key, synced: syncArchive(ctx, root) };
  return last.synced;
}

function archiveLoader(name: string, fill: (ctx: LoaderContext, synced: Synced, stale: Set<string>) => Promise<void>): Loader {
  return {
    name,
    async load(ctx) {
      const root = fileURLToPath(ctx.config.root);
      const sync = async () => {
        const stale = new Set(ctx.store.keys());
        await fill(ctx, sharedSync(ctx, root), stale);
        // Whatever was not set again has been deleted or renamed.
        for (const id of stale) ctx.store.delete(id);
      };
      await sync();
      ctx.watcher?.on('all', (_event, path) => {
        if (path.startsWith(resolve(root, config.contentDir)) && path.endsWith('.md')) {
          sync().catch((err: unknown) => ctx.logger.error(err instanceof Error ? err.message : String(err)));
        }
      });
    },
  };
}

/** Stories: one entry per `content/<slug>/index.md`. */
export const storiesLoader = () =>
  archiveLoader('dateline-stories', async ({ store, parseData, generateDigest }, { files, archive }, stale) => {
    const texts = new Map(files.map((f) => [f.path, f.text]));
    for (const story of archive.stories) {
      stale.delete(story.slug);
      const data = await parseData({ id: story.slug, data: story, filePath: story.file });
      store.set({ id: story.slug, data, filePath: story.file, digest: generateDigest(texts.get(story.file)!) });
    }
  });

/** Bulletins: metadata only, keyed `<story>/<update-id>`; the digest covers the whole file, body included. */
export const bulletinsLoader = () =>
  archiveLoader('dateline-bulletins', async ({ store, parseData, generateDigest }, { files, archive }, stale) => {
    const texts = new Map(files.map((f) => [f.path, f.text]));
    for (const b of archive.bulletins) {
      const id = renderKey(b.story, b.id);
      stale.delete(id);
      const digest = generateDigest(texts.get(b.file)!);
      // Unchanged since the last build: already validated and stored.
      if (store.get(id)?.digest === digest) continue;
      const data = await parseData({ id, data: b, filePath: b.file });
      store.set({ id, data, filePath: b.file, digest });
    }
  });
