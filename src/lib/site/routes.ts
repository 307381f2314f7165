/**
 * The routes Astro may take from its page cache between builds: their props and keys. Each page
 * renders from its props alone, and its `cacheKey` is the digest of those props (the rule in
 * src/core/cache-keys.ts), so the props below are deliberately the least a page needs: a day page
 * does not carry the story's latest update or span, or every new bulletin would render every day
 * of its story again.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { PublishedFile } from '../content/archive.ts';
import { storyFileType } from '../content/files.ts';
import { pictureWidths } from '../content/pictures.ts';
import { pictureFile } from '../../core/paths.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import type { AuthorRecord, Byline } from '../../schemas/author.ts';
import { byCodePoint } from '../../core/text.ts';
import { cutItems } from '../../core/cuts.ts';
import { pageKey } from '../../core/cache-keys.ts';
import type { DayKey } from '../../core/dates.ts';
import { liveState, type LiveState } from './live.ts';
import { groupMonths, type MonthKey } from './months.ts';
import { groupTags } from './tag-pages.ts';
import {
  compareNewestFirst,
  chronological,
  keyEventDays,
  newestChange,
  neighbours,
  pageDays,
  splitTimeline,
  summarise,
  type Day,
  type DaySummary,
  type StoryView,
} from './timeline.ts';

/** What a page about one story shows of the story itself. */
export type StoryHead = Pick<
  StoryRecord,
  'slug' | 'title' | 'summary' | 'status' | 'timezone' | 'lang'
>;

/** A route with its props and the key Astro compares with the last build's. */
export interface CachedRoute<P, K extends string = string> {
  /** An `undefined` value is an empty rest parameter (`[...page]` on page 1). */
  params: Record<K, string | undefined>;
  props: P;
  cacheKey: string;
}

const head = ({ slug, title, summary, status, timezone, lang }: StoryRecord): StoryHead => ({
  slug,
  title,
  summary,
  status,
  timezone,
  ...(lang ? { lang } : {}),
});

const route = <P, K extends string>(
  params: Record<K, string | undefined>,
  props: P,
): CachedRoute<P, K> => ({ params, props, cacheKey: pageKey(props) });

// Props are type aliases, not interfaces: Astro requires props assignable to a string-indexed record.

/** A day page: the day's bulletins, its neighbours for the pager, and which bulletin is the story's latest if it is on this day. */
export type DayPageProps = {
  story: StoryHead;
  day: Day;
  latestId?: string;
  newer?: DayKey;
  older?: DayKey;
};

export function dayRoutes(
  views: readonly StoryView[],
): CachedRoute<DayPageProps, 'story' | 'day'>[] {
  return views.flatMap((view) =>
    view.days.map((day) => {
      const latestId = view.latest && view.latest.day === day.day ? view.latest.id : undefined;
      return route(
        { story: view.story.slug, day: day.day },
        {
          story: head(view.story),
          day,
          ...(latestId ? { latestId } : {}),
          ...neighbours(view.days, day.day),
        },
      );
    }),
  );
}

/** A story timeline: the newest days in full, a summary of every day, and what its header and JSON-LD say. */
export type StoryPageProps = {
  story: StoryRecord;
  /** Days shown in full, newest first. */
  shown: Day[];
  /** Every day of the story, newest first, for the jump list and the index of days. */
  days: DaySummary[];
  latest?: BulletinRecord;
  first?: BulletinRecord;
  /** The newest publication or correction time of any of its bulletins. */
  modified?: number;
  /** Its newest key events (at most `TimelineLimits.keyEvents`), newest first, and how many it has in all. */
  keyEvents: BulletinRecord[];
  keyCount: number;
  /** The same story in other languages (its `translations`), for the header's links and `hreflang`. */
  translations: StoryLink[];
  /** The files it comes in to download, oldest first (`wholeStoryParts`). */
  whole: PartSpan[];
};

/** Another story as a page links to it: where it is, its headline and language. */
export type StoryLink = Pick<StoryRecord, 'slug' | 'title' | 'lang'>;

/** How much a timeline shows in full (`timelineDays`, `timelineBulletins` in src/config.ts). */
export interface TimelineLimits {
  days: number;
  bulletins: number;
  /** Key events listed near its top (`timelineKeyEvents`). */
  keyEvents: number;
}

