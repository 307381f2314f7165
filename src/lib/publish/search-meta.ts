/**
 * What a search record tells the search page beyond Pagefind's own fields: each update's moment,
 * whether it is a key event, its tags and authors, written as words Pagefind neither searches nor splits.
 * Its own module, without dependencies, because the search page's script reads it back.
 * Also bundled for the browser (src/scripts/search.ts): no Node APIs.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';

/**
 * A bulletin's moment as one opaque word (a date written out would be found by "2022" or "14"):
 * `t` and its instant in seconds in base 36, or `d` and its day's digits for an update without a
 * time. `decodeWhen` reads it back.
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

/** One update of a day record, as the search page needs it to show and filter it. */
export interface UpdateFlags {
  /** `encodeWhen`'s word. */
  when: string;
  key: boolean;
  /** Its tags (its own and its story's), each as `tagHash` of its slug. */
  tags: string[];
  /** Its authors, each as `tagHash` of their slug. */
  authors: string[];
}

/**
 * A tag slug as a short opaque word (FNV-1a, base 36): the record's metadata names tags by it, so
 * that a tag's words are not found in it (Pagefind searches metadata), and no list of every tag,
 * which a new tag would change, is needed to read it.
 */
export function tagHash(slug: string): string {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(slug)) {
    h ^= unit;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A day's updates in one metadata value, in the order of their headings: `when~k~tag+tag~author`
 * each, separated by spaces (no comma or colon, Pagefind's separators); an update without authors
 * ends at its tags.
 */
export const encodeUpdates = (updates: readonly UpdateFlags[]): string =>
  updates
    .map((u) =>
      [
        u.when,
        u.key ? 'k' : '',
        u.tags.join('+'),
        ...(u.authors.length ? [u.authors.join('+')] : []),
      ].join('~'),
    )
    .join(' ');

/** Reads `encodeUpdates` back. */
export function decodeUpdates(text: string): UpdateFlags[] {
  return text
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      const [when = '', key = '', tags = '', authors = ''] = entry.split('~');
      return {
        when,
        key: key === 'k',
        tags: tags ? tags.split('+') : [],
        authors: authors ? authors.split('+') : [],
      };
    });
}
