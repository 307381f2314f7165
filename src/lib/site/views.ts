/**
 * View models: everything a component prints, computed here (dates formatted in the story's zone,
 * URLs from `paths`) so that templates only render.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import { dayAnchor } from '../../core/anchors.ts';
import {
  dayOf,
  formatDay,
  formatShortDay,
  formatTime,
  isoIn,
  type DayKey,
} from '../../core/dates.ts';
import type { Paths } from '../../core/paths.ts';
import { activityChart, busiestDays } from './activity.ts';
import { languageName, textDirection } from '../../core/lang.ts';
import { liveVersion } from './live.ts';
import { formatMonth } from './months.ts';
import { counted, stringsFor, type Strings } from './strings.ts';
import { tagSlug } from '../content/tags.ts';
import type { Day, DaySummary } from './timeline.ts';

/** Options every view needs. */
export interface ViewContext {
  paths: Paths;
  locale: string;
  /** The site's origin (`https://news.example`), for permalinks printed on paper; without it they print as paths. */
  origin?: string;
  /** The interface's words; by default those of `locale`'s language. */
  ui?: Strings;
}

/** The interface's words of a context. */
export const uiOf = (ctx: ViewContext): Strings => ctx.ui ?? stringsFor(ctx.locale);

/** A moment for display: machine-readable and human-readable. */
export interface Moment {
  iso: string;
  text: string;
}

