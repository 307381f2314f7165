/**
 * Searches the index the build writes (src/integrations/pagefind.ts): per language, at most three
 * tiers of consecutive story-days, each day a record whose updates are sub-results.
 *
 * One Pagefind instance per tier, all on top of the same placeholder index (the "stub"), so that
 * they share one download and one copy of Pagefind's WebAssembly. Each tier is searched on its own,
 * which makes two things possible that Pagefind's own `mergeIndex` cannot do:
 * - a date order across tiers: tiers hold consecutive stretches of time, so the newest-first list
 *   is each tier's own newest-first list, tier after tier;
 * - one answer per word: Pagefind searches a word that an index lacks by the longest shorter word
 *   it has (`zq03x07` finds every page with `zq`), which in a tiered index returns pages of tiers
 *   that lack a word that others have. Those tiers are left out (see `searchTiers`).
 * Nothing is fetched until the first search; filter counts are asked for after the results.
 */

import type { SearchManifest } from '../lib/publish/search-records.ts';
import { decodeUpdates, tagHash, type UpdateFlags } from '../lib/publish/search-meta.ts';

/** A heading Pagefind found in a record: an update's headline, its id the update id. */
export interface Anchor {
  element: string;
  id: string;
  text: string;
  /** Index of its first word in `content`. */
  location: number;
}

/** A part of a record Pagefind found the words in: one update, under its heading. */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}

/** The fragment of one result (a story-day): what the result list is made from. */
export interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: { u?: string };
  filters?: Record<string, string[]>;
  anchors?: Anchor[];
  sub_results?: SubResult[];
}

/** One result of one tier: a story-day. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Where in the text the words were found (none when only metadata matched). */
  words?: number[];
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
  preload?(term: string): Promise<void>;
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
    /** Search on the page's own thread instead of Pagefind's shared worker. */
    noWorker?: boolean;
  }): PagefindInstance;
}

/** Pagefind searches a record's metadata too; the updates' flags (`u`) are not text and get no weight. */
const RANKING = { metaWeights: { u: 0 } };

/** Whether a result was found in the text (not only in its metadata). */
export const foundInText = (r: PagefindResult): boolean => (r.words?.length ?? 1) > 0;

/** How many results have each value of each filter (Pagefind's `filters` in a search response). */
export type FilterCounts = Record<string, Record<string, number>>;

/** What a search finds: the story-days, merged, and how many of them have each filter value (when counted). */
export interface Found {
  pages: PagefindResult[];
  counts: FilterCounts;
}

/** Adds up the filter counts of several tiers. */
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

/**
 * Whether a tier holds `word` itself, stemmed as Pagefind stems it: an exact search finds only
 * those pages (its results are not read, so no fragment is fetched for it, nor any filter).
 */
export async function holdsWord(instance: PagefindInstance, word: string): Promise<boolean> {
  return ((await instance.search(`"${word}"`))?.results.length ?? 0) > 0;
}

/** A result whose fragment is fetched once, however often it is asked for. */
function fetchedOnce(r: PagefindResult): PagefindResult {
  let data: Promise<ResultData> | undefined;
  return {
    id: r.id,
    score: r.score,
    ...(r.words ? { words: r.words } : {}),
    data: () => (data ??= r.data()),
  };
}

/** Merges the tiers' results: by score for the best match, else tier after tier (oldest tier first for `oldest`). */
export function mergeResults(lists: readonly PagefindResult[][], order: Order): PagefindResult[] {
  if (order === 'best') return lists.flat().sort((a, b) => b.score - a.score);
  return (order === 'newest' ? [...lists].reverse() : lists).flat();
}

/**
 * Searches every tier (`parts`, oldest first) and merges their results: each tier that answered a
 * word by Pagefind's stand-in while another tier has the word is left out, and the stub's
 * placeholder record never shows. Whether each tier holds each word is asked only when some
 * tier's best match does not show it. The filter counts are the sums over the tiers kept (of the filters loaded).
 */
