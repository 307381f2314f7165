// An incremental build must produce exactly what a cold build of the same project produces, after
// any sequence of changes. A copy of the project goes through the changes editors, developers and
// operators make; after each, the build that keeps its cache between steps is compared, byte for
// byte, with a cold build (empty cache, empty output) of the same state, and each step checks that
// its change shows in the output (a comparison alone passes when both builds drop a change).
//
// How it keeps pace on two cores without proving less:
// - the cold builds run one at a time beside the chain of incremental builds, each in a snapshot of
//   the project taken when its step built; the comparisons are reported per step at the end;
// - a cold build is a function of the project's files, its packages and its environment: a state
//   seen before (a change undone, a killed build retried) is not built cold again;
// - changes that touch different stories (and different months, tags and authors) share a build,
//   each checked in the output on its own; changes whose point is which pages render again
//   (a summary, an author's bio, a new photo) have a build of their own;
// - the copy's photos are 480 px wide: their size proves nothing here, and their copies were most
//   of a cold build.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { digests } from './digests.ts';
import { build, copyProject, PROJECT_FILES, ROOT, scratchFolder, startBuild } from './project.ts';

let top = '';
let work = '';
/** The incremental build's cache and output, kept from step to step. */
const inc = () => ({ CACHE_DIR: join(top, 'cache'), OUT_DIR: join(top, 'out') });
/** The build's clock and the settings given in the environment, per step. */
let clock = '2026-11-25T12:00:00Z';
let settings: Record<string, string> = {};
// Search segments of three updates: every tier of the copy is indexed in segments and merged, so
// that every step compares merged indexes too (src/lib/publish/search-merge.ts).
const environment = () => ({ DATELINE_SEARCH_SEGMENT: '3', DATELINE_NOW: clock, ...settings });

