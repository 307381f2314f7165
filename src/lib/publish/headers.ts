/**
 * HTTP headers for static hosts, as a `_headers` file (Netlify and Cloudflare Pages read it): a
 * strict Content-Security-Policy the whole site runs under (no inline scripts or styles; Pagefind
 * needs 'wasm-unsafe-eval' and a worker), the usual hardening headers, and long cache lifetimes
 * for content-hashed files only.
 */
import { PLAYER_ORIGINS } from '../content/embeds.ts';
import { STORY_FILE_POLICY } from './story-file-style.ts';

/**
 * The Content-Security-Policy of every response. Frames may come from the video players a click
 * loads (src/scripts/players.ts), and only on the pages whose videos use them: every page narrows
 * `frame-src` with a `<meta>` policy of its own (`framePolicy`), to `'none'` on a page with no video,
 * and a browser enforces both policies. A host that applies no `_headers` still gets the page's own.
 */
export const CSP = [
  "default-src 'self'",
  `frame-src ${Object.values(PLAYER_ORIGINS).join(' ')}`,
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Content-Security-Policy of the browser editor at `/admin/` (and only there): Sveltia CMS
 * injects its styles as `<style>` elements ('unsafe-inline' styles), runs a worker from a `blob:`
 * URL, shows pictures being uploaded from `blob:` URLs, and talks to GitHub's API (and its status
 * page, to say when GitHub is down). Scripts and fonts come from the site only.
 */
export const EDITOR_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The editor's folder in the output (`/admin/`). */
export const EDITOR_FOLDER = 'admin';

/** Headers for every response (and the site's policy, or the editor's: `headersFile`). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
};

/** A page's own policy, in a `<meta>`: the frames its videos load when clicked, or none. */
export const framePolicy = (players: readonly string[]): string =>
  `frame-src ${players.length ? [...new Set(players)].sort().join(' ') : "'none'"}`;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The site's folders at the top of the output (its routes in src/pages, Astro's bundles, the search
 * index) and its top-level pages: the paths the site's policy is given to (tests/build checks that
 * the output holds nothing else that needs it).
 */
export const SITE_FOLDERS = [
  '_astro',
  'archive',
  'authors',
  'offline',
  'pagefind',
  'search',
  'stories',
  'tags',
];
export const SITE_PAGES = ['', 'index.html', '404.html'];

/**
 * The `_headers` file for a site under `base` (`/` or `/dateline/`), `mirrored` when it has mirrors. Hosts join the values of
 * every rule that matches a path (two policies, which a browser both enforces), and no rule can
 * leave a path out: so the site's policy is given to its own folders and pages by name, and the
 * editor's folder, `admin/`, gets the editor's instead.
 */
export function headersFile(base: string, { mirrored = false } = {}): string {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const block = (path: string, headers: Record<string, string>) =>
    `${path}\n${Object.entries(headers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  const site = { 'Content-Security-Policy': CSP };
  return [
    // A site with mirrors is read through each of them by the service worker of another (the
    // site's own, or a mirror's): each copy lets any page fetch its files. They are public pages.
    block(`${root}*`, {
      ...SECURITY_HEADERS,
      ...(mirrored ? { 'Access-Control-Allow-Origin': '*' } : {}),
    }),
    ...SITE_PAGES.map((page) => block(`${root}${page}`, site)),
    ...SITE_FOLDERS.map((folder) => block(`${root}${folder}/*`, site)),
    // A story's files to download have a policy of their own: nothing from the network, their own
    // stylesheet only (src/lib/publish/story-file.ts).
    block(`${root}whole/*`, { 'Content-Security-Policy': STORY_FILE_POLICY }),
    block(`${root}${EDITOR_FOLDER}/*`, {
      'Content-Security-Policy': EDITOR_CSP,
      'X-Robots-Tag': 'noindex, nofollow',
    }),
    // Astro's bundles, Pagefind's index chunks and the search tiers (folders named by their
    // key) are named by their content: cache them for a year.
    // Copies of pictures are named by the picture's digest too.
    ...[
      '_astro',
      'pagefind/index',
      'pagefind/fragment',
      'pagefind/filter',
      'pagefind/part',
      'stories/*/images',
    ].map((dir) => block(`${root}${dir}/*`, { 'Cache-Control': IMMUTABLE })),
    // What a live story's open pages poll: always revalidated (a 304 when unchanged), never served stale.
    block(`${root}stories/*/latest.json`, { 'Cache-Control': 'no-cache' }),
    // The service worker (no policy of its own: it fetches from the mirrors), the manifest it
    // trusts and the stories' lists to save: always revalidated, so a new build reaches readers at
    // their next load; the manifest's pieces are named by their content.
    ...['sw.js', 'integrity.json', 'integrity.json.sig', 'saved/*'].map((file) =>
      block(`${root}${file}`, { 'Cache-Control': 'no-cache' }),
    ),
    block(`${root}integrity/*`, { 'Cache-Control': IMMUTABLE }),
  ].join('\n');
}

/** Parses a `_headers` file into rules (for the test server, and to check the file). */
export function parseHeadersFile(
  text: string,
): { pattern: RegExp; path: string; headers: Record<string, string> }[] {
  const rules: { pattern: RegExp; path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      rules.push({
        path,
        pattern: new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
        headers: {},
      });
    } else {
      const i = line.indexOf(':');
      if (i > 0 && rules.length)
        rules.at(-1)!.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}
