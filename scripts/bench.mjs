// `npm run bench -- [--sizes 1000,10000,30000] [--detail 10000] [--stories 10] [--seed 1] [--photos] [--no-lighthouse]`
// For each size: generates a synthetic archive, builds it with the Hugo peer and Pagefind's CLI
// from scratch (the tool a newsroom would use instead), then with Dateline cold, after one new
// bulletin, after one edited and after one deleted bulletin, and the peer again; measures the
// output, checks that every bulletin is on its day page and in the search index, and times search
// in headless Chromium beside plain Pagefind over the same day pages (a query that does not answer
// within 30 s fails the bench); at the `detail` size it also weighs pages and runs Lighthouse.
// Writes reports/bench.md (and .json).
// Absolute times drift ±20 % between runs on shared machines; the ratios to the peer, measured in
// the same run, drift far less.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { addMediaStory, addPhotos, generate, photo, tokenOf } from './bench/generate.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,30000' },
    detail: { type: 'string', default: '10000' },
    stories: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'no-lighthouse': { type: 'boolean', default: false },
    // A photo beside every hundredth bulletin (about 1 MB each), to compare cold builds with and without.
    photos: { type: 'boolean', default: false },
  },
});
const SIZES = opts.sizes.split(',').map(Number);
const DETAIL = Number(opts.detail);
const STORIES = Number(opts.stories);
const ROOT = process.cwd();
const HUGO_SITE = join(ROOT, 'scripts', 'bench', 'hugo');
const CLK = 100; // clock ticks per second in /proc (USER_HZ)
const kib = (n) => `${(n / 1024).toFixed(1)} kB`;
const mb = (n) => `${(n / 1e6).toFixed(0)} MB`;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const fmt = (n) => n.toLocaleString('en');
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

// ---------------------------------------------------------------- process-tree sampling

/** Every descendant pid of `pid`, from /proc. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // gone
    }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Runs a command, sampling the memory and CPU of its whole process tree (Pagefind's and Hugo's binaries included). */
