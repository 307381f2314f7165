/**
 * Search records and the partitions the index is built in.
 *
 * Records: one per bulletin, built from the same view models and rendered text as the pages, so
 * the index holds what readers see and each bulletin once. A record's URL is the bulletin's
 * permalink; its meta carries the headline and the moment (`when`) for the result list; its
 * story, year, month, key and tags are filters, and `date` a sort key. Pagefind searches every
 * meta field, so the story's title and the date in words are not meta: a word of a story's title
 * would find every update of that story, and "January" every update of January. The result list
 * takes the story's title from the `story` filter and writes the date from `when` (`encodeWhen`).
 *
 * Partitions: Pagefind cannot add one record to an existing index, and indexing costs about a
 * millisecond per record, so the index is built as consecutive partitions of the archive in time
 * order, each cached by the digest of its records' inputs: a build re-indexes only the partitions
 * whose records changed. The search page searches every partition and merges the results.
 */
import { createHash } from 'node:crypto';
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import type { Rendered } from '../content/markdown.ts';
import { formatMonth, monthOf } from '../site/months.ts';
import { tagSlug } from '../content/tags.ts';
import { encodeWhen } from './when.ts';
import { byCodePoint } from '../../core/text.ts';
import { type StoryView } from '../site/timeline.ts';
import { viewBulletin, uiOf, type ViewContext } from '../site/views.ts';

/** The fields Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: { title: string; when: string };
  filters: SearchFilters;
  sort: { date: string };
}

/**
 * The filters of a record, each a Pagefind filter the search page offers (with counts), named as
 * in its URL: the story's slug, the year and month of its story-local day, `key: ['1']` for a
 * key event (nothing otherwise), and its tags' slugs (its own and its story's).
 */
export interface SearchFilters {
  story: string[];
  year: string[];
  month: string[];
  key: string[];
  tag: string[];
  [name: string]: string[];
}

/** The filters of one bulletin. */
export function recordFilters({ story, bulletin }: SearchEntry): SearchFilters {
  const tags = [...new Set([...story.tags, ...bulletin.tags].map(tagSlug))]
    .filter(Boolean)
    .sort(byCodePoint);
  return {
    story: [story.slug],
    year: [bulletin.day.slice(0, 4)],
    month: [monthOf(bulletin.day)],
    key: bulletin.key ? ['1'] : [],
    tag: tags,
  };
}

/** What the build writes beside the index, `pagefind/dateline-search.json`, and the search page reads to open it. */
export interface SearchManifest {
  /** Pagefind page ids of the stub's placeholder records (one per language), never a result. */
  stubs: string[];
  /** Partition folders under `pagefind/part/`, by language (the site's first), oldest records first within each. */
  parts: string[];
  /** The language each partition is indexed in (Pagefind stems words per language). */
  languages: string[];
}

/** The language a story's bulletins are indexed in: its own (`lang`, primary subtag) or the site's. */
export const searchLanguage = (story: Pick<StoryRecord, 'lang'>, site: string): string =>
  (story.lang ?? site).split('-')[0]!.toLowerCase();

/** A published bulletin with its story: what one record is made from. */
export interface SearchEntry {
  story: StoryRecord;
  bulletin: BulletinRecord;
}

/**
 * Every bulletin of `views`, oldest first (ties: by story, then update id): the order partitions
 * are cut in, and the order of the `date` sort key.
 */
export function searchEntries(views: readonly StoryView[]): SearchEntry[] {
  return views
    .flatMap(({ story, bulletins }) => bulletins.map((bulletin) => ({ story, bulletin })))
    .sort(
      (a, b) =>
        a.bulletin.instant - b.bulletin.instant ||
        byCodePoint(a.story.slug, b.story.slug) ||
        byCodePoint(a.bulletin.id, b.bulletin.id),
    );
}

/**
 * Everything a record is made from but its rendered text, which the bulletin's `render` key
 * stands for: a partition's cache key is the digest of these, so no body has to be read to know
 * that a partition is unchanged.
 */
export function recordInputs({ story, bulletin }: SearchEntry): unknown {
  return {
    bulletin,
    story: { slug: story.slug, timezone: story.timezone, tags: story.tags, lang: story.lang },
  };
}

/**
 * The sort key: the instant in UTC, then story and update id, so that it sorts as text in the
 * same total order as `searchEntries` (no two records tie).
 */
export const sortKey = ({ story, bulletin }: SearchEntry): string =>
  `${new Date(bulletin.instant).toISOString()} ${story.slug} ${bulletin.id}`;

/**
 * The record of one bulletin; `text` is its rendered plain text. The headline is searched as the
 * record's `title` (Pagefind searches it and ranks a match there highly), not written into the
 * content: the excerpt under a result then never repeats the headline above it.
 */
export function buildRecord(
  entry: SearchEntry,
  text: Rendered['text'] | undefined,
  ctx: ViewContext,
  language: string,
): SearchRecord {
  const { story, bulletin } = entry;
  const v = viewBulletin(bulletin, story, ctx);
  if (text === undefined) throw new Error(`no rendered text for ${bulletin.file}`);
  return {
    url: v.permalink,
    content: [
      text,
      v.correction ? `${uiOf(ctx).correction}: ${v.correction}` : '',
      ...v.sources.map((s) => s.title),
    ]
      .filter(Boolean)
      .join('\n'),
    language,
    meta: { title: v.heading, when: encodeWhen(bulletin) },
    filters: recordFilters(entry),
    sort: { date: sortKey(entry) },
  };
}

