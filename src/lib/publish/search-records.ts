/**
 * Search records and the tiers the index is built in.
 *
 * Records: one per story-day, the unit a reader's browser pays for (Pagefind fetches an entry per
 * record before the first result: 79,215 update records held 961 kB of it at 100,000 bulletins,
 * the 14,819 day pages 120 kB). Each record is the day's updates as HTML, newest first, each under
 * a heading whose id is its update id, so Pagefind gives every update that matches a query as a
 * sub-result with its permalink, and the search page lists one result per update. The headline is
 * the heading (weighted as one); the text is what the page shows: the rendered body, a correction,
 * the sources' titles. Filters are the day's: its story, year and month, `key` when one of its
 * updates is a key event, every tag of its updates and story, and every author of its updates; the
 * search page shows only the updates of a day that match the key, tag and author filters themselves, from each update's own flags in
 * the record's metadata (`u`, src/lib/publish/search-meta.ts); so do their authors. The story's title and the date in words are not indexed: a word of
 * a story's title would find every update of the story, "January" every update of January.
 *
 * Tiers: Pagefind cannot add a record to an index it has written, so the index of each language is
 * built as at most three indexes of consecutive days, oldest first: a large settled one, a middle
 * one and a small recent one, where new updates arrive. Where a tier ends is decided by the days
 * themselves (content-defined, like backup tools' chunks): a new day changes the recent tier, now
 * and then the middle one, rarely (about once per quarter of the archive's growth) the settled one.
 * A reader's query searches three indexes whatever the archive's size. A tier of many updates is
 * indexed in segments of bounded size (`cutItems`, src/core/cuts.ts) and merged
 * (src/lib/publish/search-merge.ts).
 */
import { hash32, level } from '../../core/cuts.ts';
import { byCodePoint, escapeHtml } from '../../core/text.ts';
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import { preferredSpellings, tagSlug, tagUses } from '../content/tags.ts';
import { formatMonth, monthOf } from '../site/months.ts';
import { newestChange, type StoryView } from '../site/timeline.ts';
import { uiOf, viewBulletin, type ViewContext } from '../site/views.ts';
import { encodeUpdates, encodeWhen, tagHash, type UpdateFlags } from './search-meta.ts';

/** What the build writes beside the index, `pagefind/dateline-search.json`, and the search page reads to open it. */
export interface SearchManifest {
  /** Pagefind page ids of the stub's placeholder records (one per language), never a result. */
  stubs: string[];
  /** Tier folders under `pagefind/part/`, by language (the site's first), oldest days first within each: at most three per language. */
  parts: string[];
  /** The language each tier is indexed in (Pagefind stems words per language). */
  languages: string[];
}

/** The language a story's bulletins are indexed in: its own (`lang`, primary subtag) or the site's. */
export const searchLanguage = (story: Pick<StoryRecord, 'lang'>, site: string): string =>
  (story.lang ?? site).split('-')[0]!.toLowerCase();

/** One story-day: what one record is made from (bulletins newest first, as the day page lists them). */
export interface SearchDay {
  story: StoryRecord;
  day: string;
  bulletins: BulletinRecord[];
}

/** The tags of a bulletin as the search filters them: its own and its story's, by slug. */
const tagsOf = (story: StoryRecord, b: BulletinRecord): string[] =>
  [...new Set([...story.tags, ...b.tags].map(tagSlug))].filter(Boolean).sort(byCodePoint);

/**
 * Every story-day of `views`, oldest first (by its newest update; ties by story): the order tiers
 * are cut in, and the order of the `date` sort key.
 */
export function searchDays(views: readonly StoryView[]): SearchDay[] {
  return views
    .flatMap(({ story, days }) => days.map((d) => ({ story, day: d.day, bulletins: d.bulletins })))
    .sort(
      (a, b) =>
        latest(a) - latest(b) ||
        byCodePoint(a.story.slug, b.story.slug) ||
        byCodePoint(a.day, b.day),
    );
}

const latest = (d: SearchDay): number => newestChange(d.bulletins, (b) => b.instant);

