/**
 * Searches the partitioned index the build writes (src/integrations/pagefind.ts) as one index.
 *
 * One Pagefind instance per partition, all on top of the same placeholder index (the "stub"), so
 * that they share one download and one copy of Pagefind's WebAssembly. Each partition is searched
 * on its own, which makes two things possible that Pagefind's own `mergeIndex` cannot do:
 * - a date order across partitions: partitions hold consecutive stretches of time, so the
 *   newest-first list is each partition's own newest-first list, partition after partition;
 * - one answer per word: Pagefind searches a word that an index lacks by the longest shorter word
 *   it has (`zq03x07` finds every page with `zq`), which in a partitioned index returns pages of
 *   partitions that lack a word that others have. Those partitions are left out (see `answersWord`).
 */

import type { SearchManifest } from '../lib/publish/search-records.ts';

/** The fragment of one result: what the result list shows. */
export interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: { title?: string; when?: string };
  filters?: Record<string, string[]>;
}

/** One result of one partition. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Where in the text the words were found (none when only metadata matched). */
  words?: number[];
  /** The metadata fields that matched. */
  matchedMetaFields?: string[];
  data(): Promise<ResultData>;
}

export interface SearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of a Pagefind instance used here (https://pagefind.app/docs/api/). */
export interface PagefindInstance {
  init(language?: string): Promise<void>;
  mergeIndex(
    path: string,
    options?: {
      baseUrl?: string;
      metaCacheTag?: string;
      ranking?: typeof RANKING;
      language?: string;
    },
  ): Promise<void>;
  filters?(): Promise<FilterCounts>;
  search(
    term: string | null,
    options?: SearchOptions,
  ): Promise<{
    results: PagefindResult[];
    unfilteredResultCount?: number;
    filters?: FilterCounts;
  } | null>;
}

interface PagefindModule {
  createInstance(options: {
    basePath: string;
    baseUrl: string;
    excerptLength?: number;
    metaCacheTag?: string;
    ranking?: typeof RANKING;
    language?: string;
  }): PagefindInstance;
}

/**
 * Pagefind searches a record's metadata too. The headline (`title`) should be found; the moment
 * (`when`) should not: it gets no weight, and a result found in nothing but it is dropped.
 */
const RANKING = { metaWeights: { when: 0 } };

/** Whether a result was found in the text or the headline (not only in other metadata). */
export const foundInText = (r: PagefindResult): boolean =>
  (r.words?.length ?? 1) > 0 || (r.matchedMetaFields ?? []).includes('title');

/** How many results have each value of each filter (Pagefind's `filters` in a search response). */
export type FilterCounts = Record<string, Record<string, number>>;

/** What a search finds: its results, merged, and how many of them have each filter value. */
export interface Found {
  results: PagefindResult[];
  counts: FilterCounts;
}

/** Adds up the filter counts of several partitions. */
export function sumCounts(list: readonly (FilterCounts | undefined)[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of list) {
    for (const [name, values] of Object.entries(counts ?? {})) {
      const into = (sum[name] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return sum;
}

/** Results in the order asked for: a sort key, or best match first. */
export type Order = 'best' | 'newest' | 'oldest';

/**
 * A query's words as Pagefind compares them: lower case, accents removed, split at anything but
 * letters and digits.
 */
export function queryWords(term: string): string[] {
  return term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a result's matched text has a word that starts with `word` (a typed prefix: `polic` → police). */
export function matchesPrefix(
  data: Pick<ResultData, 'content' | 'locations'>,
  word: string,
): boolean {
  const tokens = data.content.split(/\s+/);
  return data.locations.some((i) =>
    queryWords(tokens[i] ?? '').some((part) => part.startsWith(word)),
  );
}

/** A filter no record has: a search with it ranks nothing, and still counts the pages the words match. */
const NOTHING: SearchOptions = { filters: { story: '\u0000' } };

/** Whether a partition holds `word` itself, stemmed as Pagefind stems it (an exact search counts those pages). */
export async function holdsWord(instance: PagefindInstance, word: string): Promise<boolean> {
  return ((await instance.search(`"${word}"`, NOTHING))?.unfilteredResultCount ?? 0) > 0;
}

/**
 * Whether a partition answered `word` by the word itself rather than by Pagefind's stand-in (a
 * shorter word the partition has): it holds the word, or its best match `top` has a word starting
 * with it (the reader is typing the start of a longer word).
 */
export async function answersWord(
  holds: boolean,
  top: PagefindResult,
  word: string,
): Promise<boolean> {
  return holds || matchesPrefix(await top.data(), word);
}

/** Merges the partitions' results: by score for the best match, else partition after partition (oldest partition first for `oldest`). */
export function mergeResults(lists: readonly PagefindResult[][], order: Order): PagefindResult[] {
  if (order === 'best') return lists.flat().sort((a, b) => b.score - a.score);
  return (order === 'newest' ? [...lists].reverse() : lists).flat();
}

/**
 * Searches every partition (`parts`, oldest first) and merges their results: each partition that
 * answered a word by Pagefind's stand-in while another partition has the word is left out, and the
 * stub's placeholder record never shows. Whether each partition holds each word is asked at the
 * same time as the search itself. The filter counts are the sums over the partitions kept.
 */
export async function searchPartitions(
  parts: readonly PagefindInstance[],
  stubs: ReadonlySet<string>,
  term: string | null,
  filters: Record<string, string>,
  order: Order,
): Promise<Found> {
  const options: SearchOptions = Object.keys(filters).length ? { filters } : {};
  if (order !== 'best') options.sort = { date: order === 'newest' ? 'desc' : 'asc' };
  const words = term ? queryWords(term) : [];
  const [responses, holds] = await Promise.all([
    Promise.all(parts.map((p) => p.search(term, options))),
    Promise.all(words.map((word) => Promise.all(parts.map((p) => holdsWord(p, word))))),
  ]);
  const found = responses.map((r) =>
    (r?.results ?? []).filter((x) => !stubs.has(x.id) && (term === null || foundInText(x))),
  );
  let keep = found.map((list) => list.length > 0);
  for (const [w, word] of words.entries()) {
    const answers = await Promise.all(
      // A partition already left out answers `false` at once, without a promise.
      // eslint-disable-next-line @typescript-eslint/await-thenable
      found.map((list, i) => (keep[i] ? answersWord(holds[w]![i]!, list[0]!, word) : false)),
    );
    // Only where some partition has the word: otherwise every partition's stand-in is the answer.
    if (answers.some(Boolean)) keep = answers;
  }
  return {
    results: mergeResults(
      found.filter((_, i) => keep[i]),
      order,
    ),
    counts: sumCounts(responses.filter((_, i) => keep[i]).map((r) => r?.filters)),
  };
}

/** The partitioned index, opened once per page. */
export class PartitionedIndex {
  private constructor(
    private readonly manifest: SearchManifest,
    private readonly parts: PagefindInstance[],
  ) {}

  /** Opens the index in `bundle` (the URL of `pagefind/`, under the site's base path). */
  static async open(bundle: string): Promise<PartitionedIndex> {
    const [manifest, pf] = await Promise.all([
      fetch(`${bundle}dateline-search.json`).then((r) => r.json() as Promise<SearchManifest>),
      import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>,
    ]);
    // Record URLs already carry the site's base path, so Pagefind must not add one.
    // An instance starts loading as it is created. The first loads the WebAssembly; the others,
    // created once it has, reuse it (started together, each would load and start its own).
    // Instances search in one language each (Pagefind stems words per language): per language, the
    // first loads that language's WebAssembly from the stub, and its other partitions follow.
    const open = (language: string) =>
      pf.createInstance({
        basePath: bundle,
        baseUrl: '/',
        excerptLength: 30,
        metaCacheTag: manifest.stubs.join('-'),
        ranking: RANKING,
        language,
      });
    const parts: PagefindInstance[] = [];
    for (const language of new Set(manifest.languages)) {
      const first = open(language);
      await first.init(language);
      manifest.languages.forEach((l, i) => {
        if (l === language)
          parts[i] = i === manifest.languages.indexOf(language) ? first : open(language);
      });
    }
    // Loading every filter's index up front (`filters()`): Pagefind counts only the filters whose
    // index it has loaded, and the search page shows counts for all of them from the first query.
    await Promise.all(
      parts.map((p, i) =>
        p
          .init(manifest.languages[i])
          // Options are not inherited by a merged index: the ranking and language are given again.
          .then(() =>
            p.mergeIndex(`${bundle}part/${manifest.parts[i]}/`, {
              baseUrl: '/',
              metaCacheTag: manifest.parts[i]!,
              ranking: RANKING,
              language: manifest.languages[i]!,
            }),
          )
          .then(() => p.filters?.()),
      ),
    );
    return new PartitionedIndex(manifest, parts);
  }

  /** Every update found for `term` (or, with no words, every update the filters allow), merged in `order`, with filter counts. */
  search(term: string | null, filters: Record<string, string>, order: Order): Promise<Found> {
    return searchPartitions(this.parts, new Set(this.manifest.stubs), term, filters, order);
  }
}
