/**
 * The one settings object of a Dateline site: everything a newsroom tunes lives here. A few are set
 * at build time by environment variables (`DATELINE_*`); `settingsFrom` reads them, once, in the
 * entry points (astro.config.mjs and the editors' commands), and everything else is given the
 * settings as arguments, so that each cache can key what it makes on the settings it used.
 * Pure: no module reads the environment at import.
 */

/** The settings a site is built with. */
export interface Settings {
  /** Site name, shown in the header and in every `<title>`. */
  title: string;
  /** One sentence for the front page and its meta description. */
  description: string;
  /** Language of the site and its content (BCP 47): `<html lang>`, the interface's words (src/lib/site/strings.ts: `en`, `ru`) and the search index. DATELINE_LANG sets it. */
  lang: string;
  /** Locale used to format dates, times and counts for readers. DATELINE_LOCALE sets it (else DATELINE_LANG, else `en-GB`). */
  locale: string;
  /** Time zone of a story whose `index.md` names none (IANA name). */
  defaultTimezone: string;
  /** How many of the newest days a story timeline shows in full; older days link to their day pages. */
  timelineDays: number;
  /** …and at most this many bulletins (whole days only, at least one day), so the page stays light on busy days. */
  timelineBulletins: number;
  /** How many of a story's newest key events its timeline lists under "Key events" (all of them are on its key-events pages). */
  timelineKeyEvents: number;
  /**
   * About how many updates a page of a story read from the start lists at most (headlines with
   * their first line, linking to the updates on their day pages; whole days, a busier day alone).
   * Pages are cut where the days themselves say (src/core/cuts.ts), most at a quarter to a half of
   * this, so that an edit, a deletion or a new update changes one page, not every page after it.
   */
  fromStartUpdates: number;
  /**
   * How many updates one file of a story to download holds at most: a story of more comes in several
   * files, cut where its days say (most a quarter to a half of this), so that a new update changes the
   * last one only. An update of 80–400 words takes about 2.5 kB of a file: 2,000 make 5 MB. 0 makes
   * none (they add about 2.5 kB a bulletin to `dist/`: a site near its host's limit may do without).
   */
  wholeStoryUpdates: number;
  /** How many key events a key-events page shows in full (whole days only, at least one day). */
  keyEventsPerPage: number;
  /** How many key events of each story a month of the archive lists. */
  monthKeyEvents: number;
  /** How many of a tag's newest updates its page lists. */
  tagUpdates: number;
  /**
   * How many updates a page of an author's updates lists at most (most a quarter to a half of it:
   * pages are cut where the updates say, src/core/cuts.ts, so a new one changes the newest page and
   * a deletion the page it was on).
   */
  authorUpdates: number;
  /** How many of the newest bulletins across all stories the front page lists. */
  frontPageBulletins: number;
  /** How many of the newest updates each feed carries. */
  feedItems: number;
  /**
   * Live story pages: a live story's open timeline checks the story's `latest.json` every
   * `pollSeconds` (with jitter; less often after errors) and offers its new updates without a
   * reload. `enabled: false` switches the script off (the file is still written, and harmless).
   * `entries`: how many of the newest updates the file lists, enough to cover a timeline's.
   */
  live: { enabled: boolean; pollSeconds: number; entries: number };
  /**
   * Pictures next to bulletins: the widths of the WebP copies a page offers (`srcset`; a picture gets
   * those narrower than itself, and its own width), their quality (0–100), and the width of the text
   * column in CSS pixels (for `sizes`; 42rem less its margins in src/styles/tokens.css).
   */
  pictures: { widths: number[]; quality: number; column: number };
  /**
   * The browser editor at `/admin/` (Sveltia CMS): the GitHub repository it commits to
   * (`owner/name`; DATELINE_EDITOR_REPO, else GitHub Actions' GITHUB_REPOSITORY, else Netlify's
   * REPOSITORY_URL), its branch (DATELINE_EDITOR_BRANCH), and the address of an OAuth helper for
   * signing in with GitHub (DATELINE_EDITOR_AUTH; without one, reporters sign in with a token).
   */
  editor: { repo: string; branch: string; authUrl: string };
  /**
   * The most updates Pagefind indexes at once (a segment of the search index; larger tiers are
   * merged from segments, src/lib/publish/search-merge.ts): it bounds the memory of a build
   * (Pagefind holds about 40 kB per update of 80–400 words while it indexes) and what an edit to an old
   * day indexes again. DATELINE_SEARCH_SEGMENT sets it (the tests make it small).
   */
  searchSegment: number;
  /** Where the Markdown content lives, relative to the project root (DATELINE_CONTENT sets it, e.g. for the benchmark). */
  contentDir: string;
  /**
   * Other addresses of the same site, for readers who cannot reach its own (blocked, down): origins
   * serving a copy of the same `dist/` under the same base path. Every page links them, the feeds
   * name them. MIRRORS sets them (comma-separated: `https://news.example.net,https://bucket.s3.example.com`).
   */
  mirrors: string[];
  /**
   * A story's embed (`/embed/<slug>/`, framed by other sites): how many of its newest updates it
   * shows, and the origins allowed to frame it (EMBED_ORIGINS, comma-separated; none set: any site).
   */
  embed: { updates: number; origins: string[] };
  /** The site's onion service (an `http://….onion` origin): every page tells Tor Browser its address there. ONION sets it. */
  onion: string;
}

