// Two builds of the same content give identical output (scripts/test.mjs builds test-results/dist-again):
// no build-time clocks in pages, feeds or the index, so CDNs and diffs stay quiet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { digests } from './digests.ts';
import { DIST } from './dist.ts';

const AGAIN = join(process.cwd(), 'test-results', 'dist-again');

test('a second build of the same content is byte for byte the same', () => {
  if (!existsSync(AGAIN))
    throw new Error(
      'no second build: run `OUT_DIR=test-results/dist-again npm run build` first (npm test does)',
    );
  const first = digests(DIST);
  expect(Object.keys(first).length).toBeGreaterThan(50);
  expect(digests(AGAIN)).toEqual(first);
});
