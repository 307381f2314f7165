/**
 * A story as one HTML file to download and pass on (by Bluetooth, a messenger, a USB stick) when the
 * web is cut: every update with its day's anchor and its permalink's id, styled by a stylesheet in
 * the file, asking the network for nothing (pictures are left out, their captions kept), with when
 * it was made (its newest update's time, not the build's) and the addresses where the story lives.
 * A long story comes in parts (src/lib/site/routes.ts `wholeStoryRoutes`), each a file like this.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { Rendered } from '../markdown/pipeline.ts';
import type { Strings } from '../site/strings.ts';
import { newestChange } from '../site/timeline.ts';
import { dayHead, viewBulletin, type StoryPlace, type ViewContext } from '../site/views.ts';
import { dayOf, formatTime, isoIn } from '../../core/dates.ts';
import { formatDay } from '../../core/intl.ts';
import { escapeHtml, fill } from '../../core/text.ts';
import { STORY_FILE_CSS, STORY_FILE_POLICY } from './story-file-style.ts';

/** The file's words (src/lib/site/strings.ts `whole`). */
export type StoryFileWords = Omit<Strings['whole'], 'download' | 'downloadParts' | 'hint'>;

export interface StoryFileInput {
  story: StoryPlace & { title: string; summary: string; lang?: string | undefined };
  /** Its days, oldest first, each with its updates oldest first. */
  days: readonly { day: string; bulletins: readonly BulletinRecord[] }[];
  body: (b: BulletinRecord) => Rendered;
  ctx: ViewContext;
  /** A site path as a full URL at the site's own address. */
  absolute: (path: string) => string;
  /** Where the story lives: the site's address and its mirrors', and its onion address (full URLs of the story's page). */
  addresses: string[];
  words: StoryFileWords;
  lang: string;
  /** The days this part spans, when the story comes in parts (`3–17 March 2022`). */
  range?: string;
  earlier?: string;
  later?: string;
}

/**
 * A body as the file shows it: pictures left out (their captions stay; a picture alone in a link
 * leaves the link's text), every other attribute that would ask the network (`src`, `srcset`)
 * dropped, and links made full URLs so that they still lead to the site from a file.
 */
export function fileBody(html: string, pageUrl: string, origin: string): string {
  return html
    .replace(/<picture\b[^>]*>[\s\S]*?<\/picture>/g, '')
    .replace(/<(img|source|video|audio|iframe)\b[^>]*>/g, '')
    .replace(/ (?:srcset|sizes|loading|decoding|width|height|data-[\w-]+)="[^"]*"/g, '')
    .replace(/\bhref="#/g, `href="${pageUrl}#`)
    .replace(/\bhref="\/(?!\/)/g, `href="${origin}/`)
    .replace(/<figure\b[^>]*>\s*<\/figure>/g, '');
}

/** The file, as text. */
export function storyFile(input: StoryFileInput): string {
  const { story, ctx, words } = input;
  const origin = new URL(input.absolute('/')).origin;
  const all = input.days.flatMap((d) => d.bulletins);
  const newest = newestChange(all);
  const parts: string[] = [];
  for (const d of input.days) {
    const day = dayHead(d.day, story, ctx);
    parts.push(
      `<section><h2 id="${escapeHtml(day.anchor)}"><a href="${escapeHtml(input.absolute(day.dayPage))}">${escapeHtml(day.heading)}</a></h2>`,
    );
    for (const b of d.bulletins) {
      const v = viewBulletin(b, story, ctx);
      const url = input.absolute(v.permalink);
      const byline = v.byline.map((p) => ('name' in p ? p.name : p.text)).join('');
      parts.push(
        `<article id="${escapeHtml(v.id)}"${v.key ? ' class="key"' : ''}><p class="meta"><time datetime="${escapeHtml(v.when.iso)}">${escapeHtml(v.when.text)}</time>${v.key ? ` · ${escapeHtml(words.key)}` : ''} · <a href="${escapeHtml(url)}">${escapeHtml(words.permalink)}</a></p>` +
          `<h3>${escapeHtml(v.heading)}</h3>${byline ? `<p class="meta">${escapeHtml(byline)}</p>` : ''}` +
          fileBody(input.body(b).html, url.slice(0, url.indexOf('#')), origin) +
          (v.updated && v.correction
            ? `<p class="meta"><time datetime="${escapeHtml(v.updated.iso)}">${escapeHtml(v.updated.text)}</time>: ${escapeHtml(v.correction)}</p>`
            : '') +
          `</article>`,
      );
    }
    parts.push('</section>');
  }
  const made =
    newest > -Infinity
      ? `<p>${escapeHtml(fill(words.made, { when: `${formatDay(dayOf(newest, story.timezone), ctx.locale)}, ${formatTime(newest, story.timezone)}` }))} (<time datetime="${isoIn(newest, story.timezone)}">${isoIn(newest, story.timezone)}</time>)</p>`
      : '';
  const nav = [
    input.earlier ? `<a href="${escapeHtml(input.earlier)}">${escapeHtml(words.earlier)}</a>` : '',
    input.later ? `<a href="${escapeHtml(input.later)}">${escapeHtml(words.later)}</a>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const title = input.range ? `${story.title}: ${input.range}` : story.title;
  return `<!DOCTYPE html><html lang="${escapeHtml(input.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="${STORY_FILE_POLICY}"><title>${escapeHtml(title)}</title><style>${STORY_FILE_CSS}</style></head><body>
<header><h1>${escapeHtml(story.title)}</h1>${input.range ? `<p>${escapeHtml(fill(words.madeFrom, { days: input.range }))}</p>` : ''}<p>${escapeHtml(story.summary)}</p>${made}${nav ? `<p>${nav}</p>` : ''}</header>
<main>${parts.join('\n')}</main>
<footer><p>${escapeHtml(words.addresses)}:</p><ul>${input.addresses.map((a) => `<li><a href="${escapeHtml(a)}">${escapeHtml(a)}</a></li>`).join('')}</ul>${nav ? `<p>${nav}</p>` : ''}</footer>
</body></html>
`;
}
