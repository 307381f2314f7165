import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generate, storySizes, tokenOf } from '../../scripts/bench/generate.ts';
import { loadArchive } from '../../src/lib/content/read.ts';
import { contentIn } from './fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'dateline-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('benchmark archive generator', () => {
  const a = generate({ dir: join(root, 'a'), stories: 4, bulletins: 400, seed: 7 });

  test('is deterministic for a seed', () => {
    const b = generate({ dir: join(root, 'b'), stories: 4, bulletins: 400, seed: 7 });
    expect(b).toEqual(a);
    expect(readFileSync(join(root, 'b', b[10]!.file), 'utf8')).toBe(
      readFileSync(join(root, 'a', a[10]!.file), 'utf8'),
    );
  });

  test('writes content that passes every check, one bulletin per manifest entry', () => {
    const { archive } = loadArchive(root, contentIn('a'), Infinity);
    expect(archive.bulletins).toHaveLength(400);
    expect(archive.stories).toHaveLength(4);
    expect(new Set(archive.stories.map((s) => s.timezone)).size).toBe(4);
  });

  test('no bulletin is timed between 01:00 and 04:00, where daylight-saving gaps fall', () => {
    for (const b of a)
      expect(/^\d{4}-\d\d-\d\d-0[123]\d\d-/.test(b.file.split('/')[1]!), b.file).toBe(false);
  });

  test('no file starts with a list item (Hugo, the benchmark peer, would not read it as Markdown)', () => {
    for (const b of a)
      expect(readFileSync(join(root, 'a', b.file), 'utf8').startsWith('- '), b.file).toBe(false);
  });

  test('has busy days, quiet days, date-only bulletins and non-ASCII names', () => {
    const perDay = new Map<string, number>();
    for (const b of a) perDay.set(b.story + b.day, (perDay.get(b.story + b.day) ?? 0) + 1);
    const counts = [...perDay.values()];
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(10);
    expect(counts).toContain(1);
    expect(a.some((b) => /\/\d{4}-\d{2}-\d{2}\.md$/.test(b.file))).toBe(true);
    expect(a.map((b) => readFileSync(join(root, 'a', b.file), 'utf8')).join('')).toMatch(
      /[ÅŁØÇÖÜñéóãç]/,
    );
  });

  test('one story is far longer than the others (3,000+ at 10,000 bulletins)', () => {
    const sizes = storySizes(10, 10_000);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(10_000);
    expect(sizes[0]).toBeGreaterThan(3000);
    expect(Math.min(...sizes)).toBeLessThan(400);
  });

  test('search tokens are fixed-width, so none is a prefix of another', () => {
    expect(tokenOf(3, 7)).toBe('zq03x000007');
    expect(tokenOf(3, 70).length).toBe(tokenOf(3, 7).length);
  });
});