/** How partitions are sized; see `partitionEntries`. */
export const PARTITIONING = {
  /**
   * Archive partitions hold about 2^minBits records (Pagefind indexes about a thousand records a
   * second, so an edit re-indexes one in the time Astro takes to write its pages)…
   */
  minBits: 11,
  /** …until there would be more than this many: then 2^k, k growing with the archive, so a reader's browser searches a bounded number of partitions. */
  archiveParts: 16,
  /** The newest records (after the last archive partition) are cut 2^fineShift times finer. */
  fineShift: 1,
  /** No partition grows past this many times its expected size. */
  cap: 1.5,
};

/** 32 bits of a string's SHA-256: where a boundary falls depends on nothing but the record's identity. */
function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Trailing zero bits (32 for 0): an item qualifies as a boundary of level k with probability 2^-k. */
function level(x: number): number {
  if (x === 0) return 32;
  let n = 0;
  while ((x & 1) === 0) {
    x >>>= 1;
    n++;
  }
  return n;
}

/**
 * Cuts items `from`..`to` into runs of about 2^bits: a run closes at the first item past half that
 * size whose level reaches bits-1 (so runs hold 2^(bits-1) plus a geometric 2^(bits-1) on average),
 * or at `cap` times 2^bits. Returns the end index of each closed run and where the open last run starts.
 */
function cutRuns(
  levels: readonly number[],
  from: number,
  to: number,
  bits: number,
  cap: number,
): { ends: number[]; open: number } {
  const half = 2 ** (bits - 1);
  const ends: number[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const length = i + 1 - start;
    if ((length >= half && levels[i]! >= bits - 1) || length >= cap * 2 ** bits) {
      ends.push(i + 1);
      start = i + 1;
    }
  }
  return { ends, open: start };
}

/**
 * Cuts `items` (oldest first) into consecutive partitions whose boundaries the items decide
 * themselves (content-defined chunking, as backup tools cut files): whether an item may end a
 * partition depends on a hash of its identity alone. So editing a bulletin changes the one
 * partition it is in; adding or deleting one changes its partition and at most the next (until
 * the cuts fall into step again); no other partition moves.
 * - The archive is cut into partitions of about 2^k items (half that at least, `cap` times at
 *   most): k is `minBits` until that would make more than about `archiveParts` partitions, then
 *   grows with the archive, so the number of partitions a reader's browser searches stays bounded
 *   (when k steps up, every partition changes once).
 * - The open end (the items after the last archive partition, where new bulletins arrive) is cut
 *   2^fineShift times finer, so the editor's loop re-indexes a small partition.
 * Pure: the same items give the same partitions, whatever was built before.
 */
export function partitionEntries<T>(
  items: readonly T[],
  identity: (item: T) => string,
  options = PARTITIONING,
): T[][] {
  const n = items.length;
  if (n === 0) return [];
  const coarse = Math.max(options.minBits, Math.round(Math.log2(n / options.archiveParts)));
  const levels = items.map((item) => level(hash32(identity(item))));
  const archive = cutRuns(levels, 0, n, coarse, options.cap);
  const recent = cutRuns(levels, archive.open, n, coarse - options.fineShift, options.cap);
  const ends = [...archive.ends, ...recent.ends];
  if (ends.at(-1) !== n) ends.push(n);
  return ends.map((end, i) => items.slice(i === 0 ? 0 : ends[i - 1]!, end));
}

/** A search entry's identity for partitioning: stable while the bulletin keeps its file name. */
export const entryIdentity = ({ story, bulletin }: SearchEntry): string =>
  `${story.slug}/${bulletin.id}`;

/** One value a search filter offers: what goes in the URL, what readers see, and how many updates have it. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The filters the search page offers, with every value in the archive and its count (newest years and months first). */
export interface SearchFacets {
  story: FacetValue[];
  year: FacetValue[];
  month: FacetValue[];
  tag: FacetValue[];
  key: number;
}

/** The search page's filters, counted over every published bulletin with the same filters its records get. */
export function searchFacets(views: readonly StoryView[], locale: string): SearchFacets {
  const counts = {
    year: new Map<string, number>(),
    month: new Map<string, number>(),
    tag: new Map<string, number>(),
  };
  const tagNames = new Map<string, string>();
  let key = 0;
  for (const { story, bulletins } of views) {
    for (const t of story.tags) if (!tagNames.has(tagSlug(t))) tagNames.set(tagSlug(t), t);
    for (const bulletin of bulletins) {
      const f = recordFilters({ story, bulletin });
      for (const name of ['year', 'month', 'tag'] as const)
        for (const v of f[name]) counts[name].set(v, (counts[name].get(v) ?? 0) + 1);
      for (const t of bulletin.tags) if (!tagNames.has(tagSlug(t))) tagNames.set(tagSlug(t), t);
      if (bulletin.key) key++;
    }
  }
  const newestFirst = (m: Map<string, number>, label: (v: string) => string) =>
    [...m.entries()]
      .sort(([a], [b]) => byCodePoint(b, a))
      .map(([value, count]) => ({ value, label: label(value), count }));
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return {
    story: views.map((v) => ({
      value: v.story.slug,
      label: v.story.title,
      count: v.bulletins.length,
    })),
    year: newestFirst(counts.year, (y) => y),
    month: newestFirst(counts.month, (m) => formatMonth(m, locale)),
    tag: [...counts.tag.entries()]
      .map(([value, count]) => ({ value, label: tagNames.get(value) ?? value, count }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    key,
  };
}
