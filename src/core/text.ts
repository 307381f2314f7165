/** Text helpers: orderings that are the same on every machine, escaping, filling in words. Imports nothing. */

/** Locale-independent text order, so every machine sorts (and reports) alike. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of UTF-8 bytes (and of code points), which Pagefind sorts its words in. JavaScript's
 * `<` compares UTF-16 code units, which puts a character above U+FFFF (a surrogate pair, U+D800–DFFF)
 * before U+E000–FFFF; mapping the code units around that range fixes it.
 */
export function byUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

const utf8Rank = (unit: number): number =>
  unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;

/** Text (or an attribute's value) as HTML: `&`, `<`, `>` and `"` escaped. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** `text` with each `{name}` replaced by its value; a name without one is left as written. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
