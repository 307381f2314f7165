import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const pages = {
  front: '/',
  story: '/stories/harbour-ferry-strike/',
  'closed story': '/stories/kazakhstan-unrest/',
  day: '/stories/harbour-ferry-strike/2026-11-23/',
  search: '/search/?q=ferry',
  'filtered search': '/search/?month=2026-11&key=1',
  'key events': '/stories/harbour-ferry-strike/key-events/',
  'from the start': '/stories/harbour-ferry-strike/from-the-start/',
  archive: '/archive/',
  'archive month': '/archive/2026/11/',
  tags: '/tags/',
  tag: '/tags/strike/',
  author: '/authors/aigerim-sadykova/',
  authors: '/authors/',
  '404': '/404.html',
  offline: '/offline/',
  // A story's embed, as other sites frame it (tests/e2e/story-embed.spec.ts frames it).
  embed: '/embed/harbour-ferry-strike/',
};

for (const [name, path] of Object.entries(pages)) {
  test(`axe finds no WCAG 2.2 A/AA violations on the ${name} page`, async ({ page }) => {
    await page.goto(path);
    if (name.endsWith('search'))
      await expect(page.locator('#search-results > li').first()).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const found = results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')} – ${v.help}`,
    );
    expect(found).toEqual([]);
  });
}

for (const path of ['/stories/harbour-ferry-strike/', '/embed/harbour-ferry-strike/'])
  test(`the dark colour scheme passes the contrast rules too: ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  });

test('a story on a phone, its folds and summary opened: no violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/stories/harbour-ferry-strike/');
  for (const id of ['fold-key-events', 'fold-days', 'fold-activity', 'briefing-more'])
    await page.locator(`label[for="${id}"]`).click();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});
