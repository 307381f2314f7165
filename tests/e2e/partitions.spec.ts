// Search over an index built in several partitions (a generated archive of 2,500 bulletins, built
// by npm test): one result per update, the newest/oldest order across partitions, and no results
// from partitions that answered a word with Pagefind's stand-in for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { storySizes, tokenOf } from '../../scripts/bench/generate.mjs';
import { expect, test } from './fixtures.ts';

// npm test runs Playwright from the project root.
const DIST = join(process.cwd(), 'test-results', 'scale', 'dist');
const port = Number(process.env['PREVIEW_PORT'] ?? 4391) + 3;
test.use({ baseURL: `http://127.0.0.1:${port}` });

interface Indexed {
  url: string;
  part: string;
  /** The generator's unique word of the bulletin (`zq00x000123`: story 0, bulletin 123). */
  token: string;
}

/** Every record of every partition, read from the fragments Pagefind wrote (gzip of "pagefind_dcd" and JSON). */
function indexed(): Indexed[] {
  const manifest = JSON.parse(
    readFileSync(join(DIST, 'pagefind', 'dateline-search.json'), 'utf8'),
  ) as { parts: string[] };
  const out: Indexed[] = [];
  for (const part of manifest.parts) {
    const dir = join(DIST, 'pagefind', 'part', part, 'fragment');
    for (const f of readdirSync(dir)) {
      const data = JSON.parse(
        gunzipSync(readFileSync(join(dir, f)))
          .subarray(12)
          .toString('utf8'),
      ) as Record<string, unknown>;
      // One fragment, or a bundle of them keyed by page.
      for (const fragment of ('url' in data ? [data] : Object.values(data)) as {
        url: string;
        content: string;
      }[]) {
        out.push({
          url: fragment.url,
          part,
          token: /Reference (zq\d{2}x\d{6})/.exec(fragment.content)?.[1] ?? '',
        });
      }
    }
  }
  return out;
}

/** Searches from the search page and shows every result; returns, in order, each one's link and the word it highlights. */
async function searchAll(
  page: Page,
  query: string,
  sort = '',
): Promise<{ href: string; word: string }[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}${sort ? `&sort=${sort}` : ''}`);
  const status = page.getByRole('status');
  await expect(status).toContainText('found');
  const total = Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
  const results = page.locator('#search-results > li');
  const more = page.getByRole('button', { name: 'Show more results' });
  // Ten at a time.
  for (let shown = Math.min(total, 10); ; shown = Math.min(total, shown + 10)) {
    await expect(results).toHaveCount(shown);
    if (shown === total) break;
    await more.click();
  }
  // Links carry `?highlight=<words>` for the landing page; compare them as permalinks.
  return results.evaluateAll((items) =>
    items.map((li) => ({
      href: (li.querySelector('h2 a')?.getAttribute('href') ?? '').replace(/\?highlight=[^#]*/, ''),
      word: (li.querySelector('mark')?.textContent ?? '').toLowerCase(),
    })),
  );
}

/** Bulletin n of story 0, from the word a result highlights (tokenOf(0, n)). */
const numberOf = (r: { word: string }) => Number(/^zq00x(\d{6})/.exec(r.word)?.[1] ?? NaN);

/**
 * A permalink's place in time within its story: its day, its time (a date-only bulletin counts as
 * the start of its day) and its update id for ties, as the sort key orders them.
 */
const timeOf = (href: string) => {
  const [, day, id] = /\/(\d{4}-\d\d-\d\d)\/#(u-.*)$/.exec(href)!;
  return `${day} ${/^u-\d{4}-\d\d-\d\d-(\d{4})/.exec(id!)?.[1] ?? '0000'} ${id}`;
};

// Story 0 of the generated archive: its bulletin n carries the word tokenOf(0, n); n = 0 is its newest.
const size = storySizes(10, 2500)[0]!;

test('the generated archive is indexed in several partitions, each bulletin once', () => {
  const records = indexed();
  expect(new Set(records.map((r) => r.part)).size).toBeGreaterThanOrEqual(2);
  expect(new Set(records.map((r) => r.token)).size).toBe(2500);
});

test('a word found in one partition only: one result, not the stand-in matches of the others', async ({
  page,
}) => {
  for (const n of [0, size - 1]) {
    const found = await searchAll(page, tokenOf(0, n));
    expect(found.map(numberOf)).toEqual([n]);
    expect(found[0]!.href).toMatch(/^\/stories\/story-01-[a-z-]+\/\d{4}-\d\d-\d\d\/#u-/);
  }
});

test('a prefix being typed finds what starts with it, in whichever partition', async ({ page }) => {
  // zq00x00045 starts the words of bulletins 450–459 of story 0, and of no other.
  const found = await searchAll(page, tokenOf(0, 450).slice(0, -1));
  expect(found.map(numberOf).toSorted((a, b) => a - b)).toEqual(
    Array.from({ length: 10 }, (_, i) => 450 + i),
  );
});

test('newest and oldest first hold across partitions, one result per update', async ({ page }) => {
  const records = indexed();
  const partOf = new Map(records.map((r) => [r.url, r.part]));
  // A hundred bulletins of story 0 (those whose words start with zq00x000k) that a partition boundary crosses.
  const partOfStory0 = new Map(
    records
      .filter((r) => r.token.startsWith('zq00x'))
      .map((r) => [Number(r.token.slice(5)), r.part]),
  );
  const block = Array.from({ length: Math.floor(size / 100) }, (_, k) => k).find(
    (k) => new Set(Array.from({ length: 100 }, (_, i) => partOfStory0.get(k * 100 + i))).size > 1,
  );
  expect(block, 'a hundred bulletins of story 0 across two partitions').toBeDefined();
  const prefix = tokenOf(0, block! * 100).slice(0, -2);
  const newest = await searchAll(page, prefix, 'newest');
  expect(newest.map(numberOf).toSorted((a, b) => a - b)).toEqual(
    Array.from({ length: 100 }, (_, i) => block! * 100 + i),
  );
  expect(newest.map((r) => timeOf(r.href))).toEqual(
    newest
      .map((r) => timeOf(r.href))
      .toSorted()
      .reverse(),
  );
  expect(new Set(newest.map((r) => partOf.get(r.href))).size).toBe(2);
  expect(await searchAll(page, prefix, 'oldest')).toEqual([...newest].reverse());
  // Best match: the same updates, each once.
  const best = await searchAll(page, prefix);
  expect(best.map((r) => r.href).toSorted()).toEqual(newest.map((r) => r.href).toSorted());
});
