/**
 * Render process: renders batches of Markdown bodies with the site's pipeline and stores them
 * (see pool.ts). A child process rather than a worker thread: its memory goes back to the system
 * when it exits, instead of staying with the build for the rest of it.
 */
import { EntryStore } from '../cache/store.ts';
import { renderJob, type Job } from './job.ts';

// Started with the render store's folder as its argument; only ever run by pool.ts.
if (process.send && process.argv[2]) {
  const store = new EntryStore(process.argv[2]);
  const render = async (jobs: Job[]) => {
    try {
      for (const job of jobs) store.write(job.key, await renderJob(job));
      process.send!({ done: jobs.length });
    } catch (err) {
      process.send!({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  process.on('message', (jobs: Job[]) => void render(jobs));
}
