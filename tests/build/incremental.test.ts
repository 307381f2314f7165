// An incremental build must produce exactly what a cold build of the same content produces, after
// any sequence of changes. A copy of the project in a scratch folder goes through the changes
// editors and developers make; after each, the build that keeps its cache between steps and a
// cold build (empty cache, empty output) must write the same files, byte for byte. Two steps kill
// a build half-way, as a power cut or a CI timeout would, and the next build must still be exact.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { digests } from './digests.ts';

const ROOT = process.cwd();
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** The project copy that goes through the changes, and a second copy for the cold builds (Astro writes `.astro/` in the project, so two builds cannot share one). */
let work = '';
let coldWork = '';
const SOURCES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'public',
  'content',
];
let clock = '2026-11-25T12:00:00Z';
let colds = 0;

const path = (rel: string) => join(work, rel);
const write = (rel: string, text: string) => writeFileSync(path(rel), text);
const edit = (rel: string, change: (text: string) => string) => {
  const before = readFileSync(path(rel), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the change to ${rel} changed nothing`);
  write(rel, after);
};

/** Starts `astro build` in a scratch project with its own cache and output folders. */
function startBuild(
  name: string,
  cache: string,
  root = work,
): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(process.execPath, [ASTRO, 'build'], {
    cwd: root,
    env: {
      ...process.env,
      CACHE_DIR: path(cache),
      OUT_DIR: path(`out-${name}`),
      DATELINE_NOW: clock,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const done = new Promise<string>((resolve, reject) => {
    child.on('exit', (code, signal) =>
      code === 0
        ? // Without colours (CI gets them): the checks below read the route lines as text.
          // eslint-disable-next-line no-control-regex
          resolve(log.replace(/\u001b\[[0-9;]*m/g, ''))
        : reject(
            new Error(`${name} build ${signal ?? `exited with ${code}`}:\n${log.slice(-3000)}`),
          ),
    );
  });
  done.catch(() => undefined);
  return { child, done };
}

/** Builds incrementally and cold (at the same time: two cores) and compares the outputs. */
async function buildAndCompare(): Promise<{ incremental: string; cold: string }> {
  const cache = `cache-cold-${colds++}`;
  rmSync(path('out-cold'), { recursive: true, force: true });
  for (const f of SOURCES) {
    rmSync(join(coldWork, f), { recursive: true, force: true });
    cpSync(path(f), join(coldWork, f), { recursive: true });
  }
  const incremental = startBuild('incremental', 'cache-incremental');
  const cold = startBuild('cold', cache, coldWork);
  const logs = { incremental: await incremental.done, cold: await cold.done };
  rmSync(path(cache), { recursive: true, force: true });
  const a = digests(path('out-incremental'));
  const b = digests(path('out-cold'));
  expect(Object.keys(a).length).toBeGreaterThan(50);
  // Compare names first: a clearer message when a file is missing or left over.
  expect(Object.keys(a)).toEqual(Object.keys(b));
  expect(
    Object.entries(a)
      .filter(([f, d]) => b[f] !== d)
      .map(([f]) => f),
  ).toEqual([]);
  return logs;
}

/** Starts an incremental build and kills it (SIGKILL) as soon as `moment` holds (checked every millisecond or two). */
async function killBuild(moment: () => boolean, what: string): Promise<void> {
  const { child, done } = startBuild('incremental', 'cache-incremental');
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (moment() && child.kill('SIGKILL')) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
    done.then(
      () => (clearInterval(timer), reject(new Error(`the build finished before ${what}`))),
      () => resolve(),
    );
  });
  await done.catch(() => undefined);
}

/** Whether a file holds `text` (false while it does not exist). */
const holds = (file: string, text: string) => {
  try {
    return readFileSync(file, 'utf8').includes(text);
  } catch {
    return false;
  }
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dateline-incremental-'));
  coldWork = join(work, 'cold-project');
  for (const f of SOURCES) cpSync(join(ROOT, f), path(f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), path('node_modules'), 'dir');
  mkdirSync(coldWork);
  symlinkSync(join(ROOT, 'node_modules'), join(coldWork, 'node_modules'), 'dir');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const live = 'content/harbour-ferry-strike';
const old = 'content/kazakhstan-unrest';

describe('an incremental build equals a cold build, byte for byte', { timeout: 120_000 }, () => {
  test('first build (empty caches)', async () => {
    await buildAndCompare();
  });

  test('no change: every page comes from the cache, nothing is rendered or indexed again', async () => {
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 0 bodies/);
    expect(incremental).toMatch(/, 0 indexed in/);
    expect(incremental).not.toMatch(/stories\/[^ ]+\/\d{4}-\d\d-\d\d\/index\.html \(\+/);
  });

  test('a new bulletin in a live story', async () => {
    write(
      `${live}/2026-11-24-1800-evening-sailings.md`,
      '---\ntitle: Evening sailings resume\n---\n\nThe 18:00 boat left on time.\n',
    );
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 1 bodies/);
  });

  test('a bulletin as the browser editor names it: in UTC, on the story day it falls on', async () => {
    // 01:30 UTC on the 25th is 20:30 on the 24th in New York.
    write(
      `${live}/2026-11-25-0130z-night-crossings.md`,
      '---\ntitle: Night crossings added\n---\n\nTwo late boats from Monday.\n',
    );
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 1 bodies/);
    expect(
      readFileSync(
        path(`out-incremental/stories/${live.split('/').at(-1)}/2026-11-24/index.html`),
        'utf8',
      ),
    ).toContain('id="u-2026-11-25-0130z-night-crossings"');
  });

  test('an edit to a bulletin four years old', async () => {
    edit(
      `${old}/2022-01-06-1000-airport-seized.md`,
      (t) => `${t}\nThe airport reopened days later.\n`,
    );
    await buildAndCompare();
  });

  test('a correction', async () => {
    edit(`${live}/2026-11-19.md`, (t) =>
      t.replace(
        /^---\n/,
        '---\nupdated: 2026-11-21T09:00:00-05:00\ncorrection: The number of crossings was wrong.\n',
      ),
    );
    await buildAndCompare();
  });

  test('an image next to bulletins replaced, then a new one referred to', async () => {
    const png = readFileSync(path(`${live}/route-map.png`));
    // Other bytes under the same name (a byte after the image's end: still a PNG to a browser).
    writeFileSync(path(`${live}/route-map.png`), Buffer.concat([png, Buffer.from([0])]));
    await buildAndCompare();
    writeFileSync(path(`${live}/route-map-2.png`), png);
    edit(
      `${live}/2026-11-19.md`,
      (t) => `${t}
![The route map, as first drawn](./route-map-2.png)
`,
    );
    await buildAndCompare();
  });

  test('a deleted bulletin', async () => {
    unlinkSync(path(`${live}/2026-11-16-1015-notice-served.md`));
    await buildAndCompare();
  });

  test('a renamed file', async () => {
    renameSync(
      path(`${live}/2026-11-18-0615-walkout-begins.md`),
      path(`${live}/2026-11-18-0615-walkout.md`),
    );
    await buildAndCompare();
  });

  test('a draft published', async () => {
    edit(`${live}/2026-11-24-0900-roster-talks.md`, (t) => t.replace('draft: true\n', ''));
    await buildAndCompare();
  });

  test('a scheduled bulletin, then the clock passes it (DATELINE_NOW)', async () => {
    write(
      `${live}/2026-11-26-0900-vote-count.md`,
      '---\ntitle: Vote count due\n---\n\nThe count is scheduled for nine.\n',
    );
    await buildAndCompare();
    clock = '2026-11-27T00:00:00Z';
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 1 bodies/);
  });

  test('a story closed', async () => {
    edit(`${live}/index.md`, (t) =>
      t.replace('timezone: America/New_York', 'status: closed\ntimezone: America/New_York'),
    );
    await buildAndCompare();
  });

  test('a new story', async () => {
    cpSync(path(live), path('content/a-new-story'), { recursive: true });
    edit('content/a-new-story/index.md', (t) =>
      t.replace(/^title: .*$/m, 'title: A second strike'),
    );
    await buildAndCompare();
  });

  test('a summary changed: only the pages that show it render again; then deleted', async () => {
    edit(`${live}/summary.md`, (t) =>
      t
        .replace(/updated: .*/, 'updated: "2026-11-25 10:00"')
        .replace('- The first', '- Still: the first'),
    );
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 1 bodies/);
    expect(incremental).toMatch(/stories\/harbour-ferry-strike\/index\.html \(\+/);
    expect(incremental).not.toMatch(/stories\/[^ ]+\/\d{4}-\d\d-\d\d\/index\.html \(\+/);
    expect(incremental).not.toMatch(/stories\/kazakhstan-unrest\/index\.html \(\+/);
    unlinkSync(path(`${live}/summary.md`));
    await buildAndCompare();
  });

  test('a new bulletin by an author: their page renders again, other authors’ pages do not', async () => {
    write(
      `${live}/2026-11-24-2000-night-crossings.md`,
      '---\nauthors: [priya-nair]\n---\n\nNight crossings resume on Friday.\n',
    );
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 1 bodies/);
    expect(incremental).toMatch(/authors\/priya-nair\/index\.html \(\+/);
    expect(incremental).not.toMatch(/authors\/aigerim-sadykova\/index\.html \(\+/);
  });

  test('an author’s bio edited: only their own page renders again', async () => {
    edit('content/authors/tom-reyes.md', (t) => `${t}\nHe grew up on Gull Island.\n`);
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/rendered 1 bodies/);
    expect(incremental).toMatch(/authors\/tom-reyes\/index\.html \(\+/);
    expect(incremental).not.toMatch(/stories\/[^ ]+\/\d{4}-\d\d-\d\d\/index\.html \(\+/);
    expect(incremental).not.toMatch(/stories\/[^ ]+\/index\.html \(\+/);
  });

  test('an author renamed, then a new author with a photo named by a bulletin', async () => {
    edit('content/authors/tom-reyes.md', (t) => t.replace('name: Tom Reyes', 'name: Tomás Reyes'));
    await buildAndCompare();
    writeFileSync(
      path('content/authors/ana-lima.png'),
      readFileSync(path('content/authors/aigerim-sadykova.png')),
    );
    write(
      'content/authors/ana-lima.md',
      '---\nname: Ana Lima\nphoto: ana-lima.png\n---\nPhotographer.\n',
    );
    edit(`${live}/2026-11-19.md`, (t) =>
      t.replace(/^---\n/, '---\nauthors: [ana-lima, tom-reyes]\n'),
    );
    await buildAndCompare();
  });

  test('a tag spelt in another case: it shares the tag page, and the build warns, naming the file', async () => {
    write(
      `${live}/2026-11-24-1900-union-statement.md`,
      '---\ntags: [STRIKE]\n---\n\nThe union thanked commuters.\n',
    );
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(
      /2026-11-24-1900-union-statement\.md:2: field "tags": "STRIKE" shares the page \/tags\/strike\//,
    );
    const tagPage = readFileSync(path('out-incremental/tags/strike/index.html'), 'utf8');
    expect(tagPage).toContain('u-2026-11-24-1900-union-statement');
    expect(readdirSync(path('out-incremental/tags')).filter((t) => /^strike$/i.test(t))).toEqual([
      'strike',
    ]);
  });

  test("a new bulletin with a new photo makes that photo's copies only; the photo replaced under its name renders the bulletin again; a snapshot turns a link into a card", async () => {
    const photo = async (background: string) =>
      sharp({ create: { width: 1800, height: 1200, channels: 3, background } })
        .jpeg()
        .toBuffer();
    writeFileSync(path(`${live}/quay.jpg`), await photo('#456'));
    write(
      `${live}/2026-11-24-2000-quay.md`,
      '---\ntitle: The quay at night\n---\n\n![The quay](./quay.jpg "The quay at night. Photo: A")\n\nhttps://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2b\n',
    );
    let { incremental } = await buildAndCompare();
    // The copies this build made (a cached route is not logged with its time).
    const copies = (log: string) => log.match(/images\/[^ ]+\.webp(?= \(\+)/g) ?? [];
    expect(copies(incremental).sort()).toEqual(
      [1200, 1600, 400, 800].map((w) => expect.stringContaining(`images/quay.jpg-${w}w.`)),
    );
    expect(incremental).toMatch(/the post https:\/\/bsky\.app\/[^ ]+ has no snapshot/);
    writeFileSync(path(`${live}/quay.jpg`), await photo('#654'));
    ({ incremental } = await buildAndCompare());
    expect(incremental).toMatch(/rendered 1 bodies/);
    expect(copies(incremental)).toHaveLength(4);
    write(
      `${live}/embed-bluesky-ann.bsky.social-3lbq2mdw7ks2b.json`,
      JSON.stringify({
        url: 'https://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2b',
        author: { name: 'Ann' },
        text: 'Lights on the quay.',
        published: '2026-11-24T20:05:00Z',
      }),
    );
    ({ incremental } = await buildAndCompare());
    expect(incremental).toMatch(/rendered 1 bodies/);
    expect(copies(incremental)).toEqual([]);
    expect(
      readFileSync(
        path('out-incremental/stories/harbour-ferry-strike/2026-11-24/index.html'),
        'utf8',
      ),
    ).toContain('Lights on the quay.');
  });

  test('a change to src/config.ts', async () => {
    edit('src/config.ts', (t) => t.replace('timelineDays: 7,', 'timelineDays: 3,'));
    await buildAndCompare();
  });

  test('a change to a component', async () => {
    edit('src/components/Bulletin.astro', (t) =>
      t.replace('<p class="permalink">', '<p class="permalink" data-changed>'),
    );
    await buildAndCompare();
  });

  test('a change to a stylesheet (a new bundle name; the old bundle must go)', async () => {
    edit('src/styles/global.css', (t) => `${t}\n.bulletin-title { letter-spacing: 0.01em; }\n`);
    await buildAndCompare();
  });

  /**
   * A change to the code of a cached piece: the incremental build must equal the cold one and show
   * the change (`visible` in some output file), then again once the change is undone. Before the
   * bodies' keys were in the pages' props, a pipeline change re-rendered every body and no page.
   */
  async function codeChange(
    rel: string,
    from: string,
    to: string,
    visible: (out: string) => boolean,
  ) {
    const before = readFileSync(path(rel), 'utf8');
    edit(rel, (t) => t.replace(from, to));
    await buildAndCompare();
    expect(
      Object.keys(digests(path('out-incremental'))).some((f) =>
        visible(path(`out-incremental/${f}`)),
      ),
    ).toBe(true);
    write(rel, before);
    await buildAndCompare();
  }

  test('a change to the Markdown pipeline (the typographer’s quotes)', async () => {
    await codeChange(
      'src/lib/content/markdown.ts',
      "(opening ? '“' : '”')",
      "(opening ? '«' : '»')",
      (f) => f.endsWith('.html') && holds(f, '«'),
    );
  });

  test('a change to the content checks’ code', async () => {
    await codeChange(
      'src/lib/content/archive.ts',
      '{ title: d.title }',
      '{ title: `${d.title} (checked)` }',
      (f) => f.endsWith('.html') && holds(f, '(checked)'),
    );
  });

  test('a change to the search records’ code', async () => {
    await codeChange(
      'src/lib/publish/search-records.ts',
      '<h2 id="${b.id}">${escapeHtml(v.heading)}</h2>',
      '<h2 id="${b.id}">${escapeHtml(v.heading)} ·</h2>',
      (f) => f.includes('pagefind/') && !f.endsWith('.json') && !f.endsWith('.js'),
    );
  });

  test('a change to the social cards’ code', async () => {
    await codeChange(
      'src/lib/publish/cards.ts',
      "background: '#fdfcfa'",
      "background: '#fdfcfb'",
      (f) => f.endsWith('card.png'),
    );
  });

  test('an installed package upgraded in place (npm install without the lockfile changing)', async () => {
    // The project's own node_modules: every package linked to the real one, but for a copy of
    // rehype-external-links whose code is changed and whose version npm's record of the installed
    // tree says is newer, as `npm install rehype-external-links@3.0.1 --no-save` would leave it.
    edit(
      `${old}/2022-01-06-1000-airport-seized.md`,
      (t) => `${t}\nSee [the airport's notice](https://example.org/notice).\n`,
    );
    await buildAndCompare();
    const modules = path('node_modules');
    const real = join(ROOT, 'node_modules');
    unlinkSync(modules);
    mkdirSync(modules);
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
      else if (name !== '.dateline' && name !== '.astro' && name !== '.vite')
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
    rmSync(join(coldWork, 'node_modules'));
    symlinkSync(modules, join(coldWork, 'node_modules'), 'dir');
    await buildAndCompare();
    expect(
      holds(
        path('out-incremental/stories/kazakhstan-unrest/2022-01-06/index.html'),
        'data-external',
      ),
    ).toBe(true);
    // Back to the installed packages.
    for (const dir of [work, coldWork]) {
      rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
      symlinkSync(real, join(dir, 'node_modules'), 'dir');
    }
    await buildAndCompare();
  });

  test('a file added to public/, then removed', async () => {
    write('public/press-kit.txt', 'Contact the desk.\n');
    await buildAndCompare();
    unlinkSync(path('public/press-kit.txt'));
    await buildAndCompare();
  });

  test('a story deleted: its pages, feeds, card and search records go', async () => {
    rmSync(path('content/a-new-story'), { recursive: true });
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/removed \d+ file\(s\) the content no longer produces/);
  });

  test('a build killed while writing pages, then the change undone: the next build is exact', async () => {
    const story = `${old}/index.md`;
    const before = readFileSync(path(story), 'utf8');
    // A new story title: every page of the story is rendered again, and its cached copy overwritten.
    // Killed once the first of them (its feed, among the first pages Astro writes) is in Astro's
    // cache, long before the build records the new keys.
    edit(story, (t) => t.replace(/^title: .*$/m, 'title: Renamed while building'));
    await killBuild(
      () =>
        holds(
          path('cache-incremental/dist/stories/kazakhstan-unrest/feed.xml'),
          'Renamed while building',
        ),
      'the story feed was rewritten in the cache',
    );
    write(story, before);
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/the last build did not finish/);
  });

  test('a build killed after indexing a new search partition, then the change undone: the next build is exact', async () => {
    const file = `${live}/2026-11-23-0800-vote.md`;
    const before = readFileSync(path(file), 'utf8');
    const stored = () =>
      readdirSync(path('cache-incremental/dateline-search')).flatMap((shard) =>
        readdirSync(path(`cache-incremental/dateline-search/${shard}`)),
      );
    const known = new Set(stored());
    edit(file, (t) => `${t}\nTurnout was high.\n`);
    // Killed once the partition holding the edit is in the search cache, while Astro writes the pages.
    await killBuild(
      () => stored().some((key) => !key.endsWith('.tmp') && !known.has(key)),
      'the new partition was stored',
    );
    write(file, before);
    const { incremental } = await buildAndCompare();
    expect(incremental).toMatch(/the last build did not finish/);
  });
});
