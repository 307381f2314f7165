/**
 * What the benchmark measures in a browser: search on Dateline's page beside Pagefind's own UI over
 * the same day pages (the search anchor), timed the same way in headless Chromium; that a sample of
 * bulletins is found by its unique word; and Lighthouse's scores.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureChromium } from '../chromium.mjs';
import { filesUnder } from './output.ts';

const ROOT = process.cwd();

/** Serves `dist` as a static host would (scripts/serve.mjs) on a free-ish port. */
export async function serve(dist: string): Promise<{ base: string; server: ChildProcess }> {
  const port = 4500 + Math.floor(Math.random() * 400);
  const server = spawn(
    process.execPath,
    [join(ROOT, 'scripts/serve.mjs'), '--dir', dist, '--port', String(port)],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, server };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('static server did not start');
}

/** Chromium here reaches nothing but this machine. */
export const CHROME_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** How long a query may take before the bench calls it failed (a search that never answers must not hang the bench). */
const QUERY_TIMEOUT_MS = 30_000;

interface SearchPage {
  path: string;
  input: string;
  status: string;
  link: string;
  list?: string;
  failed: RegExp;
}

/**
 * The two search pages the bench times the same way: Dateline's, and Pagefind's own Default UI over
 * a plain index of the same site's day pages (the search anchor). Each says how to type a query and
 * when its first result for that query is on screen.
 */
const SEARCH_PAGES: Record<'dateline' | 'plain', SearchPage> = {
  dateline: {
    path: '/search/',
    input: '#search-q',
    status: '#search-status',
    link: '#search-results a',
    list: '#search-results',
    failed: /could not be loaded/,
  },
  plain: {
    path: '/',
    input: '.pagefind-ui__search-input',
    status: '.pagefind-ui__message',
    link: '.pagefind-ui__result-link',
    failed: /(?!)/,
  },
};
type Kind = keyof typeof SEARCH_PAGES;

interface Answer {
  ms: number;
  status: string;
  failed: boolean;
  first: string | undefined;
}

/**
 * Types `term` into a search page and waits for its first result (or its "no results"), or with
 * `settled` for the whole first page of results; returns the ms it took, the status and the first link.
 */
async function typeAndWait(page: Page, term: string, kind: Kind, settled = false): Promise<Answer> {
  const ui = { ...SEARCH_PAGES[kind], failed: SEARCH_PAGES[kind].failed.source };
  const result = await page.evaluate(
    async ([text, ui, timeout, settled]) => {
      const input = document.querySelector<HTMLInputElement>(ui.input)!;
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const status = () => document.querySelector(ui.status)?.textContent ?? '';
      const failed = () => new RegExp(ui.failed).test(status());
      const done = () =>
        failed() ||
        (status().includes(text) &&
          (document.querySelector(ui.link) || /^No /i.test(status().trim())) &&
          (!settled ||
            (ui.list && document.querySelector(ui.list)?.getAttribute('aria-busy') === 'false')));
      const ok = await new Promise<boolean>((resolve) => {
        if (done()) return resolve(true);
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve(true);
          }
        });
        obs.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(() => {
          obs.disconnect();
          resolve(false);
        }, timeout);
      });
      return {
        ms: performance.now() - start,
        status: status(),
        failed: !ok || failed(),
        // Result links carry `?highlight=<words>` for the landing page: compared as permalinks.
        first: document
          .querySelector(ui.link)
          ?.getAttribute('href')
          ?.replace(/\?highlight=[^#]*/, ''),
      };
    },
    [term, ui, QUERY_TIMEOUT_MS, settled] as const,
  );
  if (result.failed)
    throw new Error(
      `the ${kind === 'plain' ? 'plain Pagefind' : 'Dateline'} search page did not answer "${term}" within ${QUERY_TIMEOUT_MS / 1000} s (status: "${result.status.trim()}")`,
    );
  return result;
}

/** Whether a fetched URL is a file of a Pagefind index (not its library or WebAssembly). */
const INDEX_FILE =
  /\/pagefind\/.*\.(pf_meta|pf_index|pf_fragment|pf_filter)$|pagefind-entry\.json$|dateline-search\.json$/;

/** A query's time to its first result, and the bytes and index files fetched by then and once the network is idle. */
export interface QueryCost {
  ms: number;
  bytes: number;
  files: number;
  totalBytes: number;
  totalFiles: number;
}

export interface SearchRow {
  query: string;
  other: string;
  pageBytes: number;
  pageFiles: number;
  cold: QueryCost;
  warm: QueryCost;
  again: QueryCost;
}

/**
 * Times a search page: the bytes fetched as it opens (before any keystroke), then per query pair
 * the time from the keystroke to the first result on screen, the bytes and index files fetched for
 * it, cold (a fresh browser context) and warm.
 */
