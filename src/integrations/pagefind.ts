/**
 * Builds the search index inside `astro build` through Pagefind's Node API, one record per
 * story-day (each update a sub-result under its heading), from the content the loaders published
 * (src/astro/handoff.ts), in at most three tiers per language (src/lib/publish/search-records.ts)
 * that are cached between builds by the digest of their records' inputs: a build indexes only the
 * tiers whose records changed, in Pagefind's own process, starting at `astro:build:start` while
 * Astro renders the pages. A tier of more than `segment` updates is indexed in segments (each
 * cached the same way, one Pagefind process at a time) and merged (src/lib/publish/search-merge.ts),
 * so that Pagefind never holds more than a segment, and an edit indexes one segment again.
 *
 * What goes into `dist/pagefind/`:
 * - Pagefind's browser library and WebAssembly, with the index of one placeholder record per
 *   language (the "stub"): the search page opens one Pagefind instance per tier on top of it, so
 *   that the WebAssembly is fetched once (src/scripts/search-index.ts);
 * - `part/<key>/` per tier: its Pagefind index, named by its key, so it never changes;
 * - `dateline-search.json`: the tiers, oldest first, their languages, and the stub records' ids.
 * Every Pagefind response's `errors` are checked and fail the build, so a site never ships
 * without working search.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { claimOutput, published } from '../astro/handoff.ts';
import { EntryStore, placeEntry } from '../cache/store.ts';
import { codeVersions } from '../cache/versions.ts';
import { cutItems } from '../core/cuts.ts';
import { tierKey } from '../core/cache-keys.ts';
import { createPaths } from '../core/paths.ts';
import type { CustomRecord } from 'pagefind';
import { groupFragments, mergeIndexes } from '../lib/publish/search-merge.ts';
import {
  buildRecord,
  dayIdentity,
  recordInputs,
  searchDays,
  searchLanguage,
  tierItems,
  type SearchDay,
  type SearchManifest,
  type SearchRecord,
} from '../lib/publish/search-records.ts';

/** The files of Pagefind's output each kind of folder keeps: a tier only its index, the stub its index and the browser library. */
const INDEX_FILES = [
  'pagefind-entry\\.json',
  'pagefind\\..*\\.pf_meta',
  'index',
  'fragment',
  'filter',
];
const only = (names: readonly string[]) => new RegExp(`^(${names.join('|')})$`);
const TIER_FILES = only(INDEX_FILES);
const STUB_FILES = only([
  ...INDEX_FILES,
  'pagefind\\.js',
  'pagefind-worker\\.js',
  'wasm\\..*\\.pagefind',
]);

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** Indexes `records` into `outputPath`, keeping only the files matching `keep`. */
async function writeIndex(
  records: readonly (SearchRecord | CustomRecord)[],
  outputPath: string,
  language: string | undefined,
  keep: RegExp,
): Promise<void> {
  // One language per tier (forced); the stub holds a record in each, and keeps each one's index and WebAssembly.
  const { index, errors } = await pagefind.createIndex(language ? { forceLanguage: language } : {});
  check('createIndex', errors);
  if (!index) throw new Error('Pagefind createIndex returned no index');
  const added = await Promise.all(
    records.map((r) => ('language' in r ? index.addCustomRecord(r) : index.addHTMLFile(r))),
  );
  for (const [i, a] of added.entries()) check(`adding ${records[i]!.url}`, a.errors);
  const written = await index.writeFiles({ outputPath });
  check('writeFiles', written.errors);
  // A new Pagefind process for each tier: one process holds on to the memory of every index it
  // wrote (measured: 150 MB after one index of 2,000 records, 415 MB after six).
  await pagefind.close();
  for (const name of readdirSync(outputPath))
    if (!keep.test(name)) rmSync(join(outputPath, name), { recursive: true, force: true });
}

/**
 * The Astro integration. `language` is the site language (ISO 639-1), `locale` formats result
 * dates, `segment` is the most updates Pagefind indexes at once (a tier of more is indexed in
 * segments and merged).
 */
