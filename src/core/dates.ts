/**
 * Every conversion between instants, story-local days and display strings. Days are always
 * computed in the story's IANA time zone, never the build machine's.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
// `.ts`: `npm run new` loads this module with Node's own TypeScript support (scripts/new.ts).
import { formatDay, formatter, zoneAbbreviation } from './intl.ts';

// Formatting with Intl alone lives in ./intl (the search page's script uses it without date-fns).
export { formatDay, zoneAbbreviation };

/** A calendar day as written in URLs and ids: `YYYY-MM-DD`. */
export type DayKey = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A moment written by an editor: a whole day, or a datetime with an explicit offset. */
export type WrittenDate =
  { kind: 'date'; day: DayKey } | { kind: 'datetime'; instant: number; text: string };

/** True when `tz` is an IANA time zone name this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz !== tz.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** True when year, month and day form a real calendar date (no 30 February). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses `2022-01-07` or `2022-01-07T14:30:00+06:00` (an offset or `Z` is required, so a
 * datetime never depends on the machine's zone). Returns an error message instead of throwing.
 */
export function parseWrittenDate(text: string): WrittenDate | { error: string } {
  const d = DATE_RE.exec(text);
  if (d) {
    if (!isRealDate(Number(d[1]), Number(d[2]), Number(d[3])))
      return { error: `"${text}" is not a real calendar date` };
    return { kind: 'date', day: text };
  }
  const t = DATETIME_RE.exec(text);
  if (t) {
    if (!isRealDate(Number(t[1]), Number(t[2]), Number(t[3])))
      return { error: `"${text}" is not a real calendar date` };
    const [hh, mm, ss] = [Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
    if (hh > 23 || mm > 59 || ss > 59) return { error: `"${text}" has an impossible time of day` };
    const offset = t[7]!;
    if (offset !== 'Z') {
      const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
      if (oh > 14 || om > 59) return { error: `"${text}" has an impossible UTC offset` };
    }
    return { kind: 'datetime', instant: Date.parse(text), text };
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
    return { error: `"${text}" has no UTC offset; write it like 2022-01-07T14:30:00+06:00` };
  }
  return {
    error: `"${text}" is not a date (YYYY-MM-DD) or a datetime with offset (YYYY-MM-DDTHH:MM:SS+HH:MM)`,
  };
}

/** The story-local day of an instant. */
export function dayOf(instant: number, tz: string): DayKey {
  return format(new TZDate(instant, tz), 'yyyy-MM-dd');
}

/** The story-local wall-clock time of an instant, `HH:MM`. */
export function clockOf(instant: number, tz: string): string {
  return format(new TZDate(instant, tz), 'HH:mm');
}

/** The instant at which a story-local wall-clock time occurs (the earlier one in a DST overlap). */
export function instantAt(day: DayKey, time: string, tz: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, tz).getTime();
}

/** The first instant of a story-local day. */
export function startOfDayIn(day: DayKey, tz: string): number {
  return instantAt(day, '00:00', tz);
}

/** Offset of `tz` from UTC at `instant`, as `+06:00`. */
export function offsetOf(instant: number, tz: string): string {
  return format(new TZDate(instant, tz), 'xxx');
}

/** An instant as ISO 8601 with the story's own offset (`2022-01-07T14:30:00+06:00`), for `datetime` attributes and feeds. */
export function isoIn(instant: number, tz: string): string {
  return format(new TZDate(instant, tz), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** `14:30 GMT+6`: a bulletin's time for readers, always with its zone. */
export function formatTime(instant: number, tz: string): string {
  return `${clockOf(instant, tz)} ${zoneAbbreviation(instant, tz)}`;
}

/** `7 Jan` (or `7 Jan 2021` when the year differs from `currentYear`), for compact day lists. */
export function formatShortDay(day: DayKey, locale: string, currentYear?: string): string {
  const sameYear = currentYear === undefined || day.startsWith(currentYear);
  return formatter(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));
}
