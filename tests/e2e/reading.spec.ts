import type { Page } from '@playwright/test';
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
  // On a phone the days are one line that opens.
  await page.locator('label[for="fold-days"]').click();
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

/**
 * A text that folds on a phone (the page is open at 390 px): its first lines show; its control
 * (a checkbox, pressed through its label or with Space) shows the rest, and pressed again folds
 * it back; print shows it whole and no control. Returns how much of it is clipped, and its
 * control and label, for more checks.
 */
async function expectFolds(page: Page, text: string, name: string) {
  const clipped = () => page.locator(text).evaluate((el) => el.scrollHeight - el.clientHeight);
  const control = page.getByRole('checkbox', { name });
  const label = page.getByText(name);
  expect(await clipped()).toBeGreaterThan(20);
  await label.click();
  await expect(control).toBeChecked();
  expect(await clipped()).toBe(0);
  await label.click();
  await expect(control).not.toBeChecked();
  expect(await clipped()).toBeGreaterThan(20);

  await page.reload();
  expect(await clipped()).toBeGreaterThan(20);
  await control.focus();
  await page.keyboard.press('Space');
  expect(await clipped()).toBe(0);

  await page.reload();
  await page.emulateMedia({ media: 'print' });
  expect(await clipped()).toBe(0);
  await expect(label).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  return { clipped, control, label };
}

test.describe('the story summary, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('shows its first lines; the control shows the rest, by pointer or keyboard; print shows it whole', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/stories/harbour-ferry-strike/');
    const body = page.locator('.briefing-body');
    // Screen readers get it whole: the clipped part is not hidden from them.
    await expect(body.getByRole('listitem')).toHaveCount(4);
    await expectFolds(page, '.briefing-body', 'Show the whole summary');
  });
});

test.describe("a story's long introduction, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test('on a phone its first lines and a control for the rest; whole on a wide screen and in print', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/stories/kazakhstan-unrest/');
    const { clipped, control, label } = await expectFolds(
      page,
      '.story-intro',
      'More about this story',
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await clipped()).toBe(0);
    await expect(control).toHaveCount(0);
    await expect(label).toBeHidden();
  });
});

/** Where the page's first update starts, from the top of the page. */
const firstUpdateTop = (page: Page) =>
  page
    .locator('article.bulletin')
    .first()
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

test.describe('a live story on a phone (390×844), without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  test('the first update starts within 1.25 screens, with the summary there (collapsed)', async ({
    page,
  }) => {
    await page.goto('/stories/harbour-ferry-strike/');
    await expect(page.locator('section.briefing')).toBeVisible();
    expect(await firstUpdateTop(page)).toBeLessThanOrEqual(1.25 * 844);
  });
  test('every story kind, here and in the generated archive, starts its first update within 1.25 screens', async ({
    page,
    baseURL,
  }) => {
    // The sample stories (live with a summary, closed with a translation, in Russian), and the
    // generated archive's ten, among them the tallest head there is: a closed story with a long
    // title, a long introduction, four topics and a summary (scripts/bench/generate.ts).
    const scale = `http://127.0.0.1:${Number(new URL(baseURL!).port) + 3}`;
    const tops: Record<string, number> = {};
    for (const origin of [baseURL!, scale]) {
      await page.goto(`${origin}/`);
      const stories = await page
        .locator('.story-list .story-card-title a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(stories.length).toBeGreaterThanOrEqual(3);
      for (const path of stories) {
        await page.goto(`${origin}${path}`);
        tops[path] = await firstUpdateTop(page);
      }
    }
    expect(Object.keys(tops).length).toBeGreaterThanOrEqual(13);
    expect(Object.entries(tops).filter(([, top]) => top > 1.25 * 844)).toEqual([]);
  });
  test('key events, days and the chart are one row of lines that open, by tap or keyboard', async ({
    page,
  }) => {
    await page.goto('/stories/harbour-ferry-strike/');
    const keyEvents = page.getByRole('checkbox', { name: /^Key events \d+$/ });
    const days = page.getByRole('checkbox', { name: /^Days \d+$/ });
    const activity = page.getByRole('checkbox', { name: 'Activity' });
    const labels = page.locator('.story-tools .fold-label');
    const rows = new Set(
      await labels.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))),
    );
    expect(rows.size).toBe(1);
    await expect(page.getByRole('heading', { name: 'Key events' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Jump to day' })).toBeHidden();
    await page.locator('label[for="fold-key-events"]').click();
    await expect(keyEvents).toBeChecked();
    await expect(page.getByRole('heading', { name: 'Key events' })).toBeVisible();
    await days.focus();
    await page.keyboard.press('Space');
    const nav = page.getByRole('navigation', { name: 'Jump to day' });
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: /^18 Nov/ }).click();
    await expect(page.locator('[id="2026-11-18"]')).toBeInViewport();
    await page.locator('label[for="fold-activity"]').click();
    await expect(activity).toBeChecked();
    await expect(page.locator('.activity-caption')).toBeVisible();
  });
  test('on a wide screen they are shown as they are, without the control', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/stories/harbour-ferry-strike/');
    await expect(page.getByRole('heading', { name: 'Key events' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Jump to day' })).toBeVisible();
    await expect(page.locator('.story-tools .fold-label').first()).toBeHidden();
    await expect(page.getByRole('checkbox', { name: /^Key events/ })).toHaveCount(0);
  });
});