export function storyRoutes(
  views: readonly StoryView[],
  limits: TimelineLimits,
  wholeUpdates = Infinity,
): CachedRoute<StoryPageProps, 'story'>[] {
  const bySlug = new Map(views.map((v) => [v.story.slug, v.story]));
  return views.map((view) => {
    const { full } = splitTimeline(view.days, limits.days, limits.bulletins);
    const translations = view.story.translations.flatMap((slug) => {
      const other = bySlug.get(slug);
      return other
        ? [{ slug, title: other.title, ...(other.lang ? { lang: other.lang } : {}) }]
        : [];
    });
    const modified = view.bulletins.length ? newestChange(view.bulletins) : undefined;
    const keys = view.bulletins.filter((b) => b.key);
    return route(
      { story: view.story.slug },
      {
        story: view.story,
        shown: full,
        days: view.days.map(summarise),
        ...(view.latest ? { latest: view.latest } : {}),
        ...(view.first ? { first: view.first } : {}),
        ...(modified !== undefined ? { modified } : {}),
        keyEvents: keys.slice(0, limits.keyEvents),
        keyCount: keys.length,
        translations,
        whole: wholeStoryParts(view, wholeUpdates).map(spanOf),
      },
    );
  });
}

/** A story's feed: its newest bulletins. */
export type StoryFeedProps = {
  story: StoryHead;
  bulletins: BulletinRecord[];
};

export function storyFeedRoutes(
  views: readonly StoryView[],
  limit: number,
): CachedRoute<StoryFeedProps, 'story'>[] {
  return views.map((view) =>
    route(
      { story: view.story.slug },
      { story: head(view.story), bulletins: view.bulletins.slice(0, limit) },
    ),
  );
}

/** A page of a paged list of days, and where its neighbours are. */
export type PageLink = { page: number; from: DayKey; to: DayKey };

const pageLink = (days: readonly Day[] | undefined, page: number): PageLink | undefined =>
  days ? { page, from: days[0]!.day, to: days.at(-1)!.day } : undefined;

/**
 * A page of a story's key events: the key bulletins of some days in full, newest first, and the
 * pages either side (page 1 holds the newest). A story without key events has no such page.
 */
export type KeyEventsPageProps = {
  story: StoryHead;
  days: Day[];
  page: number;
  pages: number;
  newer?: PageLink;
  older?: PageLink;
};

export function keyEventRoutes(
  views: readonly StoryView[],
  perPage: number,
): CachedRoute<KeyEventsPageProps, 'story' | 'page'>[] {
  return views.flatMap((view) => {
    const pages = pageDays(keyEventDays(view.days), Infinity, perPage);
    return pages.map((days, i) => {
      const newer = pageLink(pages[i - 1], i);
      const older = pageLink(pages[i + 1], i + 2);
      return route(
        { story: view.story.slug, page: pageParam(i + 1) },
        {
          story: head(view.story),
          days,
          page: i + 1,
          pages: pages.length,
          ...(newer ? { newer } : {}),
          ...(older ? { older } : {}),
        },
      );
    });
  });
}

/**
 * A page of a story read from the start: whole days oldest first, their updates as headlines. The
 * pages are cut where the days say (`cutItems`, src/core/cuts.ts: about `max` updates at most), so
 * that a new bulletin changes only the last page, and an edit or a deletion the page it is on (and
 * the links to it on the pages either side, which name its days); the page count is not shown, or
 * every page would change with it.
 */
export type FromStartPageProps = {
  story: StoryHead;
  days: Day[];
  page: number;
  earlier?: PageLink;
  later?: PageLink;
};

export function fromStartRoutes(
  views: readonly StoryView[],
  max: number,
): CachedRoute<FromStartPageProps, 'story' | 'page'>[] {
  return views.flatMap((view) => {
    const pages = cutItems(
      chronological(view.days),
      (d) => `${view.story.slug}/${d.day}`,
      (d) => d.bulletins.length,
      max,
    );
    if (pages.length === 0) pages.push([]);
    return pages.map((days, i) => {
      const earlier = pageLink(pages[i - 1], i);
      const later = pageLink(pages[i + 1], i + 2);
      return route(
        { story: view.story.slug, page: pageParam(i + 1) },
        {
          story: head(view.story),
          days,
          page: i + 1,
          ...(earlier ? { earlier } : {}),
          ...(later ? { later } : {}),
        },
      );
    });
  });
}

/**
 * The parts a story comes in as files to download (src/lib/publish/story-file.ts), oldest first
 * (none with `max` 0): one file up to `max` updates; a longer story in whole days cut where the days say (`cutItems`: at most
 * `max` updates each, most a quarter to a half of it), so that a new bulletin changes the last file
 * and an edit the file it is in.
 */
export function wholeStoryParts(view: StoryView, max: number): Day[][] {
  const days = chronological(view.days);
  // None at all with `max` 0: a site near its host's size limit can do without them.
  if (days.length === 0 || max <= 0) return [];
  if (view.bulletins.length <= max) return [days];
  return cutItems(
    days,
    (d) => `${view.story.slug}/${d.day}`,
    (d) => d.bulletins.length,
    max,
  );
}

/** Where a part of a story's files begins and ends: its file is named by its first day. */
export type PartSpan = { first: DayKey; last: DayKey };