/** One bulletin as the `Bulletin` component renders it. */
export interface BulletinView {
  id: string;
  permalink: string;
  /** The language of its headline and text, when the story's is not the site's. */
  text: TextLanguage;
  /** Its version (`data-v`): a live page compares it with the story's `latest.json` to notice corrections. */
  version: string;
  /** The permalink without its scheme (`news.example/stories/…/#u-…`), printed after the time on paper. */
  printLink: string;
  /** The headline, or a description of the update for screen readers when it has none. */
  heading: string;
  hasHeadline: boolean;
  /** Its time (`14:30 GMT+6`), or its day for a date-only bulletin. */
  when: Moment;
  /** Day and time, for contexts without a day heading (`Friday 7 January 2022, 14:30 GMT+6`). */
  fullWhen: Moment;
  key: boolean;
  latest: boolean;
  /** Who reported it, as the byline reads (`Aigerim Sadykova and Tom Reyes`), names linked to their pages; empty without authors. */
  byline: BylinePart[];
  tags: TagLink[];
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
export type StoryPlace = Pick<StoryRecord, 'slug' | 'timezone'> & { lang?: string | undefined };

/** The `lang` and `dir` attributes of a story's own text, when it is told in another language than the site. */
export interface TextLanguage {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** The attributes for a story's text: none for the site's language, else its language and direction. */
export const storyText = (story: { lang?: string | undefined }): TextLanguage =>
  story.lang ? { lang: story.lang, dir: textDirection(story.lang) } : {};

/** Builds a bulletin's view in its story's time zone. */
export function viewBulletin(
  b: BulletinRecord,
  story: StoryPlace,
  ctx: ViewContext,
  latestId?: string,
): BulletinView {
  const tz = story.timezone;
  const dayText = formatDay(b.day, ctx.locale);
  const when: Moment = b.hasTime
    ? { iso: isoIn(b.instant, tz), text: formatTime(b.instant, tz) }
    : { iso: b.day, text: dayText };
  const fullWhen: Moment = b.hasTime ? { iso: when.iso, text: `${dayText}, ${when.text}` } : when;
  const permalink = ctx.paths.permalink(story.slug, b.day, b.id);
  return {
    id: b.id,
    permalink,
    version: liveVersion(b),
    text: storyText(story),
    printLink: ctx.origin
      ? new URL(permalink, ctx.origin).href.replace(/^[a-z]+:\/\//, '')
      : permalink,
    heading: b.title ?? (b.hasTime ? uiOf(ctx).updateAt(when.text) : uiOf(ctx).updateOf(dayText)),
    hasHeadline: b.title !== undefined,
    when,
    fullWhen,
    key: b.key,
    latest: b.id === latestId,
    byline: viewByline(b.authors, ctx),
    tags: viewTags(b.tags, ctx),
    sources: b.sources,
    ...(b.updated !== undefined
      ? {
          updated: {
            iso: isoIn(b.updated, tz),
            text: `${formatDay(dayOf(b.updated, tz), ctx.locale)}, ${formatTime(b.updated, tz)}`,
          },
        }
      : {}),
    ...(b.correction !== undefined ? { correction: b.correction } : {}),
  };
}

/** A day's heading: its anchor (`anchorOf`: the plain day, or a prefixed one on pages that are not the timeline), its words and its page. */
export const dayHead = (
  day: DayKey,
  story: StoryPlace,
  ctx: ViewContext,
  anchorOf: (day: DayKey) => string = dayAnchor,
) => ({
  day,
  anchor: anchorOf(day),
  heading: formatDay(day, ctx.locale),
  dayPage: ctx.paths.dayPage(story.slug, day),
});

/** A day section's view; `anchorOf` makes its id (the plain day, or a prefixed one on pages that are not the timeline). */
export function viewDay(
  day: Day,
  story: StoryPlace,
  ctx: ViewContext,
  latestId?: string,
  anchorOf: (day: DayKey) => string = dayAnchor,
): DayView {
  return {
    ...dayHead(day.day, story, ctx, anchorOf),
    bulletins: day.bulletins.map((b) => viewBulletin(b, story, ctx, latestId)),
  };
}

/** Links to days. `onPage` days link to their section on the current page, the others to their day page. */
export function viewDayLinks(
  days: readonly (Day | DaySummary)[],
  story: StoryPlace,
  ctx: ViewContext,
  onPage: (day: DayKey) => boolean,
): DayLink[] {
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
  const monthName = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dayName = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  for (const link of links) {
    const date = Date.parse(`${link.day}T00:00:00Z`);
    const label = monthName.format(date);
    if (months.at(-1)?.label !== label) months.push({ label, days: [] });
    months.at(-1)!.days.push({ ...link, short: dayName.format(date) });
  }
  return months;
}

/** The archive's months grouped by year, newest first, as links with their counts. */
export function groupArchiveByYear(
  months: readonly { month: string; count: number; stories: number }[],
  ctx: ViewContext,
): { year: string; months: { href: string; label: string; counts: string }[] }[] {
  const years: { year: string; months: { href: string; label: string; counts: string }[] }[] = [];
  const ui = uiOf(ctx);
  for (const m of months) {
    const year = m.month.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, months: [] });
    years.at(-1)!.months.push({
      href: ctx.paths.archive(m.month),
      label: formatMonth(m.month, ctx.locale),
      counts: ui.archive.inStories(
        counted(m.count, ui.updates, ctx.locale),
        counted(m.stories, ui.storiesCount, ctx.locale),
      ),
    });
  }
  return years;
}

/** The latest bulletin of a story, for story cards and the closing note. */
export function viewLatest(
  story: StoryPlace,
  latest: BulletinRecord | undefined,
  ctx: ViewContext,
): BulletinView | undefined {
  return latest ? viewBulletin(latest, story, ctx, latest.id) : undefined;
}

/** `5–10 January 2022` (or the one day in full): a range of days, either order. */
export function formatDayRange(a: DayKey, b: DayKey, locale: string): string {
  const [first, last] = a <= b ? [a, b] : [b, a];
  if (first === last) return formatDay(first, locale);
  const fmt = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return fmt.formatRange(Date.parse(`${first}T00:00:00Z`), Date.parse(`${last}T00:00:00Z`));
}

/** `5–10 January 2022`: the span of a story's coverage, in its zone, from its days (newest first). */
export function coverageSpan(
  days: readonly { day: DayKey }[],
  ctx: ViewContext,
): string | undefined {
  const first = days.at(-1)?.day;
  const last = days[0]?.day;
  return first && last ? formatDayRange(first, last, ctx.locale) : undefined;
}

/** A tag as a link to its page. */
export interface TagLink {
  name: string;
  href: string;
}

/**
 * Tags as links, as written, one per page (a tag without a slug has no page; the content checker
 * refuses it).
 */
export function viewTags(tags: readonly string[], ctx: ViewContext): TagLink[] {
  const seen = new Set<string>();
  return tags.flatMap((name) => {
    const slug = tagSlug(name);
    if (!slug || seen.has(slug)) return [];
    seen.add(slug);
    return [{ name, href: ctx.paths.tags(slug) }];
  });
}

/** A key event in a list: its time, and its headline or, without one, its first words. */
export interface KeyEventView {
  id: string;
  permalink: string;
  when: Moment;
  text: string;
}

/** A key event's list entry; `text` is the bulletin's rendered plain text (for one without a headline). */
export function viewKeyEvent(
  b: BulletinRecord,
  story: StoryPlace,
  ctx: ViewContext,
  text: string,
): KeyEventView {
  const v = viewBulletin(b, story, ctx);
  return { id: b.id, permalink: v.permalink, when: v.fullWhen, text: headlineOf(b, text) };
}

/** How a list names an update: its headline, or without one its first words. */
const headlineOf = (b: BulletinRecord, text: string): string => b.title ?? excerpt(text, 14);

/**
 * An update in a list of headlines (a story read from the start): its time of day, whether it is a
 * key event, its headline (or first words) linking to its permalink, and under a headline its
 * first line. `text` is the bulletin's rendered plain text.
 */
export interface HeadlineView extends Omit<KeyEventView, 'when'> {
  /** None for a date-only update: the day's heading says it all. */
  when: Moment | undefined;
  key: boolean;
  lead: string | undefined;
}

export function viewHeadline(
  b: BulletinRecord,
  story: StoryPlace,
  ctx: ViewContext,
  text: string,
): HeadlineView {
  const v = viewBulletin(b, story, ctx);
  return {
    id: b.id,
    permalink: v.permalink,
    when: b.hasTime ? v.when : undefined,
    text: headlineOf(b, text),
    key: b.key,
    lead: b.title === undefined ? undefined : excerpt(text, 20),
  };
}

/** A day of a list of headlines: its heading (linking to its day page, with the day's anchor) and its updates. */
export interface HeadlineDayView {
  day: DayKey;
  anchor: string;
  heading: string;
  dayPage: string;
  updates: HeadlineView[];
}

/** A day as headlines; `textOf` gives a bulletin's rendered plain text. */
export function viewHeadlineDay(
  day: Day,
  story: StoryPlace,
  ctx: ViewContext,
  textOf: (b: BulletinRecord) => string,
): HeadlineDayView {
  return {
    ...dayHead(day.day, story, ctx),
    updates: day.bulletins.map((b) => viewHeadline(b, story, ctx, textOf(b))),
  };
}

/** The activity chart as the component draws it. */
export interface ActivityView {
  width: number;
  height: number;
  bars: { x: number; h: number; href?: string; label: string; key: boolean }[];
  /** The text alternative: how many updates over how many days, and the busiest days. */
  summary: string;
  busiest: { label: string; href: string; count: number }[];
}

/** The chart of a story's days (newest first); bars link to their busiest day's page. */
export function viewActivity(
  days: readonly DaySummary[],
  story: StoryPlace,
  ctx: ViewContext,
  maxBars = 120,
): ActivityView | undefined {
  const chart = activityChart(days, maxBars);
  if (!chart) return undefined;
  const total = days.reduce((n, d) => n + d.count, 0);
  const busiest = busiestDays(days, 3).map((d) => ({
    label: formatDay(d.day, ctx.locale),
    href: ctx.paths.dayPage(story.slug, d.day),
    count: d.count,
  }));
  const ui = uiOf(ctx);
  const per =
    chart.daysPerBar === 1
      ? ui.activity.per.day
      : chart.daysPerBar === 7
        ? ui.activity.per.week
        : ui.activity.per.days(chart.daysPerBar);
  return {
    width: chart.width,
    height: chart.height,
    bars: chart.bars
      .filter((b) => b.count > 0)
      .map((b) => ({
        x: b.x,
        h: b.h,
        ...(b.busiest ? { href: ctx.paths.dayPage(story.slug, b.busiest) } : {}),
        label: `${formatDayRange(b.from, b.to, ctx.locale)}: ${counted(b.count, ui.updates, ctx.locale)}${b.keyCount ? `, ${counted(b.keyCount, ui.keyEventsCount, ctx.locale)}` : ''}`,
        key: b.keyCount > 0,
      })),
    summary: ui.activity.summary(
      per,
      counted(total, ui.updates, ctx.locale),
      counted(chart.span, ui.daysCount, ctx.locale),
      formatDayRange(chart.bars[0]!.from, chart.bars.at(-1)!.to, ctx.locale),
    ),
    busiest,
  };
}

/** The first `words` words of a text, with an ellipsis when cut (in place of the punctuation it was cut at). */
export function excerpt(text: string, words = 24): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= words
    ? all.join(' ')
    : `${all
        .slice(0, words)
        .join(' ')
        .replace(/[.,;:]+$/, '')}…`;
}

