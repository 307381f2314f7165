// `npm test`: every layer, then each layer's time and one closing line `N passed, N failed`.
// Two cores, kept busy: the type check, lint, unit tests and the four builds the later layers read
// run two at a time; then the checks over the builds and the builds of changed copies of the
// project (Vitest) run beside the browser tests (Playwright). Each step's output is printed whole
// when it ends, so that no two steps' lines mix. (Starting the incremental builds at once, beside the
// rest, was slower: every step then ran three to a core pair.) Type check, lint and each build count as one check;
// Vitest and Playwright report their tests through JSON files. A failed step does not stop the
// later ones unless they need its output.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureHeadlessShell } from './chromium.mjs';
import { SIGNING_KEY } from '../tests/e2e/offline-key.ts';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
// Node's compile cache for every process of the run (Astro turns its own off when CI is set): the
// build tests start Astro about seventy times. It caches V8's compiled code by source, never output.
process.env.NODE_COMPILE_CACHE ??= join('node_modules', '.cache', 'node-compile-cache');

const started = Date.now();
let passed = 0;
let failed = 0;
const lines = [];
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs one step. `live` steps print as they go; the others (run beside another) print their output
 * whole when they end, so that two steps' lines never mix.
 */
function run(label, command, args, { env = {}, live = false } = {}) {
  const since = Date.now();
  console.info(`\n==> ${label}: ${command} ${args.join(' ')}${live ? '' : ' (output when done)'}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const ok = code === 0;
      if (!live) console.info(`\n==> ${label}: ${ok ? 'ok' : 'FAILED'}\n${output.trimEnd()}`);
      lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds(since)})`);
      resolve(ok);
    });
  });
}

/** A step that is one check. */
async function check(label, command, args, options) {
  const ok = await run(label, command, args, options);
  if (ok) passed++;
  else failed++;
  return ok;
}

/** A Vitest project; its tests are counted from the JSON report. */
async function vitest(project, options) {
  const report = `${RESULTS}/${project}.json`;
  const ok = await run(
    `vitest ${project}`,
    'vitest',
    [
      'run',
      '--config',
      'tests/vitest.config.ts',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    options,
  );
  if (!existsSync(report)) {
    failed++;
    return false;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (ok || r.numFailedTests ? 0 : 1);
  return ok;
}

/** Runs the tasks (functions returning a promise) at most `width` at a time, in order. */
async function pool(width, tasks) {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    }),
  );
}

/** Where the browser tests serve a mirror of the subpath build (tests/e2e/offline.spec.ts): that build names it. */
const MIRROR_PORT = Number(process.env.PREVIEW_PORT ?? 4391) + 5;

/** The builds the later layers read, and whether each succeeded. */
const builds = new Map();
const buildStep = async (label, env) =>
  builds.set(label, await check(label, 'astro', ['build'], { env }));

// 1. Static checks, unit tests and the builds the later layers read, two at a time.
const SCALE = `${RESULTS}/scale`;
await pool(2, [
  () => vitest('unit'),
  // Every build of this run has its own cache folder: two builds that share one would trip over each other.
  () => check('type check', 'astro', ['check'], { env: { CACHE_DIR: `${RESULTS}/cache-check` } }),
  // The site, as `npm run build` makes it.
  () => buildStep('build', {}),
  // The same site under a subpath, into a folder that stands for a web root: <root>/dateline/,
  // with two mirrors (the browser tests serve one on the first), an onion address and a signing key.
  () =>
    buildStep('build under /dateline/', {
      BASE: '/dateline/',
      MIRRORS: `http://127.0.0.1:${MIRROR_PORT},https://mirror.example.net`,
      ONION: `http://${'d'.repeat(56)}.onion`,
      SIGNING_KEY,
      OUT_DIR: `${RESULTS}/webroot/dateline`,
      CACHE_DIR: `${RESULTS}/cache-base`,
    }),
  () => check('lint', 'npm', ['run', '--silent', 'lint']),
  // The same content again, from empty caches and in another time zone: it must give the same
  // bytes (tests/build/reproducible.test.ts compares them).
  () =>
    buildStep('build again, cold, in another time zone', {
      OUT_DIR: `${RESULTS}/dist-again`,
      CACHE_DIR: `${RESULTS}/cache-again`,
      TZ: 'Pacific/Kiritimati',
    }),
  // A generated archive large enough for a search index in tiers (tests/e2e/tiers.spec.ts).
  async () =>
    (await run('generate 2,500 bulletins', process.execPath, [
      'scripts/bench/generate.ts',
      '--dir',
      `${SCALE}/content`,
      '--bulletins',
      '2500',
      '--seed',
      '1',
    ])) &&
    buildStep('build the generated archive', {
      DATELINE_CONTENT: `${SCALE}/content`,
      // Segments of 300 updates: the browser tests search tiers merged from segments.
      DATELINE_SEARCH_SEGMENT: '300',
      OUT_DIR: `${SCALE}/dist`,
      CACHE_DIR: `${SCALE}/cache`,
    }),
]);
if (builds.size === 4 && [...builds.values()].every(Boolean)) {
  // 2. Side by side: the checks over the builds and the builds of changed copies of the project
  // (Vitest: compute), and the browser tests (Playwright: mostly waiting for pages and the network).
  await Promise.all([vitest('build'), browserTests()]);
} else {
  lines.push('skip build checks and browser tests: a build failed');
}
/** Playwright, when there is a Chromium; its tests are counted from the JSON report. */
async function browserTests() {
  let chrome;
  try {
    chrome = ensureChromium();
    if (!ensureHeadlessShell())
      console.info('playwright: no chromium-headless-shell; every spec runs in Chromium (slower)');
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : err}`);
    failed++;
    lines.push('FAIL browser tests: no Chromium');
    return;
  }
  const ok = await run('playwright', 'playwright', ['test', '-c', 'tests/playwright.config.ts'], {
    env: { CHROME_PATH: chrome },
    live: true,
  });
  const report = `${RESULTS}/e2e.json`;
  if (existsSync(report)) {
    const { stats } = JSON.parse(readFileSync(report, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (ok || stats.unexpected ? 0 : 1);
  } else failed++;
}

console.info(
  `\nEach layer, wall time (layers run side by side on two cores):\n${lines.join('\n')}`,
);
console.info(`all layers: ${seconds(started)}`);
console.info(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
