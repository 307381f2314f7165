// Sharing an update (src/scripts/share.ts): the share sheet where there is one, the clipboard
// elsewhere, nothing without JavaScript.
import { expect, test } from './fixtures.ts';

const DAY = '/stories/harbour-ferry-strike/2026-11-18/';

test('on a device with a share sheet, the share button hands it the update’s headline and permalink', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      value: (data: ShareData) => {
        (window as unknown as { shared: ShareData[] }).shared ??= [];
        (window as unknown as { shared: ShareData[] }).shared.push(data);
        return Promise.resolve();
      },
    });
  });
  await page.goto(DAY);
  const article = page.locator('article.bulletin').first();
  const title = (await article.locator('.bulletin-title').textContent())!.trim();
  const href = await article.locator('a.permalink-link').getAttribute('href');
  const button = article.locator('.share-button');
  // Its name says which update it shares, as the permalink's does.
  await expect(button).toHaveAccessibleName(new RegExp(`^Share\\W+${title}$`));
  await button.click();
  expect(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
    { title, url: new URL(href!, page.url()).href },
  ]);
});

test('elsewhere it copies the permalink and says so, in a status screen readers announce', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    delete (Navigator.prototype as { share?: unknown }).share;
  });
  await page.goto(DAY);
  const article = page.locator('article.bulletin').nth(1);
  const href = await article.locator('a.permalink-link').getAttribute('href');
  await article.getByRole('button', { name: /^Share\b/ }).click();
  await expect(article.getByRole('status')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL(href!, page.url()).href,
  );
});

test('without JavaScript there is no share button; the link remains', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: test.info().project.use.baseURL!,
  });
  const page = await context.newPage();
  await page.goto(DAY);
  await expect(page.locator('a.permalink-link').first()).toBeVisible();
  await expect(page.locator('.share-button')).toHaveCount(0);
  await context.close();
});
