/// <reference lib="webworker" />
/**
 * The service worker (bundled into `sw.js` by src/integrations/offline.ts, with its settings): the
 * site readable when the network is cut or the site blocked.
 *
 * - The shell (stylesheet, scripts, offline page) is kept at install (Workbox's precaching).
 * - A page always comes from the site's own address first, and is kept as it is read. When that
 *   address does not answer within a few seconds: the same path from the first mirror whose copy
 *   matches the integrity manifest the worker trusts (src/lib/offline/integrity.ts), else the copy
 *   kept on this device, else the offline page; each says so at its top (src/lib/offline/notes.ts).
 * - Pictures' copies are kept as they are shown (their names change with their content).
 * - Left alone (src/lib/offline/worker.ts `routeOf`): the editor, what live pages poll, the search
 *   index, other hosts.
 */
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import {
  checkFile,
  digestOf,
  fileOf,
  parseRoot,
  PIECES_FOLDER,
  ROOT_FILE,
  SIGNATURE_FILE,
  trustedFromMirror,
  type IntegrityRoot,
} from '../lib/offline/integrity.ts';
import { noteTime, withNote, type NoteKind } from '../lib/offline/notes.ts';
import { CACHES, routeOf, SAVED_HEADER, type WorkerConfig } from '../lib/offline/worker.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __DATELINE__: WorkerConfig;
const config = __DATELINE__;
const { base, strings } = config;

// A new worker takes over at once: readers get a new build's worker at their next load.
void self.skipWaiting();
clientsClaim();
precacheAndRoute(config.precache);
cleanupOutdatedCaches();

// Where the browser supports it (Chromium's static routing), the worker is not even asked for the
// editor, live polls and the search index: their requests go to the network as without a worker.
self.addEventListener('install', (event) => {
  const routes = (event as ExtendableEvent & { addRoutes?: (rules: unknown[]) => Promise<void> })
    .addRoutes;
  if (!routes) return;
  event.waitUntil(
    routes
      .call(event, [
        { condition: { urlPattern: `${base}admin/*` }, source: 'network' },
        { condition: { urlPattern: `${base}stories/*/latest.json` }, source: 'network' },
        { condition: { urlPattern: `${base}pagefind/*` }, source: 'network' },
      ])
      .catch(() => undefined),
  );
});

/**
 * A fetch that gives up after `ms`. A page's own request is raced, not aborted: a request for a
 * page being opened cannot be copied with other options.
 */
async function fetchWithin(input: RequestInfo, ms: number, init?: RequestInit): Promise<Response> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('no answer'));
    }, ms);
  });
  try {
    const request = init ? fetch(input, { ...init, signal: controller.signal }) : fetch(input);
    return await Promise.race([request, late]);
  } finally {
    clearTimeout(timer);
  }
}

const isHtml = (r: Response) => (r.headers.get('content-type') ?? '').includes('text/html');

/** A page's response with a note at its top. */
async function noted(
  response: Response,
  kind: NoteKind,
  values: Record<string, string>,
): Promise<Response> {
  const html = withNote(await response.text(), kind, strings, values);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(html, { status: 200, headers });
}

/** How many pages read are kept (the oldest kept go first); saved stories are kept whole apart. */
const PAGES_KEPT = 200;

/** Keeps a page as read, with when it was kept. */
async function keepPage(request: Request, response: Response): Promise<void> {
  const headers = new Headers(response.headers);
  headers.set(SAVED_HEADER, new Date().toISOString());
  const cache = await caches.open(CACHES.pages);
  await cache.delete(request);
  await cache.put(request, new Response(await response.blob(), { status: 200, headers }));
  // Keys come in the order they were put: the first are the oldest.
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, -PAGES_KEPT).map((k) => cache.delete(k)));
}

// The integrity root trusted: the last one the site's own address gave (or, with a signing key, a
// newer one a mirror gave, signed with it).
const ROOT_KEY = `${base}${ROOT_FILE}`;
let lastRootCheck = 0;

async function trustedRoot(): Promise<IntegrityRoot | undefined> {
  const kept = await (await caches.open(CACHES.trust)).match(ROOT_KEY);
  return kept ? parseRoot(await kept.text()) : undefined;
}

/** Refreshes the trusted root from the site's own address (at most once a minute). */
async function refreshRoot(): Promise<void> {
  if (Date.now() - lastRootCheck < 60_000) return;
  lastRootCheck = Date.now();
  try {
    const response = await fetch(ROOT_KEY, { cache: 'no-cache' });
    if (response.ok && parseRoot(await response.clone().text()))
      await (await caches.open(CACHES.trust)).put(ROOT_KEY, response);
  } catch {
    // unreachable now: the root kept stays trusted
  }
}

self.addEventListener('activate', (event) => event.waitUntil(refreshRoot()));

/** A piece of the manifest from a mirror, kept once checked (its name is its digest). */
async function pieceFrom(mirror: string, name: string): Promise<string | undefined> {
  const cache = await caches.open(CACHES.trust);
  const key = `${base}${name}`;
  const kept = await cache.match(key);
  if (kept) return kept.text();
  try {
    const response = await fetchWithin(`${mirror}${key}`, config.timeout, { mode: 'cors' });
    if (!response.ok) return undefined;
    const text = await response.text();
    // Kept only when it matches its name (checkFile refuses one that does not, from any mirror).
    if (`${PIECES_FOLDER}/${await digestOf(text)}.json` === name)
      await cache.put(key, new Response(text));
    return text;
  } catch {
    return undefined;
  }
}

