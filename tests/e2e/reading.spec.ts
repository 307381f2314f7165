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

test.describe('the story summary, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('shows its first lines; the control shows the rest, by pointer or keyboard; print shows it whole', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/stories/harbour-ferry-strike/');
    const body = page.locator('.briefing-body');
    const clipped = () => body.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(await clipped()).toBeGreaterThan(20);
    // Screen readers get it whole: the clipped part is not hidden from them.
    await expect(body.getByRole('listitem')).toHaveCount(4);
    const control = page.getByRole('checkbox', { name: 'Show the whole summary' });
    await page.getByText('Show the whole summary').click();
    await expect(control).toBeChecked();
    expect(await clipped()).toBe(0);
    await expect(page.getByText('Show the whole summary')).toBeHidden();

    await page.reload();
    expect(await clipped()).toBeGreaterThan(20);
    await control.focus();
    await page.keyboard.press('Space');
    expect(await clipped()).toBe(0);

    await page.reload();
    await page.emulateMedia({ media: 'print' });
    expect(await clipped()).toBe(0);
    await expect(page.getByText('Show the whole summary')).toBeHidden();
  });
});
