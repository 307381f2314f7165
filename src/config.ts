/** The one settings object for a Dateline site. Everything a newsroom tunes lives here. */
export const config = {
  /** Site name, shown in the header and in every `<title>`. */
  title: 'Dateline',
  /** One sentence for the front page and its meta description. */
  description:
    'Rolling coverage, day by day: every update of every story, with a permalink and full-text search.',
  /** Language of the site and its content (BCP 47): `<html lang>`, the interface's words (src/lib/site/strings.ts: `en`, `ru`) and the search index. DATELINE_LANG overrides it. */
  lang: process.env['DATELINE_LANG'] ?? 'en',
  /** Locale used to format dates, times and counts for readers. DATELINE_LOCALE overrides it. */
  locale: process.env['DATELINE_LOCALE'] ?? process.env['DATELINE_LANG'] ?? 'en-GB',
  /** Time zone of a story whose `index.md` names none (IANA name). */
  defaultTimezone: 'UTC',
  /** How many of the newest days a story timeline shows in full; older days link to their day pages. */
  timelineDays: 7,
  /** …and at most this many bulletins (whole days only, at least one day), so the page stays light on busy days. */
  timelineBulletins: 60,
  /** How many of a story's newest key events its timeline lists under "Key events" (all of them are on its key-events pages). */
  timelineKeyEvents: 10,
  /** How many key events a key-events page shows in full (whole days only, at least one day). */
  keyEventsPerPage: 40,
  /** How many key events of each story a month of the archive lists. */
  monthKeyEvents: 10,
  /** How many of a tag's newest updates its page lists. */
  tagUpdates: 50,
  /** How many updates a page of an author's updates lists (pages are cut from their first update, so a new one changes only the newest page). */
  authorUpdates: 60,
  /** How many of the newest bulletins across all stories the front page lists. */
  frontPageBulletins: 10,
  /** How many of the newest updates each feed carries. */
  feedItems: 50,
  /**
   * Live story pages: a live story's open timeline checks the story's `latest.json` every
   * `pollSeconds` (with jitter; less often after errors) and offers its new updates without a
   * reload. `enabled: false` switches the script off (the file is still written, and harmless).
   * `entries`: how many of the newest updates the file lists, enough to cover a timeline's.
   */
  live: { enabled: true, pollSeconds: 60, entries: 60 },
  /**
   * Pictures next to bulletins: the widths of the WebP copies a page offers (`srcset`; a picture gets
   * those narrower than itself, and its own width), their quality (0–100), and the width of the text
   * column in CSS pixels (for `sizes`; 42rem less its margins in src/styles/tokens.css).
   */
  pictures: { widths: [400, 800, 1200, 1600], quality: 75, column: 640 },
  /**
   * The browser editor at `/admin/` (Sveltia CMS): the GitHub repository it commits to
   * (`owner/name`; DATELINE_EDITOR_REPO, else GitHub Actions' GITHUB_REPOSITORY, else Netlify's
   * REPOSITORY_URL), its branch (DATELINE_EDITOR_BRANCH), and the address of an OAuth helper for
   * signing in with GitHub (DATELINE_EDITOR_AUTH; without one, reporters sign in with a token).
   */
  editor: {
    repo:
      process.env['DATELINE_EDITOR_REPO'] ??
      process.env['GITHUB_REPOSITORY'] ??
      /github\.com[/:]([^/]+\/[^/.]+)/.exec(process.env['REPOSITORY_URL'] ?? '')?.[1] ??
      'your-org/your-site',
    branch: process.env['DATELINE_EDITOR_BRANCH'] ?? 'main',
    authUrl: process.env['DATELINE_EDITOR_AUTH'] ?? '',
  },
  /** Where the Markdown content lives, relative to the project root (DATELINE_CONTENT overrides it, e.g. for the benchmark). */
  contentDir: process.env['DATELINE_CONTENT'] ?? 'content',
};

export type SiteConfig = typeof config;

/**
 * The build's clock: now, or `DATELINE_NOW` (an ISO datetime) to build, check or scaffold as of
 * another moment (bulletins dated after it are held back as scheduled).
 */
export function buildClock(): number {
  const fixed = process.env['DATELINE_NOW'];
  if (!fixed) return Date.now();
  const t = Date.parse(fixed);
  if (Number.isNaN(t))
    throw new Error(`DATELINE_NOW="${fixed}" is not a datetime (use e.g. 2022-01-07T12:00:00Z)`);
  return t;
}
