import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { beginBuild, endBuild } from '../../src/cache/guard.ts';

const root = mkdtempSync(join(tmpdir(), 'dateline-guard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the build guard', () => {
  const cache = join(root, 'cache');
  const out = join(root, 'dist');
  const other = join(root, 'elsewhere');
  const astroState = () => writeFileSync(join(cache, 'incremental-build.json'), '{}');

  test('a first build, then builds into the same folder, trust the cache', () => {
    expect(beginBuild(cache, out)).toBeUndefined();
    astroState();
    endBuild(cache);
    expect(beginBuild(cache, out)).toBeUndefined();
    expect(existsSync(join(cache, 'incremental-build.json'))).toBe(true);
    endBuild(cache);
  });

  test("a build into another output folder drops Astro's page cache, not the folder", () => {
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'stale.html'), 'old');
    expect(beginBuild(cache, other)).toBe('moved');
    expect(existsSync(join(cache, 'incremental-build.json'))).toBe(false);
    expect(existsSync(join(other, 'stale.html'))).toBe(true);
    astroState();
    endBuild(cache);
    // Back to the first folder: moved again.
    expect(beginBuild(cache, out)).toBe('moved');
    endBuild(cache);
  });

  test('a build that finds the mark of one that never finished starts from nothing', () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'page.html'), 'half-written');
    astroState();
    beginBuild(cache, out);
    // Killed: no endBuild.
    expect(beginBuild(cache, out)).toBe('interrupted');
    expect(existsSync(join(cache, 'incremental-build.json'))).toBe(false);
    expect(existsSync(out)).toBe(false);
    endBuild(cache);
  });
});
