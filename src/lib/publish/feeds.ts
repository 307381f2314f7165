/**
 * Feeds of updates (one item per bulletin, not per story): RSS 2.0 and Atom through the `feed`
 * library, JSON Feed 1.1 as a typed object. Every id and link is the bulletin's absolute
 * permalink; times keep the story's UTC offset; the feed's own time is its newest item's, never
 * the build's, so two builds of the same content are identical.
 */
import { Feed } from 'feed';
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import { isoIn } from '../../core/dates.ts';
import { escapeHtml } from '../../core/text.ts';
import type { Rendered } from '../markdown/pipeline.ts';
import { compareNewestFirst } from '../site/timeline.ts';
import { excerpt, viewBulletin, uiOf, type StoryPlace, type ViewContext } from '../site/views.ts';

/** A moment that prints itself with its own offset: `feed` formats dates with toISOString/toUTCString. */
export class ZonedDate extends Date {
  constructor(
    instant: number,
    readonly timeZone: string,
  ) {
    super(instant);
  }
  /** `2022-01-07T14:00:00+06:00` */
  override toISOString(): string {
    return isoIn(this.getTime(), this.timeZone);
  }
  /** RFC 822 with a numeric zone, as RSS wants: `Fri, 07 Jan 2022 14:00:00 +0600` */
  override toUTCString(): string {
    const iso = this.toISOString();
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
    return `${weekday}, ${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y} ${iso.slice(11, 19)} ${iso.slice(19).replace(':', '')}`;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One feed item, ready for every format. */
export interface FeedItem {
  id: string;
  url: string;
  title: string;
  html: string;
  summary: string;
  published: ZonedDate;
  modified: ZonedDate;
  tags: string[];
  story: string;
  /** Its authors, with their pages' absolute URLs. */
  authors: { name: string; url: string }[];
}

/** What a feed is about. */
export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  home: string;
  /** Absolute URLs of the three formats. */
  links: { rss: string; atom: string; json: string };
  language: string;
  /** The same feed at the site's other addresses (src/config.ts `mirrors`), for readers who cannot reach this one. */
  mirrors?: readonly string[];
}

/**
 * A body as a feed reader gets it: a picture is one `<img>` (its copy about 800 pixels wide, its
 * caption beside it), a video the link to it: what only a page's layout and script use (`srcset`,
 * lazy loading, the player's address, the size a page reserves) is left out.
 */
export const portable = (html: string): string =>
  html.replace(
    / (?:srcset|sizes|loading|decoding|width|height|data-player|data-title)="[^"]*"/g,
    '',
  );

/**
 * The newest `limit` bulletins as feed items, with absolute URLs. `body` gives a bulletin's
 * rendered HTML and text; `absolute` turns a site path into a full URL.
 */
