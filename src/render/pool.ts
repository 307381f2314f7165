/**
 * Renders Markdown bodies into the render store, each once across builds.
 * - The store (src/cache/store.ts) holds one entry per `renderKey` (the pipeline's code, the id
 *   scope and the file's text), so an unchanged bulletin is never rendered again and a page reads
 *   only the bodies it shows: a rebuild after adding one bulletin renders one body and reads a
 *   few, whatever the size of the archive.
 * - Misses are rendered in child processes, one per core, when there are many: unified takes about
 *   1 ms per bulletin, which one thread would pay serially (10 s at 10,000 bulletins). Processes,
 *   not worker threads: the memory a worker thread used stays with the build after it ends.
 * The worker is bundled by src/cache/versions.ts (Node cannot load the TypeScript sources as they are).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import type { EntryStore } from '../cache/store.ts';
import { renderJob, type Job } from './job.ts';
import type { JobText, PlannedJob } from './plan.ts';

export type { Job } from './job.ts';

/** Below this many misses, starting workers costs more than it saves. */
const INLINE_LIMIT = 150;
const BATCH = 100;

async function renderInWorkers(
  jobs: readonly PlannedJob[],
  textOf: JobText,
  workerFile: string,
  dir: string,
  workers: number,
  onDone: (batch: readonly PlannedJob[]) => void,
): Promise<void> {
  const queue = Array.from({ length: Math.ceil(jobs.length / BATCH) }, (_, i) =>
    jobs.slice(i * BATCH, (i + 1) * BATCH),
  );
  const run = async () => {
    // A small young generation: a body is short-lived garbage, and V8's default let each process
    // grow to 220 MB in a build (measured: a cold 10,000-bulletin build then peaked over 1.5 GB in all).
    const worker = fork(workerFile, [dir], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--max-semi-space-size=8'],
    });
    let fail: (err: unknown) => void = () => undefined;
    worker.on('error', (err) => fail(err));
    let current: readonly PlannedJob[] = [];
    worker.on('exit', (code) =>
      fail(
        new Error(
          `a render process exited (${code}) while rendering ${current.length} files, from ${current[0]?.file} to ${current.at(-1)?.file}`,
        ),
      ),
    );
    try {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        current = batch;
        const reply = await new Promise<{ done?: number; error?: string }>((resolve, reject) => {
          fail = reject;
          worker.once('message', resolve);
          worker.send(batch.map((job): Job => ({ ...job, markdown: textOf(job) })));
        });
        if (reply.error) throw new Error(reply.error);
        onDone(batch);
      }
    } finally {
      fail = () => undefined;
      worker.kill();
    }
  };
  await Promise.all(Array.from({ length: workers }, run));
}

/** Rendering in progress: when it is all done, and when one key is. */
export interface Rendering {
  /** How many bodies were rendered, once all are in the store. */
  done: Promise<number>;
  /** Settles when `key` is in the store (at once for a key that was not missing). */
  ready(key: string): Promise<void>;
}

/**
 * Renders `misses` (jobs whose key `store` lacks), in their order, into the store. Each body is
 * ready as soon as its batch is: the search index and the pages need not wait for the rest.
 * `workerCode` is the bundled worker and `version` its version (src/cache/versions.ts); `root`
 * the project root (the bundle imports packages by name, so it is written inside the project).
 */
export function renderMissing(
  misses: readonly PlannedJob[],
  textOf: JobText,
  store: EntryStore,
  options: { root: string; workerCode: string; version: string },
): Rendering {
  const pending = new Map(misses.map((job) => [job.key, Promise.withResolvers<void>()]));
  for (const { promise } of pending.values()) promise.catch(() => undefined);
  const finish = (batch: readonly PlannedJob[]) => {
    for (const job of batch) pending.get(job.key)?.resolve();
  };
  const done = (async () => {
    const workers = Math.max(1, Math.min(availableParallelism(), 4));
    if (misses.length > INLINE_LIMIT && workers > 1) {
      // Named by its version and never deleted while builds may share it (a few kB each).
      const dir = join(options.root, 'node_modules', '.dateline');
      const workerFile = join(dir, `render-worker-${options.version}.mjs`);
      if (!existsSync(workerFile)) {
        mkdirSync(dir, { recursive: true });
        const tmp = `${workerFile}.${process.pid}.tmp`;
        writeFileSync(tmp, options.workerCode);
        renameSync(tmp, workerFile);
      }
      await renderInWorkers(misses, textOf, workerFile, store.dir, workers, finish);
    } else {
      for (const job of misses) {
        store.write(job.key, await renderJob({ ...job, markdown: textOf(job) }));
        finish([job]);
      }
    }
    return misses.length;
  })();
  done.catch((err: unknown) => {
    for (const { reject } of pending.values()) reject(err);
  });
  return { done, ready: (key) => pending.get(key)?.promise ?? Promise.resolve() };
}
