/**
 * A search record's moment, written as one opaque word. Its own module, without dependencies,
 * because the search page's script reads it back in the browser.
 * Also bundled for the browser (src/scripts/search.ts): no Node APIs.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';

/**
 * A bulletin's moment as one opaque word for the record's metadata (Pagefind searches metadata, and
 * a date written out would be found by "2022" or "14"): `t` and its instant in seconds in base 36,
 * or `d` and its day's digits for an update without a time. `decodeWhen` reads it back.
 */
export function encodeWhen(b: Pick<BulletinRecord, 'instant' | 'hasTime' | 'day'>): string {
  return b.hasTime
    ? `t${Math.round(b.instant / 1000).toString(36)}`
    : `d${b.day.replaceAll('-', '')}`;
}

/** The moment `encodeWhen` wrote: an instant (epoch milliseconds), or a day (`YYYY-MM-DD`). */
export function decodeWhen(when: string): { instant: number } | { day: string } | undefined {
  if (/^t[0-9a-z]+$/.test(when)) return { instant: parseInt(when.slice(1), 36) * 1000 };
  const d = /^d(\d{4})(\d{2})(\d{2})$/.exec(when);
  return d ? { day: `${d[1]}-${d[2]}-${d[3]}` } : undefined;
}
