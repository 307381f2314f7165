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
 * The policy of a story's embed (`/embed/<slug>/`), the only pages other sites may frame: the
 * site's, but framed by any site, or by `origins` when the operator names them (EMBED_ORIGINS), and
 * loading no frame itself (its videos are links to the story's site).
 */
export const embedPolicy = (origins: readonly string[]): string =>
  CSP.replace(/frame-src [^;]+/, "frame-src 'none'").replace(
    "frame-ancestors 'none'",
    `frame-ancestors ${origins.length ? origins.join(' ') : '*'}`,
  );

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

/** The embeds' folder in the output (`/embed/<slug>/`, src/core/paths.ts). */
export const EMBED_FOLDER = 'embed';

/** Headers for every response (and the site's policy, or the editor's: `headersFile`). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** For browsers that do not read `frame-ancestors`: on every page but the embeds. */
const NO_FRAMING = { 'X-Frame-Options': 'DENY' };

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

/** What the `_headers` file depends on besides the base. */
export interface HeadersOptions {
  /** The site has mirrors (`MIRRORS`). */
  mirrored?: boolean;
  /** The origins that may frame the embeds (`EMBED_ORIGINS`); none: any. */
  embedOrigins?: readonly string[];
}

/**
 * The `_headers` file for a site under `base` (`/` or `/dateline/`). Hosts join the values of
 * every rule that matches a path (two policies, which a browser both enforces), and no rule can
 * leave a path out (Cloudflare's `! Header` can, Netlify has no such thing): so the site's policy
 * and `X-Frame-Options` are given to its own folders and pages by name, the editor's folder,
 * `admin/`, gets the editor's policy instead, and the embeds' folder, `embed/`, its own, which lets
 * other sites frame it.
 */
export function headersFile(
  base: string,
  { mirrored = false, embedOrigins = [] }: HeadersOptions = {},
): string {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const block = (path: string, headers: Record<string, string>) =>
    `${path}\n${Object.entries(headers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  const site = { 'Content-Security-Policy': CSP, ...NO_FRAMING };
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
    block(`${root}whole/*`, { 'Content-Security-Policy': STORY_FILE_POLICY, ...NO_FRAMING }),
    block(`${root}${EDITOR_FOLDER}/*`, {
      // Its page carries the policy in a `<meta>` too (for hosts without headers), where a browser
      // ignores `frame-ancestors` and says so: the header alone refuses framing.
      'Content-Security-Policy': `${EDITOR_CSP}; frame-ancestors 'none'`,
      ...NO_FRAMING,
      'X-Robots-Tag': 'noindex, nofollow',
    }),
    // The embeds: the only pages other sites may frame.
    block(`${root}${EMBED_FOLDER}/*`, { 'Content-Security-Policy': embedPolicy(embedOrigins) }),
    // A sandboxed embed (WordPress frames one so) has no origin of its own: its module scripts,
    // its swap and its checks are cross-origin requests, which these let it make. (With mirrors,
    // the first rule says it for every file; said twice, hosts would send an invalid `*, *`.)
    ...(mirrored
      ? []
      : [`_astro/*`, `${EMBED_FOLDER}/*`, 'stories/*/latest.json'].map((path) =>
          block(`${root}${path}`, { 'Access-Control-Allow-Origin': '*' }),
        )),
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
    // The script partners' pages load beside an embed is named for good: revalidated too.
    ...['sw.js', 'integrity.json', 'integrity.json.sig', 'saved/*', 'embed.js'].map((file) =>
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
