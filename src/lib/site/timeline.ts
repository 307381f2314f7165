/** Ordering and grouping of bulletins into the views readers see: days, timelines, the front page. */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import type { DayKey } from '../../core/dates.ts';

/** One story-local day with its bulletins, newest first. */
export interface Day {
  day: DayKey;
  bulletins: BulletinRecord[];
}

/** A day shown on the timeline only as a link to its day page. */
export interface DaySummary {
  day: DayKey;
  count: number;
  keyCount: number;
}

/** A story with everything its pages need, bulletins newest first. */
export interface StoryView {
  story: StoryRecord;
  bulletins: BulletinRecord[];
  days: Day[];
  latest: BulletinRecord | undefined;
  first: BulletinRecord | undefined;
}

/** When a bulletin last changed: published, or corrected since (`updated`). */
export const lastChanged = (b: BulletinRecord): number => Math.max(b.instant, b.updated ?? 0);

/**
 * The newest change among `bulletins` (-Infinity for none), or the newest of another time of
 * theirs (`of`): a loop, because spreading a story's updates into `Math.max` overflows the call
 * stack past about 120,000 of them (a build of 300,000 bulletins, whose longest story has 125,000,
 * stopped there).
 */
export function newestChange(
  bulletins: readonly BulletinRecord[],
  of: (b: BulletinRecord) => number = lastChanged,
): number {
  let newest = -Infinity;
  for (const b of bulletins) newest = Math.max(newest, of(b));
  return newest;
}

/** Newest first; a date-only bulletin counts as the start of its day; ties go to the later file name. */
export function compareNewestFirst(a: BulletinRecord, b: BulletinRecord): number {
  return b.instant - a.instant || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Groups bulletins by their story-local day, days and bulletins newest first. */
export function groupByDay(bulletins: readonly BulletinRecord[]): Day[] {
  const byDay = new Map<DayKey, BulletinRecord[]>();
  for (const b of [...bulletins].sort(compareNewestFirst)) {
    const list = byDay.get(b.day);
    if (list) list.push(b);
    else byDay.set(b.day, [b]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, list]) => ({ day, bulletins: list }));
}

/**
 * Cuts days, in reading order, into pages of whole days: at most `maxDays` days holding at most
 * `maxBulletins` bulletins each, but always at least one day (a day is never split). Cut from the
 * first day on, so days added at the end change only the last page (or start a new one).
 */
export function pageDays(days: readonly Day[], maxDays: number, maxBulletins = Infinity): Day[][] {
  const pages: Day[][] = [];
  let page: Day[] = [];
  let count = 0;
  for (const day of days) {
    if (
      page.length > 0 &&
      (page.length >= maxDays || count + day.bulletins.length > maxBulletins)
    ) {
      pages.push(page);
      page = [];
      count = 0;
    }
    page.push(day);
    count += day.bulletins.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** A day as a summary: its day, how many updates and key events it has. */
export const summarise = ({ day, bulletins }: Day): DaySummary => ({
  day,
  count: bulletins.length,
  keyCount: bulletins.filter((b) => b.key).length,
});

/**
 * The newest days in full, at most `maxDays` of them holding at most `maxBulletins` bulletins
 * (whole days; the newest day always): the first page of `pageDays`; every older day as a
 * summary (it keeps its anchor on the page).
 */
export function splitTimeline(
  days: readonly Day[],
  maxDays: number,
  maxBulletins = Infinity,
): { full: Day[]; earlier: DaySummary[] } {
  const full = pageDays(days, maxDays, maxBulletins)[0] ?? [];
  return { full, earlier: days.slice(full.length).map(summarise) };
}

/** Days and, within each day, bulletins oldest first: the story read from the start. */
export function chronological(days: readonly Day[]): Day[] {
  return [...days]
    .reverse()
    .map(({ day, bulletins }) => ({ day, bulletins: [...bulletins].reverse() }));
}

/** The key events of `days`, grouped by the same days (days without one are left out), in the same order. */
export function keyEventDays(days: readonly Day[]): Day[] {
  return days
    .map(({ day, bulletins }) => ({ day, bulletins: bulletins.filter((b) => b.key) }))
    .filter((d) => d.bulletins.length > 0);
}

/** The days either side of `day`, for previous/next navigation (days are newest first). */
export function neighbours(days: readonly Day[], day: DayKey): { newer?: DayKey; older?: DayKey } {
  const i = days.findIndex((d) => d.day === day);
  if (i === -1) return {};
  const newer = days[i - 1]?.day;
  const older = days[i + 1]?.day;
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

/** Builds a view per story; bulletins of unknown stories are ignored (the archive reports them). */
export function buildStoryViews(
  stories: readonly StoryRecord[],
  bulletins: readonly BulletinRecord[],
): StoryView[] {
  const byStory = new Map<string, BulletinRecord[]>(stories.map((s) => [s.slug, []]));
  for (const b of bulletins) byStory.get(b.story)?.push(b);
  return stories.map((story) => {
    const list = (byStory.get(story.slug) ?? []).sort(compareNewestFirst);
    return { story, bulletins: list, days: groupByDay(list), latest: list[0], first: list.at(-1) };
  });
}

/** Front-page order: live stories first, then by their latest update, newest first. */
export function orderStories(views: readonly StoryView[]): StoryView[] {
  const rank = (v: StoryView) => (v.story.status === 'live' ? 0 : 1);
  return [...views].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.latest?.instant ?? -Infinity) - (a.latest?.instant ?? -Infinity) ||
      a.story.title.localeCompare(b.story.title),
  );
}

/** The newest `n` bulletins across all stories. */
export function newestAcross(views: readonly StoryView[], n: number): BulletinRecord[] {
  return views
    .flatMap((v) => v.bulletins.slice(0, n))
    .sort(compareNewestFirst)
    .slice(0, n);
}