function measure(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const cpu = new Map(); // pid -> { name, ticks }
    let peak = 0;
    const sample = () => {
      let rss = 0;
      for (const pid of [child.pid, ...descendants(child.pid)]) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          cpu.set(pid, { name, ticks: Number(f[11]) + Number(f[12]) });
          rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
        } catch {
          // exited between listing and reading
        }
      }
      peak = Math.max(peak, rss);
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0)
        return reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${strip(log).slice(-4000)}`,
          ),
        );
      const byName = {};
      for (const { name, ticks } of cpu.values())
        byName[name] = (byName[name] ?? 0) + (ticks / CLK) * 1000;
      resolve({
        wallMs: performance.now() - started,
        cpuMs: byName,
        peakRss: peak,
        log: strip(log),
      });
    });
  });
}

const cpuTotal = (r) => Object.values(r.cpuMs).reduce((a, v) => a + v, 0);
const cpuOf = (r, prefix) =>
  Object.entries(r.cpuMs)
    .filter(([n]) => n.startsWith(prefix))
    .reduce((a, [, v]) => a + v, 0);

// ---------------------------------------------------------------- the peer: Hugo + Pagefind's CLI

/** Hugo from Debian's package: found on PATH, or installed when we are root on Debian. */
function ensureHugo() {
  const found = () => {
    try {
      return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  let version = found();
  if (!version && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.info("bench: installing Debian's hugo package for the peer (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['install', '-y', '-qq', 'hugo'], { stdio: 'inherit', env });
    version = found();
  }
  if (!version)
    throw new Error(
      'the benchmark compares Dateline with Hugo + Pagefind: install Hugo (sudo apt-get install hugo) and run again',
    );
  return version;
}

/** Hugo, then Pagefind's CLI (the project's own dependency), from scratch: wall, CPU and peak memory of both. */
async function peer(scratch) {
  const out = join(scratch, 'peer');
  const work = join(scratch, 'peer-work');
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Mount the archive at content/stories; keep Hugo's caches out of the project.
  writeFileSync(
    join(work, 'run.toml'),
    `resourceDir = '${work}/resources'\ncacheDir = '${work}/cache'\n[module]\n[[module.mounts]]\nsource = '${join(scratch, 'content')}'\ntarget = 'content/stories'\nexcludeFiles = ['authors/**']\n`,
  );
  const hugo = await measure('hugo', [
    '--source',
    HUGO_SITE,
    '--config',
    `${join(HUGO_SITE, 'hugo.toml')},${join(work, 'run.toml')}`,
    '--destination',
    out,
    '--noBuildLock',
    '--quiet',
  ]);
  const index = await measure(process.execPath, [
    join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'),
    '--site',
    out,
    '--quiet',
  ]);
  return {
    wallMs: hugo.wallMs + index.wallMs,
    hugoMs: hugo.wallMs,
    pagefindMs: index.wallMs,
    cpuMs: cpuTotal(hugo) + cpuTotal(index),
    peakRss: Math.max(hugo.peakRss, index.peakRss),
  };
}

// ---------------------------------------------------------------- Dateline builds

/** One `astro build` of a scratch archive, with the phases Dateline logs. */
async function build(label, scratch) {
  const r = await measure(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      CI: '1', // Astro turns Node's compile cache off under CI: honest numbers
      ASTRO_TELEMETRY_DISABLED: '1',
      DATELINE_CONTENT: join(scratch, 'content'),
      OUT_DIR: join(scratch, 'dist'),
      CACHE_DIR: join(scratch, 'cache'),
    },
  );
  const num = (re, i = 1) => Number(re.exec(r.log)?.[i] ?? NaN);
  const search =
    /search: (\d+) story-days in (\d+) tiers, (\d+) indexed in (\d+) ms alongside the pages; waited (\d+) ms/.exec(
      r.log,
    );
  return {
    label,
    wallMs: r.wallMs,
    cpuMs: cpuTotal(r),
    indexCpuMs: cpuOf(r, 'pagefind'),
    peakRss: r.peakRss,
    readMs: num(/read and checked in (\d+) ms/),
    rendered: num(/rendered (\d+) bodies/),
    renderMs: num(/rendered \d+ bodies \(\d+ from cache\) in (\d+) ms/),
    tiers: Number(search?.[2] ?? NaN),
    indexed: Number(search?.[3] ?? NaN),
    indexMs: Number(search?.[4] ?? NaN),
    indexWaitMs: Number(search?.[5] ?? NaN),
    // Astro logs each route it renders with its time, each one it takes from its cache as cached or restored.
    pages: (r.log.match(/\(\+\d+(\.\d+)?m?s\)/g) ?? []).length,
    pagesCached: (r.log.match(/\((cached|restored)\)/g) ?? []).length,
  };
}

// ---------------------------------------------------------------- output measurements

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Compressed bytes of a page with the stylesheets and scripts it loads. */
function pageWeight(dist, file) {
  const html = readFileSync(file);
  const doc = parse(html.toString());
  const assets = [
    ...doc.querySelectorAll('link[rel="stylesheet"]'),
    ...doc.querySelectorAll('script[src]'),
  ]
    .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
    .map((u) => join(dist, u.replace(/^\//, '')));
  return {
    gzip: [html, ...assets.map((a) => readFileSync(a))].reduce(
      (n, b) => n + gzipSync(b, { level: 9 }).length,
      0,
    ),
    html: html.length,
  };
}

function largestAndMedian(dist, files) {
  const weighed = files
    .map((f) => ({ file: relative(dist, f), ...pageWeight(dist, f) }))
    .sort((a, b) => a.gzip - b.gzip);
  return {
    largest: weighed.at(-1),
    median: weighed[Math.floor(weighed.length / 2)],
    count: weighed.length,
  };
}

// ---------------------------------------------------------------- correctness at scale

const updateIdOf = (file) => `u-${file.split('/')[1].replace(/\.md$/, '').toLowerCase()}`;
const permalinkOf = (b) => `/stories/${b.story}/${b.day}/#${updateIdOf(b.file)}`;

