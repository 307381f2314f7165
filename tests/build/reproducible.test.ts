// Two builds of the same content give identical output (scripts/test.mjs builds test-results/dist-again):
// no build-time clocks in pages, feeds or the index, so CDNs and diffs stay quiet.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DIST } from './dist';

const AGAIN = join(process.cwd(), 'test-results', 'dist-again');

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

test('a second build of the same content is byte for byte the same', () => {
  if (!existsSync(AGAIN)) throw new Error('no second build: run `OUT_DIR=test-results/dist-again npm run build` first (npm test does)');
  const first = digests(DIST);
  expect(Object.keys(first).length).toBeGreaterThan(50);
  expect(digests(AGAIN)).toEqual(first);
});
