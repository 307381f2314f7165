/** Ordering of text that is the same on every machine. Imports nothing. */

/** Locale-independent text order, so every machine sorts (and reports) alike. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
