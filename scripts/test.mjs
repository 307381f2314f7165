// `npm test`: every layer in order, then one closing line `N passed, N failed` over all of them.
// Type check, lint and build count as one check each; Vitest and Playwright report their tests
// through JSON files. A failed step does not stop the later ones unless they need its output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.info(`\n==> ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step that is one check. */
function check(label, command, args, env) {
  const ok = run(label, command, args, env);
  if (ok) passed++;
  else failed++;
  return ok;
}

/** A Vitest project; its tests are counted from the JSON report. */
function vitest(project) {
  const report = `${RESULTS}/${project}.json`;
  const ok = run(`vitest ${project}`, 'vitest', [
    'run',
    '--config',
    'tests/vitest.config.ts',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed++;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (ok || r.numFailedTests ? 0 : 1);
}

check('type check', 'astro', ['check']);
check('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit');
// The same site under a subpath, into a folder that stands for a web root: <root>/dateline/.
const built = check('build', 'astro', ['build']);
const builtUnderBase = check('build under /dateline/', 'astro', ['build'], {
  BASE: '/dateline/',
  OUT_DIR: `${RESULTS}/webroot/dateline`,
});
// The same content built again must give the same bytes (tests/build/reproducible.test.ts compares them).
const builtAgain = check('build again', 'astro', ['build'], { OUT_DIR: `${RESULTS}/dist-again` });
// A generated archive large enough for a search index in tiers (tests/e2e/tiers.spec.ts).
const SCALE = `${RESULTS}/scale`;
const builtScale =
  run('generate 2,500 bulletins', process.execPath, [
    'scripts/bench/generate.mjs',
    '--dir',
    `${SCALE}/content`,
    '--bulletins',
    '2500',
    '--seed',
    '1',
  ]) &&
  check('build the generated archive', 'astro', ['build'], {
    DATELINE_CONTENT: `${SCALE}/content`,
    OUT_DIR: `${SCALE}/dist`,
    CACHE_DIR: `${SCALE}/cache`,
  });
if (built && builtUnderBase && builtAgain && builtScale) {
  vitest('build');
  let chrome;
  try {
    chrome = ensureChromium();
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : err}`);
    failed++;
    lines.push('FAIL browser tests: no Chromium');
  }
  if (chrome) {
    const ok = run('playwright', 'playwright', ['test', '-c', 'tests/playwright.config.ts'], {
      CHROME_PATH: chrome,
    });
    const report = `${RESULTS}/e2e.json`;
    if (existsSync(report)) {
      const { stats } = JSON.parse(readFileSync(report, 'utf8'));
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected + (ok || stats.unexpected ? 0 : 1);
    } else failed++;
  }
} else {
  lines.push('skip build checks and browser tests: the build failed');
}

console.info(`\n${lines.join('\n')}`);
console.info(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
