import { expect, test } from './fixtures.ts';

test('a day anchor on the timeline scrolls to its day', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('/stories/kazakhstan-unrest/#2022-01-06');
  const heading = page.locator('[id="2022-01-06"]');
  await expect(heading).toBeInViewport();
  await expect(heading).toHaveText('Thursday, 6 January 2022');
  // The newest day is far above and out of view.
  await expect(page.locator('[id="2022-01-10"]')).not.toBeInViewport();
});

test('the jump-to-day navigation moves to a day', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('/stories/harbour-ferry-strike/');
  await page
    .getByRole('navigation', { name: 'Jump to day' })
    .getByRole('link', { name: /^18 Nov/ })
    .click();
  await expect(page).toHaveURL(/#2026-11-18$/);
  await expect(page.locator('[id="2026-11-18"]')).toBeInViewport();
});

test('a permalink lands on its bulletin on the day page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('/stories/harbour-ferry-strike/2026-11-18/#u-2026-11-18-0615-walkout-begins');
  const bulletin = page.locator('#u-2026-11-18-0615-walkout-begins');
  await expect(bulletin).toBeInViewport();
  await expect(bulletin.getByRole('heading', { level: 3 })).toHaveText(
    'Ferry crews walk out at dawn',
  );
});
