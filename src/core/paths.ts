/**
 * Every internal URL of the site, made in one place so that Astro's `base` (a subpath such as
 * `/dateline/`) is applied everywhere. Pure: the base is passed in once.
 */
import { dayAnchor } from './anchors.ts';
import type { DayKey } from './dates.ts';

/** A percent-encoded path or fragment decoded, or as written when its encoding is broken (`%zz`). */
export function decodePath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** URL builders bound to a base path. */
export interface Paths {
  home(): string;
  story(slug: string): string;
  /** `/stories/<slug>/#YYYY-MM-DD`: a day on the story timeline. */
  storyDay(slug: string, day: DayKey): string;
  /** `/stories/<slug>/<YYYY-MM-DD>/`: the day's own page. */
  dayPage(slug: string, day: DayKey): string;
  /** The canonical permalink of an update: `/stories/<slug>/<YYYY-MM-DD>/#<update-id>`. */
  permalink(slug: string, day: DayKey, updateId: string): string;
  /** `/stories/<slug>/key-events/` (page 1), `…/key-events/2/`: the story's key events in full. */
  keyEvents(slug: string, page?: number): string;
  /** `/stories/<slug>/from-the-start/` (page 1), `…/from-the-start/2/`: the story oldest first. */
  fromStart(slug: string, page?: number): string;
  /** `/archive/`: every month; `/archive/2022/01/`: one month across stories. */
  archive(month?: string): string;
  /** `/tags/`: every tag; `/tags/<tag-slug>/`: one tag (the slug comes from src/lib/content/tags.ts). */
  tags(slug?: string): string;
  /** The search page, optionally with words and filters that run on load. */
  search(query?: string | SearchQuery): string;
  /** `/admin/`: the browser editor, and its files (`/admin/config.yml`). */
  editor(file?: string): string;
  /** A file in `public/` or a generated asset (`pagefind/pagefind.js`). */
  asset(path: string): string;
  /** The site's feed, or a story's: `/feed.xml`, `/stories/<slug>/atom.xml`, `…/feed.json`. */
  feed(format: FeedFormat, story?: string): string;
  /** A story's social card image. */
  card(story: string): string;
  /** `/stories/<slug>/latest.json`: what a live story's open timeline polls. */
  live(story: string): string;
  /** `/stories/<slug>/files/<name>`: a file placed next to the story's bulletins. */
  file(story: string, name: string): string;
  /**
   * `/stories/<slug>/images/<name>-<width>w.<digest>.webp`: a copy of a picture `width` pixels wide.
   * Named by the picture's digest, so a picture replaced under its name gets new URLs (and the
   * copies can be cached for a year).
   */
  picture(story: string, name: string, digest: string, width: number): string;
  /** `/authors/`: every author. */
  authors(): string;
  /** `/authors/<slug>/`: an author's bio and newest updates; `…/<n>/`: older ones, numbered from the first. */
  author(slug: string, page?: number): string;
  /** An author's feed: `/authors/<slug>/feed.xml`, `atom.xml`, `feed.json`. */
  authorFeed(format: FeedFormat, slug: string): string;
  /** `/authors/files/<name>`: an author's photo. */
  authorPhoto(name: string): string;
  /** `/whole/<slug>/<first-day>.html`: a story (or a part of a long one, from its first day) as one file to download (src/lib/publish/story-file.ts). */
  wholeStory(slug: string, first: DayKey): string;
  /** `/offline/`: what this device keeps, and the page the service worker answers with when it has nothing else. */
  offline(): string;
  /** `/saved/<slug>.json`: what "Save for offline" keeps of a story (src/lib/offline/saved.ts). */
  saved(story: string): string;
  /** `/sw.js`: the service worker, whose scope is the site's base. */
  worker(): string;
  /**
   * `/embed/<slug>/`: a story's newest updates, for other sites to frame. Its own folder, not under
   * the story's: hosts join every header rule that matches a path, so only a folder the site's
   * policy is not given to can be framed.
   */
  embed(story: string): string;
  /** `/embed/<slug>/oembed.json`: the story's embed code as oEmbed, for a CMS given the story's address. */
  oembed(story: string): string;
  /** `/embed.js`: the script a partner's page loads beside the frame, to fit it to its content. */
  embedScript(): string;
}

