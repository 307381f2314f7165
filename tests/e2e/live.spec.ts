// Live story pages against a copy of the demo site, served with its _headers: a bulletin is added
// and the site rebuilt while the page is open, with the browser's clock under the test's control.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as plain, type Page } from '@playwright/test';
import { embedCodeOf, expect, test, usePartner, waitForServer } from './fixtures.ts';

const ROOT = process.cwd().endsWith('tests') ? join(process.cwd(), '..') : process.cwd();
const WORK = join(ROOT, 'test-results', 'live');
const CONTENT = join(WORK, 'content');
const port = Number(process.env['PREVIEW_PORT'] ?? 4391) + 4;
const origin = `http://127.0.0.1:${port}`;
const STORY = '/stories/harbour-ferry-strike/';
const NEW_ID = 'u-2026-11-25-0800-night-ferry';

function build(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATELINE_CONTENT: CONTENT,
      OUT_DIR: join(WORK, 'dist'),
      CACHE_DIR: join(WORK, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

let server: ChildProcess | undefined;
// Serial: the tests share one served copy; a rebuild inside a test has time beside the build checks.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(join(ROOT, 'content'), CONTENT, { recursive: true });
  build();
  server = spawn(
    process.execPath,
    [
      join(ROOT, 'scripts/serve.mjs'),
      '--dir',
      join(WORK, 'dist'),
      '--headers',
      '--port',
      String(port),
    ],
    { stdio: 'ignore' },
  );
  await waitForServer(`${origin}/`, 10_000, 'the live test server');
});

test.afterAll(() => {
  server?.kill();
});

/** Requests for the story's latest.json, as they happen. */
function polls(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/latest.json')) seen.push(req.url());
  });
  return seen;
}

test('a new bulletin: a banner within one poll, counted in the title; shown at the top, nothing moved before', async ({
  page,
}) => {
  await page.clock.install();
  const response = await page.goto(`${origin}${STORY}`);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  const seen = polls(page);
  // Relative times beside the absolute ones, which stay in <time datetime>.
  await expect(page.locator('article.bulletin .ago').first()).toHaveText(/ago$/);
  // The reader is further down, reading an update.
  const reading = page.locator('article.bulletin').nth(3);
  await reading.scrollIntoViewIfNeeded();
  const before = (await reading.boundingBox())!.y;
  const title = await page.title();

  writeFileSync(
    join(CONTENT, 'harbour-ferry-strike', '2026-11-25-0800-night-ferry.md'),
    '---\ntitle: Night ferry added to the timetable\n---\n\nA late crossing to Gull Island runs from Monday.\n',
  );
  build();
  await page.clock.runFor(70_000);
  const banner = page.getByRole('button', { name: '1 new update — show' });
  await expect(banner).toBeVisible();
  expect(seen.length).toBe(1);
  await expect(page).toHaveTitle(`(1) ${title}`);
  await expect(page.locator('.live-updates')).toHaveAttribute('aria-live', 'polite');
  // Announced, not forced on the reader: focus and position stay where they were.
  expect(
    await page.evaluate(
      () => document.activeElement === document.body || document.activeElement === null,
    ),
  ).toBe(true);
  expect(Math.abs((await reading.boundingBox())!.y - before)).toBeLessThan(1);
  // The banner itself (the page around it is checked in a11y.spec.ts).
  const axe = await new AxeBuilder({ page })
    .include('.live-updates')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  await banner.click();
  const added = page.locator(`article#${NEW_ID}`);
  await expect(added).toBeFocused();
  await expect(page.locator('.timeline article.bulletin').first()).toHaveId(NEW_ID);
  await expect(added.locator('.badge-latest')).toHaveText('Latest');
  await expect(page.locator('.badge-latest')).toHaveCount(1);
  await expect(page.locator('.timeline section.day').first().locator('h2')).toHaveId('2026-11-25');
  await expect(added.locator('a.permalink-link')).toHaveAttribute(
    'href',
    `${STORY}2026-11-25/#${NEW_ID}`,
  );
  await expect(page.locator('.day-nav li').first().getByRole('link')).toHaveAttribute(
    'href',
    '#2026-11-25',
  );
  await expect(page).toHaveTitle(title);
  await expect(page.locator('.live-banner')).toHaveCount(0);

  // The next check finds nothing new: it is a revalidation (If-None-Match), which the host answers with a 304.
  const checks: Promise<[string | undefined, number | undefined]>[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/latest.json'))
      checks.push(
        Promise.all([
          r.allHeaders().then((h) => h['if-none-match']),
          r.response().then((x) => x?.status()),
        ]),
      );
  });
  await page.clock.runFor(70_000);
  await expect.poll(() => checks.length).toBe(1);
  const [etag, status] = await checks[0]!;
  expect(etag).toMatch(/^W\/"/);
  expect(status === 304 || status === 200).toBe(true);
  const direct = await fetch(`${origin}${STORY}latest.json`, {
    headers: { 'if-none-match': etag!, 'accept-encoding': 'gzip' },
  });
  expect(direct.status).toBe(304);
  await expect(page.locator('.live-banner')).toHaveCount(0);
});

