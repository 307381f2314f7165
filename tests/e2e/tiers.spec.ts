// Search over an index built in tiers (a generated archive of 2,500 bulletins, built by npm test):
// one result per update, the newest/oldest order across tiers, and no results from tiers that
// answered a word with Pagefind's stand-in for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { storySizes, tokenOf } from '../../scripts/bench/generate.ts';
import { readFragments } from '../../src/lib/publish/search-merge.ts';
import { expect, test } from './fixtures.ts';

// npm test runs Playwright from the project root.
const DIST = join(process.cwd(), 'test-results', 'scale', 'dist');
const port = Number(process.env['PREVIEW_PORT'] ?? 4391) + 3;
test.use({ baseURL: `http://127.0.0.1:${port}` });

interface Indexed {
  /** The update's permalink. */
  url: string;
  part: string;
  /** The generator's unique word of the bulletin (`zq00x000123`: story 0, bulletin 123). */
  token: string;
}

/**
 * Every update of every tier's records, read from their fragments (in groups, as the browser reads
 * them): a record is a story-day, its updates the parts of its text under each heading.
 */
function indexed(): Indexed[] {
  const manifest = JSON.parse(
    readFileSync(join(DIST, 'pagefind', 'dateline-search.json'), 'utf8'),
  ) as { parts: string[] };
  const out: Indexed[] = [];
  for (const part of manifest.parts) {
    for (const { fragment: read } of readFragments(join(DIST, 'pagefind', 'part', part))) {
      const fragment = read as {
        url: string;
        content: string;
        anchors: { id: string; location: number }[];
      };
      const words = fragment.content.split(/\s+/);
      const anchors = fragment.anchors.toSorted((a, b) => a.location - b.location);
      anchors.forEach((a, i) => {
        const text = words.slice(a.location, anchors[i + 1]?.location ?? words.length).join(' ');
        out.push({
          url: `${fragment.url}#${a.id}`,
          part,
          token: /Reference (zq\d{2}x\d{6})/.exec(text)?.[1] ?? '',
        });
      });
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
  await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'false');
  const results = page.locator('#search-results > li');
  const more = page.getByRole('button', { name: 'Show more results' });
  // Ten at a time, until every day found has been read.
  while (await more.isVisible()) {
    const before = await results.count();
    await more.click();
    await expect.poll(() => results.count()).toBeGreaterThan(before);
    await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'false');
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

test('the generated archive is indexed in tiers (three at most), each bulletin once', () => {
  const records = indexed();
  expect(new Set(records.map((r) => r.part)).size).toBeGreaterThanOrEqual(2);
  expect(new Set(records.map((r) => r.part)).size).toBeLessThanOrEqual(3);
  expect(new Set(records.map((r) => r.token)).size).toBe(2500);
});

test('a word found in one tier only: one result, not the stand-in matches of the others', async ({
  page,
}) => {
  for (const n of [0, size - 1]) {
    const found = await searchAll(page, tokenOf(0, n));
    expect(found.map(numberOf)).toEqual([n]);
    expect(found[0]!.href).toMatch(/^\/stories\/story-01-[a-z-]+\/\d{4}-\d\d-\d\d\/#u-/);
  }
});

test('a prefix being typed finds what starts with it, in whichever tier', async ({ page }) => {
  // zq00x00045 starts the words of bulletins 450–459 of story 0, and of no other.
  const found = await searchAll(page, tokenOf(0, 450).slice(0, -1));
  expect(found.map(numberOf).toSorted((a, b) => a - b)).toEqual(
    Array.from({ length: 10 }, (_, i) => 450 + i),
  );
});

test('newest and oldest first hold across tiers, one result per update', async ({ page }) => {
  const records = indexed();
  const partOf = new Map(records.map((r) => [r.url, r.part]));
  // A hundred bulletins of one story (those whose words start with zqSSx000k) that a tier boundary crosses.
  const sizes = storySizes(10, 2500);
  const tierOf = new Map(records.map((r) => [r.token, r.part]));
  const crossing = sizes
    .flatMap((n, story) =>
      Array.from({ length: Math.floor(n / 100) }, (_, k) => ({ story, start: k * 100 })),
    )
    .find(
      ({ story, start }) =>
        new Set(Array.from({ length: 100 }, (_, i) => tierOf.get(tokenOf(story, start + i)))).size >
        1,
    );
  expect(crossing, 'a hundred bulletins of one story across two tiers').toBeDefined();
  const { story, start } = crossing!;
  const prefix = tokenOf(story, start).slice(0, -2);
  const numberIn = (r: { word: string }) => Number(r.word.slice(5));
  const newest = await searchAll(page, prefix, 'newest');
  expect(newest.map(numberIn).toSorted((a, b) => a - b)).toEqual(
    Array.from({ length: 100 }, (_, i) => start + i),
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

test('the search page fetches no index before the first search, and answers in every one of 40 fresh pages', async ({
  browser,
}) => {
  test.setTimeout(180_000); // forty cold pages, each opening Pagefind anew
  const retries: string[] = [];
  /** A fresh context: an empty cache, a new Pagefind worker. */
  const freshSearch = async (i: number) => {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
    page.on('console', (msg) => {
      if (/search failed/.test(msg.text())) retries.push(msg.text());
    });
    await page.goto('/search/', { waitUntil: 'networkidle' });
    expect(fetched.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await page.getByRole('searchbox', { name: 'Words to find' }).fill(tokenOf(0, i));
    await expect(page.getByRole('status')).toHaveText(`1 update found for “${tokenOf(0, i)}”.`);
    await context.close();
  };
  // Five readers at a time, each in a page of its own.
  for (let i = 0; i < 40; i += 5) await Promise.all([0, 1, 2, 3, 4].map((j) => freshSearch(i + j)));
  // A failed first attempt is tried again; none should have been needed.
  expect(retries).toEqual([]);
});

test('a word’s index chunks are fetched as it is typed, before the typing pause ends', async ({
  page,
  context,
}) => {
  await page.goto('/search/', { waitUntil: 'networkidle' });
  const box = page.getByRole('searchbox', { name: 'Words to find' });
  await box.focus(); // Pagefind and each tier's metadata, as the reader heads for the box
  await page.waitForLoadState('networkidle');
  // Pagefind searches in a worker: the context sees its requests too.
  const chunks: string[] = [];
  context.on('request', (req) => {
    if (req.url().endsWith('.pf_index')) chunks.push(req.url());
  });
  // A word typed and erased within the pause: no search runs, but its chunks were asked for.
  await box.evaluate(
    (input: HTMLInputElement, word) => {
      input.value = word;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    tokenOf(0, 7),
  );
  await expect.poll(() => chunks.length).toBeGreaterThan(0);
  await expect(page.getByRole('status')).toHaveText('');
  await expect(page.locator('#search-results a')).toHaveCount(0);
});
