/**
 * Builds the Pagefind index inside `astro build` through Pagefind's Node API: one record per
 * bulletin, from the content the loaders published (src/render/registry.ts). Indexing starts at
 * `astro:build:start`, right after content sync, and runs in Pagefind's own process while Astro
 * renders the pages: the index is written to a folder in Astro's cache and moved into the output
 * at `astro:build:done` (the output folder is emptied during the build). Every Pagefind response's
 * `errors` are checked and fail the build, so a site never ships without working search.
 */
import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { createPaths } from '../lib/paths';
import { buildRecords } from '../lib/search';
import { buildStoryViews } from '../lib/timeline';
import { published, renderKey } from '../render/registry';

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** The Astro integration. `language` is the site language (ISO 639-1), `locale` formats result dates. */
export function datelineSearch(options: { language: string; locale: string }): AstroIntegration {
  let base = '/';
  let staging = '';
  let indexing: Promise<{ records: number; ms: number }> | undefined;
  return {
    name: 'dateline-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        staging = join(fileURLToPath(config.cacheDir), 'dateline-pagefind');
      },
      'astro:build:start': () => {
        const started = performance.now();
        indexing = (async () => {
          const state = published();
          if (!state) throw new Error('the content loaders published nothing to index');
          // Past 8,000 records Pagefind bundles fragments into shared files, so large archives stay
          // well within static hosts' file limits (Cloudflare Pages: 20,000).
          const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language, maxFragments: 8000 });
          check('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const rendered = await state.rendered;
          const records = buildRecords(
            buildStoryViews(state.stories, state.bulletins),
            (story, id) => rendered.get(renderKey(story, id))?.text,
            { paths: createPaths(base), locale: options.locale },
            options.language,
          );
          const added = await Promise.all(records.map((r) => index.addCustomRecord(r)));
          for (const [i, a] of added.entries()) check(`addCustomRecord(${records[i]!.url})`, a.errors);
          rmSync(staging, { recursive: true, force: true });
          const written = await index.writeFiles({ outputPath: staging });
          check('writeFiles', written.errors);
          return { records: records.length, ms: performance.now() - started };
        })();
        // Reported at build:done; keep an early failure from being an unhandled rejection meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          if (!indexing) throw new Error('indexing never started');
          const { records, ms } = await indexing;
          const target = join(fileURLToPath(dir), 'pagefind');
          rmSync(target, { recursive: true, force: true });
          try {
            renameSync(staging, target);
          } catch {
            cpSync(staging, target, { recursive: true }); // another file system
          }
          logger.info(`indexed ${records} updates in ${Math.round(ms)} ms alongside the pages; waited ${Math.round(performance.now() - started)} ms for it`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