const spanOf = (days: readonly Day[]): PartSpan => ({
  first: days[0]!.day,
  last: days.at(-1)!.day,
});

/** A file of a story's updates to download: its days, and the parts before and after it (when it comes in several). */
export type WholeStoryProps = {
  story: StoryHead;
  days: Day[];
  /** This part's span, when the story comes in several. */
  span?: PartSpan;
  earlier?: PartSpan;
  later?: PartSpan;
};

export function wholeStoryRoutes(
  views: readonly StoryView[],
  max: number,
): CachedRoute<WholeStoryProps, 'story' | 'part'>[] {
  return views.flatMap((view) => {
    const parts = wholeStoryParts(view, max);
    return parts.map((days, i) => {
      const several = parts.length > 1;
      const earlier = parts[i - 1];
      const later = parts[i + 1];
      return route(
        { story: view.story.slug, part: days[0]!.day },
        {
          story: head(view.story),
          days,
          ...(several ? { span: spanOf(days) } : {}),
          ...(earlier ? { earlier: spanOf(earlier) } : {}),
          ...(later ? { later: spanOf(later) } : {}),
        },
      );
    });
  });
}

/** The rest parameter of a paged route: none for page 1 (`…/from-the-start/`), else the number. */
const pageParam = (page: number): string | undefined => (page === 1 ? undefined : String(page));

/** The archive's front page: every month with updates, newest first. */
export type ArchivePageProps = {
  months: { month: MonthKey; count: number; stories: number }[];
};

/** One month: the stories with updates in it, their days, counts and (some of) their key events. */
export type MonthPageProps = {
  month: MonthKey;
  count: number;
  stories: {
    story: StoryHead;
    count: number;
    days: DaySummary[];
    keyEvents: BulletinRecord[];
    keyCount: number;
  }[];
  newer?: MonthKey;
  older?: MonthKey;
};

export function archiveRoutes(
  views: readonly StoryView[],
  maxKeyEvents: number,
): { index: ArchivePageProps; months: CachedRoute<MonthPageProps, 'year' | 'month'>[] } {
  const months = groupMonths(views, maxKeyEvents);
  return {
    index: {
      months: months.map((m) => ({ month: m.month, count: m.count, stories: m.stories.length })),
    },
    months: months.map((m, i) => {
      const newer = months[i - 1]?.month;
      const older = months[i + 1]?.month;
      return route(
        { year: m.month.slice(0, 4), month: m.month.slice(5, 7) },
        {
          month: m.month,
          count: m.count,
          stories: m.stories.map((s) => ({ ...s, story: head(s.story) })),
          ...(newer ? { newer } : {}),
          ...(older ? { older } : {}),
        },
      );
    }),
  };
}

/** Every tag, with how many stories and updates carry it. */
export type TagsPageProps = {
  tags: { slug: string; name: string; stories: number; updates: number }[];
};

/** One tag: the stories that carry it, and its newest updates (at most the limit), with how many there are. */
export type TagPageProps = {
  tag: { slug: string; name: string };
  stories: StoryHead[];
  bulletins: { story: StoryHead; bulletin: BulletinRecord }[];
  total: number;
};

export function tagRoutes(
  views: readonly StoryView[],
  locale: string,
  maxUpdates: number,
): { index: TagsPageProps; tags: CachedRoute<TagPageProps, 'tag'>[] } {
  const groups = groupTags(views, locale);
  return {
    index: {
      tags: groups.map((g) => ({
        slug: g.slug,
        name: g.name,
        stories: g.stories.length,
        updates: g.bulletins.length,
      })),
    },
    tags: groups.map((g) =>
      route(
        { tag: g.slug },
        {
          tag: { slug: g.slug, name: g.name },
          stories: g.stories.map(head),
          bulletins: g.bulletins
            .slice(0, maxUpdates)
            .map(({ story, bulletin }) => ({ story: head(story), bulletin })),
          total: g.bulletins.length,
        },
      ),
    ),
  };
}

/** An update as a list shows it, with its story: on tag and author pages. */
export type StoryUpdate = { story: StoryHead; bulletin: BulletinRecord };

/**
 * A page of an author's updates, newest first: their page (`/authors/<slug>/`, with their bio)
 * holds the newest ones, older pages (`/authors/<slug>/<n>/`) are numbered from the first. Pages
 * are cut from the author's first update, so a new one changes only their page until it is full
 * (then one new page appears, and the page before it gains a link): the page count is not shown.
 */
export type AuthorPageProps = {
  /** The whole record on their own page (bio, photo, role); the name only on older pages, so an edit to the bio renders one page. */
  author: Pick<AuthorRecord, 'slug' | 'name'> & Partial<AuthorRecord>;
  updates: StoryUpdate[];
  /** Whether this is their own page (the newest). */
  newest: boolean;
  /** The page of newer updates (`0`: their own page), and of older ones. */
  newer?: number;
  older?: number;
};

