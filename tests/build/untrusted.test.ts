// Content is untrusted: a pull request's preview builds whatever it brings. On a copy of the
// project, a contributor's symbolic links (to a file of the build machine, to a Markdown file
// elsewhere, to a large tree, a loop), a subfolder, a pipe, a bulletin nested 20,000 levels deep and
// one of 2 MB must stop the build with one message naming each of them, and nothing of what the
// links point at may reach the output, then or once they are removed.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, ROOT, scratchFolder, startBuild } from './project.ts';
/** Written into the files outside the project that the links point at: it must appear nowhere in the output. */
const SECRET = `BUILD-MACHINE-SECRET-${process.pid}`;
const STORY = 'content/harbour-ferry-strike';
const LINK =
  'is a symbolic link; links in the content folder are never followed (content may come from anyone who sends a pull request): put the file or folder itself here';

let work = '';
let outside = '';
const at = (rel: string) => join(work, rel);

const build = () => startBuild(work, { OUT_DIR: at('out'), CACHE_DIR: at('cache') }).done;

/** Every file below `dir` (links listed, never followed), relative to it. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

beforeAll(() => {
  work = copyProject(scratchFolder('untrusted'));
  outside = join(work, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'credentials.png'), SECRET);
  writeFileSync(join(outside, 'note.md'), `---\ntitle: From elsewhere\n---\n\n${SECRET}\n`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(
  'a contributor’s content cannot reach the build machine or stop the build unnamed',
  { timeout: 180_000 },
  () => {
    test('links, a subfolder, a pipe, deep nesting and an oversized file: the build stops naming each, and publishes nothing', async () => {
      symlinkSync(join(outside, 'credentials.png'), at(`${STORY}/leak.png`));
      writeFileSync(
        at(`${STORY}/2026-11-20-0900-map.md`),
        '---\ntitle: Map\n---\n\n![The route](./leak.png)\n',
      );
      symlinkSync(join(outside, 'note.md'), at(`${STORY}/2026-11-20-1510-x.md`));
      // A large tree: the project's own dependencies (tens of thousands of files).
      symlinkSync(join(ROOT, 'node_modules'), at(`${STORY}/x`), 'dir');
      symlinkSync('.', at(`${STORY}/loop`), 'dir');
      mkdirSync(at(`${STORY}/photos`));
      writeFileSync(at(`${STORY}/photos/2026-11-20-1600-inside.md`), SECRET);
      spawnSync('mkfifo', [at(`${STORY}/feed.csv`)]);
      writeFileSync(
        at(`${STORY}/2026-11-20-1700-deep.md`),
        `Deep.\n\n${'>'.repeat(20_000)} quote\n`,
      );
      writeFileSync(
        at(`${STORY}/2026-11-20-1800-huge.md`),
        `Huge.\n\n${'word '.repeat(400_000)}\n`,
      );

      const { code, log } = await build();
      expect(code).not.toBe(0);
      const listed = log.slice(log.indexOf('problems in content/:')).split('\n').slice(1, 10);
      expect(listed).toEqual([
        `  - ${STORY}/2026-11-20-1510-x.md: ${LINK}`,
        `  - ${STORY}/2026-11-20-1700-deep.md:3: is nested about 20000 levels deep on this line (quotes, lists, indentation, brackets, emphasis and HTML elements counted together); at most 100 are allowed: the renderer would run out of stack`,
        `  - ${STORY}/2026-11-20-1800-huge.md: is 2.0 MB; a story or bulletin file may hold at most 100 kB of text (split it into several updates, or link a long document where it lives)`,
        `  - ${STORY}/feed.csv: is not a regular file (a pipe, socket or device); only files and story folders belong in the content folder`,
        `  - ${STORY}/leak.png: ${LINK}`,
        `  - ${STORY}/loop: ${LINK}`,
        `  - ${STORY}/photos: is a folder inside a story folder; its files are not read: put them directly in the story folder`,
        `  - ${STORY}/x: ${LINK}`,
        // and nothing more
        expect.not.stringMatching(/^ {2}- /),
      ]);
      expect(log).toContain('8 problems in content/:');
      expect(log).not.toMatch(/RangeError|ELOOP|heap out of memory/);
      for (const f of filesBelow(at('out')))
        expect(readFileSync(at(`out/${f}`), 'latin1'), f).not.toContain(SECRET);
    });

    test('without them, the site builds, and every file it publishes from a story is that story’s own regular file', async () => {
      for (const f of [
        'leak.png',
        '2026-11-20-0900-map.md',
        '2026-11-20-1510-x.md',
        'x',
        'loop',
        'photos',
        'feed.csv',
        '2026-11-20-1700-deep.md',
        '2026-11-20-1800-huge.md',
      ]) {
        rmSync(at(`${STORY}/${f}`), { recursive: true, force: true });
      }
      const { code, log } = await build();
      expect(code, log.slice(-2000)).toBe(0);
      const out = filesBelow(at('out'));
      expect(out.length).toBeGreaterThan(50);
      for (const f of out) expect(readFileSync(at(`out/${f}`), 'latin1'), f).not.toContain(SECRET);
      const published = out.filter((f) => /^stories\/[^/]+\/files\//.test(f));
      expect(published.length).toBeGreaterThan(0);
      for (const f of published) {
        const [, story, , name] = f.split('/');
        expect(readFileSync(at(`out/${f}`))).toEqual(readFileSync(at(`content/${story}/${name}`)));
      }
    });
  },
);
