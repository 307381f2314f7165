import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { type CheckedBulletin } from '../../src/lib/content/check.ts';
import { fileDigest } from '../../src/core/cache-keys.ts';
import { MAX_TEXT_BYTES } from '../../src/lib/content/files.ts';
import {
  ContentError,
  loadArchive,
  readSourceFiles,
  type ContentCache,
} from '../../src/lib/content/read.ts';
import { contentIn } from './fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'dateline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string | Uint8Array) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('content loader', () => {
  test('reads every Markdown file below the content folder, paths relative to the root', () => {
    write('content/s/index.md', '---\ntitle: T\nsummary: S\n---\n');
    write('content/s/2022-01-07.md', 'Body');
    write('content/s/notes.csv', 'not markdown');
    expect(
      readSourceFiles(root, 'content')
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(['content/s/2022-01-07.md', 'content/s/index.md']);
    const { archive } = loadArchive(root, contentIn('content'), Infinity);
    expect(archive.bulletins.map((b) => b.id)).toEqual(['u-2022-01-07']);
  });

  test('pictures: their size is read with their bytes, kept while unchanged, and given to the bodies that show them', async () => {
    const jpeg = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: '#808080' },
    })
      .jpeg()
      .toBuffer();
    write('pics/s/index.md', '---\ntitle: T\nsummary: S\n---\n');
    write('pics/s/photo.jpg', jpeg);
    write('pics/s/2022-01-07.md', '![Crowds](./photo.jpg "Crowds. Photo: A")');
    write('pics/s/2022-01-08.md', 'No picture.');
    const read = readSourceFiles(root, 'pics');
    const picture = { width: 1200, height: 900, format: 'jpg' };
    expect(read.others).toEqual([
      { path: 'pics/s/photo.jpg', size: jpeg.length, digest: fileDigest(jpeg), picture },
    ]);
    expect(readSourceFiles(root, 'pics', read.seen).others[0]!.picture).toEqual(picture);
    const { archive } = loadArchive(root, contentIn('pics'), Infinity);
    expect(archive.media).toEqual({
      'pics/s/2022-01-07.md': {
        's/photo.jpg': { kind: 'picture', ...picture, digest: fileDigest(jpeg) },
      },
    });
    expect(archive.files[0]).toMatchObject({ name: 'photo.jpg', picture });
  });

  test('a picture that is not one, or too large to resize, is a problem naming the file', () => {
    write('badpics/s/index.md', '---\ntitle: T\nsummary: S\n---\n');
    write('badpics/s/2022-01-07.md', 'Text');
    write('badpics/s/photo.jpg', '<html>a saved web page</html>');
    // A PNG header claiming 20,000 × 20,000 pixels: a few bytes that would take gigabytes to decode.
    const bomb = Buffer.alloc(33);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(bomb);
    bomb.writeUInt32BE(20000, 16);
    bomb.writeUInt32BE(20000, 20);
    write('badpics/s/bomb.png', bomb);
    expect(() => loadArchive(root, contentIn('badpics'), Infinity)).toThrow(
      [
        '2 problems in badpics/:',
        '  - badpics/s/bomb.png: is 20000 × 20000 pixels (400 megapixels); a picture may have at most 50 megapixels: make it smaller',
        '  - badpics/s/photo.jpg: is not a JPG picture that can be read: export it again as JPEG, PNG or WebP',
      ].join('\n'),
    );
  });

  test('problems stop the build with one message listing each of them', () => {
    write('bad/s/index.md', '---\ntitle: T\n---\n');
    write('bad/t/2022-02-30.md', 'x');
    let error: unknown;
    try {
      loadArchive(root, contentIn('bad'), Infinity);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toBe(
      [
        '2 problems in bad/:',
        '  - bad/s/index.md: field "summary": is required',
        '  - bad/t/2022-02-30.md: field "file name": 2022-02-30 is not a real calendar date',
      ].join('\n'),
    );
  });

  test('a file seen unchanged (same size, times and inode) is not read again; a changed one is', () => {
    write('seen/s/index.md', '---\ntitle: T\nsummary: S\n---\n');
    write('seen/s/2022-01-07.md', 'First');
    write('seen/s/2022-01-08.md', 'Second');
    const first = readSourceFiles(root, 'seen');
    write('seen/s/2022-01-08.md', 'Second, edited');
    const second = readSourceFiles(root, 'seen', first.seen);
    const digest = (r: typeof first, name: string) =>
      r.files.find((f) => f.path.endsWith(name))!.digest;
    expect(digest(second, '2022-01-07.md')).toBe(digest(first, '2022-01-07.md'));
    expect(digest(second, '2022-01-08.md')).not.toBe(digest(first, '2022-01-08.md'));
    // The unchanged file's text is read only when asked for: gone by then, it cannot be read.
    unlinkSync(join(root, 'seen/s/2022-01-07.md'));
    expect(() => second.files.find((f) => f.path.endsWith('2022-01-07.md'))!.text).toThrow(
      /ENOENT/,
    );
    expect(second.files.find((f) => f.path.endsWith('2022-01-08.md'))!.text).toBe('Second, edited');
  });

  test('one text is kept at a time; a file read again must have the digest it was read with', () => {
    write('again/s/index.md', '---\ntitle: T\nsummary: S\n---\n');
    write('again/s/2022-01-07.md', 'First');
    write('again/s/2022-01-08.md', 'Second');
    const { files } = readSourceFiles(root, 'again');
    const file = (name: string) => files.find((f) => f.path.endsWith(name))!;
    expect(file('2022-01-07.md').text).toBe('First');
    // Read again after another file's text, from the disk: as it was, it is the same text.
    expect(file('2022-01-08.md').text).toBe('Second');
    expect(file('2022-01-07.md').text).toBe('First');
    // Changed meanwhile (another file read since): refused, by name, instead of checked or rendered as another text.
    write('again/s/2022-01-07.md', 'First, edited during the build');
    expect(file('2022-01-08.md').text).toBe('Second');
    expect(() => file('2022-01-07.md').text).toThrow(
      /again\/s\/2022-01-07\.md changed while the build was reading it; build again/,
    );
  });

  test('with the cache of an earlier load, the archive is the same, and unchanged files are not checked again', () => {
    write('cached/s/index.md', '---\ntitle: T\nsummary: S\ntimezone: Asia/Almaty\n---\n');
    write('cached/s/2022-01-07-1400-a.md', '---\ntitle: A\n---\nBody A');
    write('cached/s/2022-01-08.md', 'Body B');
    const checked = new Map<string, CheckedBulletin>();
    const gets: string[] = [];
    const cache: ContentCache = {
      code: 'v1',
      seen: {},
      get: (k) => (gets.push(k), checked.get(k)),
      set: (k, v) => void checked.set(k, v),
    };
    const cold = loadArchive(root, contentIn('cached'), Infinity);
    const first = loadArchive(root, contentIn('cached'), Infinity, cache);
    expect(first.archive).toEqual(cold.archive);
    expect(checked.size).toBe(2);
    const stored = [...checked.values()];
    const again = loadArchive(root, contentIn('cached'), Infinity, cache);
    expect(again.archive).toEqual(cold.archive);
    expect([...checked.values()]).toEqual(stored);
    // Another checking code: nothing is taken from the cache.
    const before = checked.size;
    loadArchive(root, contentIn('cached'), Infinity, { ...cache, code: 'v2' });
    expect(checked.size).toBe(before + 2);
  });

  test('a cached check is not reused for an equal text under another name or in another zone', () => {
    write('twins/s/index.md', '---\ntitle: T\nsummary: S\ntimezone: Asia/Almaty\n---\n');
    write('twins/s/2022-01-07-1400-a.md', 'Same text');
    write('twins/s/2022-01-08-0900-b.md', 'Same text');
    const checked = new Map<string, CheckedBulletin>();
    const cache: ContentCache = {
      code: 'v1',
      seen: {},
      get: (k) => checked.get(k),
      set: (k, v) => void checked.set(k, v),
    };
    const { archive } = loadArchive(root, contentIn('twins'), Infinity, cache);
    expect(archive.bulletins.map((b) => [b.id, b.instant])).toEqual([
      ['u-2022-01-07-1400-a', Date.parse('2022-01-07T14:00:00+06:00')],
      ['u-2022-01-08-0900-b', Date.parse('2022-01-08T09:00:00+06:00')],
    ]);
    write('twins/s/index.md', '---\ntitle: T\nsummary: S\ntimezone: Europe/London\n---\n');
    expect(
      loadArchive(root, contentIn('twins'), Infinity, cache).archive.bulletins.map(
        (b) => b.instant,
      ),
    ).toEqual([Date.parse('2022-01-07T14:00:00Z'), Date.parse('2022-01-08T09:00:00Z')]);
  });

  test('a missing content folder is named', () => {
    expect(() => loadArchive(root, contentIn('nowhere'), Infinity)).toThrow(
      'the content folder nowhere/ does not exist',
    );
  });
});

