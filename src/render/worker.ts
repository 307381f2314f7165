/** Worker thread: renders batches of Markdown bodies with the site's pipeline (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { renderMarkdown, type ScopeOptions } from '../lib/markdown';

/** One body to render. */
export interface Job {
  key: string;
  markdown: string;
  scope: ScopeOptions;
}

parentPort?.on('message', async (jobs: Job[]) => {
  const out = [];
  for (const job of jobs) out.push({ key: job.key, ...(await renderMarkdown(job.markdown, job.scope)) });
  parentPort?.postMessage(out);
});
