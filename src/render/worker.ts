/** Worker thread: renders batches of Markdown bodies with the site's pipeline and stores them (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { EntryStore } from '../cache/store';
import { renderMarkdown, type ScopeOptions } from '../lib/markdown';

/** One body to render, and the key it is stored under. */
export interface Job {
  key: string;
  markdown: string;
  scope: ScopeOptions;
}

const store = new EntryStore((workerData as { dir: string } | undefined)?.dir ?? '');

parentPort?.on('message', async (jobs: Job[]) => {
  try {
    for (const job of jobs) store.write(job.key, JSON.stringify(await renderMarkdown(job.markdown, job.scope)));
    parentPort?.postMessage({ done: jobs.length });
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
