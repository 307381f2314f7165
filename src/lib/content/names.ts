/**
 * The names in the content folder, read and made in one place: a story folder's name (its URL)
 * and a bulletin's file name, `YYYY-MM-DD[-HHMM][-words].md` (its day, its time in the story's
 * zone, its identity), or `YYYY-MM-DD-HHMMz[-words].md`, whose day and time are UTC (what the
 * browser editor writes: it can only fill a name with the time in UTC). `.ts` imports: `npm run new` loads this module with Node's own TypeScript
 * support (scripts/new.ts).
 */
import { isRealDate, type DayKey } from '../../core/dates.ts';

/** A story folder's name, which becomes its URL: lower-case letters, digits and single hyphens. */
export const isStorySlug = (name: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);

/** `YYYY-MM-DD[-HHMM[z]][-words].md` */
const BULLETIN_NAME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:-(\d{2})(\d{2})(z?)(?=-|\.md$))?(?:-([^.]+))?\.md$/i;

/**
 * What a bulletin's file name says: its day and, when given, its time: on the story's clock, or in
 * UTC when `utc` (then `day` is the UTC day too, and the story's day is computed from the instant).
 */
export interface BulletinName {
  day: string;
  time?: string;
  utc?: true;
}

/** Parses a bulletin file name; returns an error message for names that break the pattern. */
export function parseBulletinName(name: string): BulletinName | { error: string } {
  const m = BULLETIN_NAME_RE.exec(name);
  if (!m)
    return {
      error:
        'file name must be YYYY-MM-DD[-HHMM][-words].md (for example 2022-01-07-1430-curfew.md), or YYYY-MM-DD-HHMMz[-words].md for a time in UTC',
    };
  const [, y, mo, d, hh, mm, z] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d)))
    return { error: `${y}-${mo}-${d} is not a real calendar date` };
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59))
    return { error: `${hh}${mm} is not a time of day (HHMM, 0000–2359)` };
  return {
    day: `${y}-${mo}-${d}`,
    ...(hh !== undefined ? { time: `${hh}:${mm}` } : {}),
    ...(z ? { utc: true as const } : {}),
  };
}

/** Up to `max` words of a headline as a file-name slug: `Curfew lifted in Almaty` → `curfew-lifted-in-almaty`. */
export function slugWords(text: string, max = 6): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, max)
    .join('-');
}

/** `2022-01-07-1430-curfew-lifted.md`, or `2022-01-07-curfew-lifted.md` without a time. */
export function bulletinFileName(day: DayKey, time: string | undefined, words: string): string {
  // Four digits right after the date would be read as a time.
  const safeWords = !time && /^\d{4}(?:-|$)/.test(words) ? `update-${words}` : words;
  return `${[day, time?.replace(':', ''), safeWords].filter(Boolean).join('-')}.md`;
}