export function buildFeedItems(
  entries: readonly { story: StoryPlace & { title: string }; bulletin: BulletinRecord }[],
  body: (b: BulletinRecord) => Rendered,
  ctx: ViewContext,
  absolute: (path: string) => string,
  limit: number,
): FeedItem[] {
  return [...entries]
    .sort((a, b) => compareNewestFirst(a.bulletin, b.bulletin))
    .slice(0, limit)
    .map(({ story, bulletin: b }) => {
      const v = viewBulletin(b, story, ctx);
      const url = absolute(v.permalink);
      const page = url.slice(0, url.indexOf('#'));
      const origin = new URL(url).origin;
      const { html, text } = body(b);
      const correction =
        v.correction && v.updated
          ? `<p><strong>${uiOf(ctx).correction}</strong> (${v.updated.text}): ${escapeHtml(v.correction)}</p>`
          : '';
      return {
        id: url,
        url,
        title: v.hasHeadline ? v.heading : excerpt(text, 12),
        // Fragment and root-relative links inside a body must work once it is read elsewhere.
        html:
          portable(html)
            .replaceAll('href="#', `href="${page}#`)
            .replace(/\b(src|href)="\/(?!\/)/g, `$1="${origin}/`) + correction,
        summary: excerpt(text, 40),
        published: new ZonedDate(b.instant, story.timezone),
        modified: new ZonedDate(b.updated ?? b.instant, story.timezone),
        tags: b.tags,
        story: story.title,
        authors: b.authors.map((a) => ({ name: a.name, url: absolute(ctx.paths.author(a.slug)) })),
      };
    });
}

/** Authors go in Atom's `<author>` (name and page) and in RSS's `<dc:creator>` (RSS's own `<author>` must be an email address). */
function xmlFeed(meta: FeedMeta, items: readonly FeedItem[], format: 'rss' | 'atom'): Feed {
  const newest = items.reduce<ZonedDate | undefined>(
    (a, i) => (!a || i.modified.getTime() > a.getTime() ? i.modified : a),
    undefined,
  );
  const feed = new Feed({
    id: meta.home,
    title: meta.title,
    description: meta.description,
    link: meta.home,
    language: meta.language,
    // An empty feed would otherwise carry the build's clock.
    updated: newest ?? new ZonedDate(0, 'UTC'),
    generator: 'Dateline',
    feedLinks: { rss: meta.links.rss, atom: meta.links.atom, json: meta.links.json },
  });
  for (const i of items) {
    feed.addItem({
      id: i.id,
      guid: i.id,
      link: i.url,
      title: i.title,
      description: i.summary,
      content: i.html,
      date: i.modified,
      published: i.published,
      category: i.tags.map((name) => ({ name, term: name })),
      ...(i.authors.length && format === 'atom'
        ? { author: i.authors.map((a) => ({ name: a.name, link: a.url })) }
        : {}),
      ...(i.authors.length && format === 'rss'
        ? {
            extensions: [
              {
                name: 'dc:creator',
                objects: {
                  _text: new Intl.ListFormat(meta.language).format(i.authors.map((a) => a.name)),
                },
              },
            ],
          }
        : {}),
    });
  }
  return feed;
}

/**
 * The feed's mirrors as Atom links (`rel="related"`: Atom allows one `alternate` of a kind) after
 * its link to itself, in an Atom feed or, in the Atom namespace the `feed` library declares, an
 * RSS one. The library writes feed-level links itself and takes no others.
 */
function withMirrors(xml: string, mirrors: readonly string[], tag: 'link' | 'atom:link'): string {
  if (!mirrors.length) return xml;
  const links = mirrors
    .map((m) => `\n        <${tag} href="${escapeHtml(m)}" rel="related" title="Mirror"/>`)
    .join('');
  return xml.replace(/<(?:atom:)?link\b[^>]*\brel="self"[^>]*\/>/, (self) => `${self}${links}`);
}

/** RSS 2.0 */
export function rss(meta: FeedMeta, items: readonly FeedItem[]): string {
  return withMirrors(xmlFeed(meta, items, 'rss').rss2(), meta.mirrors ?? [], 'atom:link');
}

/** Atom 1.0 */
export function atom(meta: FeedMeta, items: readonly FeedItem[]): string {
  return withMirrors(xmlFeed(meta, items, 'atom').atom1(), meta.mirrors ?? [], 'link');
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) */
export function jsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: meta.title,
      home_page_url: meta.home,
      feed_url: meta.links.json,
      description: meta.description,
      language: meta.language,
      // JSON Feed's way to say more: an object whose name starts with an underscore.
      ...(meta.mirrors?.length ? { _dateline: { mirrors: meta.mirrors } } : {}),
      items: items.map((i) => ({
        id: i.id,
        url: i.url,
        title: i.title,
        content_html: i.html,
        summary: i.summary,
        date_published: i.published.toISOString(),
        date_modified: i.modified.toISOString(),
        ...(i.tags.length ? { tags: i.tags } : {}),
        ...(i.authors.length ? { authors: i.authors } : {}),
      })),
    },
    null,
    2,
  );
}