function checkOutput(dist, manifest, extraDays = 0) {
  const problems = [];
  const dayPages = new Map();
  for (const b of manifest) {
    const path = join(dist, 'stories', b.story, b.day, 'index.html');
    if (!dayPages.has(path)) {
      dayPages.set(
        path,
        existsSync(path)
          ? new Set(
              parse(readFileSync(path, 'utf8'))
                .querySelectorAll('article.bulletin')
                .map((a) => a.id),
            )
          : new Set(),
      );
    }
    if (!dayPages.get(path).has(updateIdOf(b.file)))
      problems.push(`${b.file}: not on ${relative(dist, path)}`);
  }
  for (const story of new Set(manifest.map((b) => b.story))) {
    const ids = parse(readFileSync(join(dist, 'stories', story, 'index.html'), 'utf8'))
      .querySelectorAll('[id]')
      .map((e) => e.id)
      .filter((id) => /^\d{4}-\d{2}-\d{2}$/.test(id));
    const days = [...new Set(manifest.filter((b) => b.story === story).map((b) => b.day))]
      .sort()
      .reverse();
    if (ids.join() !== days.join())
      problems.push(`${story}: timeline day anchors do not match its days`);
  }
  // Reading from the start: every bulletin on exactly one of its story's pages.
  for (const story of new Set(manifest.map((b) => b.story))) {
    const folder = join(dist, 'stories', story, 'from-the-start');
    const seen = filesUnder(folder)
      .filter((f) => f.endsWith('index.html'))
      .flatMap((f) =>
        parse(readFileSync(f, 'utf8'))
          .querySelectorAll('article.bulletin')
          .map((a) => a.id),
      );
    const expected = manifest.filter((b) => b.story === story).map((b) => updateIdOf(b.file));
    const once = new Set(seen);
    if (
      seen.length !== expected.length ||
      once.size !== seen.length ||
      expected.some((id) => !once.has(id))
    )
      problems.push(`${story}: from-the-start pages do not hold each bulletin once`);
  }
  const search = JSON.parse(readFileSync(join(dist, 'pagefind', 'dateline-search.json'), 'utf8'));
  const indexed = search.parts
    .map((part) =>
      JSON.parse(readFileSync(join(dist, 'pagefind', 'part', part, 'pagefind-entry.json'), 'utf8')),
    )
    .reduce(
      (n, entry) => n + Object.values(entry.languages).reduce((m, l) => m + l.page_count, 0),
      0,
    );
  // One record per story-day, each update a sub-result under its heading.
  const storyDays = new Set(manifest.map((b) => `${b.story}/${b.day}`)).size + extraDays;
  if (indexed !== storyDays)
    problems.push(`search index holds ${indexed} records for ${storyDays} story-days`);
  return { problems, tiers: search.parts.length };
}

// ---------------------------------------------------------------- browser measurements

