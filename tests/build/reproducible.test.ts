// Two builds of the same content give identical output: no build-time clock and nothing of the
// build machine's time zone in pages, feeds or the index, so CDNs and diffs stay quiet.
// scripts/test.mjs builds test-results/dist-again from empty caches (a cached page would replay a
// clock baked into it) and with TZ=Pacific/Kiritimati (UTC+14), after dist/ in the machine's own zone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { digests } from './digests.ts';
import { DIST } from './dist.ts';

const AGAIN = join(process.cwd(), 'test-results', 'dist-again');

test('a second build of the same content, from empty caches in another time zone, is byte for byte the same', () => {
  if (!existsSync(AGAIN))
    throw new Error(
      'no second build: run `OUT_DIR=test-results/dist-again CACHE_DIR=test-results/cache-again TZ=Pacific/Kiritimati npm run build` first (npm test does)',
    );
  const first = digests(DIST);
  expect(Object.keys(first).length).toBeGreaterThan(50);
  expect(digests(AGAIN)).toEqual(first);
});
