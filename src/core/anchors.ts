/**
 * Every fragment id on every page. Day anchors are the plain date; update ids carry a `u-`
 * prefix so they can never equal a day id; ids inside a bulletin body are prefixed with the
 * update id so two bulletins on one page never collide.
 */
import type { DayKey } from './dates.ts';

/** Id of a day's section (and of its entry in the list of earlier days). */
export function dayAnchor(day: DayKey): string {
  return day;
}

/** Id of a day's section on a story's key-events page: prefixed, so no id there repeats the timeline's. */
export function keyDayAnchor(day: DayKey): string {
  return `key-${day}`;
}

/** Update id from a bulletin's file name: `2022-01-07-1430-Curfew.md` → `u-2022-01-07-1430-curfew`. */
export function updateId(fileName: string): string {
  const stem = fileName.replace(/\.md$/i, '');
  const slug = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `u-${slug}`;
}

/** Id for an element inside a bulletin body (a heading, a footnote). */
export function bodyAnchor(updateIdValue: string, localId: string): string {
  return `${updateIdValue}--${localId}`;
}

/** Id of the index of every day at the foot of a story timeline. */
export const DAY_INDEX_ID = 'days';