export async function searchTiers(
  parts: readonly PagefindInstance[],
  stubs: ReadonlySet<string>,
  term: string | null,
  filters: Record<string, string>,
  order: Order,
): Promise<Found> {
  const options: SearchOptions = Object.keys(filters).length ? { filters } : {};
  if (order !== 'best') options.sort = { date: order === 'newest' ? 'desc' : 'asc' };
  const words = term ? queryWords(term) : [];
  // Each tier's results as soon as they come: the top one's fragment is fetched at once (it is
  // shown first, or it tells a stand-in answer from the word being typed), each fragment once.
  const searches = parts.map(async (p) => {
    const response = await p.search(term, options);
    const list = (response?.results ?? [])
      .filter((x) => !stubs.has(x.id) && (term === null || foundInText(x)))
      .map(fetchedOnce);
    if (words.length) list[0]?.data().catch(() => undefined);
    return { response, list };
  });
  const done = await Promise.all(searches);
  const responses = done.map((d) => d.response);
  const found = done.map((d) => d.list);
  let keep = found.map((list) => list.length > 0);
  for (const word of words) {
    // Most often every tier's best match shows the word (or a longer one) where it matched; only
    // when one does not (a stand-in, or a word found in another form by stemming) is each tier
    // asked whether it holds the word itself.
    const kept = keep;
    const shows = await Promise.all(
      found.map(async (list, i) => kept[i]! && matchesPrefix(await list[0]!.data(), word)),
    );
    const answers = shows.every((s, i) => s || !kept[i])
      ? shows
      : await Promise.all(
          found.map(async (_, i) => kept[i]! && (shows[i]! || (await holdsWord(parts[i]!, word)))),
        );
    // Only where some tier has the word: otherwise every tier's stand-in is the answer.
    if (answers.some(Boolean)) keep = answers;
  }
  return {
    pages: mergeResults(
      found.filter((_, i) => keep[i]),
      order,
    ),
    counts: sumCounts(responses.filter((_, i) => keep[i]).map((r) => r?.filters)),
  };
}

/** One update found: what a result in the list shows, and where it links. */
export interface UpdateHit {
  /** The permalink. */
  url: string;
  title: string;
  /** Pagefind's excerpt: text with the found words in `<mark>`, nothing else. */
  excerpt: string;
  /** Its moment, as the record wrote it (src/lib/publish/search-meta.ts). */
  when: string;
  /** Its story's slug. */
  story: string;
}

const escapeText = (s: string): string =>
  s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/**
 * An excerpt without the headline Pagefind puts at its start when the words are near it (the
 * result shows its headline above the excerpt): the headline's characters are skipped, markup
 * aside, then the full stop and spaces after it.
 */
