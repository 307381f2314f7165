/** Writes `_headers` (src/lib/publish/headers.ts) into the output at the end of the build, for the configured base, mirrors and embeds' framers. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, type HeadersOptions } from '../lib/publish/headers.ts';

export function datelineHeaders(options: HeadersOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'dateline-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersFile(base, options));
      },
    },
  };
}
