/**
 * One archive size: generated, built the peer's way and Dateline's way (cold, one new bulletin, one
 * with a camera's photo, one edited, one deleted), its output checked and weighed, its search timed
 * beside plain Pagefind; at the detail size, its pages weighed, `npm run new` timed and Lighthouse run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildRun } from './builds.ts';
import {
  lighthouseScores,
  searchBoth,
  serve,
  type LighthouseScores,
  type SearchResults,
} from './browser.ts';
import { fmt, mb1 } from './format.ts';
import {
  addMediaStory,
  addPhotos,
  generate,
  photo,
  tokenOf,
  type GeneratedBulletin,
} from './generate.ts';
import { checkOutput, filesUnder, largestAndMedian, permalinkOf, type Weighed } from './output.ts';
import { peer, type PeerRun } from './peer.ts';

const ROOT = process.cwd();

export interface BenchOptions {
  sizes: number[];
  detail: number;
  /** How many successive new bulletins to build at the largest size, measuring what each changes in dist/. */
  uploads: number;
  stories: number;
  seed: number;
  lighthouse: boolean;
  /** A photo beside every hundredth bulletin (about 1 MB each), to compare cold builds with and without. */
  photos: boolean;
}

export interface SizeResult {
  size: number;
  bulletins: number;
  storyDays: number;
  contentBytes: number;
  generateMs: number;
  peer: { before: PeerRun; after: PeerRun; wallMs: number };
  /** Cold, +1, edited, deleted, +1 with a photo. */
  builds: [BuildRun, BuildRun, BuildRun, BuildRun, BuildRun];
  /** The bytes of the camera's photo the fifth build adds. */
  photoBytes: number;
  photos: number;
  output: {
    files: number;
    searchFiles: number;
    bytes: number;
    searchBytes: number;
    tiers: number;
    /** The service worker, gzip-compressed. */
    workerGzip: number;
    /** The longest story as files to download: how many, their bytes, the largest. */
    whole: { updates: number; files: number; bytes: number; largest: number };
  };
  /** At the largest size: each of the successive new bulletins' build time and what it changed in dist/. */
  uploads?: Upload[];
  search: SearchResults;
  problems: string[];
  detail?: {
    pages: {
      timelines: Weighed;
      days: Weighed;
      navigation: Record<string, Weighed>;
      newMs: number;
    };
    lighthouse: LighthouseScores[];
  };
}

const pagePath = (w: Weighed) => `/${(w.largest?.file ?? '').replace(/index\.html$/, '')}`;

