/**
 * In `astro dev`, a content error (broken frontmatter saved while previewing) is shown in the
 * browser, not only in the terminal: the loader reports it (src/astro/loader.ts, through src/astro/handoff.ts) and it
 * goes to Vite's error overlay in every open page, naming the file, the line and the fix. Once the
 * content is valid again, the pages reload.
 */
import type { AstroIntegration } from 'astro';
import { setDevErrorReporter } from '../astro/handoff.ts';

export function datelineDevErrors(): AstroIntegration {
  return {
    name: 'dateline-dev-errors',
    hooks: {
      'astro:server:setup': ({ server }) => {
        let shown = false;
        setDevErrorReporter({
          report: ({ message, file, line }) => {
            shown = true;
            server.ws.send({
              type: 'error',
              err: {
                message,
                stack: '',
                plugin: 'dateline',
                ...(file ? { id: file, loc: { file, line: line ?? 1, column: 1 } } : {}),
              },
            });
          },
          clear: () => {
            if (!shown) return;
            shown = false;
            server.ws.send({ type: 'full-reload' });
          },
        });
      },
    },
  };
}