/** The environment variables the settings read (a subset of `process.env`). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The settings of a build with the environment `env`: this file's values, and what the variables set. */
export function settingsFrom(env: Environment): Settings {
  return {
    title: 'Dateline',
    description:
      'Rolling coverage, day by day: every update of every story, with a permalink and full-text search.',
    lang: env['DATELINE_LANG'] ?? 'en',
    locale: env['DATELINE_LOCALE'] ?? env['DATELINE_LANG'] ?? 'en-GB',
    defaultTimezone: 'UTC',
    timelineDays: 7,
    timelineBulletins: 60,
    timelineKeyEvents: 10,
    fromStartUpdates: 1000,
    wholeStoryUpdates: 2000,
    keyEventsPerPage: 40,
    monthKeyEvents: 10,
    tagUpdates: 50,
    authorUpdates: 200,
    frontPageBulletins: 10,
    feedItems: 50,
    live: { enabled: true, pollSeconds: 60, entries: 60 },
    pictures: { widths: [400, 800, 1200, 1600], quality: 75, column: 640 },
    editor: {
      repo:
        env['DATELINE_EDITOR_REPO'] ??
        env['GITHUB_REPOSITORY'] ??
        /github\.com[/:]([^/]+\/[^/.]+)/.exec(env['REPOSITORY_URL'] ?? '')?.[1] ??
        'your-org/your-site',
      branch: env['DATELINE_EDITOR_BRANCH'] ?? 'main',
      authUrl: env['DATELINE_EDITOR_AUTH'] ?? '',
    },
    searchSegment: positive(env, 'DATELINE_SEARCH_SEGMENT', 2000),
    contentDir: env['DATELINE_CONTENT'] ?? 'content',
    mirrors: origins(env, 'MIRRORS'),
    embed: { updates: 10, origins: origins(env, 'EMBED_ORIGINS') },
    onion: env['ONION'] ? origin('ONION', env['ONION'].trim(), '.onion') : '',
  };
}

/**
 * An origin (`https://host[:port]`) written in the variable `name`, as the URL standard writes it;
 * with `suffix`, its host must end with it. A path other than `/`, a query or a fragment is refused:
 * a mirror serves the same paths as the site, and a frame's ancestors are named by their origin.
 */
function origin(name: string, value: string, suffix = ''): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // not a URL: said below
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    url.username ||
    !url.hostname.endsWith(suffix)
  )
    throw new Error(
      `${name}: "${value}" is not an origin (http:// or https://, a host${suffix ? ` ending in ${suffix}` : ''}, no path)`,
    );
  return url.origin;
}

/** The origins listed in the variable `name` (comma-separated), each checked by `origin`. */
const origins = (env: Environment, name: string): string[] =>
  (env[name] ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean)
    .map((m) => origin(name, m));

/** A whole number above zero from the variable `name`, or `fallback` when it is not set. */
function positive(env: Environment, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(`${name}="${value}" is not a whole number above zero`);
  return Number(value);
}

/**
 * The build's clock: now, or `DATELINE_NOW` (an ISO datetime) to build, check or scaffold as of
 * another moment (bulletins dated after it are held back as scheduled). A function: a dev server
 * reads it again at each change.
 */
export function clockFrom(env: Environment): () => number {
  const fixed = env['DATELINE_NOW'];
  if (!fixed) return Date.now;
  const t = Date.parse(fixed);
  if (Number.isNaN(t))
    throw new Error(`DATELINE_NOW="${fixed}" is not a datetime (use e.g. 2022-01-07T12:00:00Z)`);
  return () => t;
}