const path = (rel: string) => join(work, rel);
const write = (rel: string, text: string) => writeFileSync(path(rel), text);
const edit = (rel: string, change: (text: string) => string) => {
  const before = readFileSync(path(rel), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the change to ${rel} changed nothing`);
  write(rel, after);
};
/** A file of the incremental build's output ('' when it does not exist). */
const out = (rel: string) => {
  const file = join(inc().OUT_DIR, rel);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
/** The output files whose text holds `text`. */
const holding = (text: string) =>
  Object.keys(digests(inc().OUT_DIR)).filter((f) => out(f).includes(text));
/** Pages this build rendered (a page taken from the cache is listed without a time). */
const renderedPages = (log: string) => log.match(/\/[^ ]+(?= \(\+\d+m?s\))/g) ?? [];
const renderedBodies = (log: string) => Number(/rendered (\d+) bodies/.exec(log)?.[1]);

/** The state a cold build is a function of: the project's files, its packages and its environment. */
/** What a cold build copies: the project's files, and a second content folder once a step makes one. */
const projectFiles = () => [...PROJECT_FILES, ...(existsSync(path('news')) ? ['news'] : [])];

function stateOf(env: Record<string, string>): string {
  const hash = createHash('sha256');
  const files = projectFiles().flatMap((f) =>
    statSync(path(f)).isDirectory()
      ? readdirSync(path(f), { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => relative(work, join(d.parentPath, d.name)))
      : [f],
  );
  for (const f of files.sort())
    hash
      .update(`${f}\0`)
      .update(readFileSync(path(f)))
      .update('\0');
  hash.update(realpathSync(path('node_modules')));
  hash.update(JSON.stringify(Object.entries(env).sort()));
  return hash.digest('hex');
}

/** Cold builds, one at a time beside the incremental chain, each of a snapshot of its state. */
const colds = new Map<string, Promise<Record<string, string>>>();
let coldQueue: Promise<unknown> = Promise.resolve();
function coldBuild(env: Record<string, string>): Promise<Record<string, string>> {
  const state = stateOf(env);
  const known = colds.get(state);
  if (known) return known;
  const dir = join(top, `cold-${colds.size}`);
  mkdirSync(dir);
  for (const f of projectFiles()) cpSync(path(f), join(dir, 'project', f), { recursive: true });
  symlinkSync(realpathSync(path('node_modules')), join(dir, 'project', 'node_modules'), 'dir');
  const cold = coldQueue.then(async () => {
    try {
      await build(join(dir, 'project'), {
        ...env,
        CACHE_DIR: join(dir, 'cache'),
        OUT_DIR: join(dir, 'out'),
      });
      return digests(join(dir, 'out'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  coldQueue = cold.catch(() => undefined);
  colds.set(state, cold);
  return cold;
}

/** The comparisons of each step's builds with their cold builds, awaited at the end. */
const comparisons = new Map<string, Promise<string[]>[]>();
let step = '';

/** An incremental build of the copy as it is now; its cold twin is queued. Returns the log. */
async function buildStep(): Promise<string> {
  const env = environment();
  const cold = coldBuild(env);
  const log = await build(work, { ...env, ...inc() });
  const files = digests(inc().OUT_DIR);
  expect(Object.keys(files).length).toBeGreaterThan(50);
  const differences = cold.then((c) => [
    ...Object.keys(files)
      .filter((f) => !(f in c))
      .map((f) => `only in the incremental build: ${f}`),
    ...Object.keys(c)
      .filter((f) => !(f in files))
      .map((f) => `only in the cold build: ${f}`),
    ...Object.keys(files)
      .filter((f) => f in c && c[f] !== files[f])
      .map((f) => `differs: ${f}`),
  ]);
  differences.catch(() => undefined);
  comparisons.set(step, [...(comparisons.get(step) ?? []), differences]);
  return log;
}

/** Starts an incremental build and kills it (SIGKILL) as soon as `moment` holds (checked every millisecond or two). */
async function killBuild(moment: () => boolean, what: string): Promise<void> {
  const { child, done } = startBuild(work, { ...environment(), ...inc() });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (moment() && child.kill('SIGKILL')) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
    void done.then(({ code }) => {
      clearInterval(timer);
      if (code === 0) reject(new Error(`the build finished before ${what}`));
      else resolve();
    });
  });
  await done;
}

/** Whether a file holds `text` (false while it does not exist). */
const holds = (file: string, text: string) => {
  try {
    return readFileSync(file, 'utf8').includes(text);
  } catch {
    return false;
  }
};

/** A photo `width` × 2/3 of it, in one colour. */
const photo = (width: number, background: string) =>
  sharp({ create: { width, height: (width * 2) / 3, channels: 3, background } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  top = scratchFolder('incremental');
  work = join(top, 'project');
  copyProject(work);
  for (const f of readdirSync(path(live)).filter((f) => f.endsWith('.jpg'))) {
    const small = await sharp(path(`${live}/${f}`))
      .resize({ width: 480 })
      .jpeg()
      .toBuffer();
    writeFileSync(path(`${live}/${f}`), small);
  }
});

afterAll(() => {
  if (top) rmSync(top, { recursive: true, force: true });
});

const live = 'content/harbour-ferry-strike';
const old = 'content/kazakhstan-unrest';
const liveDay = (day: string) => out(`stories/harbour-ferry-strike/${day}/index.html`);
const oldDay = (day: string) => out(`stories/kazakhstan-unrest/${day}/index.html`);

/** Changes one source file; returns what undoes it. */
function change(rel: string, from: string, to: string): () => void {
  const before = readFileSync(path(rel), 'utf8');
  edit(rel, (t) => t.replace(from, to));
  return () => write(rel, before);
}
const undo: Record<string, () => void> = {};

/** The output files of one kind, with their digests. */
const outputs = (kind: (f: string) => boolean) =>
  Object.fromEntries(Object.entries(digests(inc().OUT_DIR)).filter(([f]) => kind(f)));
const isCard = (f: string) => f.endsWith('card.png');
const isFragment = (f: string) => f.endsWith('.pf_fragment');
/** The text of a search fragment (Pagefind writes them compressed). */
const fragment = (f: string) => gunzipSync(readFileSync(join(inc().OUT_DIR, f))).toString('utf8');
let before: Record<string, Record<string, string>> = {};

const steps: [string, () => Promise<void>][] = [
  [
    'first build (empty caches)',
    async () => {
      await buildStep();
      expect(liveDay('2026-11-24')).toContain('id="u-2026-11-24-0610-first-ferry"');
    },
  ],
  [
    'no change: every page comes from the cache, nothing is rendered or indexed again',
    async () => {
      const log = await buildStep();
      expect(renderedBodies(log)).toBe(0);
      expect(log).toMatch(/, 0 indexed in/);
      expect(
        renderedPages(log).filter((p) => /^\/stories\/[^/]+\/\d{4}-\d\d-\d\d\//.test(p)),
      ).toEqual([]);
    },
  ],
  [
    'a new bulletin in a live story, and one named in UTC as the browser editor names it (on the story day it falls on); an edit to a bulletin four years old, with a link to another site; a correction',
    async () => {
      write(
        `${live}/2026-11-24-1800-evening-sailings.md`,
        '---\ntitle: Evening sailings resume\n---\n\nThe 18:00 boat left on time.\n',
      );
      // 01:30 UTC on the 25th is 20:30 on the 24th in New York.
      write(
        `${live}/2026-11-25-0130z-night-crossings.md`,
        '---\ntitle: Night crossings added\n---\n\nTwo late boats from Monday.\n',
      );
      edit(
        `${old}/2022-01-06-1000-airport-seized.md`,
        (t) =>
          `${t}\nThe airport reopened days later: see [the airport's notice](https://example.org/notice).\n`,
      );
      edit(`${old}/2022-01-07-1400-buildings-secured.md`, (t) =>
        t.replace(
          /^---\n/,
          '---\nupdated: 2022-01-08T09:00:00+06:00\ncorrection: The number of buildings was wrong.\n',
        ),
      );
      const log = await buildStep();
      expect(renderedBodies(log)).toBe(4);
      expect(liveDay('2026-11-24')).toContain('id="u-2026-11-24-1800-evening-sailings"');
      expect(liveDay('2026-11-24')).toContain('id="u-2026-11-25-0130z-night-crossings"');
      expect(liveDay('2026-11-25')).toBe('');
      expect(oldDay('2022-01-06')).toContain('The airport reopened days later');
      expect(oldDay('2022-01-07')).toContain('The number of buildings was wrong.');
    },
  ],
  [
    'a deleted bulletin; a renamed file; a draft published; an author renamed; a file added to public/',
    async () => {
      unlinkSync(path(`${live}/2026-11-16-1015-notice-served.md`));
      renameSync(
        path(`${old}/2022-01-05-1200-government-dismissed.md`),
        path(`${old}/2022-01-05-1200-government-out.md`),
      );
      edit(`${live}/2026-11-24-0900-roster-talks.md`, (t) => t.replace('draft: true\n', ''));
      edit('content/authors/aigerim-sadykova.md', (t) =>
        t.replace('name: Aigerim Sadykova', 'name: Aigérim Sadykova'),
      );
      write('public/press-kit.txt', 'Contact the desk.\n');
      await buildStep();
      expect(holding('2026-11-16-1015-notice-served')).toEqual([]);
      expect(holding('2022-01-05-1200-government-dismissed')).toEqual([]);
      expect(oldDay('2022-01-05')).toContain('id="u-2022-01-05-1200-government-out"');
      expect(liveDay('2026-11-24')).toContain('id="u-2026-11-24-0900-roster-talks"');
      expect(out('stories/kazakhstan-unrest/index.html')).toContain('Aigérim Sadykova');
      expect(out('press-kit.txt')).toBe('Contact the desk.\n');
    },
  ],
  [
    'an image next to bulletins replaced; a new author with a photo, named by a bulletin; a bulletin scheduled for later; a file removed from public/',
    async () => {
      unlinkSync(path('public/press-kit.txt'));
      const png = readFileSync(path(`${live}/route-map.png`));
      // Other bytes under the same name (a byte after the image's end: still a PNG to a browser).
      writeFileSync(path(`${live}/route-map.png`), Buffer.concat([png, Buffer.from([0])]));
      writeFileSync(
        path('content/authors/ana-lima.png'),
        readFileSync(path('content/authors/aigerim-sadykova.png')),
      );
      write(
        'content/authors/ana-lima.md',
        '---\nname: Ana Lima\nphoto: ana-lima.png\n---\nPhotographer.\n',
      );
      edit(`${old}/2022-01-10-1800-calm-returns.md`, (t) =>
        t.replace(/^---\n/, '---\nauthors: [ana-lima, aigerim-sadykova]\n'),
      );
      write(
        `${live}/2026-11-26-0900-vote-count.md`,
        '---\ntitle: Vote count due\n---\n\nThe count is scheduled for nine.\n',
      );
      await buildStep();
      expect(
        readFileSync(join(inc().OUT_DIR, 'stories/harbour-ferry-strike/files/route-map.png')).at(
          -1,
        ),
      ).toBe(0);
      expect(out('authors/ana-lima/index.html')).toContain('Ana Lima');
      expect(existsSync(join(inc().OUT_DIR, 'authors/files/ana-lima.png'))).toBe(true);
      expect(oldDay('2022-01-10')).toContain('Ana Lima');
      expect(holding('vote-count')).toEqual([]);
      expect(out('press-kit.txt')).toBe('');
    },
  ],
  [
    'the clock passes the scheduled bulletin (DATELINE_NOW); a new story (in the site’s default zone); a new picture referred to from a bulletin',
    async () => {
      clock = '2026-11-27T00:00:00Z';
      mkdirSync(path('content/a-new-story'));
      write(
        'content/a-new-story/index.md',
        '---\ntitle: A second strike\nsummary: Bus drivers walk out too.\ntags: [strike]\n---\n',
      );
      write(
        'content/a-new-story/2026-11-20-0900-buses.md',
        '---\ntitle: Buses stop\n---\n\nNo buses ran.\n',
      );
      write('content/a-new-story/2026-11-21.md', 'The depot stayed shut.\n');
      writeFileSync(path(`${live}/route-map-2.png`), readFileSync(path(`${live}/route-map.png`)));
      edit(
        `${live}/2026-11-19.md`,
        (t) => `${t}\n![The route map, as first drawn](./route-map-2.png)\n`,
      );
      const log = await buildStep();
      // The scheduled bulletin, the new story's introduction and two bulletins, the bulletin with the picture.
      expect(renderedBodies(log)).toBe(5);
      expect(liveDay('2026-11-26')).toContain('id="u-2026-11-26-0900-vote-count"');
      expect(out('stories/a-new-story/index.html')).toContain('A second strike');
      expect(out('stories/a-new-story/index.html')).toContain('Times in UTC');
      expect(liveDay('2026-11-19')).toContain('route-map-2.png');
    },
  ],
  [
    'a summary changed, and an author’s bio: only the pages that show them render again',
    async () => {
      edit(`${live}/summary.md`, (t) =>
        t
          .replace(/updated: .*/, 'updated: "2026-11-25 10:00"')
          .replace('- The first', '- Still: the first'),
      );
      edit('content/authors/aigerim-sadykova.md', (t) => `${t}\nShe grew up in Shymkent.\n`);
      const log = await buildStep();
      expect(renderedBodies(log)).toBe(2);
      // Of the pages Astro may take from its cache (the indexes of the archive, topics and authors
      // are rendered every time): the live story's timeline (the summary) and Aigerim Sadykova's
      // page (the bio), and nothing else.
      const cached = renderedPages(log).filter(
        (p) =>
          /^\/(stories|authors|tags|archive)\//.test(p) &&
          !/^\/(archive|authors|tags)\/index\.html$/.test(p),
      );
      expect(cached.filter((p) => p.endsWith('.html')).sort()).toEqual([
        '/authors/aigerim-sadykova/index.html',
        '/stories/harbour-ferry-strike/index.html',
      ]);
      expect(out('stories/harbour-ferry-strike/index.html')).toContain('Still: the first');
      expect(out('authors/aigerim-sadykova/index.html')).toContain('She grew up in Shymkent.');
    },
  ],
  [
    'a story closed; a summary deleted; a tag spelt in another case, which shares the tag page (the build warns, naming the file)',
    async () => {
      edit('content/a-new-story/index.md', (t) => t.replace(/^title: .*$/m, '$&\nstatus: closed'));
      unlinkSync(path(`${live}/summary.md`));
      write(
        `${old}/2022-01-11-1200-curfew.md`,
        '---\ntags: [PROTESTS]\n---\n\nThe curfew was eased.\n',
      );
      const log = await buildStep();
      expect(out('stories/a-new-story/index.html')).toContain('status-closed');
      expect(out('stories/harbour-ferry-strike/index.html')).not.toContain('Still: the first');
      expect(log).toMatch(
        /2022-01-11-1200-curfew\.md:2: field "tags": "PROTESTS" shares the page \/tags\/protests\//,
      );
      expect(out('tags/protests/index.html')).toContain('u-2022-01-11-1200-curfew');
      expect(readdirSync(join(inc().OUT_DIR, 'tags')).filter((t) => /^protests$/i.test(t))).toEqual(
        ['protests'],
      );
    },
  ],
  [
    'a new bulletin by an author: their page renders again, other authors’ pages do not',
    async () => {
      write(
        `${live}/2026-11-24-2000-night-crossings.md`,
        '---\nauthors: [priya-nair]\n---\n\nNight crossings resume on Friday.\n',
      );
      const log = await buildStep();
      expect(renderedBodies(log)).toBe(1);
      expect(renderedPages(log)).toContain('/authors/priya-nair/index.html');
      expect(renderedPages(log)).not.toContain('/authors/aigerim-sadykova/index.html');
      expect(out('authors/priya-nair/index.html')).toContain('u-2026-11-24-2000-night-crossings');
    },
  ],
  [
    'a new bulletin with a new photo makes that photo’s copies only; a post without a snapshot is a link',
    async () => {
      writeFileSync(path(`${live}/quay.jpg`), await photo(900, '#456'));
      write(
        `${live}/2026-11-24-2100-quay.md`,
        '---\ntitle: The quay at night\n---\n\n![The quay](./quay.jpg "The quay at night. Photo: A")\n',
      );
      edit(
        `${live}/2026-11-23-1450-result.md`,
        (t) => `${t}\nhttps://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2b\n`,
      );
      const log = await buildStep();
      expect(renderedBodies(log)).toBe(2);
      expect(copiesMade(log).sort()).toEqual(
        [400, 800, 900].map((w) => expect.stringContaining(`images/quay.jpg-${w}w.`)),
      );
      expect(log).toMatch(/the post https:\/\/bsky\.app\/[^ ]+ has no snapshot/);
      expect(liveDay('2026-11-24')).toContain('quay.jpg-900w.');
      expect(liveDay('2026-11-23')).toContain(
        'href="https://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2b"',
      );
    },
  ],
  [
    'the photo replaced under its name renders its bulletin again, with new copies; a snapshot turns a link into a card and makes no copy',
    async () => {
      const copy = liveDay('2026-11-24').match(/quay\.jpg-900w\.[^.]+\.webp/)?.[0];
      writeFileSync(path(`${live}/quay.jpg`), await photo(900, '#654'));
      write(
        `${live}/embed-bluesky-ann.bsky.social-3lbq2mdw7ks2b.json`,
        JSON.stringify({
          url: 'https://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2b',
          author: { name: 'Ann' },
          text: 'Lights on the quay.',
          published: '2026-11-23T20:05:00Z',
        }),
      );
      const log = await buildStep();
      expect(renderedBodies(log)).toBe(2);
      expect(copiesMade(log).sort()).toEqual(
        [400, 800, 900].map((w) => expect.stringContaining(`images/quay.jpg-${w}w.`)),
      );
      expect(copy).toBeDefined();
      expect(liveDay('2026-11-24')).not.toContain(copy);
      expect(liveDay('2026-11-23')).toContain('Lights on the quay.');
    },
  ],
  [
    'a change to the social cards’ code; a change to a component',
    async () => {
      before = { cards: outputs(isCard) };
      undo['cards'] = change(
        'src/lib/publish/cards.ts',
        "background: '#fdfcfa'",
        "background: '#fdfcfb'",
      );
      change(
        'src/components/Bulletin.astro',
        '<p class="permalink">',
        '<p class="permalink" data-changed>',
      );
      await buildStep();
      const cards = outputs(isCard);
      expect(Object.keys(cards).filter((f) => cards[f] !== before['cards']![f])).toEqual(
        Object.keys(before['cards']!),
      );
      expect(liveDay('2026-11-24')).toContain('data-changed');
    },
  ],
  [
    'the cards’ code undone; a change to the search records’ code',
    async () => {
      undo['cards']!();
      before['fragments'] = outputs(isFragment);
      undo['search'] = change(
        'src/lib/publish/search-records.ts',
        '<h2 id="${b.id}">${escapeHtml(v.heading)}</h2>',
        '<h2 id="${b.id}">${escapeHtml(v.heading)} ¶</h2>',
      );
      await buildStep();
      expect(outputs(isCard)).toEqual(before['cards']);
      expect(Object.keys(outputs(isFragment)).some((f) => fragment(f).includes(' ¶'))).toBe(true);
    },
  ],
  [
    'the search records’ code undone; a change to a stylesheet (a new bundle name: the old bundle must go)',
    async () => {
      undo['search']!();
      edit('src/styles/global.css', (t) => `${t}\n.bulletin-title { outline-offset: 0.31em; }\n`);
      await buildStep();
      expect(outputs(isFragment)).toEqual(before['fragments']);
      expect(holding('outline-offset:.31em').filter((f) => f.endsWith('.css'))).toHaveLength(1);
    },
  ],
  [
    'a change to the Markdown pipeline (the typographer’s quotes)',
    async () => {
      // Every page that shows a body with quotes (the search and offline pages have their own
      // words' quotes, not rendered).
      const quoted = holding('“').filter(
        (f) => f.endsWith('.html') && !f.startsWith('search/') && !f.startsWith('offline/'),
      );
      expect(quoted.length).toBeGreaterThanOrEqual(4);
      undo['pipeline'] = change(
        'src/lib/markdown/plugins.ts',
        "(opening ? '“' : '”')",
        "(opening ? '«' : '»')",
      );
      await buildStep();
      expect(holding('«').filter((f) => f.endsWith('.html'))).toEqual(quoted);
    },
  ],
  [
    'the Markdown pipeline’s change undone',
    async () => {
      undo['pipeline']!();
      await buildStep();
      expect(holding('«').filter((f) => f.endsWith('.html'))).toEqual([]);
    },
  ],
  [
    'a change to the content checks’ code',
    async () => {
      undo['checks'] = change(
        'src/lib/content/archive.ts',
        '{ title: d.title }',
        '{ title: `${d.title} (checked)` }',
      );
      await buildStep();
      expect(holding('(checked)').filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    },
  ],
  [
    'the content checks’ change undone',
    async () => {
      undo['checks']!();
      await buildStep();
      expect(holding('(checked)')).toEqual([]);
    },
  ],
  [
    'the locale changed (DATELINE_LOCALE), and how often live pages poll: dates in pages, feeds and post cards follow',
    async () => {
      settings = { DATELINE_LOCALE: 'en-US' };
      edit('src/config.ts', (t) => t.replace('pollSeconds: 60', 'pollSeconds: 45'));
      await buildStep();
      // A post card's date is made inside the Markdown pipeline, a day heading by the page.
      expect(liveDay('2026-11-24')).toContain('Tuesday, November 24, 2026, 06:12 EST');
      expect(liveDay('2026-11-24')).not.toMatch(/24 November 2026/);
      expect(out('feed.xml')).toMatch(/November \d+, 2026/);
      expect(out('stories/harbour-ferry-strike/index.html')).toContain('data-poll="45"');
    },
  ],
  [
    'the site’s language changed (DATELINE_LANG=ru): words, dates and the search index in Russian',
    async () => {
      settings = { DATELINE_LANG: 'ru' };
      await buildStep();
      expect(liveDay('2026-11-24')).toContain('<html lang="ru"');
      expect(liveDay('2026-11-24')).toMatch(/24 ноября 2026/);
      expect(out('pagefind/dateline-search.json')).toContain('"ru"');
    },
  ],
  [
    'every other setting changed: the values in src/config.ts, the editor’s variables, the content folder, SITE and BASE',
    async () => {
      before['config'] = { text: readFileSync(path('src/config.ts'), 'utf8') };
      cpSync(path('content'), path('news'), { recursive: true });
      settings = {
        DATELINE_EDITOR_REPO: 'harbour/desk',
        DATELINE_EDITOR_BRANCH: 'live',
        DATELINE_EDITOR_AUTH: 'https://auth.example.org',
        DATELINE_CONTENT: 'news',
        DATELINE_SEARCH_SEGMENT: '5',
        SITE: 'https://news.example.org',
        BASE: '/desk/',
      };
      for (const [from, to] of [
        ["title: 'Dateline'", "title: 'Harbour Desk'"],
        [
          "'Rolling coverage, day by day",
          "'The harbour, hour by hour. Rolling coverage, day by day",
        ],
        ["defaultTimezone: 'UTC'", "defaultTimezone: 'Asia/Tokyo'"],
        ['timelineDays: 7', 'timelineDays: 3'],
        ['timelineBulletins: 60', 'timelineBulletins: 8'],
        ['timelineKeyEvents: 10', 'timelineKeyEvents: 1'],
        ['keyEventsPerPage: 40', 'keyEventsPerPage: 1'],
        ['monthKeyEvents: 10', 'monthKeyEvents: 1'],
        ['tagUpdates: 50', 'tagUpdates: 1'],
        ['authorUpdates: 200', 'authorUpdates: 1'],
        ['frontPageBulletins: 10', 'frontPageBulletins: 1'],
        ['feedItems: 50', 'feedItems: 2'],
        ['enabled: true', 'enabled: false'],
        ['entries: 60', 'entries: 5'],
        [
          'widths: [400, 800, 1200, 1600], quality: 75, column: 640',
          'widths: [300], quality: 60, column: 600',
        ],
      ] as const)
        edit('src/config.ts', (t) => t.replace(from, to));
      await buildStep();
      const front = parse(out('index.html'));
      expect(front.querySelector('title')?.text).toBe('Harbour Desk');
      expect(front.querySelector('.lede')?.text).toMatch(/^The harbour, hour by hour/);
      expect(front.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
        'https://news.example.org/desk/',
      );
      expect(out('stories/a-new-story/index.html')).toContain('Times in Asia/Tokyo');
      // The live story stops at 8 updates (two days), the closed one at 3 days (one update each).
      const timeline = parse(out('stories/harbour-ferry-strike/index.html'));
      expect(timeline.querySelectorAll('.timeline section.day')).toHaveLength(2);
      expect(
        parse(out('stories/kazakhstan-unrest/index.html')).querySelectorAll(
          '.timeline section.day',
        ),
      ).toHaveLength(3);
      expect(timeline.querySelector('[data-poll]')).toBeNull();
      expect(
        existsSync(join(inc().OUT_DIR, 'stories/harbour-ferry-strike/key-events/2/index.html')),
      ).toBe(true);
      expect(existsSync(join(inc().OUT_DIR, 'authors/tom-reyes/2/index.html'))).toBe(true);
      expect(
        parse(out('tags/strike/index.html')).querySelectorAll('article, li.update').length,
      ).toBeLessThanOrEqual(1);
      expect(out('feed.xml').match(/<item>/g)).toHaveLength(2);
      expect(JSON.parse(out('stories/harbour-ferry-strike/latest.json')).updates).toHaveLength(5);
      expect(liveDay('2026-11-24')).toContain('quay.jpg-300w.');
      expect(liveDay('2026-11-24')).toContain('600px');
      const editor = out('admin/config.yml');
      for (const v of ['harbour/desk', 'live', 'https://auth.example.org'])
        expect(editor).toContain(v);
    },
  ],
  [
    'the settings back as they were',
    async () => {
      settings = {};
      rmSync(path('news'), { recursive: true });
      write('src/config.ts', before['config']!['text']!);
      edit('src/config.ts', (t) => t.replace('pollSeconds: 45', 'pollSeconds: 60'));
      await buildStep();
      expect(liveDay('2026-11-24')).toContain('<html lang="en"');
      expect(parse(out('index.html')).querySelector('title')?.text).toBe('Dateline');
    },
  ],
  [
    'an installed package upgraded in place (npm install without the lockfile changing)',
    async () => {
      // A node_modules of its own: every package linked to the real one, but for a copy of
      // rehype-external-links whose code is changed and whose version npm's record of the installed
      // tree says is newer, as `npm install rehype-external-links@3.0.1 --no-save` would leave it.
      const real = join(ROOT, 'node_modules');
      const modules = join(top, 'upgraded', 'node_modules');
      mkdirSync(modules, { recursive: true });
      for (const name of readdirSync(real)) {
        if (name === 'rehype-external-links')
          cpSync(join(real, name), join(modules, name), { recursive: true });
        else if (name === '.package-lock.json')
          writeFileSync(
            join(modules, name),
            readFileSync(join(real, name), 'utf8').replace(
              /("node_modules\/rehype-external-links": \{\s*"version": ")3\.0\.0/,
              '$13.0.1',
            ),
          );
        else if (name !== '.astro' && name !== '.vite')
          symlinkSync(join(real, name), join(modules, name));
      }
      const lib = join(modules, 'rehype-external-links', 'lib', 'index.js');
      writeFileSync(
        lib,
        readFileSync(lib, 'utf8').replace(
          'if (properties) {',
          "node.properties.dataExternal = '';\n          if (properties) {",
        ),
      );
      unlinkSync(path('node_modules'));
      symlinkSync(modules, path('node_modules'), 'dir');
      try {
        await buildStep();
      } finally {
        unlinkSync(path('node_modules'));
        symlinkSync(real, path('node_modules'), 'dir');
      }
      expect(oldDay('2022-01-06')).toContain('data-external');
    },
  ],
  [
    'the package back as the lockfile has it; a story deleted: its pages, feeds, card and search records go',
    async () => {
      rmSync(path('content/a-new-story'), { recursive: true });
      const log = await buildStep();
      expect(oldDay('2022-01-06')).not.toContain('data-external');
      expect(log).toMatch(/removed \d+ file\(s\) the content no longer produces/);
      expect(holding('a-new-story')).toEqual([]);
      expect(existsSync(join(inc().OUT_DIR, 'stories/a-new-story'))).toBe(false);
    },
  ],
  [
    'a build killed while writing pages, then the change undone: the next build is exact',
    async () => {
      const story = `${old}/index.md`;
      const before = readFileSync(path(story), 'utf8');
      // A new story title: every page of the story is rendered again, and its cached copy overwritten.
      // Killed once the first of them (its feed, among the first pages Astro writes) is in Astro's
      // cache, long before the build records the new keys.
      edit(story, (t) => t.replace(/^title: .*$/m, 'title: Renamed while building'));
      await killBuild(
        () =>
          holds(
            join(inc().CACHE_DIR, 'dist/stories/kazakhstan-unrest/feed.xml'),
            'Renamed while building',
          ),
        'the story feed was rewritten in the cache',
      );
      write(story, before);
      const log = await buildStep();
      expect(log).toMatch(/the last build did not finish/);
      expect(holding('Renamed while building')).toEqual([]);
    },
  ],
  [
    'a build killed after indexing a new search partition, then the change undone: the next build is exact',
    async () => {
      const file = `${live}/2026-11-23-0800-vote.md`;
      const before = readFileSync(path(file), 'utf8');
      const search = join(inc().CACHE_DIR, 'dateline-search');
      const stored = () => readdirSync(search).flatMap((shard) => readdirSync(join(search, shard)));
      const known = new Set(stored());
      edit(file, (t) => `${t}\nTurnout was high.\n`);
      // Killed once the partition holding the edit is in the search cache, while Astro writes the pages.
      await killBuild(
        () => stored().some((key) => !key.endsWith('.tmp') && !known.has(key)),
        'the new partition was stored',
      );
      write(file, before);
      const log = await buildStep();
      expect(log).toMatch(/the last build did not finish/);
      expect(holding('Turnout was high.')).toEqual([]);
    },
  ],
];

/** The picture copies a build made (a route taken from the cache is logged without its time). */
const copiesMade = (log: string) => log.match(/images\/[^ ]+\.webp(?= \(\+)/g) ?? [];

describe(
  'incremental builds, step by step: each change shows in the output',
  { timeout: 120_000 },
  () => {
    for (const [name, run] of steps)
      test(name, async () => {
        step = name;
        await run();
      });
  },
);

describe(
  'after each step, the incremental build equals a cold build, byte for byte',
  { timeout: 300_000 },
  () => {
    for (const [name] of steps)
      test(name, async () => {
        const builds = comparisons.get(name) ?? [];
        expect(builds.length, 'builds compared in this step').toBeGreaterThan(0);
        for (const differences of builds) expect(await differences).toEqual([]);
      });
  },
);
