// `npm run bench -- [--sizes 1000,10000,30000] [--detail 10000] [--uploads 20] [--stories 10] [--seed 1] [--photos] [--no-lighthouse]`
// For each size: generates a synthetic archive, builds it with the Hugo peer and Pagefind's CLI
// from scratch (the tool a newsroom would use instead), then with Dateline cold, after one new
// bulletin, after one edited and after one deleted bulletin, and the peer again; measures the
// output, checks that every bulletin is on its day page and in the search index, and times search
// in headless Chromium beside plain Pagefind over the same day pages (a query that does not answer
// within 30 s fails the bench); at the `detail` size it also weighs pages and runs Lighthouse; at
// the largest size, what `--uploads` successive new bulletins each change in dist/ (what a host uploads).
// Writes reports/bench.md (and .json).
// Absolute times drift ±20 % between runs on shared machines; the ratios to the peer, measured in
// the same run, drift far less.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../chromium.mjs';
import { ensureHugo } from './peer.ts';
import { report } from './report.ts';
import { benchSize, type BenchOptions, type SizeResult } from './size.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,30000' },
    detail: { type: 'string', default: '10000' },
    uploads: { type: 'string', default: '20' },
    stories: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'no-lighthouse': { type: 'boolean', default: false },
    photos: { type: 'boolean', default: false },
  },
});
const options: BenchOptions = {
  sizes: values.sizes.split(',').map(Number),
  detail: Number(values.detail),
  uploads: Number(values.uploads),
  stories: Number(values.stories),
  seed: Number(values.seed),
  lighthouse: !values['no-lighthouse'],
  photos: values.photos,
};

ensureHugo();
const results: SizeResult[] = [];
for (const size of options.sizes) results.push(await benchSize(size, options));
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free)`;
const browser = await chromium.launch({ executablePath: ensureChromium() });
const chrome = browser.version();
await browser.close();
const text = report(results, machine, chrome, options);
const root = process.cwd();
mkdirSync(join(root, 'reports'), { recursive: true });
const out = join(root, 'reports', 'bench.md');
writeFileSync(out, text);
writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({ machine, results }, null, 2));
console.info(`\n${text}\nwritten to ${relative(root, out)}`);
const failures = results.flatMap((r) => [...r.problems, ...r.search.misses]);
if (failures.length) {
  console.error(failures.slice(0, 20).join('\n'));
  process.exitCode = 1;
}
