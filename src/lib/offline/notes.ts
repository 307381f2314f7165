/**
 * What the service worker (src/scripts/sw.ts) writes into a page it answers with when the site's
 * own address did not: a note at the top of the page's main part, saying where the page came from.
 * Pure, so that it is tested in Node.
 */
import { escapeHtml, fill } from '../../core/text.ts';
import type { Strings } from '../site/strings.ts';

/** The notes' words in the site's language; `{when}` and `{host}` filled in. */
export type WorkerStrings = Strings['offline']['worker'];

export type NoteKind = keyof WorkerStrings;

/**
 * `html` with the note of `kind` as the first thing in its `<main>` (or after `<body>`): a status
 * that screen readers announce, styled by the site's stylesheet (`.offline-note`), no script needed.
 */
export function withNote(
  html: string,
  kind: NoteKind,
  strings: WorkerStrings,
  values: Record<string, string> = {},
): string {
  const note = `<p class="offline-note offline-note-${kind}" role="status">${escapeHtml(fill(strings[kind], values))}</p>`;
  const main = /<main\b[^>]*>/.exec(html) ?? /<body\b[^>]*>/.exec(html);
  if (!main) return note + html;
  const at = main.index + main[0].length;
  return html.slice(0, at) + note + html.slice(at);
}

/** A moment as the note says it, in the site's locale and the reader's own time zone (it is the reader's moment, not a story's). */
export const noteTime = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