/** The root to check a mirror's files with: the one trusted, or the mirror's own when it is signed with the site's key and not older. */
async function rootFor(mirror: string): Promise<IntegrityRoot | undefined> {
  const trusted = await trustedRoot();
  if (!config.publicKey) return trusted;
  try {
    const [text, signature] = await Promise.all(
      [ROOT_FILE, SIGNATURE_FILE].map(async (f) => {
        const r = await fetchWithin(`${mirror}${base}${f}`, config.timeout, {
          mode: 'cors',
          cache: 'no-cache',
        });
        return r.ok ? r.text() : undefined;
      }),
    );
    const newer =
      text !== undefined
        ? await trustedFromMirror(text, signature, config.publicKey, trusted)
        : undefined;
    if (newer && newer.built !== trusted?.built)
      await (await caches.open(CACHES.trust)).put(ROOT_KEY, new Response(text));
    return newer ?? trusted;
  } catch {
    return trusted;
  }
}

type FromMirrors =
  { response: Response; host: string } | { refused: string } | { unchecked: string } | undefined;

/**
 * The same path from the first mirror that answers with a copy matching the manifest; else which
 * mirror refused (a copy that did not match) or could not be checked; undefined when none answered.
 */
async function fromMirrors(url: URL): Promise<FromMirrors> {
  const file = fileOf(url.pathname, base);
  if (!file) return undefined;
  let answer: FromMirrors;
  for (const mirror of config.mirrors) {
    let response: Response;
    try {
      response = await fetchWithin(`${mirror}${url.pathname}${url.search}`, config.timeout, {
        mode: 'cors',
        credentials: 'omit',
      });
    } catch {
      continue;
    }
    if (!response.ok) continue;
    const host = new URL(mirror).host;
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    const root = await rootFor(mirror);
    const verdict = root
      ? await checkFile(file, bytes, root, (name) => pieceFrom(mirror, name))
      : 'unknown';
    if (verdict === 'ok') return { response, host };
    // A refusal outweighs a copy that could not be checked; the next mirror may still have a good one.
    if (verdict === 'mismatch') answer = { refused: host };
    else answer ??= { unchecked: host };
  }
  return answer;
}

/** The offline page with a note, answering for `url`. */
async function offlinePage(kind: NoteKind, values: Record<string, string>): Promise<Response> {
  const page = await matchPrecache(`${base}offline/`);
  if (!page) return Response.error();
  return noted(page, kind, values);
}

/** A page: the site's own address, then the mirrors, then the copy kept, then the offline page. */
async function page({ request, url }: { request: Request; url: URL }): Promise<Response> {
  try {
    const response = await fetchWithin(request, config.timeout);
    // Kept as read: pages the reader opened (a story being saved keeps its own).
    if (response.ok && isHtml(response) && request.mode === 'navigate') {
      const copy = response.clone();
      void keepPage(request, copy).catch(() => undefined);
      void refreshRoot();
    }
    return response;
  } catch {
    // not answered: blocked, down, or no network
  }
  const mirrored = await fromMirrors(url);
  if (mirrored && 'response' in mirrored) {
    const { response, host } = mirrored;
    return isHtml(response) ? noted(response, 'mirror', { host }) : response;
  }
  const kept = await caches.match(request, { ignoreVary: true });
  if (kept) {
    const when = kept.headers.get(SAVED_HEADER);
    return noted(kept, 'saved', { when: when ? noteTime(when, config.locale) : '' });
  }
  if (mirrored && 'refused' in mirrored) return offlinePage('refused', { host: mirrored.refused });
  if (mirrored && 'unchecked' in mirrored)
    return offlinePage('unchecked', { host: mirrored.unchecked });
  return offlinePage('offline', {});
}

/** Another file of the site (a feed, a file next to bulletins): the site's own address, then a checked mirror, then a kept copy. */
async function file({ request, url }: { request: Request; url: URL }): Promise<Response> {
  try {
    return await fetchWithin(request, config.timeout);
  } catch {
    const mirrored = await fromMirrors(url);
    if (mirrored && 'response' in mirrored) return mirrored.response;
    return (await caches.match(request)) ?? Response.error();
  }
}

const pictures = new CacheFirst({
  cacheName: CACHES.pictures,
  // Workbox's own types disagree under exactOptionalPropertyTypes (its plugin's callbacks are
  // optional properties, not `| undefined` ones): the plugin is Workbox's, as documented.
  plugins: [
    new ExpirationPlugin({ maxEntries: 300, purgeOnQuotaError: true }) as unknown as WorkboxPlugin,
  ],
});

registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    routeOf(url, self.location.origin, base, request.mode === 'navigate') === 'page',
  page,
);
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' && routeOf(url, self.location.origin, base, false) === 'picture',
  async (options) => {
    // Kept as shown; from a saved story's cache, or a checked mirror, when the site does not answer.
    try {
      return await pictures.handle(options);
    } catch {
      return (await caches.match(options.request)) ?? (await file(options));
    }
  },
);
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' && routeOf(url, self.location.origin, base, false) === 'file',
  file,
);
