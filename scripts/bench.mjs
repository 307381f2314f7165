// `npm run bench -- [--stories 10] [--bulletins 10000] [--seed 1] [--no-lighthouse]`
// Generates a synthetic archive, builds it cold, adds one bulletin and rebuilds, edits one and
// rebuilds, then measures the output, search in headless Chromium and Lighthouse, checks that
// every bulletin is on its day page and in the search index, and writes a report to
// reports/bench-<bulletins>.md (and .json) so runs can be compared.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { generate, tokenOf } from './bench/generate.mjs';

const { values: opts } = parseArgs({
  options: {
    stories: { type: 'string', default: '10' },
    bulletins: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const STORIES = Number(opts.stories);
const BULLETINS = Number(opts.bulletins);
const ROOT = process.cwd();
const SCRATCH = join(tmpdir(), `dateline-bench-${BULLETINS}`);
const CONTENT = join(SCRATCH, 'content');
const DIST = join(SCRATCH, 'dist');
const CACHE = join(SCRATCH, 'cache');
const CLK = 100; // clock ticks per second in /proc (USER_HZ)
const kib = (n) => `${(n / 1024).toFixed(1)} kB`;
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
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

/** Runs a command, sampling the memory and CPU of its whole process tree (Pagefind's binary included). */
function measure(command, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${strip(log).slice(-4000)}`));
      const byName = {};
      for (const { name, ticks } of cpu.values()) byName[name] = (byName[name] ?? 0) + (ticks / CLK) * 1000;
      resolve({ wallMs: performance.now() - started, cpuMs: byName, peakRss: peak, log: strip(log) });
    });
  });
}

/** One `astro build` of the scratch archive, with the phases Dateline logs. */
async function build(label) {
  const r = await measure(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    CI: '1', // Astro turns Node's compile cache off under CI: honest cold numbers
    ASTRO_TELEMETRY_DISABLED: '1',
    DATELINE_CONTENT: CONTENT,
    OUT_DIR: DIST,
    CACHE_DIR: CACHE,
  });
  const num = (re) => Number(re.exec(r.log)?.[1] ?? NaN);
  const pagefindCpu = Object.entries(r.cpuMs).filter(([n]) => n.startsWith('pagefind')).reduce((a, [, v]) => a + v, 0);
  const totalCpu = Object.values(r.cpuMs).reduce((a, v) => a + v, 0);
  return {
    label,
    wallMs: r.wallMs,
    cpuMs: totalCpu,
    siteCpuMs: totalCpu - pagefindCpu,
    indexCpuMs: pagefindCpu,
    peakRss: r.peakRss,
    readMs: num(/bulletins read and checked in (\d+) ms/),
    rendered: num(/rendered (\d+) bodies/),
    renderMs: num(/rendered \d+ bodies \(\d+ from cache\) in (\d+) ms/),
    indexMs: num(/indexed \d+ updates in (\d+) ms/),
    indexWaitMs: num(/waited (\d+) ms for it/),
    pages: num(/(\d+) page\(s\) built/),
  };
}

// ---------------------------------------------------------------- output measurements

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Compressed bytes of a page with the stylesheets and scripts it loads. */
function pageWeight(file) {
  const html = readFileSync(file);
  const doc = parse(html.toString());
  const assets = [...doc.querySelectorAll('link[rel="stylesheet"]'), ...doc.querySelectorAll('script[src]')]
    .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
    .map((u) => join(DIST, u.replace(/^\//, '')));
  return { gzip: [html, ...assets.map((a) => readFileSync(a))].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), html: html.length };
}

function largestAndMedian(files) {
  const weighed = files.map((f) => ({ file: relative(DIST, f), ...pageWeight(f) })).sort((a, b) => a.gzip - b.gzip);
  return { largest: weighed.at(-1), median: weighed[Math.floor(weighed.length / 2)], count: weighed.length };
}

// ---------------------------------------------------------------- correctness at scale

function checkOutput(manifest) {
  const problems = [];
  const dayPages = new Map();
  for (const b of manifest) {
    const path = join(DIST, 'stories', b.story, b.day, 'index.html');
    if (!dayPages.has(path)) {
      dayPages.set(path, existsSync(path) ? new Set(parse(readFileSync(path, 'utf8')).querySelectorAll('article.bulletin').map((a) => a.id)) : new Set());
    }
    const id = `u-${b.file.split('/')[1].replace(/\.md$/, '').toLowerCase()}`;
    if (!dayPages.get(path).has(id)) problems.push(`${b.file}: not on ${relative(DIST, path)}`);
  }
  for (const story of new Set(manifest.map((b) => b.story))) {
    const ids = parse(readFileSync(join(DIST, 'stories', story, 'index.html'), 'utf8')).querySelectorAll('[id]').map((e) => e.id).filter((id) => /^\d{4}-\d{2}-\d{2}$/.test(id));
    const days = [...new Set(manifest.filter((b) => b.story === story).map((b) => b.day))].sort().reverse();
    if (ids.join() !== days.join()) problems.push(`${story}: timeline day anchors do not match its days`);
  }
  const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  if (indexed !== manifest.length) problems.push(`search index holds ${indexed} records for ${manifest.length} bulletins`);
  return problems;
}

// ---------------------------------------------------------------- browser measurements

async function serve() {
  const port = 4500 + Math.floor(Math.random() * 400);
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--dir', DIST, '--port', String(port)], { stdio: 'ignore' });
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

const CHROME_ARGS = ['--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];

/** Time from the last keystroke to the first result on screen, and the bytes fetched meanwhile. */
async function searchTimings(base, queries, sample) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
  const rows = [];
  let verified = 0;
  const misses = [];
  try {
    for (const [q, other] of queries) {
      const context = await browser.newContext(); // empty cache: a cold first query
      const page = await context.newPage();
      // Pagefind searches in a web worker; the context sees its requests too.
      let bytes = 0;
      context.on('requestfinished', async (req) => {
        const sizes = await req.sizes().catch(() => undefined);
        if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
      const pageBytes = bytes;
      const run = async (term) => {
        await page.fill('#search-q', '');
        await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 0);
        bytes = 0;
        const t = await page.evaluate(async (text) => {
          const input = document.querySelector('#search-q');
          const list = document.querySelector('#search-results');
          const start = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => {
            const obs = new MutationObserver(() => list.children.length && (obs.disconnect(), resolve()));
            obs.observe(list, { childList: true });
          });
          return performance.now() - start;
        }, term);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300); // let the last responses be counted
        return { ms: t, bytes };
      };
      const cold = await run(q);
      const warm = await run(other);
      const again = await run(q);
      rows.push({ query: q, other, pageBytes, cold, warm, again });
      await context.close();
    }
    // Correctness: a sample of bulletins, each found by its unique word, first result = its permalink.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    const found = await page.evaluate(async ({ bundle, items }) => {
      const pf = await import(`${bundle}pagefind.js`);
      await pf.options({ baseUrl: '/' });
      const out = [];
      for (const item of items) {
        const r = await pf.search(item.token);
        const first = r.results[0] ? await r.results[0].data() : undefined;
        out.push({ token: item.token, url: first?.url, count: r.results.length });
      }
      return out;
    }, { bundle: '/pagefind/', items: sample });
    for (const [i, f] of found.entries()) {
      const want = sample[i].permalink;
      if (f.url === want && f.count === 1) verified++;
      else misses.push(`${f.token}: got ${f.url} (${f.count} results), want ${want}`);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return { rows, verified, misses };
}

async function lighthouseScores(base, paths) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...CHROME_ARGS],
  });
  const out = [];
  try {
    for (const [name, path] of paths) {
      const result = await lighthouse(`${base}${path}`, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const c = result.lhr.categories;
      out.push({ name, path, perf: c.performance.score, a11y: c.accessibility.score, bp: c['best-practices'].score, seo: c.seo.score, lcp: result.lhr.audits['largest-contentful-paint'].numericValue, failing: Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id) });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

// ---------------------------------------------------------------- main

const pkg = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
console.info(`bench: ${BULLETINS} bulletins in ${STORIES} stories (seed ${opts.seed}) in ${SCRATCH}`);
const t0 = performance.now();
const manifest = generate({ dir: CONTENT, stories: STORIES, bulletins: BULLETINS, seed: Number(opts.seed) });
const generateMs = performance.now() - t0;
const contentBytes = filesUnder(CONTENT).reduce((n, f) => n + statSync(f).size, 0);

rmSync(DIST, { recursive: true, force: true });
rmSync(CACHE, { recursive: true, force: true });
rmSync(join(ROOT, 'node_modules/.dateline'), { recursive: true, force: true });
console.info('bench: cold build…');
const cold = await build('cold build');

// The editor's loop: one new bulletin at the top of the longest story, then a correction to another.
const longest = manifest[0].story;
const newestDay = manifest.filter((b) => b.story === longest).map((b) => b.day).sort().at(-1);
writeFileSync(join(CONTENT, longest, `${newestDay}-2359-bench-added.md`), '---\ntitle: A bulletin added by the benchmark\n---\n\nThe rebuild after one new bulletin, zq99x000001.\n');
manifest.push({ story: longest, file: `${longest}/${newestDay}-2359-bench-added.md`, day: newestDay, token: 'zq99x000001' });
console.info('bench: rebuild after adding one bulletin…');
const added = await build('+1 bulletin');
const edited = manifest[Math.floor(manifest.length / 2)];
const editedPath = join(CONTENT, edited.file);
writeFileSync(editedPath, readFileSync(editedPath, 'utf8').replace(/Reference /, 'Corrected reference '));
console.info('bench: rebuild after editing one bulletin…');
const changed = await build('1 bulletin edited');

const outFiles = filesUnder(DIST);
const pagefindFiles = filesUnder(join(DIST, 'pagefind'));
const timelines = largestAndMedian(readdirSync(join(DIST, 'stories')).map((s) => join(DIST, 'stories', s, 'index.html')));
const days = largestAndMedian(outFiles.filter((f) => /stories\/[^/]+\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(f)));
const problems = checkOutput(manifest);

console.info('bench: search in Chromium…');
const { base, server } = await serve();
let search;
let lh = [];
try {
  const sample = manifest.filter((_, i) => i % Math.max(1, Math.floor(manifest.length / 100)) === 0).map((b) => ({
    token: b.token,
    permalink: `/stories/${b.story}/${b.day}/#u-${b.file.split('/')[1].replace(/\.md$/, '').toLowerCase()}`,
  }));
  search = await searchTimings(base, [['police', 'bridge'], ['Kyiv curfew', 'Łódź'], [tokenOf(3, 7), tokenOf(5, 11)]], sample);
  if (!opts['no-lighthouse']) {
    console.info('bench: Lighthouse…');
    lh = await lighthouseScores(base, [
      ['front', '/'],
      ['story (longest)', `/${timelines.largest.file.replace(/index\.html$/, '')}`],
      ['day (median)', `/${days.median.file.replace(/index\.html$/, '')}`],
      ['search', '/search/'],
    ]);
  }
} finally {
  server.kill();
}

