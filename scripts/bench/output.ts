/**
 * What a build wrote: its files and their weight, and whether it holds every bulletin of the
 * archive where it belongs (each on its day page, every day on its timeline, each once in reading
 * from the start, one search record per story-day). Ids and URLs come from the site's own modules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { updateId } from '../../src/core/anchors.ts';
import { createPaths } from '../../src/core/paths.ts';
import type { GeneratedBulletin } from './generate.ts';

/** Every file under `dir`, as paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** A bulletin's update id and permalink, as the site makes them. */
export const idOf = (b: Pick<GeneratedBulletin, 'file'>): string => updateId(basename(b.file));
const site = createPaths('/');
export const permalinkOf = (b: GeneratedBulletin): string =>
  site.permalink(b.story, b.day, idOf(b));

export interface PageWeight {
  file: string;
  /** Compressed bytes of the page with the stylesheets and scripts it loads. */
  gzip: number;
  /** Bytes of its HTML. */
  html: number;
}

function pageWeight(dist: string, file: string): PageWeight {
  const html = readFileSync(file);
  const doc = parse(html.toString());
  const assets = [
    ...doc.querySelectorAll('link[rel="stylesheet"]'),
    ...doc.querySelectorAll('script[src]'),
  ]
    .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
    .map((u) => join(dist, u.replace(/^\//, '')));
  return {
    file: relative(dist, file),
    gzip: [html, ...assets.map((a) => readFileSync(a))].reduce(
      (n, b) => n + gzipSync(b, { level: 9 }).length,
      0,
    ),
    html: html.length,
  };
}

export interface Weighed {
  largest: PageWeight | undefined;
  median: PageWeight | undefined;
  count: number;
}

/** The heaviest and the median of `files`. */
export function largestAndMedian(dist: string, files: string[]): Weighed {
  const weighed = files.map((f) => pageWeight(dist, f)).sort((a, b) => a.gzip - b.gzip);
  return {
    largest: weighed.at(-1),
    median: weighed[Math.floor(weighed.length / 2)],
    count: weighed.length,
  };
}

const idsOn = (file: string, selector: string): string[] =>
  parse(readFileSync(file, 'utf8'))
    .querySelectorAll(selector)
    .map((a) => a.id);

/**
 * Problems with what `dist` holds of `manifest` (an empty list when every bulletin is where it
 * belongs), and how many search tiers it has. `extraDays`: story-days indexed beyond the manifest's.
 */
export function checkOutput(
  dist: string,
  manifest: readonly GeneratedBulletin[],
  extraDays = 0,
): { problems: string[]; tiers: number } {
  const problems: string[] = [];
  const dayPages = new Map<string, Set<string>>();
  for (const b of manifest) {
    const path = join(dist, 'stories', b.story, b.day, 'index.html');
    let ids = dayPages.get(path);
    if (!ids) {
      ids = new Set(existsSync(path) ? idsOn(path, 'article.bulletin') : []);
      dayPages.set(path, ids);
    }
    if (!ids.has(idOf(b))) problems.push(`${b.file}: not on ${relative(dist, path)}`);
  }
  for (const story of new Set(manifest.map((b) => b.story))) {
    const own = manifest.filter((b) => b.story === story);
    const anchors = idsOn(join(dist, 'stories', story, 'index.html'), '[id]').filter((id) =>
      /^\d{4}-\d{2}-\d{2}$/.test(id),
    );
    const days = [...new Set(own.map((b) => b.day))].sort().reverse();
    if (anchors.join() !== days.join())
      problems.push(`${story}: timeline day anchors do not match its days`);
    // Reading from the start: every bulletin listed on exactly one of its story's pages.
    const seen = filesUnder(join(dist, 'stories', story, 'from-the-start'))
      .filter((f) => f.endsWith('index.html'))
      .flatMap((f) =>
        parse(readFileSync(f, 'utf8'))
          .querySelectorAll('.headlines li > a')
          .map((a) => a.getAttribute('href')?.split('#')[1] ?? ''),
      );
    const once = new Set(seen);
    if (
      seen.length !== own.length ||
      once.size !== seen.length ||
      own.some((b) => !once.has(idOf(b)))
    )
      problems.push(`${story}: from-the-start pages do not list each bulletin once`);
  }
  const search = JSON.parse(
    readFileSync(join(dist, 'pagefind', 'dateline-search.json'), 'utf8'),
  ) as {
    parts: string[];
  };
  const indexed = search.parts
    .map(
      (part) =>
        JSON.parse(
          readFileSync(join(dist, 'pagefind', 'part', part, 'pagefind-entry.json'), 'utf8'),
        ) as { languages: Record<string, { page_count: number }> },
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
