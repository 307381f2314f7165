import { expect, test } from './fixtures.ts';

test('search filters combine, show counts of days, live in the URL and survive a reload', async ({
  page,
}) => {
  // Browsing by filters alone: the newest matching updates first.
  await page.goto('/search/?month=2026-11&key=1');
  const results = page.locator('#search-results > li');
  await expect(page.getByRole('status')).toHaveText(
    '4 updates found in November 2026, key events only.',
  );
  await expect(results).toHaveCount(4);
  const days = await results
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/')[3]!));
  expect(days).toEqual([...days].sort().reverse());
  await expect(page.getByLabel('Month')).toHaveValue('2026-11');
  await expect(page.locator('#search-month option[value="2026-11"]')).toHaveText(
    'November 2026 (4 days)',
  );
  await expect(page.locator('#search-key-label')).toHaveText('Key events only (4 days)');
  for (const badge of await results.getByRole('link').all())
    await expect(badge).toHaveAttribute('href', /#u-2026-11-/);

  // Words narrow the same filters; the URL says so, and a reload gives the same search.
  await page.getByLabel('Words to find').fill('ferry');
  await expect(page.getByRole('status')).toHaveText(
    '3 updates found for “ferry” in November 2026, key events only.',
  );
  await expect(page).toHaveURL(/\/search\/\?q=ferry&month=2026-11&key=1$/);
  await page.reload();
  await expect(page.getByRole('status')).toHaveText(
    '3 updates found for “ferry” in November 2026, key events only.',
  );
  await expect(page.getByLabel('Key events only')).toBeChecked();

  // A topic and a year: the counts follow the results.
  await page.getByLabel('Key events only').uncheck();
  await page.getByLabel('Words to find').fill('');
  await page.getByLabel('Month').selectOption('');
  await page.getByLabel('Topic').selectOption('talks');
  await expect(page).toHaveURL(/\/search\/\?tag=talks$/);
  await expect(results).toHaveCount(2);
  await expect(page.locator('#search-year option[value="2026"]')).toHaveText('2026 (2 days)');
  await expect(page.locator('#search-year option[value="2022"]')).toHaveText('2022 (0 days)');
  await page.getByLabel('Year').selectOption('2022');
  await expect(page.getByRole('status')).toHaveText('No updates found in 2022, talks.');
  await expect(results).toHaveCount(0);
});

test('a shared filtered link from a topic page lands on a filtered search', async ({ page }) => {
  await page.goto('/tags/strike/');
  await page.getByRole('link', { name: 'Search within this topic' }).click();
  await expect(page).toHaveURL(/\/search\/\?tag=strike$/);
  await expect(page.getByLabel('Topic')).toHaveValue('strike');
  await expect(page.locator('#search-results > li').first()).toBeVisible();
});

test('"/" focuses the search box from any page that has one; it searches without JavaScript too', async ({
  page,
}) => {
  await page.goto('/stories/harbour-ferry-strike/');
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search every update' });
  await expect(box).toBeFocused();
  await page.keyboard.type('gull island');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=gull\+island$/);
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  // On the search page, "/" goes to its own box, and typing "/" in a box is just a character.
  await page.getByRole('heading', { name: 'Search updates' }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Words to find')).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(page.getByLabel('Words to find')).toHaveValue('a/b');
});

test('the landing update highlights the searched words; a page reached otherwise has no marks', async ({
  page,
}) => {
  await page.goto(
    '/stories/kazakhstan-unrest/2022-01-07/?highlight=soldiers%20treaty#u-2022-01-07-1400-buildings-secured',
  );
  const marks = page.locator('#u-2022-01-07-1400-buildings-secured mark.search-hit');
  await expect(marks).toHaveText(['soldiers', 'Treaty']);
  await page.goto('/stories/kazakhstan-unrest/2022-01-07/#u-2022-01-07-1400-buildings-secured');
  await expect(page.locator('mark')).toHaveCount(0);
});

test('reading from the start: headlines oldest first, each opening the update on its day page', async ({
  page,
}) => {
  await page.goto('/stories/harbour-ferry-strike/');
  await page.getByRole('link', { name: 'Read from the start' }).click();
  await expect(page).toHaveURL(/\/stories\/harbour-ferry-strike\/from-the-start\/$/);
  const dayHeadings = await page.locator('section.day h2').evaluateAll((hs) => hs.map((h) => h.id));
  expect(dayHeadings.length).toBeGreaterThan(3);
  expect(dayHeadings).toEqual([...dayHeadings].sort());
  // The first update of the story, then its first line: the link opens it on its day page.
  const first = page.locator('.headlines li').first();
  await expect(first.locator('.headline-lead')).not.toBeEmpty();
  const href = (await first.getByRole('link').getAttribute('href'))!;
  expect(href).toMatch(/^\/stories\/harbour-ferry-strike\/2026-\d\d-\d\d\/#u-/);
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(`article[id="${href.split('#')[1]}"]`)).toBeInViewport();
});

test.describe('over the generated archive', () => {
  test.use({ baseURL: `http://127.0.0.1:${Number(process.env['PREVIEW_PORT'] ?? 4391) + 3}` });

  test('a long story read from the start is paged, with links both ways', async ({ page }) => {
    await page.goto('/stories/story-01-i-zmir/');
    await page.getByRole('link', { name: 'Read from the start' }).click();
    await expect(page).toHaveURL(/\/from-the-start\/$/);
    const pages = page.getByRole('navigation', { name: 'Pages of this story', exact: true });
    await pages.getByRole('link', { name: /^Later:/ }).click();
    await expect(page).toHaveURL(/\/from-the-start\/2\/$/);
    await expect(
      page
        .getByRole('navigation', { name: 'Pages of this story', exact: true })
        .getByRole('link', { name: /^Earlier:/ }),
    ).toHaveAttribute('href', '/stories/story-01-i-zmir/from-the-start/');
  });
});

test('the activity chart: bars link to their days, the chart is drawn by CSS size', async ({
  page,
}) => {
  await page.goto('/stories/harbour-ferry-strike/');
  const chart = page.locator('figure.activity svg');
  const box = await chart.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.height).toBeGreaterThan(30);
  const bar = chart.locator('a').first();
  const href = await bar.getAttribute('href');
  await bar.locator('rect').click({ force: true });
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test("printed, a page is black on white without navigation, with each update's permalink after its time", async ({
  page,
}) => {
  await page.goto('/stories/harbour-ferry-strike/2026-11-18/');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [
    '.site-header nav',
    '.site-search',
    '.day-pager',
    '.permalink',
    '.breadcrumbs',
  ]) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(page.locator('.story-kicker .status')).toBeVisible();
  await page.goto('/stories/harbour-ferry-strike/');
  await expect(page.locator('.day-nav')).toBeHidden();
  // The chart prints, legibly: grey bars, black for days with key events.
  await expect(page.locator('figure.activity svg')).toBeVisible();
  expect(
    await page
      .locator('figure.activity rect')
      .first()
      .evaluate((r) => getComputedStyle(r).fill),
  ).toMatch(/^rgb\((119, 119, 119|0, 0, 0)\)$/);
  await page.goto('/stories/harbour-ferry-strike/2026-11-18/');
  await expect(page.locator('.story-zone')).toHaveText('Times in America/New York');
  const link = page.locator('article.bulletin').first().locator('.print-link');
  await expect(link).toBeVisible();
  await expect(link).toHaveText(
    /^localhost:4321\/stories\/harbour-ferry-strike\/2026-11-\d\d\/#u-/,
  );
  const style = await page
    .locator('article.bulletin')
    .first()
    .evaluate((el) => [
      getComputedStyle(el).breakInside,
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
  expect(style).toEqual(['avoid', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  await page.emulateMedia({ media: 'screen' });
  await expect(link).toBeHidden();
});