export async function benchSize(size: number, options: BenchOptions): Promise<SizeResult> {
  const scratch = join(tmpdir(), `dateline-bench-${size}`);
  const content = join(scratch, 'content');
  const dist = join(scratch, 'dist');
  console.info(
    `bench: ${fmt(size)} bulletins in ${options.stories} stories (seed ${options.seed}) in ${scratch}`,
  );
  const t0 = performance.now();
  const manifest = generate({
    dir: content,
    stories: options.stories,
    bulletins: size,
    seed: options.seed,
  });
  const photos = options.photos ? await addPhotos(content, manifest) : 0;
  // At the detail size, a story of ten photos, two videos and three posts, for Lighthouse.
  const media = size === options.detail ? await addMediaStory(content) : undefined;
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
  const longest = manifest[0]!.story;
  const newestDay = manifest
    .filter((b) => b.story === longest)
    .map((b) => b.day)
    .sort()
    .at(-1)!;
  const added: GeneratedBulletin = {
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
  const withPhoto: GeneratedBulletin = {
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
  console.info(`bench:   Dateline, one new bulletin with a ${mb1(camera.length)} photo…`);
  const plusPhoto = await build(`+1 bulletin with a ${mb1(camera.length)} photo`, scratch);
  const edited = manifest[Math.floor(manifest.length / 2)]!;
  writeFileSync(
    join(content, edited.file),
    readFileSync(join(content, edited.file), 'utf8').replace(/Reference /, 'Corrected reference '),
  );
  console.info('bench:   Dateline, one edited bulletin…');
  const edit = await build('1 bulletin edited', scratch);
  const [deleted] = manifest.splice(Math.floor(manifest.length / 3), 1);
  unlinkSync(join(content, deleted!.file));
  console.info('bench:   Dateline, one deleted bulletin…');
  const del = await build('1 bulletin deleted', scratch);
  const uploads =
    size === Math.max(...options.sizes) && options.uploads > 0
      ? await successiveBulletins(scratch, manifest, longest, newestDay, options.uploads)
      : undefined;
  console.info('bench:   Hugo + Pagefind again…');
  const peerAfter = await peer(scratch);

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
  const result: SizeResult = {
    size,
    bulletins: manifest.length,
    storyDays,
    contentBytes,
    generateMs,
    peer: {
      before: peerBefore,
      after: peerAfter,
      wallMs: (peerBefore.wallMs + peerAfter.wallMs) / 2,
    },
    builds: [cold, plusOne, edit, del, plusPhoto],
    photoBytes: camera.length,
    photos,
    output: {
      files: outFiles.length,
      searchFiles: searchFiles.length,
      bytes: outFiles.reduce((n, f) => n + statSync(f).size, 0),
      searchBytes: searchFiles.reduce((n, f) => n + statSync(f).size, 0),
      tiers,
      workerGzip: gzipSync(readFileSync(join(dist, 'sw.js'))).length,
      whole: (() => {
        const sizes = filesUnder(join(dist, 'whole', longest)).map((f) => statSync(f).size);
        return {
          updates: manifest.filter((b) => b.story === longest).length,
          files: sizes.length,
          bytes: sizes.reduce((n, b) => n + b, 0),
          largest: Math.max(0, ...sizes),
        };
      })(),
    },
    ...(uploads ? { uploads } : {}),
    search,
    problems,
  };
  if (size !== options.detail) return result;

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
      'story embed': /embed\/[^/]+\/index\.html$/,
    }).map(([name, re]) => [
      name,
      largestAndMedian(
        dist,
        outFiles.filter((f) => re.test(f)),
      ),
    ]),
  );
  // The editor's first step in a breaking story: `npm run new` (without npm's own start), five times, into this archive.
  const newRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/new.ts'), longest, '--title', `Bench scaffold ${i}`],
      { env: { ...process.env, DATELINE_CONTENT: content }, encoding: 'utf8' },
    );
    newRuns.push(performance.now() - started);
    if (r.status !== 0) problems.push(`npm run new failed: ${r.stderr}`);
    else unlinkSync(r.stdout.split('\n')[0]!);
  }
  let lighthouse: LighthouseScores[] = [];
  if (options.lighthouse) {
    console.info('bench:   Lighthouse…');
    const { base, server } = await serve(dist);
    try {
      lighthouse = await lighthouseScores(base, [
        ['front', '/'],
        ['story (longest)', pagePath(timelines)],
        ['day (median)', `/${(days.median?.file ?? '').replace(/index\.html$/, '')}`],
        ['story with a summary', `/stories/${longest}/`],
        ['author (largest page)', pagePath(navigation['author page']!)],
        ['search', '/search/'],
        ['embed (longest story)', `/embed/${longest}/`],
        ...(media
          ? ([
              [
                'day of ten photos, two videos, three posts',
                `/stories/${media.slug}/${media.day}/`,
              ],
              ['its story timeline', `/stories/${media.slug}/`],
            ] as [string, string][])
          : []),
      ]);
    } finally {
      server.kill();
    }
  }
  return {
    ...result,
    detail: {
      pages: { timelines, days, navigation, newMs: newRuns.toSorted((a, b) => a - b)[2]! },
      lighthouse,
    },
  };
}

/** One of the successive new bulletins: its build's wall time and peak memory, and what it changed in dist/. */
export interface Upload {
  wallMs: number;
  peakRss: number;
  /** Files added or changed (by content), and their bytes: what a host that uploads what changed uploads. */
  files: number;
  bytes: number;
  /** Files the build removed. */
  removed: number;
}

/** A digest of every file under `dir`, by its path. */
function contentDigests(dir: string): Map<string, { digest: string; size: number }> {
  return new Map(
    filesUnder(dir).map((f) => {
      const bytes = readFileSync(f);
      return [f, { digest: createHash('sha1').update(bytes).digest('hex'), size: bytes.length }];
    }),
  );
}

/**
 * `n` new bulletins, one build after each, on the newest day of the longest story (a live story's
 * afternoon): what each build changed in dist/, by content, as a host that uploads what changed sees it.
 */
async function successiveBulletins(
  scratch: string,
  manifest: GeneratedBulletin[],
  story: string,
  day: string,
  n: number,
): Promise<Upload[]> {
  const dist = join(scratch, 'dist');
  let before = contentDigests(dist);
  const uploads: Upload[] = [];
  for (let i = 0; i < n; i++) {
    const token = `zq98x${String(i).padStart(6, '0')}`;
    const b: GeneratedBulletin = {
      story,
      file: `${story}/${day}-${2300 + i}-bench-upload.md`,
      day,
      token,
    };
    writeFileSync(
      join(scratch, 'content', b.file),
      `---\ntitle: New bulletin ${i + 1} of ${n}\n---\n\nOne of the benchmark's successive new bulletins, ${token}.\n`,
    );
    manifest.push(b);
    console.info(`bench:   Dateline, new bulletin ${i + 1} of ${n}…`);
    const run = await build(`new bulletin ${i + 1} of ${n}`, scratch);
    const after = contentDigests(dist);
    const changed = [...after].filter(([f, d]) => before.get(f)?.digest !== d.digest);
    uploads.push({
      wallMs: run.wallMs,
      peakRss: run.peakRss,
      files: changed.length,
      bytes: changed.reduce((sum, [, d]) => sum + d.size, 0),
      removed: [...before.keys()].filter((f) => !after.has(f)).length,
    });
    before = after;
  }
  return uploads;
}