/** What a search URL can carry: words, and the filters (`month` is `YYYY-MM`, `key` means key events only). */
export interface SearchQuery {
  q?: string;
  story?: string;
  year?: string;
  month?: string;
  key?: boolean;
  tag?: string;
  /** An author's slug. */
  author?: string;
}

/** The URL parameters of a search, in one fixed order (what the search page reads back). */
export function searchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['q', 'story', 'year', 'month', 'tag', 'author'] as const)
    if (query[name]) params.set(name, query[name]);
  if (query.key) params.set('key', '1');
  return params;
}

/** The feed formats and their file names. */
/** The feed formats, in one place: each one's file name, media type and name for readers. */
export const FEEDS = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', name: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', name: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed' },
} as const;
export type FeedFormat = keyof typeof FEEDS;

/** Normalises `base` to start and end with one slash (`dateline` → `/dateline/`). */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Builds the URL helpers for a base path. */
export function createPaths(base: string): Paths {
  const root = normaliseBase(base);
  const seg = encodeURIComponent;
  const paths: Paths = {
    home: () => root,
    story: (slug) => `${root}stories/${seg(slug)}/`,
    storyDay: (slug, day) => `${paths.story(slug)}#${dayAnchor(day)}`,
    dayPage: (slug, day) => `${paths.story(slug)}${day}/`,
    permalink: (slug, day, id) => `${paths.dayPage(slug, day)}#${id}`,
    keyEvents: (slug, page = 1) => `${paths.story(slug)}key-events/${page > 1 ? `${page}/` : ''}`,
    fromStart: (slug, page = 1) =>
      `${paths.story(slug)}from-the-start/${page > 1 ? `${page}/` : ''}`,
    archive: (month) =>
      `${root}archive/${month ? `${month.slice(0, 4)}/${month.slice(5, 7)}/` : ''}`,
    tags: (slug) => `${root}tags/${slug ? `${seg(slug)}/` : ''}`,
    search: (query) => {
      const params = searchParams(
        typeof query === 'string' ? { q: query } : (query ?? {}),
      ).toString();
      return `${root}search/${params ? `?${params}` : ''}`;
    },
    editor: (file = '') => `${root}admin/${file}`,
    asset: (path) => `${root}${path.replace(/^\/+/, '')}`,
    feed: (format, story) => `${story ? paths.story(story) : root}${FEEDS[format].file}`,
    card: (story) => `${paths.story(story)}card.png`,
    live: (story) => `${paths.story(story)}latest.json`,
    file: (story, name) => `${paths.story(story)}files/${seg(name)}`,
    picture: (story, name, digest, width) =>
      `${paths.story(story)}images/${seg(pictureFile(name, digest, width))}`,
    authors: () => `${root}authors/`,
    author: (slug, page) => `${paths.authors()}${seg(slug)}/${page ? `${page}/` : ''}`,
    authorFeed: (format, slug) => `${paths.author(slug)}${FEEDS[format].file}`,
    authorPhoto: (name) => `${root}authors/files/${seg(name)}`,
    wholeStory: (slug, first) => `${root}whole/${seg(slug)}/${first}.html`,
    offline: () => `${root}offline/`,
    saved: (story) => `${root}saved/${seg(story)}.json`,
    worker: () => `${root}sw.js`,
    embed: (story) => `${root}embed/${seg(story)}/`,
    oembed: (story) => `${paths.embed(story)}oembed.json`,
    embedScript: () => `${root}embed.js`,
  };
  return paths;
}

/** The file name of a picture's copy (`route-map.png-800w.1a2b3c4d.webp`), the route's parameter. */
export const pictureFile = (name: string, digest: string, width: number): string =>
  `${name}-${width}w.${digest.slice(0, 8)}.webp`;

/** A root-relative path (`/stories/…`) under the base path. */
export const rebasePath = (path: string, base: string): string =>
  path.startsWith('/') && !path.startsWith('//') ? `${normaliseBase(base)}${path.slice(1)}` : path;

/**
 * Root-relative links and images written in a bulletin (`/images/map.png`) put under the base
 * path, so they work when the site lives in a subpath. Rendered bodies are cached without a base.
 */
export function rebaseHtml(html: string, base: string): string {
  const root = normaliseBase(base);
  if (root === '/') return html;
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, `$1="${root}`)
    .replace(
      /\bsrcset="([^"]*)"/g,
      (_, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${root}`)}"`,
    );
}
