import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ContentError, loadArchive, readSourceFiles } from '../../src/loaders/archive';

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
    expect(readSourceFiles(root, 'content').map((f) => f.path).sort()).toEqual(['content/s/2022-01-07.md', 'content/s/index.md']);
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

  test('a missing content folder is named', () => {
    expect(() => loadArchive(root, 'nowhere')).toThrow('the content folder nowhere/ does not exist');
  });
});
