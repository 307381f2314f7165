/** One body to render, shared by the render pool and its child processes. */
import { renderMarkdown, type RenderOptions, type ScopeOptions } from '../lib/markdown/pipeline.ts';

/** One body to render, and the key it is stored under. */
export interface Job {
  key: string;
  /** The Markdown file, project-relative: named when rendering it fails. */
  file: string;
  markdown: string;
  scope: ScopeOptions;
  /** The pipeline's options (part of the key). */
  options: RenderOptions;
}

/** Renders one job; a failure names its file (the content checks should have refused the input: src/lib/content/limits.ts). */
export async function renderJob(job: Job): Promise<string> {
  try {
    return JSON.stringify(await renderMarkdown(job.markdown, job.scope, job.options));
  } catch (err) {
    throw new Error(
      `${job.file}: could not be rendered (${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}); please report this to Dateline's developers with the file`,
      { cause: err },
    );
  }
}