async function searchTimings(
  browser: Browser,
  base: string,
  queries: [string, string][],
  kind: Kind,
): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  for (const [q, other] of queries) {
    const context = await browser.newContext(); // empty cache: a cold first query
    const page = await context.newPage();
    // Pagefind searches in a web worker; the context sees its requests too.
    let bytes = 0;
    let files = 0;
    context.on('requestfinished', (req) => {
      if (INDEX_FILE.test(new URL(req.url()).pathname)) files++;
      void req.sizes().then(
        (sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize),
        () => undefined,
      );
    });
    await page.goto(`${base}${SEARCH_PAGES[kind].path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500); // what an idle page fetches by itself counts as its opening
    const pageBytes = bytes;
    const pageFiles = files;
    // The first query's bytes run from opening the page (what it fetched then, and when the reader
    // moved to the box, counts); the later ones' from their keystroke.
    const run = async (term: string, fromOpening = false): Promise<QueryCost> => {
      await page.fill(SEARCH_PAGES[kind].input, '');
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      if (!fromOpening) {
        bytes = 0;
        files = 0;
      }
      const { ms } = await typeAndWait(page, term, kind);
      // What it took to show the first result; then what the page fetched after it (the rest of the
      // first results, filter counts), until the network is idle.
      const first = { bytes, files };
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300); // let the last responses be counted
      return { ms, bytes: first.bytes, files: first.files, totalBytes: bytes, totalFiles: files };
    };
    const cold = await run(q, true);
    const warm = await run(other);
    const again = await run(q);
    rows.push({ query: q, other, pageBytes, pageFiles, cold, warm, again });
    await context.close();
  }
  return rows;
}

/** Every sampled bulletin found by its unique word through Dateline's search page, as the single result, linking to its permalink. */
async function verifySample(
  browser: Browser,
  base: string,
  sample: { token: string; permalink: string }[],
): Promise<{ verified: number; misses: string[] }> {
  let verified = 0;
  const misses: string[] = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/`);
  for (const item of sample) {
    const found = await typeAndWait(page, item.token, 'dateline', true);
    if (found.first === item.permalink && /^1 update found/.test(found.status)) verified++;
    else misses.push(`${item.token}: got ${found.first} (${found.status}), want ${item.permalink}`);
  }
  await context.close();
  return { verified, misses };
}

export interface PlainIndex {
  dir: string;
  indexMs: number;
  files: number;
  bytes: number;
}

/**
 * The search anchor: Pagefind's CLI over the site's day pages (one index, each update a sub-result
 * under its heading), read through Pagefind's own Default UI, served from a folder of its own. Its
 * typing pause is set to Dateline's (50 ms; the UI's default is 300), so the two are timed alike.
 */
function plainPagefind(dist: string, scratch: string): PlainIndex {
  const dir = join(scratch, 'plain');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'),
      '--site',
      dist,
      '--glob',
      'stories/*/2*/index.html',
      '--output-path',
      join(dir, 'pagefind'),
    ],
    { stdio: 'ignore' },
  );
  const indexMs = performance.now() - started;
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title><link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head><body><div id="search"></div><script>window.addEventListener("DOMContentLoaded", () => new PagefindUI({ element: "#search", showSubResults: true, debounceTimeoutMs: 50 }));</script></body></html>',
  );
  const index = filesUnder(join(dir, 'pagefind'));
  return {
    dir,
    indexMs,
    files: index.length,
    bytes: index.reduce((n, f) => n + statSync(f).size, 0),
  };
}

export interface SearchResults {
  rows: SearchRow[];
  plain: PlainIndex & { rows: SearchRow[] };
  verified: number;
  misses: string[];
}

/** Dateline's search page and the plain-Pagefind anchor, timed the same way in one browser; then the correctness sample. */
export async function searchBoth(
  dist: string,
  scratch: string,
  queries: [string, string][],
  sample: { token: string; permalink: string }[],
): Promise<SearchResults> {
  const plainIndex = plainPagefind(dist, scratch);
  const ours = await serve(dist);
  const theirs = await serve(plainIndex.dir);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROME_ARGS });
  try {
    const dateline = await searchTimings(browser, ours.base, queries, 'dateline');
    const anchor = await searchTimings(browser, theirs.base, queries, 'plain');
    const { verified, misses } = await verifySample(browser, ours.base, sample);
    return { rows: dateline, plain: { ...plainIndex, rows: anchor }, verified, misses };
  } finally {
    await browser.close();
    ours.server.kill();
    theirs.server.kill();
  }
}

export interface LighthouseScores {
  name: string;
  path: string;
  perf: number;
  a11y: number;
  bp: number;
  seo: number;
  lcp: number;
}

/** Lighthouse (mobile) on each named path of the site at `base`. */
export async function lighthouseScores(
  base: string,
  paths: [name: string, path: string][],
): Promise<LighthouseScores[]> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: ensureChromium(),
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...CHROME_ARGS,
    ],
  });
  const out: LighthouseScores[] = [];
  try {
    for (const [name, path] of paths) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const c = result.lhr.categories;
      out.push({
        name,
        path,
        perf: c['performance']?.score ?? NaN,
        a11y: c['accessibility']?.score ?? NaN,
        bp: c['best-practices']?.score ?? NaN,
        seo: c['seo']?.score ?? NaN,
        lcp: result.lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}