/** Each author's updates, oldest first (by time, then story). */
function updatesByAuthor(
  views: readonly StoryView[],
  authors: readonly AuthorRecord[],
): Map<string, StoryUpdate[]> {
  const byAuthor = new Map(authors.map((a) => [a.slug, [] as StoryUpdate[]]));
  for (const view of views) {
    const story = head(view.story);
    for (const bulletin of view.bulletins)
      for (const { slug } of bulletin.authors) byAuthor.get(slug)?.push({ story, bulletin });
  }
  for (const list of byAuthor.values())
    list.sort(
      (a, b) =>
        -compareNewestFirst(a.bulletin, b.bulletin) || byCodePoint(a.story.slug, b.story.slug),
    );
  return byAuthor;
}

/**
 * An author's pages: their own (the newest updates) and older ones numbered from the oldest. Pages
 * are cut where the updates say (`cutItems`, src/core/cuts.ts: at most `perPage`, most a quarter
 * to a half of it), so that a new update changes their own page (or starts it anew), and an edit or
 * a deletion the page it is on, not every page after it.
 */
export function authorRoutes(
  views: readonly StoryView[],
  authors: readonly AuthorRecord[],
  perPage: number,
): CachedRoute<AuthorPageProps, 'author' | 'page'>[] {
  const byAuthor = updatesByAuthor(views, authors);
  return authors.flatMap((author) => {
    const pages = cutItems(
      byAuthor.get(author.slug)!,
      (u) => `${u.story.slug}/${u.bulletin.id}`,
      () => 1,
      perPage,
      1,
    );
    if (pages.length === 0) pages.push([]);
    const count = pages.length;
    return pages.map((updates, i) => {
      const newest = i === count - 1;
      return route(
        { author: author.slug, page: newest ? undefined : String(i + 1) },
        {
          author: newest ? author : { slug: author.slug, name: author.name },
          updates: updates.toReversed(),
          newest,
          ...(newest ? {} : { newer: i + 2 === count ? 0 : i + 2 }),
          ...(i > 0 ? { older: i } : {}),
        },
      );
    });
  });
}

/** An author's feed: their newest updates. */
export type AuthorFeedProps = { author: Byline; updates: StoryUpdate[] };

export function authorFeedRoutes(
  views: readonly StoryView[],
  authors: readonly AuthorRecord[],
  limit: number,
): CachedRoute<AuthorFeedProps, 'author'>[] {
  const byAuthor = updatesByAuthor(views, authors);
  return authors.map((a) =>
    route(
      { author: a.slug },
      {
        author: { slug: a.slug, name: a.name },
        updates: byAuthor.get(a.slug)!.slice(-limit).reverse(),
      },
    ),
  );
}

/** What a story's open pages poll (`latest.json`, src/lib/site/live.ts): its status and newest updates. */
export function liveRoutes(
  views: readonly StoryView[],
  limit: number,
): CachedRoute<LiveState, 'story'>[] {
  return views.map((view) =>
    route({ story: view.story.slug }, liveState(view.story, view.bulletins, limit)),
  );
}

/** A file next to a story's bulletins (src/lib/content/files.ts): where it is, its digest (its key) and its type. */
export type StoryFilePageProps = { file: string; digest: string; type: string };

export function storyFileRoutes(
  files: readonly PublishedFile[],
): CachedRoute<StoryFilePageProps, 'story' | 'name'>[] {
  return files.map((f) =>
    route(
      { story: f.story, name: f.name },
      { file: f.file, digest: f.digest, type: storyFileType(f.name) },
    ),
  );
}

/** A copy of a picture (src/lib/content/pictures.ts): its file, the digest that names it, and how wide and good the copy is. */
export type PicturePageProps = {
  file: string;
  digest: string;
  width: number;
  quality: number;
  /** PNG's maps, charts and screenshots keep sharp edges: their copies are lossless. */
  lossless: boolean;
};

/** Every copy of every picture next to bulletins, `widths` wide where the picture is wider. */
export function pictureRoutes(
  files: readonly PublishedFile[],
  settings: { widths: readonly number[]; quality: number },
): CachedRoute<PicturePageProps, 'story' | 'picture'>[] {
  return files.flatMap(({ picture, ...f }) =>
    picture
      ? pictureWidths(picture, settings.widths).map((width) =>
          route(
            { story: f.story, picture: pictureFile(f.name, f.digest, width) },
            {
              file: f.file,
              digest: f.digest,
              width,
              quality: settings.quality,
              lossless: picture.format === 'png',
            },
          ),
        )
      : [],
  );
}
