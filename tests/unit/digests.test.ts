import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DigestCache } from '../../src/cache/digests.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

describe('DigestCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-digests-'));
  const file = join(dir, 'page.html');
  const cache = join(dir, 'cache.json');

  test('a file unchanged since is not read again; a file rewritten, even to the same size, is', () => {
    writeFileSync(file, '<p>one</p>');
    const first = new DigestCache(cache, 0n);
    expect(first.digest('page.html', file)).toEqual({ digest: sha('<p>one</p>'), size: 10 });
    first.save();
    const second = new DigestCache(cache, 0n);
    expect(second.digest('page.html', file).digest).toBe(sha('<p>one</p>'));
    expect(second.reused).toBe(1);
    second.save();
    writeFileSync(file, '<p>two</p>');
    const third = new DigestCache(cache, 0n);
    expect(third.digest('page.html', file).digest).toBe(sha('<p>two</p>'));
    expect(third.reused).toBe(0);
  });

  test('a digest taken of a file changed in the last two seconds is not kept', () => {
    writeFileSync(file, '<p>three</p>');
    const first = new DigestCache(cache);
    first.digest('page.html', file);
    first.save();
    const second = new DigestCache(cache);
    expect(second.digest('page.html', file).digest).toBe(sha('<p>three</p>'));
    expect(second.reused).toBe(0);
  });

  test('an unreadable cache is an empty one', () => {
    writeFileSync(cache, '{not json');
    const c = new DigestCache(cache, 0n);
    expect(c.digest('page.html', file).digest).toBe(sha('<p>three</p>'));
    expect(c.reused).toBe(0);
  });
});
