import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckedBulletin } from '../../src/lib/archive';
import { ContentError, loadArchive, readSourceFiles, type ContentCache } from '../../src/loaders/read';

const root = mkdtempSync(join(tmpdir(), 'dateline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('content loader', () => {
  test('reads every Markdown file below the content folder, paths relative to the root', () => {
    write('content/s/index.md', '---\ntitle: T\nsummary: S\n---\n');
    write('content/s/2022-01-07.md', 'Body');
    write('content/s/photo.jpg', 'not markdown');
    expect(readSourceFiles(root, 'content').files.map((f) => f.path).sort()).toEqual(['content/s/2022-01-07.md', 'content/s/index.md']);
    const { archive } = loadArchive(root, 'content');
    expect(archive.bulletins.map((b) => b.id)).toEqual(['u-2022-01-07']);
  });

  test('problems stop the build with one message listing each of them', () => {
    write('bad/s/index.md', '---\ntitle: T\n---\n');
    write('bad/t/2022-02-30.md', 'x');
    let error: unknown;
    try {
      loadArchive(root, 'bad');
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
    const digest = (r: typeof first, name: string) => r.files.find((f) => f.path.endsWith(name))!.digest;
    expect(digest(second, '2022-01-07.md')).toBe(digest(first, '2022-01-07.md'));
    expect(digest(second, '2022-01-08.md')).not.toBe(digest(first, '2022-01-08.md'));
    // The unchanged file's text is read only when asked for: gone by then, it cannot be read.
    unlinkSync(join(root, 'seen/s/2022-01-07.md'));
    expect(() => second.files.find((f) => f.path.endsWith('2022-01-07.md'))!.text).toThrow(/ENOENT/);
    expect(second.files.find((f) => f.path.endsWith('2022-01-08.md'))!.text).toBe('Second, edited');
  });

  test('with the cache of an earlier load, the archive is the same, and unchanged files are not checked again', () => {
    write('cached/s/index.md', '---\ntitle: T\nsummary: S\ntimezone: Asia/Almaty\n---\n');
    write('cached/s/2022-01-07-1400-a.md', '---\ntitle: A\n---\nBody A');
    write('cached/s/2022-01-08.md', 'Body B');
    const checked = new Map<string, CheckedBulletin>();
    const gets: string[] = [];
    const cache: ContentCache = { code: 'v1', seen: {}, get: (k) => (gets.push(k), checked.get(k)), set: (k, v) => void checked.set(k, v) };
    const cold = loadArchive(root, 'cached', Infinity);
    const first = loadArchive(root, 'cached', Infinity, cache);
    expect(first.archive).toEqual(cold.archive);
    expect(checked.size).toBe(2);
    const stored = [...checked.values()];
    const again = loadArchive(root, 'cached', Infinity, cache);
    expect(again.archive).toEqual(cold.archive);
    expect([...checked.values()]).toEqual(stored);
    // Another checking code: nothing is taken from the cache.
    const before = checked.size;
    loadArchive(root, 'cached', Infinity, { ...cache, code: 'v2' });
    expect(checked.size).toBe(before + 2);
  });

  test('a cached check is not reused for an equal text under another name or in another zone', () => {
    write('twins/s/index.md', '---\ntitle: T\nsummary: S\ntimezone: Asia/Almaty\n---\n');
    write('twins/s/2022-01-07-1400-a.md', 'Same text');
    write('twins/s/2022-01-08-0900-b.md', 'Same text');
    const checked = new Map<string, CheckedBulletin>();
    const cache: ContentCache = { code: 'v1', seen: {}, get: (k) => checked.get(k), set: (k, v) => void checked.set(k, v) };
    const { archive } = loadArchive(root, 'twins', Infinity, cache);
    expect(archive.bulletins.map((b) => [b.id, b.instant])).toEqual([
      ['u-2022-01-07-1400-a', Date.parse('2022-01-07T14:00:00+06:00')],
      ['u-2022-01-08-0900-b', Date.parse('2022-01-08T09:00:00+06:00')],
    ]);
    write('twins/s/index.md', '---\ntitle: T\nsummary: S\ntimezone: Europe/London\n---\n');
    expect(loadArchive(root, 'twins', Infinity, cache).archive.bulletins.map((b) => b.instant)).toEqual([Date.parse('2022-01-07T14:00:00Z'), Date.parse('2022-01-08T09:00:00Z')]);
  });

  test('a missing content folder is named', () => {
    expect(() => loadArchive(root, 'nowhere')).toThrow('the content folder nowhere/ does not exist');
  });
});
