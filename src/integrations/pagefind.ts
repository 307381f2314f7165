/**
 * Builds the Pagefind index inside `astro build` (astro:build:done) through Pagefind's Node API:
 * one record per bulletin, taken from the day pages. Every Pagefind response's `errors` are
 * checked; any error fails the build, so a site never ships without working search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { extractRecords } from '../lib/search';

const DAY_DIR = /^\d{4}-\d{2}-\d{2}$/;

/** Paths of every day page (`stories/<slug>/<YYYY-MM-DD>/index.html`) under `dist`. */
export function findDayPages(dist: string): string[] {
  const storiesDir = join(dist, 'stories');
  let stories: string[];
  try {
    stories = readdirSync(storiesDir);
  } catch {
    return [];
  }
  return stories.flatMap((story) => {
    let days: string[];
    try {
      days = readdirSync(join(storiesDir, story));
    } catch {
      return [];
    }
    return days.filter((d) => DAY_DIR.test(d)).map((d) => join(storiesDir, story, d, 'index.html'));
  });
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** The Astro integration. `language` is the site language (ISO 639-1). */
export function datelineSearch(options: { language: string }): AstroIntegration {
  return {
    name: 'dateline-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const pages = findDayPages(dist);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
        check('createIndex', errors);
        if (!index) throw new Error('Pagefind createIndex returned no index');
        let records = 0;
        try {
          for (const page of pages) {
            for (const record of extractRecords(readFileSync(page, 'utf8'), options.language)) {
              const added = await index.addCustomRecord(record);
              check(`addCustomRecord(${record.url})`, added.errors);
              records++;
            }
          }
          const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
          check('writeFiles', written.errors);
        } finally {
          await pagefind.close();
        }
        logger.info(`indexed ${records} updates from ${pages.length} day pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
