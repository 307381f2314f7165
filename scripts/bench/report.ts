/** The report of a run: reports/bench.md (the numbers in every other document come from it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryCost, SearchRow } from './browser.ts';
import { fmt, kib, mb, mb1, ratio, sec } from './format.ts';
import type { PageWeight } from './output.ts';
import { ensureHugo } from './peer.ts';
import type { BenchOptions, SizeResult, Upload } from './size.ts';

const ROOT = process.cwd();

const versions = () => {
  const pkg = (name: string) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return `Node ${process.version}, Astro ${pkg('astro')}, Pagefind ${pkg('pagefind')}, ${ensureHugo().split(' ').slice(0, 2).join(' ')}`;
};

/** A page's compressed weight, where it is, and its raw HTML. */
const weight = (w: PageWeight | undefined) =>
  w ? `${kib(w.gzip)} (${w.file}, ${kib(w.html)} raw HTML)` : 'none';

export function report(
  results: SizeResult[],
  machine: string,
  chrome: string | undefined,
  options: BenchOptions,
): string {
  const lines = [
    `# Dateline benchmark`,
    '',
    `${new Date().toISOString().slice(0, 16)}Z · ${machine} · ${versions()}${chrome ? `, Chromium ${chrome}` : ''}`,
    `Archives of ${options.stories} stories (seed ${options.seed}); the peer is Hugo (scripts/bench/hugo/) and Pagefind's CLI over its output, from scratch, run before and after Dateline's builds.`,
    '',
    '## Growth',
    '',
    `| bulletins | photos | story-days | Markdown | Hugo + Pagefind | Dateline cold | +1 bulletin | +1 with a ${mb1(results[0]?.photoBytes ?? 0)} photo (more than +1) | 1 edited | 1 deleted | peak memory (whole tree) |`,
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
          `| ${fmt(r.size)} | ${b.label} | ${sec(b.wallMs)} | ${sec(b.cpuMs)} | ${sec(b.indexCpuMs)} | ${sec(b.readMs)} | ${fmt(b.rendered)} in ${sec(b.renderMs)} | ${fmt(b.pages)} / ${fmt(b.pagesCached)} | ${fmt(b.indexed)} (${b.tiers}${b.merged ? `; ${b.merged} merged from ${b.segments} segments in ${sec(b.mergeMs)}` : ''}) | +${sec(b.indexWaitMs)} | ${mb(b.peakRss)} |`,
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
  const cell = (r: QueryCost) =>
    `${r.ms.toFixed(0)} ms, ${kib(r.bytes)}, ${r.files} (${kib(r.totalBytes)}, ${r.totalFiles})`;
  for (const r of results) {
    for (const [name, rows] of [
      ['Dateline', r.search.rows],
      ['plain Pagefind', r.search.plain.rows],
    ] as const)
      for (const row of rows)
        lines.push(
          `| ${fmt(r.size)} | ${name}: \`${row.query}\`, then \`${row.other}\` | ${kib(row.pageBytes)} | ${cell(row.cold)} | ${cell(row.warm)} | ${cell(row.again)} |`,
        );
    const ours = r.search.rows;
    const theirs = r.search.plain.rows;
    const worst = (f: (row: SearchRow) => number) =>
      Math.max(...ours.map((row, i) => f(row) / f(theirs[i]!)));
    lines.push(
      `| ${fmt(r.size)} | **ratio, worst pair** | ${ratio(Math.max(...ours.map((x) => x.pageBytes)), Math.max(...theirs.map((x) => x.pageBytes)))} | ${worst((x) => x.cold.ms).toFixed(2)}× time, ${worst((x) => x.cold.bytes).toFixed(2)}× bytes | ${worst((x) => x.warm.ms).toFixed(2)}× | ${worst((x) => x.again.ms).toFixed(2)}× |`,
    );
  }
  lines.push(
    '',
    '## Output',
    '',
    '| bulletins | files in dist/ | bytes | search index: files, bytes | plain Pagefind index of the day pages: files, bytes, time | sw.js (gzip) | the longest story as files to download |',
    '|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${fmt(r.size)} | ${fmt(r.output.files)} | ${mb(r.output.bytes)} | ${fmt(r.output.searchFiles)}, ${mb(r.output.searchBytes)} (${r.output.tiers} tiers) | ${fmt(r.search.plain.files)}, ${mb(r.search.plain.bytes)}, ${sec(r.search.plain.indexMs)} | ${(r.output.workerGzip / 1024).toFixed(1)} kB | ${fmt(r.output.whole.updates)} updates: ${fmt(r.output.whole.files)} file(s), ${mb1(r.output.whole.bytes)} (the largest ${mb1(r.output.whole.largest)}) |`,
    ),
    '',
    ...results.flatMap((r) => {
      const u = r.uploads;
      if (!u?.length) return [];
      const mean = (f: (x: Upload) => number) => u.reduce((n, x) => n + f(x), 0) / u.length;
      return [
        `**What a new bulletin changes in dist/** at ${fmt(r.size)} bulletins, over ${u.length} successive new bulletins on the newest day of the longest story (files added or changed by content: what a host that uploads what changed takes; GitHub Pages uploads the whole of dist/): ${mean((x) => x.files).toFixed(1)} files and ${mb1(mean((x) => x.bytes))} on average (${Math.min(...u.map((x) => x.files))}–${Math.max(...u.map((x) => x.files))} files, ${mb1(Math.min(...u.map((x) => x.bytes)))}–${mb1(Math.max(...u.map((x) => x.bytes)))}), ${mean((x) => x.removed).toFixed(1)} removed; each build ${sec(mean((x) => x.wallMs))} on average (${ratio(
          mean((x) => x.wallMs),
          r.peer.wallMs,
        )} of the peer), peak memory up to ${mb(Math.max(...u.map((x) => x.peakRss)))}.`,
        '',
      ];
    }),
    '## Correctness',
    '',
    ...results.map(
      (r) =>
        `- ${fmt(r.size)}: ${r.problems.length === 0 ? `every one of the ${fmt(r.bulletins)} bulletins is on its day page, every timeline has all its day anchors, and the index holds one record per story-day` : `${r.problems.length} problems: ${r.problems.slice(0, 5).join('; ')}`}; the search page found ${r.search.verified} of ${r.search.verified + r.search.misses.length} sampled bulletins (the one added and the one edited by the incremental builds among them) by their unique word, each as the single result linking to its permalink.`,
    ),
    '',
  );
  const d = results.find((r) => r.detail);
  if (d?.detail) {
    const { pages, lighthouse } = d.detail;
    lines.push(
      `## Pages at ${fmt(d.size)} bulletins`,
      '',
      '| page | value |',
      '|---|--:|',
      `| story timeline, largest (gzip, HTML+CSS+JS) | ${weight(pages.timelines.largest)} |`,
      `| story timeline, median | ${kib(pages.timelines.median?.gzip ?? 0)} |`,
      `| day page, largest | ${weight(pages.days.largest)} |`,
      `| day page, median | ${kib(pages.days.median?.gzip ?? 0)} |`,
      `| \`npm run new\` (median of 5, Node's start included, npm's not) | ${sec(pages.newMs)} |`,
      ...Object.entries(pages.navigation).map(([name, n]) =>
        n.largest
          ? `| ${name}, largest of ${fmt(n.count)} | ${weight(n.largest)} |`
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