/** The sort key: its newest update's instant in UTC, then story and day, so that it sorts as text in the order of `searchDays`. */
export const sortKey = (d: SearchDay): string =>
  `${new Date(latest(d)).toISOString()} ${d.story.slug} ${d.day}`;

/** A day's identity for cutting tiers: stable while the story keeps its folder. */
export const dayIdentity = (d: Pick<SearchDay, 'story' | 'day'>): string =>
  `${d.story.slug}/${d.day}`;

/**
 * Everything a record is made from but its updates' rendered text, which each bulletin's
 * `rendered` key stands for: a tier's cache key is the digest of these, so no body has to be read
 * to know that a tier is unchanged.
 */
export function recordInputs(d: SearchDay): unknown {
  const { slug, timezone, tags, lang } = d.story;
  return { story: { slug, timezone, tags, lang }, day: d.day, bulletins: d.bulletins };
}

/** The filters of a day: each a Pagefind filter the search page offers (with counts of days), named as in its URL. */
export interface SearchFilters {
  story: string[];
  year: string[];
  month: string[];
  key: string[];
  tag: string[];
  /** Slugs of the authors of its updates. */
  author: string[];
}

export function dayFilters(d: SearchDay): SearchFilters {
  return {
    story: [d.story.slug],
    year: [d.day.slice(0, 4)],
    month: [monthOf(d.day)],
    key: d.bulletins.some((b) => b.key) ? ['1'] : [],
    tag: [...new Set(d.bulletins.flatMap((b) => tagsOf(d.story, b)))].sort(byCodePoint),
    author: [...new Set(d.bulletins.flatMap((b) => b.authors.map((a) => a.slug)))].sort(
      byCodePoint,
    ),
  };
}

/** Each update of a day, for the search page (`search-meta.ts`). */
export const updateFlags = (d: SearchDay): UpdateFlags[] =>
  d.bulletins.map((b) => ({
    when: encodeWhen(b),
    key: b.key,
    tags: tagsOf(d.story, b).map(tagHash),
    authors: b.authors.map((a) => tagHash(a.slug)),
  }));

/** A record Pagefind indexes as HTML (`addHTMLFile`). */
export interface SearchRecord {
  url: string;
  content: string;
}

/**
 * The record of one story-day: its updates under their headings, `texts` their rendered plain text
 * by update id. Filters, metadata and the sort key are attributes of empty elements, so that none
 * of them is searched as text.
 */
export function buildRecord(
  d: SearchDay,
  texts: ReadonlyMap<string, string>,
  ctx: ViewContext,
  language: string,
): SearchRecord {
  const attr = (name: string, value: string) => `<i ${name}="${escapeHtml(value)}"></i>`;
  const filters = Object.entries(dayFilters(d)).flatMap(([name, values]) =>
    (values as string[]).map((v) => attr('data-pagefind-filter', `${name}:${v}`)),
  );
  const sections = d.bulletins.map((b) => {
    const v = viewBulletin(b, d.story, ctx);
    const text = texts.get(b.id);
    if (text === undefined) throw new Error(`no rendered text for ${b.file}`);
    const parts = [
      text,
      v.correction ? `${uiOf(ctx).correction}: ${v.correction}` : '',
      ...v.sources.map((s) => s.title),
    ].filter(Boolean);
    return `<section><h2 id="${b.id}">${escapeHtml(v.heading)}</h2>${parts.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</section>`;
  });
  return {
    url: ctx.paths.dayPage(d.story.slug, d.day),
    content: `<!doctype html><html lang="${language}"><body><main data-pagefind-body>${filters.join('')}${attr('data-pagefind-meta', `u:${encodeUpdates(updateFlags(d))}`)}${attr('data-pagefind-sort', `date:${sortKey(d)}`)}${sections.join('')}</main></body></html>`,
  };
}

/**
 * The windows (by position, start inclusive, end exclusive) in which the tiers' boundaries are
 * chosen, for `n` items: the settled tier ends in the middle third of the archive, so that no
 * tier holds more than two thirds of it (an edit to an old day re-indexes at most that); the recent
 * one starts between about 2√n and √n/2 items from the end (a new bulletin re-indexes that few).
 */