test('a new summary: announced like new updates, swapped in place when the reader asks', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(`${origin}${STORY}`);
  const summary = page.locator('section.briefing');
  await expect(summary).toContainText('The first ferry since the walkout');
  const file = join(CONTENT, 'harbour-ferry-strike', 'summary.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('"2026-11-24 09:15"', '"2026-11-25 08:30"')
      .replace(
        /^- The first ferry[^]*?\n- /m,
        '- A night ferry joins the timetable on Monday.\n- ',
      ),
  );
  build();
  // Not swapped under the reader's eyes.
  await page.clock.runFor(70_000);
  const banner = page.getByRole('button', { name: 'The summary has been updated — show' });
  await expect(banner).toBeVisible();
  await expect(summary).toContainText('The first ferry since the walkout');
  await banner.click();
  await expect(summary).toContainText('A night ferry joins the timetable');
  await expect(summary).not.toContainText('The first ferry since the walkout');
  await expect(summary.locator('time')).toHaveAttribute('datetime', '2026-11-25T08:30:00-05:00');
  await expect(summary).toBeFocused();
  await expect(page.locator('section.briefing')).toHaveCount(1);
  await expect(page.locator('.live-banner')).toHaveCount(0);
});

test('a corrected update the page shows cannot be patched: the banner offers a reload', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(`${origin}${STORY}`);
  const file = join(CONTENT, 'harbour-ferry-strike', '2026-11-24-0610-first-ferry.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('ten minutes late', 'twelve minutes late'),
  );
  build();
  await page.clock.runFor(70_000);
  await expect(page.getByRole('button', { name: /Reload to see it/ })).toBeVisible();
});

test('a closed story makes no request after load', async ({ page }) => {
  await page.clock.install();
  await page.goto(`${origin}/stories/kazakhstan-unrest/`);
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.clock.runFor(15 * 60_000);
  expect(requests).toEqual([]);
  await expect(page.locator('.ago')).toHaveCount(0);
});

test('a hidden tab makes no request until it is shown again, then checks at once', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(`${origin}${STORY}`);
  const seen = polls(page);
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (h ? 'hidden' : 'visible'),
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.clock.runFor(10 * 60_000);
  expect(seen).toEqual([]);
  await setHidden(false);
  await expect.poll(() => seen.length).toBe(1);
});

test.describe('a story embedded on another site', () => {
  const partner = usePartner(port + 5);

  test('a new bulletin reaches the embed as it reaches the story page: offered, then shown, the frame fitted again', async ({
    page,
  }) => {
    const code = await embedCodeOf(page, origin, STORY);
    await page.clock.install();
    await page.setViewportSize({ width: 390, height: 844 });
    await partner.show(page, code);
    const iframe = page.locator('iframe[data-dateline-embed]');
    const frame = page.frameLocator('iframe[data-dateline-embed]');
    await expect(frame.locator('.story-embed-update')).toHaveCount(10);
    // Relative times beside the absolute ones, as on the story's page.
    await expect(frame.locator('.story-embed-meta .ago').first()).toHaveText(/ago$/);
    const fitted = async () => {
      const box = (await iframe.boundingBox())!;
      const inner = await frame.locator('html').evaluate((html) => html.scrollHeight);
      return Math.abs(box.height - inner) <= 1 ? box.height : -1;
    };
    await expect.poll(fitted).toBeGreaterThan(1000);
    const before = await fitted();

    writeFileSync(
      join(CONTENT, 'harbour-ferry-strike', '2026-11-25-1200-ferry-fares.md'),
      '---\ntitle: Fares frozen until spring\n---\n\nThe ferry company says crossings will cost the same until April.\n',
    );
    build();
    await page.clock.runFor(70_000);
    const banner = frame.getByRole('button', { name: '1 new update — show' });
    await expect(banner).toBeVisible();
    // Offered, not forced: the list is as it was until the reader asks.
    await expect(frame.locator('.story-embed-update').first()).not.toHaveAttribute(
      'data-id',
      'u-2026-11-25-1200-ferry-fares',
    );
    await banner.click();
    await expect(frame.locator('.story-embed-update').first()).toHaveAttribute(
      'data-id',
      'u-2026-11-25-1200-ferry-fares',
    );
    await expect(frame.locator('.story-embed-update')).toHaveCount(10);
    await expect(frame.locator('.story-embed-heading a').first()).toBeFocused();
    await expect(frame.locator('.story-embed-meta .ago').first()).toHaveText(/ago$/);
    await expect(frame.locator('.story-embed-banner button')).toHaveCount(0);
    // Fitted to its new content.
    await expect.poll(fitted).toBeGreaterThan(0);
    expect(await fitted()).not.toBe(before);
  });
});

// The plain test: a 500 is logged by the browser as an error, which the guarded test would refuse.
plain('a 500 from the host backs off: 1, 2, 4 minutes between checks', async ({ page }) => {
  await page.route('**/latest.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.clock.install();
  await page.goto(`${origin}${STORY}`);
  const seen = polls(page);
  // After `ms` more of the page's time, `n` checks in all (requests are reported a moment after they start).
  const after = async (ms: number, n: number) => {
    await page.clock.runFor(ms);
    await expect.poll(() => seen.length).toBe(n);
    await page.waitForTimeout(100);
    expect(seen.length).toBe(n);
  };
  // First check within 54–66 s, then 108–132 s after it, then 216–264 s after that.
  await after(50_000, 0);
  await after(20_000, 1);
  await after(100_000, 1);
  await after(40_000, 2);
  await after(200_000, 2);
  await after(80_000, 3);
});