const chrome = await chromium.launch({ executablePath: findChromium() }).then(async (b) => [b.version(), await b.close()][0]);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free)`;
const versions = `Node ${process.version}, Astro ${pkg('astro')}, Pagefind ${pkg('pagefind')}, Chromium ${chrome}, Lighthouse ${pkg('lighthouse')}`;
const buildRow = (b) =>
  `| ${b.label} | ${sec(b.wallMs)} | ${sec(b.cpuMs)} | ${sec(b.siteCpuMs)} | ${sec(b.indexCpuMs)} | ${sec(b.readMs)} | ${b.rendered} in ${sec(b.renderMs)} | ${sec(b.indexMs)} (+${sec(b.indexWaitMs)} after pages) | ${mib(b.peakRss)} |`;
const q = (r) => `${r.ms.toFixed(0)} ms, ${kib(r.bytes)}`;
const report = [
  `# Dateline benchmark: ${BULLETINS.toLocaleString('en')} bulletins, ${STORIES} stories`,
  '',
  `${new Date().toISOString().slice(0, 16)}Z · ${machine} · ${versions}`,
  `Archive: ${manifest.length.toLocaleString('en')} bulletins, ${new Set(manifest.map((b) => b.story + b.day)).size} story-days, ${mib(contentBytes)} of Markdown, generated in ${sec(generateMs)} (seed ${opts.seed}).`,
  '',
  '| build | wall | CPU | CPU: site | CPU: search index | read + check | Markdown rendered | search index (wall) | peak memory |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  buildRow(cold),
  buildRow(added),
  buildRow(changed),
  '',
  '| output | value |',
  '|---|--:|',
  `| files | ${outFiles.length.toLocaleString('en')} (${pagefindFiles.length.toLocaleString('en')} of them search index) |`,
  `| bytes | ${mib(outFiles.reduce((n, f) => n + statSync(f).size, 0))} |`,
  `| search index | ${mib(pagefindFiles.reduce((n, f) => n + statSync(f).size, 0))} |`,
  `| story timeline, largest (gzip, HTML+CSS+JS) | ${kib(timelines.largest.gzip)} (${timelines.largest.file}, ${kib(timelines.largest.html)} raw HTML) |`,
  `| story timeline, median | ${kib(timelines.median.gzip)} |`,
  `| day page, largest | ${kib(days.largest.gzip)} (${days.largest.file}) |`,
  `| day page, median | ${kib(days.median.gzip)} |`,
  '',
  '| search query | search page load | first query (cold) | then another query (warm) | the first again |',
  '|---|--:|--:|--:|--:|',
  ...search.rows.map((r) => `| \`${r.query}\`, then \`${r.other}\` | ${kib(r.pageBytes)} | ${q(r.cold)} | ${q(r.warm)} | ${q(r.again)} |`),
  '',
  'Times run from the keystroke to the first result on screen (the page waits 50 ms for typing to pause); bytes are everything the browser fetched for the query, Pagefind\'s worker included, as sent (the server gzips text files as hosts do; Pagefind compresses its index files itself).',
  '',
  ...(lh.length
    ? ['| Lighthouse (mobile) | performance | accessibility | best practices | SEO | LCP |', '|---|--:|--:|--:|--:|--:|', ...lh.map((l) => `| ${l.name} \`${l.path}\` | ${l.perf * 100} | ${l.a11y * 100} | ${l.bp * 100} | ${l.seo * 100} | ${(l.lcp / 1000).toFixed(2)} s |`), '']
    : []),
  `Correctness: ${problems.length === 0 ? `every one of the ${manifest.length.toLocaleString('en')} bulletins is on its day page, every timeline has all its day anchors, and the index holds one record per bulletin` : `${problems.length} problems: ${problems.slice(0, 5).join('; ')}`}; search found ${search.verified} of ${search.verified + search.misses.length} sampled bulletins by their unique word, each as the single result linking to its permalink.`,
  '',
];
mkdirSync(join(ROOT, 'reports'), { recursive: true });
const out = join(ROOT, 'reports', `bench-${BULLETINS}.md`);
writeFileSync(out, report.join('\n'));
writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({ machine, versions, cold, added, changed, timelines, days, search, lighthouse: lh, problems }, (k, v) => (k === 'log' ? undefined : v), 2));
console.info(`\n${report.join('\n')}\nwritten to ${relative(ROOT, out)}`);
if (problems.length || search.misses.length) {
  console.error([...problems, ...search.misses].slice(0, 20).join('\n'));
  process.exitCode = 1;
}