export function tierWindows(n: number): { settled: [number, number]; recent: [number, number] } {
  const r = Math.max(8, Math.round(2 * Math.sqrt(n)));
  return {
    settled: [Math.floor(n / 3), Math.ceil((2 * n) / 3)],
    recent: [Math.max(0, n - r), Math.max(0, n - Math.floor(r / 4))],
  };
}

/** The position of the item of the highest level in `[from, to)`, the earliest of equals; `from` for an empty window. */
function highest(levels: readonly number[], [from, to]: [number, number]): number {
  let best = from;
  for (let i = from + 1; i < to; i++) if (levels[i]! > levels[best]!) best = i;
  return best;
}

/**
 * Cuts `items` (oldest first) into at most three tiers of consecutive items. Each boundary is the
 * item of the highest level (trailing zero bits of its identity's hash) within its window
 * (`tierWindows`): content-defined, as backup tools cut files into chunks, so that it stays put
 * while the archive grows until it leaves its window or an item of a higher level enters it.
 * - A new item at the end changes the recent tier. Now and then (when the recent boundary moves:
 *   about once in √n new items) the recent tier merges into the middle one, which is indexed again;
 *   more rarely (about once in n/3 new items) the settled boundary moves and the middle tier
 *   merges into the settled one: everything is indexed again.
 * - An edit changes only the tier it is in.
 * Empty tiers are left out. Pure: the same items give the same tiers, whatever was built before.
 */
export function tierItems<T>(items: readonly T[], identity: (item: T) => string): T[][] {
  const levels = items.map((item) => level(hash32(identity(item))));
  const windows = tierWindows(items.length);
  const settledEnd = highest(levels, windows.settled);
  const recentStart = Math.max(settledEnd, highest(levels, windows.recent));
  return [
    items.slice(0, settledEnd),
    items.slice(settledEnd, recentStart),
    items.slice(recentStart),
  ].filter((tier) => tier.length > 0);
}

/** One value a search filter offers: what goes in the URL, what readers see, and on how many days it holds. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The filters the search page offers, with every value in the archive and its count of days (newest years and months first). */
export interface SearchFacets {
  story: FacetValue[];
  year: FacetValue[];
  month: FacetValue[];
  tag: FacetValue[];
  author: FacetValue[];
  key: number;
}

/** The search page's filters, counted over every story-day with the same filters its record gets. */
export function searchFacets(views: readonly StoryView[], locale: string): SearchFacets {
  const counts = {
    year: new Map<string, number>(),
    month: new Map<string, number>(),
    tag: new Map<string, number>(),
    author: new Map<string, number>(),
  };
  const tagNames = preferredSpellings(
    tagUses(
      views.map((v) => v.story),
      views.flatMap((v) => v.bulletins),
    ),
  );
  const authorNames = new Map(
    views.flatMap((v) => v.bulletins.flatMap((b) => b.authors.map((a) => [a.slug, a.name]))),
  );
  let key = 0;
  for (const { story, days } of views) {
    for (const day of days) {
      const f = dayFilters({ story, day: day.day, bulletins: day.bulletins });
      for (const name of ['year', 'month', 'tag', 'author'] as const)
        for (const v of f[name]) counts[name].set(v, (counts[name].get(v) ?? 0) + 1);
      if (f.key.length) key++;
    }
  }
  const newestFirst = (m: Map<string, number>, label: (v: string) => string) =>
    [...m.entries()]
      .sort(([a], [b]) => byCodePoint(b, a))
      .map(([value, count]) => ({ value, label: label(value), count }));
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return {
    story: views.map((v) => ({ value: v.story.slug, label: v.story.title, count: v.days.length })),
    year: newestFirst(counts.year, (y) => y),
    month: newestFirst(counts.month, (m) => formatMonth(m, locale)),
    tag: [...counts.tag.entries()]
      .map(([value, count]) => ({ value, label: tagNames.get(value) ?? value, count }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    author: [...counts.author.entries()]
      .map(([value, count]) => ({ value, label: authorNames.get(value) ?? value, count }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    key,
  };
}