export function withoutTitle(excerpt: string, title: string): string {
  const want = title.replace(/\s+/g, ' ').trim();
  let i = 0;
  let matched = 0;
  let cut = -1;
  while (i < excerpt.length && matched <= want.length) {
    if (excerpt[i] === '<') {
      const end = excerpt.indexOf('>', i);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    if (matched === want.length) {
      cut = i;
      break;
    }
    const ch = /\s/.test(excerpt[i]!) ? ' ' : excerpt[i];
    if (ch !== want[matched]) return excerpt;
    matched++;
    i++;
  }
  if (matched !== want.length) return excerpt;
  // What follows the headline: a `</mark>` closing a marked last word, the stop Pagefind adds, spaces.
  return excerpt.slice(cut === -1 ? excerpt.length : cut).replace(/^(<\/mark>)?[.:]?\s*/, '');
}

/**
 * The updates of one found story-day that the list shows: those Pagefind found the words in (its
 * sub-results), or with no words every update of the day, each with the opening of its text; only
 * those that are key events, carry the tag, or are by the author, when those filters are in use. Newest first, as the
 * record holds them, or oldest first for `oldest`.
 */
export function hitsOf(
  data: ResultData,
  term: string | null,
  filters: Record<string, string>,
  order: Order,
  excerptWords = 30,
): UpdateHit[] {
  const anchors = (data.anchors ?? [])
    .filter((a) => a.id && /^h\d$/i.test(a.element))
    .sort((a, b) => a.location - b.location);
  const flags = decodeUpdates(data.meta.u ?? '');
  const updates = new Map(anchors.map((a, i) => [a.id, { anchor: a, index: i, flag: flags[i] }]));
  const story = data.filters?.['story']?.[0] ?? '';
  const tag = filters['tag'] ? tagHash(filters['tag']) : undefined;
  const author = filters['author'] ? tagHash(filters['author']) : undefined;
  const wanted = (f: UpdateFlags | undefined): f is UpdateFlags =>
    f !== undefined &&
    (!filters['key'] || f.key) &&
    (!tag || f.tags.includes(tag)) &&
    (!author || f.authors.includes(author));
  const base = data.url.replace(/#.*$/, '');
  let hits: UpdateHit[];
  if (term !== null) {
    hits = (data.sub_results ?? []).flatMap((s) => {
      const u = updates.get(s.url.split('#')[1] ?? '');
      if (!u || !wanted(u.flag)) return [];
      return [
        {
          url: s.url,
          title: s.title,
          excerpt: withoutTitle(s.excerpt, s.title),
          when: u.flag.when,
          story,
        },
      ];
    });
  } else {
    const words = data.content.split(/\s+/);
    hits = anchors.flatMap((a, i) => {
      const flag = flags[i];
      if (!wanted(flag)) return [];
      const start = a.location + a.text.split(/\s+/).filter(Boolean).length;
      const end = Math.min(anchors[i + 1]?.location ?? words.length, start + excerptWords);
      const text = words
        .slice(start, end)
        .join(' ')
        .replace(/^[.:]\s*/, '');
      return [
        {
          url: `${base}#${a.id}`,
          title: a.text,
          excerpt: escapeText(text),
          when: flag.when,
          story,
        },
      ];
    });
  }
  return order === 'oldest' ? hits.reverse() : hits;
}

/**
 * The tiered index, opened once per page in two steps: Pagefind's library, WebAssembly and
 * instances first (about 75 kB, whatever the archive's size: the search page starts them when the
 * reader heads for the box), then each tier's own index, at the first search.
 */
export class TieredIndex {
  private merged: Promise<void> | undefined;

  private constructor(
    private readonly bundle: string,
    private readonly manifest: SearchManifest,
    private readonly parts: PagefindInstance[],
  ) {}

  /**
   * Starts the index in `bundle` (the URL of `pagefind/`, under the site's base path): Pagefind and
   * its instances, no tier yet. With `inWorker: 'all'` every tier searches in Pagefind's worker,
   * one after another, never on the page's thread, and in a worker of their own (for work the
   * reader does not wait for: Pagefind keeps one worker per copy of its module, so this one loads
   * it under another URL).
   */
  static async open(bundle: string, inWorker: 'first' | 'all' = 'first'): Promise<TieredIndex> {
    const [manifest, pf] = await Promise.all([
      fetch(`${bundle}dateline-search.json`).then((r) => r.json() as Promise<SearchManifest>),
      import(
        /* @vite-ignore */ `${bundle}pagefind.js${inWorker === 'all' ? '?background' : ''}`
      ) as Promise<PagefindModule>,
    ]);
    // Record URLs already carry the site's base path, so Pagefind must not add one.
    // An instance starts loading as it is created. The first loads the WebAssembly; the others,
    // created once it has, reuse it (started together, each would load and start its own).
    // Instances search in one language each (Pagefind stems words per language): per language, the
    // first loads that language's WebAssembly from the stub, and its other tiers follow.
    // The settled tier (each language's first) searches in Pagefind's worker; the smaller ones on
    // the page's own thread, each with its own WebAssembly, so that the three search at once (one
    // worker takes them one after another) and never share one WebAssembly memory.
    const open = (language: string, worker: boolean) =>
      pf.createInstance({
        basePath: bundle,
        baseUrl: '/',
        excerptLength: 30,
        metaCacheTag: manifest.stubs.join('-'),
        ranking: RANKING,
        language,
        ...(worker ? {} : { noWorker: true }),
      });
    const parts: PagefindInstance[] = [];
    for (const language of new Set(manifest.languages)) {
      const first = open(language, true);
      await first.init(language);
      manifest.languages.forEach((l, i) => {
        if (l === language)
          parts[i] =
            i === manifest.languages.indexOf(language) ? first : open(language, inWorker === 'all');
      });
    }
    await Promise.all(parts.map((p, i) => p.init(manifest.languages[i])));
    return new TieredIndex(bundle, manifest, parts);
  }

  /** Each tier's own index (its entry and metadata) in its instance, once. */
  prepare(): Promise<void> {
    this.merged ??= Promise.all(
      this.parts.map((p, i) =>
        // Options are not inherited by a merged index: the ranking and language are given again.
        p.mergeIndex(`${this.bundle}part/${this.manifest.parts[i]}/`, {
          baseUrl: '/',
          metaCacheTag: this.manifest.parts[i]!,
          ranking: RANKING,
          language: this.manifest.languages[i]!,
        }),
      ),
    ).then(() => undefined);
    return this.merged;
  }

  /** Every story-day found for `term` (or, with no words, every one the filters allow), merged in `order`, with the filter counts loaded so far. */
  async search(term: string | null, filters: Record<string, string>, order: Order): Promise<Found> {
    await this.prepare();
    return searchTiers(this.parts, new Set(this.manifest.stubs), term, filters, order);
  }

  /**
   * Fetches the index chunks of `term`'s words in every tier, without searching: called at each
   * keystroke, as Pagefind's own UI does, so that the chunks are in when the search starts after the
   * typing pause (about 50 ms sooner to a first result).
   */
  async preload(term: string): Promise<void> {
    await this.prepare();
    await Promise.all(this.parts.map((p) => p.preload?.(term) ?? Promise.resolve()));
  }

  /** Loads every filter's index (Pagefind counts only the filters it has loaded): after the first results, for their counts. */
  async loadFilters(): Promise<void> {
    await this.prepare();
    await Promise.all(this.parts.map((p) => p.filters?.() ?? Promise.resolve({})));
  }
}
