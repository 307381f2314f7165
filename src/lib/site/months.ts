/**
 * The archive by month, across stories. A bulletin's month is the month of its story-local day
 * (a bulletin at 00:30 on 1 February in Almaty is February's, though it was still January in UTC).
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import type { DayKey } from '../../core/dates.ts';
import { summarise, type DaySummary, type StoryView } from './timeline.ts';

/** `YYYY-MM`. */
export type MonthKey = string;

/** The month a story-local day is in. */
export const monthOf = (day: DayKey): MonthKey => day.slice(0, 7);

/** One story's part of a month. */
export interface MonthOfStory {
  story: StoryRecord;
  /** Its updates that month. */
  count: number;
  /** Its days with updates that month, newest first. */
  days: DaySummary[];
  /** Its key events that month, newest first, at most the limit given to `groupMonths`. */
  keyEvents: BulletinRecord[];
  /** How many key events it had that month in all. */
  keyCount: number;
}

/** A month of the archive: every story with updates in it, in front-page order. */
export interface Month {
  month: MonthKey;
  count: number;
  stories: MonthOfStory[];
}

/** Every month with updates, newest first, each with its stories (in the order of `views`). */
export function groupMonths(views: readonly StoryView[], maxKeyEvents: number): Month[] {
  const months = new Map<MonthKey, Month>();
  for (const { story, days } of views) {
    // Days are newest first, so each month's days arrive together.
    let current: MonthOfStory | undefined;
    for (const day of days) {
      const month = monthOf(day.day);
      let m = months.get(month);
      if (!m) months.set(month, (m = { month, count: 0, stories: [] }));
      if (m.stories.at(-1)?.story !== story) {
        current = { story, count: 0, days: [], keyEvents: [], keyCount: 0 };
        m.stories.push(current);
      }
      const entry = current!;
      entry.count += day.bulletins.length;
      m.count += day.bulletins.length;
      entry.days.push(summarise(day));
      for (const b of day.bulletins) {
        if (!b.key) continue;
        entry.keyCount++;
        if (entry.keyEvents.length < maxKeyEvents) entry.keyEvents.push(b);
      }
    }
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

/** `January 2022` for a month key (a calendar month has no zone). */
export function formatMonth(month: MonthKey, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${month}-01T00:00:00Z`));
}
