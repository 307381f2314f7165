/**
 * The service worker's settings (made by src/integrations/offline.ts, built into the worker) and
 * its rules for which request goes where: pure, tested in Node; src/scripts/sw.ts applies them.
 */
import type { WorkerStrings } from './notes.ts';

export interface WorkerConfig {
  /** The site's base path: the worker's scope. */
  base: string;
  /** The site's other addresses (origins), asked in order when its own does not answer. */
  mirrors: string[];
  /** The public half of the signing key (raw, base64url), or empty: roots signed with it are trusted from mirrors. */
  publicKey: string;
  /** The locale notes say times in. */
  locale: string;
  strings: WorkerStrings;
  /** The site's shell, kept at install: its stylesheet, scripts and offline page (`revision` for files not named by their content). */
  precache: { url: string; revision: string | null }[];
  /** How long the site's own address has to answer a page before the mirrors and saved copies are tried (ms). */
  timeout: number;
}

/** Names of the caches the worker and the page scripts share. */
export const CACHES = {
  /** Pages as they were read. */
  pages: 'dateline-pages',
  /** Pictures' copies as they were shown. */
  pictures: 'dateline-pictures',
  /** The integrity root trusted, and pieces (named by their digest). */
  trust: 'dateline-trust',
  /** A saved story: every page of it (src/scripts/offline.ts). */
  story: (slug: string) => `dateline-story:${slug}`,
  storyPrefix: 'dateline-story:',
} as const;

/** The response header a kept copy carries: when it was kept (ISO). */
export const SAVED_HEADER = 'x-dateline-saved';

/** What the worker does with a request: leave it alone, or answer it as a page, a picture or another file of the site. */
export type Route = 'pass' | 'page' | 'picture' | 'file';

/**
 * The route of a GET request for `url` (`navigate`: the browser is opening a page). Left alone:
 * other hosts, the editor (its own scripts and policy, never a kept copy), what live pages poll
 * (never cached), the search index (too large to keep; searched online), and the worker's own files.
 */
export function routeOf(url: URL, origin: string, base: string, navigate: boolean): Route {
  if (url.origin !== origin || !url.pathname.startsWith(base)) return 'pass';
  const file = url.pathname.slice(base.length);
  if (
    file.startsWith('admin/') ||
    file === 'admin' ||
    file.startsWith('pagefind/') ||
    file.endsWith('/latest.json') ||
    file === 'sw.js' ||
    file.startsWith('integrity')
  )
    return 'pass';
  if (navigate || file === '' || file.endsWith('/') || file.endsWith('.html')) return 'page';
  if (/^stories\/[^/]+\/images\//.test(file) || file.startsWith('authors/files/')) return 'picture';
  return 'file';
}