describe('content from contributors: nothing is followed or read outside the content folder', () => {
  // A file of the build machine that a link in content/ points at; its text must never be read.
  const secret = join(root, 'outside', 'secret.txt');
  const setup = (name: string) => {
    write(`outside/secret.txt`, 'TOPSECRET');
    write(`outside/deep/a/b/c.md`, 'TOPSECRET');
    write(`${name}/s/index.md`, '---\ntitle: T\nsummary: S\n---\n');
    write(`${name}/s/2022-01-07.md`, 'Valid.');
  };
  const problems = (name: string) => {
    try {
      loadArchive(root, contentIn(name), Infinity);
    } catch (err) {
      if (err instanceof ContentError) return err.message.split('\n').slice(1);
      throw err;
    }
    return [];
  };
  const LINK =
    'is a symbolic link; links in the content folder are never followed (content may come from anyone who sends a pull request): put the file or folder itself here';

  test('a symbolic link to a file of the build machine, used as an image, is an error naming the link; nothing of the file is read', () => {
    setup('leak');
    symlinkSync(secret, join(root, 'leak/s/leak.png'));
    write('leak/s/2022-01-08.md', '![The map](./leak.png)');
    expect(problems('leak')).toEqual([`  - leak/s/leak.png: ${LINK}`]);
    const read = readSourceFiles(root, 'leak');
    expect(read.others).toEqual([]);
    expect(JSON.stringify(read)).not.toContain(fileDigest('TOPSECRET'));
  });

  test('a symbolic link named as a bulletin, and one as a story’s index.md, are errors; the texts behind them are not read', () => {
    setup('bulletin');
    symlinkSync(join(root, 'outside/deep/a/b/c.md'), join(root, 'bulletin/s/2022-01-09-1510-x.md'));
    mkdirSync(join(root, 'bulletin/t'));
    symlinkSync(join(root, 'outside/deep/a/b/c.md'), join(root, 'bulletin/t/index.md'));
    write('bulletin/t/2022-01-07.md', 'x');
    expect(problems('bulletin')).toEqual([
      `  - bulletin/s/2022-01-09-1510-x.md: ${LINK}`,
      `  - bulletin/t/index.md: ${LINK}`,
    ]);
    expect(
      readSourceFiles(root, 'bulletin')
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(['bulletin/s/2022-01-07.md', 'bulletin/s/index.md', 'bulletin/t/2022-01-07.md']);
  });

  test('a symbolic link to a large tree, a loop, a link to a story folder and a link as the content folder: errors, never walked', () => {
    setup('tree');
    symlinkSync(join(root, 'outside'), join(root, 'tree/s/x'));
    symlinkSync('.', join(root, 'tree/s/loop'));
    symlinkSync(join(root, 'outside'), join(root, 'tree/other'));
    symlinkSync('..', join(root, 'tree/up'));
    expect(problems('tree')).toEqual([
      `  - tree/other: ${LINK}`,
      `  - tree/s/loop: ${LINK}`,
      `  - tree/s/x: ${LINK}`,
      `  - tree/up: ${LINK}`,
    ]);
    symlinkSync(join(root, 'tree'), join(root, 'linked'));
    expect(problems('linked')).toEqual([`  - linked: ${LINK}`]);
  });

  test('a folder inside a story folder is an error, and nothing inside it is listed; hidden entries are skipped unseen', () => {
    setup('sub');
    write('sub/s/photos/a.png', 'png');
    write('sub/s/photos/2022-01-08.md', 'x');
    write('sub/s/.git/config', 'x');
    write('sub/.obsidian/notes.md', 'x');
    write('sub/s/.DS_Store', 'x');
    expect(problems('sub')).toEqual([
      '  - sub/s/photos: is a folder inside a story folder; its files are not read: put them directly in the story folder',
    ]);
    expect([...readSourceFiles(root, 'sub').listed].sort()).toEqual([
      'sub/s',
      'sub/s/2022-01-07.md',
      'sub/s/index.md',
      'sub/s/photos',
    ]);
  });

  test('a pipe is an error, and is never opened (opening one would wait forever)', () => {
    setup('pipe');
    execFileSync('mkfifo', [join(root, 'pipe/s/feed.csv')]);
    expect(problems('pipe')).toEqual([
      '  - pipe/s/feed.csv: is not a regular file (a pipe, socket or device); only files and story folders belong in the content folder',
    ]);
  });

  test('an oversized bulletin is refused by its size, before it is read', () => {
    setup('large');
    write('large/s/2022-01-08.md', 'x'.repeat(MAX_TEXT_BYTES + 1));
    expect(problems('large')).toEqual([
      '  - large/s/2022-01-08.md: is 101 kB; a story or bulletin file may hold at most 100 kB of text (split it into several updates, or link a long document where it lives)',
    ]);
    expect(readSourceFiles(root, 'large').files.map((f) => f.path)).not.toContain(
      'large/s/2022-01-08.md',
    );
  });

  test('a file swapped for a link after it was listed is not read through the link', () => {
    setup('swap');
    const first = readSourceFiles(root, 'swap');
    // Unchanged since the first listing: its text is read only when asked for.
    const lazy = readSourceFiles(root, 'swap', first.seen).files.find(
      (f) => f.path === 'swap/s/2022-01-07.md',
    )!;
    unlinkSync(join(root, 'swap/s/2022-01-07.md'));
    symlinkSync(secret, join(root, 'swap/s/2022-01-07.md'));
    expect(() => lazy.text).toThrow(`${join(root, 'swap/s/2022-01-07.md')} is a symbolic link`);
    expect(readSourceFiles(root, 'swap', first.seen).refused).toEqual([
      { path: 'swap/s/2022-01-07.md', kind: 'link' },
    ]);
  });

  test('links in bulletins to paths under a link or a subfolder are not looked up there', () => {
    setup('refs');
    write('refs/s/sub/map.png', 'png');
    write('refs/s/2022-01-08.md', '![The map](./sub/map.png)');
    expect(problems('refs')).toContain(
      '  - refs/s/2022-01-08.md:1: refers to "./sub/map.png", which does not exist (refs/s/sub/map.png)',
    );
  });
});

test('a file that cannot be read while it is checked is named, and the failure is not cached', () => {
  const checked = new Map<string, CheckedBulletin>();
  const cache: ContentCache = {
    code: 'v1',
    seen: {},
    get: (k) => checked.get(k),
    set: (k, v) => void checked.set(k, v),
  };
  const gone = {
    path: 'content/s/2022-01-07.md',
    digest: 'd1',
    get text(): string {
      throw new Error('ENOENT: no such file');
    },
  };
  const story = { path: 'content/s/index.md', text: '---\ntitle: T\nsummary: S\n---\n' };
  const archive = buildArchive([story, gone], 'content', { cache });
  expect(archive.problems.map(formatProblem)).toEqual([
    "content/s/2022-01-07.md: could not be checked (Error: ENOENT: no such file); please report this to Dateline's developers with the file",
  ]);
  expect(checked.size).toBe(0);
});
