/**
 * View models: everything a component prints, computed here (dates formatted in the story's zone,
 * URLs from `paths`) so that templates only render.
 */
import type { BulletinRecord } from '../schemas/bulletin';
import type { StoryRecord } from '../schemas/story';
import { dayAnchor } from './anchors';
import { dayOf, formatDay, formatShortDay, formatTime, isoIn, type DayKey } from './dates';
import type { Paths } from './paths';
import type { Day, DaySummary } from './timeline';

/** Options every view needs. */
export interface ViewContext {
  paths: Paths;
  locale: string;
}

/** A moment for display: machine-readable and human-readable. */
export interface Moment {
  iso: string;
  text: string;
}

/** One bulletin as the `Bulletin` component renders it. */
export interface BulletinView {
  id: string;
  permalink: string;
  /** The headline, or a description of the update for screen readers when it has none. */
  heading: string;
  hasHeadline: boolean;
  /** Its time (`14:30 GMT+6`), or its day for a date-only bulletin. */
  when: Moment;
  /** Day and time, for contexts without a day heading (`Friday 7 January 2022, 14:30 GMT+6`). */
  fullWhen: Moment;
  key: boolean;
  latest: boolean;
  tags: string[];
  sources: { title: string; url: string }[];
  updated?: Moment;
  correction?: string;
}

/** A day section. */
export interface DayView {
  day: DayKey;
  anchor: string;
  heading: string;
  dayPage: string;
  bulletins: BulletinView[];
}

/** A link to a day, as listed in day navigation. */
export interface DayLink {
  day: DayKey;
  label: string;
  longLabel: string;
  href: string;
  count: number;
  keyCount: number;
}

/** What a view needs of a story: its URL segment and its time zone. */
export type StoryPlace = Pick<StoryRecord, 'slug' | 'timezone'>;

/** Builds a bulletin's view in its story's time zone. */
export function viewBulletin(b: BulletinRecord, story: StoryPlace, ctx: ViewContext, latestId?: string): BulletinView {
  const tz = story.timezone;
  const dayText = formatDay(b.day, ctx.locale);
  const when: Moment = b.hasTime ? { iso: isoIn(b.instant, tz), text: formatTime(b.instant, tz) } : { iso: b.day, text: dayText };
  const fullWhen: Moment = b.hasTime ? { iso: when.iso, text: `${dayText}, ${when.text}` } : when;
  return {
    id: b.id,
    permalink: ctx.paths.permalink(story.slug, b.day, b.id),
    heading: b.title ?? (b.hasTime ? `Update at ${when.text}` : `Update of ${dayText}`),
    hasHeadline: b.title !== undefined,
    when,
    fullWhen,
    key: b.key,
    latest: b.id === latestId,
    tags: b.tags,
    sources: b.sources,
    ...(b.updated !== undefined
      ? { updated: { iso: isoIn(b.updated, tz), text: `${formatDay(dayOf(b.updated, tz), ctx.locale)}, ${formatTime(b.updated, tz)}` } }
      : {}),
    ...(b.correction !== undefined ? { correction: b.correction } : {}),
  };
}

/** A day section's view. */
export function viewDay(day: Day, story: StoryPlace, ctx: ViewContext, latestId?: string): DayView {
  return {
    day: day.day,
    anchor: dayAnchor(day.day),
    heading: formatDay(day.day, ctx.locale),
    dayPage: ctx.paths.dayPage(story.slug, day.day),
    bulletins: day.bulletins.map((b) => viewBulletin(b, story, ctx, latestId)),
  };
}

/** Links to days. `onPage` days link to their section on the current page, the others to their day page. */
export function viewDayLinks(days: readonly (Day | DaySummary)[], story: StoryPlace, ctx: ViewContext, onPage: (day: DayKey) => boolean): DayLink[] {
  const year = days[0]?.day.slice(0, 4);
  return days.map((d) => {
    const count = 'count' in d ? d.count : d.bulletins.length;
    const keyCount = 'keyCount' in d ? d.keyCount : d.bulletins.filter((b) => b.key).length;
    return {
      day: d.day,
      label: formatShortDay(d.day, ctx.locale, year),
      longLabel: formatDay(d.day, ctx.locale),
      href: onPage(d.day) ? `#${dayAnchor(d.day)}` : ctx.paths.dayPage(story.slug, d.day),
      count,
      keyCount,
    };
  });
}

/** Days grouped by month, newest first, for the index of every day at the foot of a timeline. */
export interface MonthOfDays {
  label: string;
  days: (DayLink & { short: string })[];
}

/** Groups day links by calendar month: `November 2026` → `Fri 20`, `Thu 19`… */
export function groupDaysByMonth(links: readonly DayLink[], locale: string): MonthOfDays[] {
  const months: MonthOfDays[] = [];
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
  for (const link of links) {
    const date = Date.parse(`${link.day}T00:00:00Z`);
    const label = monthName.format(date);
    if (months.at(-1)?.label !== label) months.push({ label, days: [] });
    months.at(-1)!.days.push({ ...link, short: dayName.format(date) });
  }
  return months;
}

/** `3 updates`, `1 update` */
export function countLabel(n: number, noun = 'update'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The latest bulletin of a story, for story cards and the closing note. */
export function viewLatest(story: StoryPlace, latest: BulletinRecord | undefined, ctx: ViewContext): BulletinView | undefined {
  return latest ? viewBulletin(latest, story, ctx, latest.id) : undefined;
}

/** `5–10 January 2022`: the span of a story's coverage, in its zone, from its days (newest first). */
export function coverageSpan(days: readonly { day: DayKey }[], ctx: ViewContext): string | undefined {
  const first = days.at(-1)?.day;
  const last = days[0]?.day;
  if (!first || !last) return undefined;
  if (first === last) return formatDay(first, ctx.locale);
  const fmt = new Intl.DateTimeFormat(ctx.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return fmt.formatRange(Date.parse(`${first}T00:00:00Z`), Date.parse(`${last}T00:00:00Z`));
}

/** The first `words` words of a text, with an ellipsis when cut. */
export function excerpt(text: string, words = 24): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}