export function datelineSearch(options: {
  language: string;
  locale: string;
  segment: number;
}): AstroIntegration {
  let base = '/';
  let root = '';
  let store: EntryStore | undefined;
  let indexing:
    | Promise<{
        manifest: SearchManifest;
        keys: string[];
        indexed: number;
        records: number;
        segments: number;
        merged: number;
        mergeMs: number;
        ms: number;
      }>
    | undefined;
  return {
    name: 'dateline-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
        store = new EntryStore(join(fileURLToPath(config.cacheDir), 'dateline-search'));
      },
      'astro:build:start': () => {
        const started = performance.now();
        const cache = store!;
        indexing = (async () => {
          const state = published();
          const { versions } = await codeVersions(root);
          const ctx = { paths: createPaths(base), locale: options.locale };
          // Everything besides the records that decides what Pagefind writes.
          const indexer = JSON.stringify({
            code: versions.search,
            language: options.language,
            locale: options.locale,
            segment: options.segment,
            base,
          });
          // A story told in another language is indexed in it (so its words are found in their other
          // grammatical forms), in tiers of its own: a Pagefind index stems in one language.
          const days = searchDays(state.views);
          const languageOf = (d: SearchDay) => searchLanguage(d.story, options.language);
          const languages = [...new Set([options.language, ...days.map(languageOf)])];
          const parts = languages.flatMap((language) =>
            tierItems(
              days.filter((d) => languageOf(d) === language),
              dayIdentity,
            ).map((days) => {
              const segments = cutItems(
                days,
                dayIdentity,
                (d) => d.bulletins.length,
                options.segment,
              );
              return {
                language,
                days,
                key: tierKey(indexer, [language, ...days.map(recordInputs)]),
                // A tier of one segment is indexed as it is; a larger one, segment by segment.
                segments:
                  segments.length === 1
                    ? []
                    : segments.map((list) => ({
                        days: list,
                        key: tierKey(indexer, ['segment', language, ...list.map(recordInputs)]),
                      })),
              };
            }),
          );
          const stubKey = tierKey(indexer, ['stub', ...languages]);
          const missing = parts.filter((p) => !cache.has(p.key));
          if (!cache.has(stubKey)) {
            const dir = cache.scratch(stubKey);
            // One word no reader types: exact searches count the pages a word is on, and must not count this one.
            const stub = (language: string): CustomRecord => ({
              url: `/?stub=${language}`,
              content: 'datelinesearchstub',
              language,
            });
            await writeIndex(languages.map(stub), dir, undefined, STUB_FILES);
            cache.commit(stubKey, dir);
          }
          /** Indexes `days` into the cache entry `key` (a tier, or a segment of one), its fragments in groups. */
          const index = async (days: readonly SearchDay[], language: string, key: string) => {
            // A record of a story in another language gets that language's words (a headline-less update's title).
            const partCtx = language === options.language ? ctx : { ...ctx, locale: language };
            const records = await Promise.all(
              days.map(async (d) => {
                const texts = new Map(
                  await Promise.all(
                    d.bulletins.map(
                      async (b) => [b.id, (await state.body(b.rendered!)).text] as const,
                    ),
                  ),
                );
                return buildRecord(d, texts, partCtx, language);
              }),
            );
            const dir = cache.scratch(key);
            await writeIndex(records, dir, language, TIER_FILES);
            groupFragments(dir);
            cache.commit(key, dir);
          };
          // Each tier (and segment) waits for its own bodies only (they are rendered oldest first).
          let indexed = 0;
          let mergeMs = 0;
          for (const part of missing) {
            if (!part.segments.length) {
              await index(part.days, part.language, part.key);
              indexed += part.days.length;
              continue;
            }
            for (const segment of part.segments)
              if (!cache.has(segment.key)) {
                await index(segment.days, part.language, segment.key);
                indexed += segment.days.length;
              }
            const dir = cache.scratch(part.key);
            const started = performance.now();
            mergeIndexes(
              part.segments.map((segment) => cache.path(segment.key)),
              dir,
            );
            mergeMs += performance.now() - started;
            cache.commit(part.key, dir);
          }
          const stubs = readdirSync(join(cache.path(stubKey), 'fragment')).map((f) =>
            f.replace(/\.pf_fragment$/, ''),
          );
          if (stubs.length !== languages.length)
            throw new Error('the search stub has not a record in each language');
          return {
            manifest: {
              stubs,
              parts: parts.map((p) => p.key),
              languages: parts.map((p) => p.language),
            },
            keys: [
              stubKey,
              ...parts.flatMap((p) => [p.key, ...p.segments.map((segment) => segment.key)]),
            ],
            indexed,
            records: parts.reduce((n, p) => n + p.days.length, 0),
            segments: parts.reduce((n, p) => n + Math.max(1, p.segments.length), 0),
            merged: missing.filter((p) => p.segments.length).length,
            mergeMs,
            ms: performance.now() - started,
          };
        })();
        // Reported at build:done; keep an early failure from being an unhandled rejection meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          if (!indexing || !store) throw new Error('indexing never started');
          const { manifest, keys, indexed, records, segments, merged, mergeMs, ms } =
            await indexing;
          const target = join(fileURLToPath(dir), 'pagefind');
          // The stub's files are placed anew; a tier's folder is named by its key, so one
          // that is already in place (from the last build) is left as it is.
          const stub = store.path(keys[0]!);
          for (const name of readdirSync(stub))
            rmSync(join(target, name), { recursive: true, force: true });
          placeEntry(stub, target);
          for (const key of manifest.parts)
            if (!existsSync(join(target, 'part', key)))
              placeEntry(store.path(key), join(target, 'part', key));
          writeFileSync(join(target, 'dateline-search.json'), JSON.stringify(manifest));
          // Whatever else is in the folder (tiers of earlier builds) is swept away at the end.
          claimOutput({
            files: readdirSync(stub, { recursive: true, encoding: 'utf8' }).map(
              (f) => `pagefind/${f.split('\\').join('/')}`,
            ),
            folders: manifest.parts.map((key) => `pagefind/part/${key}`),
          });
          store.prune(new Set(keys));
          logger.info(
            `search: ${records} story-days in ${manifest.parts.length} tiers, ${indexed} indexed in ${Math.round(ms)} ms alongside the pages; waited ${Math.round(performance.now() - started)} ms for it (${segments} segments, ${merged} tiers merged from them in ${Math.round(mergeMs)} ms)`,
          );
          if (!existsSync(join(target, 'pagefind.js')))
            throw new Error('the search bundle has no pagefind.js');
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
