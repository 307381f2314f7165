/**
 * In `astro dev`, a content error (broken frontmatter saved while previewing) is shown in the
 * browser, not only in the terminal: the loader reports it here (src/loaders/archive.ts) and it
 * goes to Vite's error overlay in every open page, naming the file, the line and the fix. Once the
 * content is valid again, the pages reload.
 */
import type { AstroIntegration } from 'astro';

/** What the loader calls: a content error, or that the content is valid again. */
export interface DevErrorReporter {
  report(error: { message: string; file?: string | undefined; line?: number | undefined }): void;
  clear(): void;
}

const SLOT = Symbol.for('dateline.dev-errors');
type Slot = { [SLOT]?: DevErrorReporter };

/** The reporter of the running dev server, if there is one. */
export const devErrors = (): DevErrorReporter | undefined => (globalThis as Slot)[SLOT];

export function datelineDevErrors(): AstroIntegration {
  return {
    name: 'dateline-dev-errors',
    hooks: {
      'astro:server:setup': ({ server }) => {
        let shown = false;
        (globalThis as Slot)[SLOT] = {
          report: ({ message, file, line }) => {
            shown = true;
            server.ws.send({
              type: 'error',
              err: { message, stack: '', plugin: 'dateline', ...(file ? { id: file, loc: { file, line: line ?? 1, column: 1 } } : {}) },
            });
          },
          clear: () => {
            if (!shown) return;
            shown = false;
            server.ws.send({ type: 'full-reload' });
          },
        };
      },
    },
  };
}