async function serve(dist) {
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

const CHROME_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** How long a query may take before the bench calls it failed (a search that never answers must not hang the bench). */
const QUERY_TIMEOUT_MS = 30_000;

/**
 * The two search pages the bench times the same way: Dateline's, and Pagefind's own Default UI over
 * a plain index of the same site's day pages (the search anchor). Each says how to type a query and
 * when its first result for that query is on screen.
 */
const SEARCH_PAGES = {
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

/**
 * Types `term` into a search page and waits for its first result (or its "no results"), or with
 * `settled` for the whole first page of results; returns the ms it took, the status and the first link.
 */
async function typeAndWait(page, term, kind = 'dateline', settled = false) {
  const result = await page.evaluate(
    async ([text, ui, timeout, settled]) => {
      const input = document.querySelector(ui.input);
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const status = () => document.querySelector(ui.status)?.textContent ?? '';
      const failed = () => new RegExp(ui.failed.source).test(status());
      const done = () =>
        failed() ||
        (status().includes(text) &&
          (document.querySelector(ui.link) || /^No /i.test(status().trim())) &&
          (!settled || document.querySelector(ui.list)?.getAttribute('aria-busy') === 'false'));
      const ok = await new Promise((resolve) => {
        if (done()) return resolve(true);
        const obs = new MutationObserver(() => done() && (obs.disconnect(), resolve(true)));
        obs.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(() => (obs.disconnect(), resolve(false)), timeout);
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
    [
      term,
      { ...SEARCH_PAGES[kind], failed: { source: SEARCH_PAGES[kind].failed.source } },
      QUERY_TIMEOUT_MS,
      settled,
    ],
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

/**
 * Times a search page: the bytes fetched as it opens (before any keystroke), then per query pair
 * the time from the keystroke to the first result on screen, the bytes and index files fetched for
 * it, cold (a fresh browser context) and warm.
 */
async function searchTimings(browser, base, queries, kind) {
  const rows = [];
  for (const [q, other] of queries) {
    const context = await browser.newContext(); // empty cache: a cold first query
    const page = await context.newPage();
    // Pagefind searches in a web worker; the context sees its requests too.
    let bytes = 0;
    let files = 0;
    context.on('requestfinished', async (req) => {
      if (INDEX_FILE.test(new URL(req.url()).pathname)) files++;
      const sizes = await req.sizes().catch(() => undefined);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(`${base}${SEARCH_PAGES[kind].path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500); // what an idle page fetches by itself counts as its opening
    const pageBytes = bytes;
    const pageFiles = files;
    // The first query's bytes run from opening the page (what it fetched then, and when the reader
    // moved to the box, counts); the later ones' from their keystroke.
    const run = async (term, fromOpening = false) => {
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
async function verifySample(browser, base, sample) {
  let verified = 0;
  const misses = [];
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

/**
 * The search anchor: Pagefind's CLI over the site's day pages (one index, each update a sub-result
 * under its heading), read through Pagefind's own Default UI, served from a folder of its own. Its
 * typing pause is set to Dateline's (50 ms; the UI's default is 300), so the two are timed alike.
 */
function plainPagefind(dist, scratch) {
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

/** Dateline's search page and the plain-Pagefind anchor, timed the same way in one browser; then the correctness sample. */
async function searchBoth(dist, scratch, queries, sample) {
  const plain = plainPagefind(dist, scratch);
  const ours = await serve(dist);
  const theirs = await serve(plain.dir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
  try {
    const dateline = await searchTimings(browser, ours.base, queries, 'dateline');
    const anchor = await searchTimings(browser, theirs.base, queries, 'plain');
    const { verified, misses } = await verifySample(browser, ours.base, sample);
    return { rows: dateline, plain: { ...plain, rows: anchor }, verified, misses };
  } finally {
    await browser.close();
    ours.server.kill();
    theirs.server.kill();
  }
}

async function lighthouseScores(base, paths) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
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
  const out = [];
  try {
    for (const [name, path] of paths) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = result.lhr.categories;
      out.push({
        name,
        path,
        perf: c.performance.score,
        a11y: c.accessibility.score,
        bp: c['best-practices'].score,
        seo: c.seo.score,
        lcp: result.lhr.audits['largest-contentful-paint'].numericValue,
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

// ---------------------------------------------------------------- one archive size

/** Builds one archive the peer's way and Dateline's way (cold, +1, edit, delete); measures the output in detail at the detail size. */
async function benchSize(size) {
  const scratch = join(tmpdir(), `dateline-bench-${size}`);
  const content = join(scratch, 'content');
  const dist = join(scratch, 'dist');
  console.info(
    `bench: ${fmt(size)} bulletins in ${STORIES} stories (seed ${opts.seed}) in ${scratch}`,
  );
  const t0 = performance.now();
  const manifest = generate({
    dir: content,
    stories: STORIES,
    bulletins: size,
    seed: Number(opts.seed),
  });
  const photos = opts.photos ? await addPhotos(content, manifest) : 0;
  // At the detail size, a story of ten photos, two videos and three posts, for Lighthouse.
  const media = size === DETAIL ? await addMediaStory(content) : undefined;
  const generateMs = performance.now() - t0;
  const contentBytes = filesUnder(content).reduce((n, f) => n + statSync(f).size, 0);
  const storyDays = new Set(manifest.map((b) => b.story + b.day)).size;

  console.info('bench:   Hugo + Pagefind from scratch…');
  const peerBefore = await peer(scratch);
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(scratch, 'cache'), { recursive: true, force: true });
  rmSync(join(ROOT, 'node_modules/.dateline'), { recursive: true, force: true });
  console.info('bench:   Dateline, cold…');
  const cold = await build('cold build', scratch);

  // The editor's loop: one new bulletin at the top of the longest story; then an edit to, and the
  // deletion of, bulletins from the middle of the archive (older stretches of time).
  const longest = manifest[0].story;
  const newestDay = manifest
    .filter((b) => b.story === longest)
    .map((b) => b.day)
    .sort()
    .at(-1);
  const added = {
    story: longest,
    file: `${longest}/${newestDay}-2359-bench-added.md`,
    day: newestDay,
    token: 'zq99x000001',
  };
  writeFileSync(
    join(content, added.file),
    '---\ntitle: A bulletin added by the benchmark\n---\n\nThe rebuild after one new bulletin, zq99x000001.\n',
  );
  manifest.push(added);
  console.info('bench:   Dateline, one new bulletin…');
  const plusOne = await build('+1 bulletin', scratch);
  // The same with a camera's photo beside it: its copies are all the build makes more.
  const withPhoto = {
    story: longest,
    file: `${longest}/${newestDay}-2358-bench-photo.md`,
    day: newestDay,
    token: 'zq99x000002',
  };
  const camera = await photo({ width: 4000, height: 3000, seed: 3 });
  writeFileSync(join(content, longest, 'bench-camera.jpg'), camera);
  writeFileSync(
    join(content, withPhoto.file),
    '---\ntitle: A bulletin with a photo, added by the benchmark\n---\n\nThe rebuild after one new bulletin with a photo, zq99x000002.\n\n![A generated photo](./bench-camera.jpg "A generated photo. Photo: Benchmark")\n',
  );
  manifest.push(withPhoto);
  console.info(`bench:   Dateline, one new bulletin with a ${mb(camera.length)} photo…`);
  const plusPhoto = await build(`+1 bulletin with a ${mb(camera.length)} photo`, scratch);
  const edited = manifest[Math.floor(manifest.length / 2)];
  writeFileSync(
    join(content, edited.file),
    readFileSync(join(content, edited.file), 'utf8').replace(/Reference /, 'Corrected reference '),
  );
  console.info('bench:   Dateline, one edited bulletin…');
  const edit = await build('1 bulletin edited', scratch);
  const [deleted] = manifest.splice(Math.floor(manifest.length / 3), 1);
  unlinkSync(join(content, deleted.file));
  console.info('bench:   Dateline, one deleted bulletin…');
  const del = await build('1 bulletin deleted', scratch);
  console.info('bench:   Hugo + Pagefind again…');
  const peerAfter = await peer(scratch);
  const peerMs = (peerBefore.wallMs + peerAfter.wallMs) / 2;

  const result = {
    size,
    bulletins: manifest.length,
    storyDays,
    contentBytes,
    generateMs,
    peer: { before: peerBefore, after: peerAfter, wallMs: peerMs },
    builds: [cold, plusOne, edit, del, plusPhoto],
    photos,
  };
  // At every size: the output's size, its correctness, and search beside the plain-Pagefind anchor.
  const outFiles = filesUnder(dist);
  const searchFiles = filesUnder(join(dist, 'pagefind'));
  // The media story's one day is indexed too.
  const { problems, tiers } = checkOutput(dist, manifest, media ? 1 : 0);
  console.info('bench:   search in Chromium, and plain Pagefind over the day pages…');
  const sample = [
    ...manifest.filter((_, i) => i % Math.max(1, Math.floor(manifest.length / 100)) === 0),
    added,
    edited,
  ].map((b) => ({ token: b.token, permalink: permalinkOf(b) }));
  const search = await searchBoth(
    dist,
    scratch,
    [
      ['police', 'bridge'],
      ['Kyiv curfew', 'Łódź'],
      [tokenOf(3, 7), tokenOf(5, 11)],
    ],
    sample,
  );
  const output = {
    files: outFiles.length,
    searchFiles: searchFiles.length,
    bytes: outFiles.reduce((n, f) => n + statSync(f).size, 0),
    searchBytes: searchFiles.reduce((n, f) => n + statSync(f).size, 0),
    tiers,
  };
  const measured = { ...result, output, search, problems };
  if (size !== DETAIL) return measured;

  const timelines = largestAndMedian(
    dist,
    readdirSync(join(dist, 'stories')).map((s) => join(dist, 'stories', s, 'index.html')),
  );
  const days = largestAndMedian(
    dist,
    outFiles.filter((f) => /stories\/[^/]+\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(f)),
  );
  // The reader-navigation pages, each bounded by src/config.ts whatever the archive's size.
  const navigation = Object.fromEntries(
    Object.entries({
      'key-events page': /stories\/[^/]+\/key-events\/(\d+\/)?index\.html$/,
      'from-the-start page': /stories\/[^/]+\/from-the-start\/(\d+\/)?index\.html$/,
      'archive month': /archive\/\d{4}\/\d{2}\/index\.html$/,
      'tag page': /tags\/[^/]+\/index\.html$/,
      'author page': /authors\/[^/]+\/(\d+\/)?index\.html$/,
    }).map(([name, re]) => [
      name,
      largestAndMedian(
        dist,
        outFiles.filter((f) => re.test(f)),
      ),
    ]),
  );
  // The editor's first step in a breaking story: `npm run new` (without npm's own start), five times, into this archive.
  const newRuns = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/new.ts'), manifest[0].story, '--title', `Bench scaffold ${i}`],
      { env: { ...process.env, DATELINE_CONTENT: content }, encoding: 'utf8' },
    );
    newRuns.push(performance.now() - started);
    if (r.status !== 0) problems.push(`npm run new failed: ${r.stderr}`);
    else unlinkSync(r.stdout.split('\n')[0]);
  }
  let lighthouse = [];
  if (!opts['no-lighthouse']) {
    console.info('bench:   Lighthouse…');
    const { base, server } = await serve(dist);
    try {
      lighthouse = await lighthouseScores(base, [
        ['front', '/'],
        ['story (longest)', `/${timelines.largest.file.replace(/index\.html$/, '')}`],
        ['day (median)', `/${days.median.file.replace(/index\.html$/, '')}`],
        ['story with a summary', `/stories/${manifest[0].story}/`],
        [
          'author (largest page)',
          `/${navigation['author page'].largest.file.replace(/index\.html$/, '')}`,
        ],
        ['search', '/search/'],
        ...(media
          ? [
              [
                'day of ten photos, two videos, three posts',
                `/stories/${media.slug}/${media.day}/`,
              ],
              ['its story timeline', `/stories/${media.slug}/`],
            ]
          : []),
      ]);
    } finally {
      server.kill();
    }
  }
  return {
    ...measured,
    detail: {
      pages: { timelines, days, navigation, newMs: newRuns.toSorted((a, b) => a - b)[2] },
      lighthouse,
    },
  };
}

// ---------------------------------------------------------------- report

const versions = () => {
  const pkg = (name) =>
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  return `Node ${process.version}, Astro ${pkg('astro')}, Pagefind ${pkg('pagefind')}, ${ensureHugo().split(' ').slice(0, 2).join(' ')}`;
};

function report(results, machine, chrome) {
  const lines = [
    `# Dateline benchmark`,
    '',
    `${new Date().toISOString().slice(0, 16)}Z · ${machine} · ${versions()}${chrome ? `, Chromium ${chrome}` : ''}`,
    `Archives of ${STORIES} stories (seed ${opts.seed}); the peer is Hugo (scripts/bench/hugo/) and Pagefind's CLI over its output, from scratch, run before and after Dateline's builds.`,
    '',
    '## Growth',
    '',
    '| bulletins | photos | story-days | Markdown | Hugo + Pagefind | Dateline cold | +1 bulletin | +1 with a 5 MB photo (more than +1) | 1 edited | 1 deleted | peak memory (whole tree) |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map((r) => {
      const [cold, plus, edit, del, photo] = r.builds;
      const peer = r.peer.wallMs;
      return `| ${fmt(r.bulletins)} | ${fmt(r.photos)} | ${fmt(r.storyDays)} | ${mb(r.contentBytes)} | ${sec(peer)} (${sec(r.peer.before.wallMs)}, ${sec(r.peer.after.wallMs)}) | ${sec(cold.wallMs)} (${ratio(cold.wallMs, peer)}) | ${sec(plus.wallMs)} (${ratio(plus.wallMs, peer)}) | ${sec(photo.wallMs)} (+${sec(photo.wallMs - plus.wallMs)}) | ${sec(edit.wallMs)} (${ratio(edit.wallMs, peer)}) | ${sec(del.wallMs)} (${ratio(del.wallMs, peer)}) | ${mb(Math.max(...r.builds.map((b) => b.peakRss)))} |`;
    }),
    '',
    "Ratios are to the mean of the peer's two runs (in brackets) on the same archive in the same run.",
    '',
    '## Builds',
    '',
    '| bulletins | build | wall | CPU (all processes) | CPU: search index | read + check | bodies rendered | routes rendered / from cache | story-days indexed (tiers) | index ready after the pages | peak memory |',
    '|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...results.flatMap((r) =>
      r.builds.map(
        (b) =>
          `| ${fmt(r.size)} | ${b.label} | ${sec(b.wallMs)} | ${sec(b.cpuMs)} | ${sec(b.indexCpuMs)} | ${sec(b.readMs)} | ${fmt(b.rendered)} in ${sec(b.renderMs)} | ${fmt(b.pages)} / ${fmt(b.pagesCached)} | ${fmt(b.indexed)} (${b.tiers}) | +${sec(b.indexWaitMs)} | ${mb(b.peakRss)} |`,
      ),
    ),
    '',
    `Peer, per run: ${results.map((r) => `${fmt(r.size)}: Hugo ${sec(r.peer.before.hugoMs)} + Pagefind ${sec(r.peer.before.pagefindMs)}, then ${sec(r.peer.after.hugoMs)} + ${sec(r.peer.after.pagefindMs)}`).join('; ')}.`,
    '',
  ];
  lines.push(
    '## Search, beside plain Pagefind over the same day pages',
    '',
    "Dateline's search page against the search anchor: Pagefind's CLI over the same site's day pages, read through Pagefind's own Default UI (sub-results shown), timed the same way in the same browser. Times run from the keystroke to the first result link on screen (the reader having moved to the box first, as readers do: both pages start Pagefind then); bytes are everything fetched by then, Pagefind's worker included, as sent (gzip for text, as hosts do): for the first query from opening the page, for the others from their keystroke; files are the index files among them; in brackets, the same once the network is idle (the rest of the first results, and filter counts).",
    '',
    '| bulletins | page | page opens | first query: time, bytes, index files | next query (warm) | the first again |',
    '|--:|---|--:|--:|--:|--:|',
  );
  const cell = (r) =>
    `${r.ms.toFixed(0)} ms, ${kib(r.bytes)}, ${r.files} (${kib(r.totalBytes)}, ${r.totalFiles})`;
  for (const r of results) {
    for (const [name, rows] of [
      ['Dateline', r.search.rows],
      ['plain Pagefind', r.search.plain.rows],
    ])
      for (const row of rows)
        lines.push(
          `| ${fmt(r.size)} | ${name}: \`${row.query}\`, then \`${row.other}\` | ${kib(row.pageBytes)} | ${cell(row.cold)} | ${cell(row.warm)} | ${cell(row.again)} |`,
        );
    const ours = r.search.rows;
    const theirs = r.search.plain.rows;
    const worst = (f) => Math.max(...ours.map((row, i) => f(row) / f(theirs[i])));
    lines.push(
      `| ${fmt(r.size)} | **ratio, worst pair** | ${ratio(Math.max(...ours.map((x) => x.pageBytes)), Math.max(...theirs.map((x) => x.pageBytes)))} | ${worst((x) => x.cold.ms).toFixed(2)}× time, ${worst((x) => x.cold.bytes).toFixed(2)}× bytes | ${worst((x) => x.warm.ms).toFixed(2)}× | ${worst((x) => x.again.ms).toFixed(2)}× |`,
    );
  }
  lines.push(
    '',
    '## Output',
    '',
    '| bulletins | files in dist/ | bytes | search index: files, bytes | plain Pagefind index of the day pages: files, bytes, time |',
    '|--:|--:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${fmt(r.size)} | ${fmt(r.output.files)} | ${mb(r.output.bytes)} | ${fmt(r.output.searchFiles)}, ${mb(r.output.searchBytes)} (${r.output.tiers} tiers) | ${fmt(r.search.plain.files)}, ${mb(r.search.plain.bytes)}, ${sec(r.search.plain.indexMs)} |`,
    ),
    '',
    '## Correctness',
    '',
    ...results.map(
      (r) =>
        `- ${fmt(r.size)}: ${r.problems.length === 0 ? `every one of the ${fmt(r.bulletins)} bulletins is on its day page, every timeline has all its day anchors, and the index holds one record per story-day` : `${r.problems.length} problems: ${r.problems.slice(0, 5).join('; ')}`}; the search page found ${r.search.verified} of ${r.search.verified + r.search.misses.length} sampled bulletins (the one added and the one edited by the incremental builds among them) by their unique word, each as the single result linking to its permalink.`,
    ),
    '',
  );
  const d = results.find((r) => r.detail);
  if (d) {
    const { pages, lighthouse } = d.detail;
    lines.push(
      `## Pages at ${fmt(d.size)} bulletins`,
      '',
      '| page | value |',
      '|---|--:|',
      `| story timeline, largest (gzip, HTML+CSS+JS) | ${kib(pages.timelines.largest.gzip)} (${pages.timelines.largest.file}, ${kib(pages.timelines.largest.html)} raw HTML) |`,
      `| story timeline, median | ${kib(pages.timelines.median.gzip)} |`,
      `| day page, largest | ${kib(pages.days.largest.gzip)} (${pages.days.largest.file}, ${kib(pages.days.largest.html)} raw HTML) |`,
      `| day page, median | ${kib(pages.days.median.gzip)} |`,
      `| \`npm run new\` (median of 5, Node's start included, npm's not) | ${sec(pages.newMs)} |`,
      ...Object.entries(pages.navigation).map(([name, n]) =>
        n.largest
          ? `| ${name}, largest of ${fmt(n.count)} | ${kib(n.largest.gzip)} (${n.largest.file}, ${kib(n.largest.html)} raw HTML) |`
          : `| ${name} | none |`,
      ),
      '',
      ...(lighthouse.length
        ? [
            '| Lighthouse (mobile) | performance | accessibility | best practices | SEO | LCP |',
            '|---|--:|--:|--:|--:|--:|',
            ...lighthouse.map(
              (l) =>
                `| ${l.name} \`${l.path}\` | ${l.perf * 100} | ${l.a11y * 100} | ${l.bp * 100} | ${l.seo * 100} | ${(l.lcp / 1000).toFixed(2)} s |`,
            ),
            '',
          ]
        : []),
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

ensureHugo();
const results = [];
for (const size of SIZES) results.push(await benchSize(size));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free)`;
const chrome = results.length
  ? await chromium
      .launch({ executablePath: findChromium() })
      .then(async (b) => [b.version(), await b.close()][0])
  : undefined;
const text = report(results, machine, chrome);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
const out = join(ROOT, 'reports', 'bench.md');
writeFileSync(out, text);
writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({ machine, results }, null, 2));
console.info(`\n${text}\nwritten to ${relative(ROOT, out)}`);
const failures = results.flatMap((r) => [...r.problems, ...r.search.misses]);
if (failures.length) {
  console.error(failures.slice(0, 20).join('\n'));
  process.exitCode = 1;
}
