/**
 * Renders every Markdown body once, during content sync, and remembers the result across builds.
 * - A cache file in Astro's cache folder maps a hash of (pipeline, body, scope) to its HTML and
 *   text, so an unchanged bulletin is never rendered again: a rebuild after adding one bulletin
 *   renders one.
 * - Misses are rendered in worker threads, one per core: unified takes about 1 ms per bulletin,
 *   which one thread would pay serially (10 s at 10,000 bulletins).
 * The worker is bundled with esbuild (Node cannot load the TypeScript sources as they are).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { renderMarkdown, type Rendered } from '../lib/markdown';
import type { Job } from './worker';

/** Below this many misses, starting workers costs more than it saves. */
const INLINE_LIMIT = 150;
const BATCH = 100;

interface CacheFile {
  version: string;
  entries: Record<string, Rendered>;
}

let workerCode: Promise<{ code: string; version: string }> | undefined;

/** The worker bundled into one ES module; its hash (with the dependency versions) versions the cache. */
function bundleWorker(root: string): Promise<{ code: string; version: string }> {
  workerCode ??= (async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const deps = readFileSync(join(root, 'package.json'), 'utf8');
    return { code, version: createHash('sha256').update(code).update(deps).digest('hex').slice(0, 16) };
  })();
  return workerCode;
}

const hashJob = (version: string, job: Job) =>
  createHash('sha1').update(version).update('\0').update(job.scope.idPrefix).update('\0').update(String(job.scope.topHeading)).update('\0').update(job.markdown).digest('base64url');

function readCache(file: string, version: string): Record<string, Rendered> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return data.version === version ? data.entries : {};
  } catch {
    return {};
  }
}

async function renderInWorkers(jobs: Job[], workerFile: string, threads: number): Promise<Map<string, Rendered>> {
  const out = new Map<string, Rendered>();
  const queue = Array.from({ length: Math.ceil(jobs.length / BATCH) }, (_, i) => jobs.slice(i * BATCH, (i + 1) * BATCH));
  const run = async () => {
    const worker = new Worker(workerFile);
    let fail: (err: unknown) => void = () => undefined;
    worker.on('error', (err) => fail(err));
    try {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const results = await new Promise<(Rendered & { key: string })[]>((resolve, reject) => {
          fail = reject;
          worker.once('message', resolve);
          worker.postMessage(batch);
        });
        for (const { key, html, text } of results) out.set(key, { html, text });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, run));
  return out;
}

/**
 * Renders `jobs`, using and refreshing the cache in `cacheDir`. Returns the results by job key.
 * `root` is the project root (for resolving packages and versioning the cache).
 */
export async function renderAll(jobs: Job[], options: { root: string; cacheDir: string }): Promise<{ rendered: Map<string, Rendered>; misses: number }> {
  const { code, version } = await bundleWorker(options.root);
  const cacheFile = join(options.cacheDir, 'dateline-rendered.json');
  const cached = readCache(cacheFile, version);
  const hashes = new Map(jobs.map((job) => [job.key, hashJob(version, job)]));
  const misses = jobs.filter((job) => !cached[hashes.get(job.key)!]);

  let fresh: Map<string, Rendered>;
  const threads = Math.max(1, Math.min(availableParallelism(), 4));
  if (misses.length > INLINE_LIMIT && threads > 1) {
    // The bundle imports packages by name: write it inside the project so they resolve.
    const dir = join(options.root, 'node_modules', '.dateline');
    const workerFile = join(dir, `render-worker-${version}.mjs`);
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (old.startsWith('render-worker-')) rmSync(join(dir, old), { force: true });
    writeFileSync(workerFile, code);
    fresh = await renderInWorkers(misses, workerFile, threads);
  } else {
    fresh = new Map(await Promise.all(misses.map(async (job) => [job.key, await renderMarkdown(job.markdown, job.scope)] as const)));
  }

  const rendered = new Map<string, Rendered>();
  const entries: Record<string, Rendered> = {};
  for (const job of jobs) {
    const hash = hashes.get(job.key)!;
    const result = cached[hash] ?? fresh.get(job.key);
    if (!result) throw new Error(`rendering ${job.key} produced nothing`);
    rendered.set(job.key, result);
    entries[hash] = result;
  }
  if (misses.length || Object.keys(cached).length !== Object.keys(entries).length) {
    // Written in the background: the pages and the search index need the results, not the file.
    mkdirSync(options.cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFile(tmp, JSON.stringify({ version, entries } satisfies CacheFile))
      .then(() => rename(tmp, cacheFile))
      .catch((err: unknown) => console.warn(`dateline: could not write the render cache: ${String(err)}`));
  }
  return { rendered, misses: misses.length };
}