/** A link to the same story in another language. */
export interface TranslationLink {
  href: string;
  /** BCP 47, for `hreflang` and for the link's own `lang`. */
  lang: string;
  /** The language's name in itself (`Русский`). */
  name: string;
  /** The story's headline in that language. */
  title: string;
}

/** The story's translations as links, in the order of their language names; `siteLang` for a story without `lang`. */
export function viewTranslations(
  stories: readonly { slug: string; title: string; lang?: string | undefined }[],
  siteLang: string,
  ctx: ViewContext,
): TranslationLink[] {
  return stories
    .map((s) => {
      const lang = s.lang ?? siteLang;
      return { href: ctx.paths.story(s.slug), lang, name: languageName(lang), title: s.title };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A story's summary as its timeline shows it. */
export interface BriefingView {
  updated: Moment;
  html: string;
  /** Its version (`data-v`): a live page compares it with `latest.json` to notice a new summary. */
  version: string;
  /** Long enough to show a few lines first, with a control that shows the rest. */
  collapses: boolean;
}

/** Summaries longer than this many characters of text show their first lines, then a control. */
export const BRIEFING_SHOWN_CHARS = 280;

/** A story's introduction longer than this many characters shows its first lines on a phone, then a control (about three lines at 390 px). */
export const INTRO_SHOWN_CHARS = 150;

/** A story's introduction (the body of its index.md), and whether a phone shows only its first lines. */
export interface IntroView {
  html: string;
  collapses: boolean;
}

/** The introduction as its timeline shows it; undefined when the story has none. */
export function viewIntro(rendered: { html: string; text: string }): IntroView | undefined {
  if (!rendered.html) return undefined;
  return { html: rendered.html, collapses: rendered.text.length > INTRO_SHOWN_CHARS };
}

/** Builds a story's summary view in its zone. */
export function viewBriefing(
  story: StoryPlace & { briefing?: { updated: number; digest: string } | undefined },
  rendered: { html: string; text: string },
  ctx: ViewContext,
): BriefingView | undefined {
  const b = story.briefing;
  if (!b) return undefined;
  const tz = story.timezone;
  return {
    updated: {
      iso: isoIn(b.updated, tz),
      text: `${formatDay(dayOf(b.updated, tz), ctx.locale)}, ${formatTime(b.updated, tz)}`,
    },
    html: rendered.html,
    version: liveVersion(b),
    collapses: rendered.text.length > BRIEFING_SHOWN_CHARS,
  };
}

/** A piece of a byline: an author's name (linked to their page) or the words between names. */
export type BylinePart = { name: string; href: string } | { text: string };

/** Authors as a byline in the context's language (`A, B and C`, `A, B и C`), each name a link. */
export function viewByline(
  authors: readonly { slug: string; name: string }[],
  ctx: ViewContext,
): BylinePart[] {
  if (!authors.length) return [];
  // Names are given as placeholders, so a name that is also a joining word stays a name.
  const parts = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).formatToParts(
    authors.map((_, i) => `\u0000${i}\u0000`),
  );
  return parts.map((p) => {
    if (p.type === 'literal') return { text: p.value };
    const a = authors[Number(p.value.slice(1, -1))]!;
    return { name: a.name, href: ctx.paths.author(a.slug) };
  });
}
