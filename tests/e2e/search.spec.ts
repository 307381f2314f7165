import { expect, test } from './fixtures.ts';

test('a word from one bulletin finds that bulletin, and its link lands on it', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: 'Words to find' });
  await box.fill('Baikonur');
  const results = page.locator('#search-results > li');
  await expect(results).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText('1 update found for “Baikonur”.');
  const link = results.first().getByRole('link');
  await expect(link).toHaveText('Calm returns; former security chief arrested for treason');
  // The link carries the searched words for the landing page to highlight.
  await expect(link).toHaveAttribute(
    'href',
    '/stories/kazakhstan-unrest/2022-01-10/?highlight=baikonur#u-2022-01-10-1800-calm-returns',
  );
  await expect(results.first()).toContainText('Unrest in Kazakhstan');
  await expect(results.first()).toContainText('Monday, 10 January 2022, 18:00 GMT+6');
  await expect(results.first().locator('mark')).toHaveText('Baikonur');
  await expect(page).toHaveURL(/\?q=Baikonur$/);
  await expect(page.getByText('needs JavaScript')).toHaveCount(0);
  await link.click();
  await expect(page).toHaveURL(
    /\/stories\/kazakhstan-unrest\/2022-01-10\/\?highlight=baikonur#u-2022-01-10-1800-calm-returns$/,
  );
  await expect(page.locator('#u-2022-01-10-1800-calm-returns')).toBeInViewport();
  // The searched word is marked in the update the reader landed on.
  await expect(page.locator('#u-2022-01-10-1800-calm-returns mark.search-hit')).toHaveText([
    'Baikonur',
  ]);
});

test('?q= runs the search on load; filters by story and sorts newest first, with the keyboard', async ({
  page,
}) => {
  await page.goto('/search/?q=ferry');
  const results = page.locator('#search-results > li');
  await expect(results.first()).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveValue('ferry');

  // Keyboard only: tab to the story filter and pick a story, then the order.
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Story')).toBeFocused();
  await page.getByLabel('Story').selectOption('harbour-ferry-strike');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Year')).toBeFocused();
  await page.getByLabel('Order').focus();
  await page.getByLabel('Order').selectOption('newest');
  await expect(page).toHaveURL(/story=harbour-ferry-strike&sort=newest/);
  await expect(page.getByRole('status')).toContainText('in Demo: the Port Ellery ferry strike');
  await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'false');
  const stories = await results.locator('.search-result-story').allTextContents();
  expect(new Set(stories)).toEqual(new Set(['Demo: the Port Ellery ferry strike']));
  const hrefs = await results
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const days = hrefs.map((h) => h.split('/')[3]);
  expect(days.length).toBeGreaterThan(1);
  expect(days).toEqual([...days].sort().reverse());
});

test('each bulletin is found once, not once per page it appears on', async ({ page }) => {
  // "curfew" appears in the first Kazakhstan bulletin, which is on its day page and the story timeline.
  await page.goto('/search/?q=curfew');
  await expect(page.locator('#search-results > li')).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page explains itself and points to the timelines', async ({ page }) => {
    await page.goto('/search/?q=curfew');
    const notice = page.getByText('Search runs in your browser and needs JavaScript');
    await expect(notice).toBeVisible();
    await expect(page.getByRole('link', { name: 'open a story' })).toHaveAttribute('href', '/');
  });
});

test('search works under a subpath, with links under it', async ({ page, baseURL }) => {
  const port = Number(new URL(baseURL!).port) + 1;
  const origin = `http://127.0.0.1:${port}`;
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(`${origin}/dateline/`)) foreign.push(req.url());
  });
  await page.goto(`${origin}/dateline/search/?q=Baikonur`);
  const link = page.locator('#search-results > li').getByRole('link');
  await expect(link).toHaveAttribute(
    'href',
    '/dateline/stories/kazakhstan-unrest/2022-01-10/?highlight=baikonur#u-2022-01-10-1800-calm-returns',
  );
  await link.click();
  await expect(page.locator('#u-2022-01-10-1800-calm-returns')).toBeInViewport();
  expect(foreign).toEqual([]);
});

test('a Russian bulletin is found from the search page by another form of its words, and the landing update marks them', async ({
  page,
}) => {
  await page.goto('/search/');
  // "протестами" (instrumental plural) is not in the text; "протестов" and "протесты" are: Pagefind stems Russian.
  await page.getByRole('searchbox', { name: 'Words to find' }).fill('протестами');
  const results = page.locator('#search-results > li');
  await expect(results).toHaveCount(1);
  await expect(results.first().locator('.search-result-story')).toHaveText(
    'Беспорядки в Казахстане',
  );
  await expect(results.first().locator('mark').first()).toHaveText(/^протест/);
  const link = results.first().getByRole('link');
  await expect(link).toHaveText('Токаев отправил правительство в отставку');
  await link.click();
  await expect(page).toHaveURL(
    /\/stories\/kazakhstan-unrest-ru\/2022-01-05\/\?highlight=.*#u-2022-01-05-1200-otstavka-pravitelstva$/,
  );
  await expect(
    page.locator('#u-2022-01-05-1200-otstavka-pravitelstva mark.search-hit').first(),
  ).toHaveText(/^протест/);
  // The English stories are searched from the same page, in English.
  await page.goto('/search/?q=protesters');
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  await expect(page.locator('.search-result-story').first()).toHaveText('Unrest in Kazakhstan');
});

test('the author filter keeps that author’s updates, each once', async ({ page }) => {
  await page.goto('/search/?author=priya-nair');
  const results = page.locator('#search-results > li');
  await expect(results).toHaveCount(2);
  await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'false');
  const links = await results
    .locator('h2 a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash));
  expect(links.toSorted()).toEqual(['#u-2026-11-20-2330-late-offer', '#u-2026-11-23-1450-result']);
  await expect(page.getByLabel('Author')).toHaveValue('priya-nair');
});
