import { expect, recordViolations, test, withHeaders } from './fixtures.ts';

// dist/ served with its _headers file, as Netlify or Cloudflare Pages would.
const pages = [
  '/',
  '/stories/harbour-ferry-strike/',
  '/stories/kazakhstan-unrest/2022-01-07/',
  '/stories/harbour-ferry-strike/2026-11-18/',
  '/stories/kazakhstan-unrest/2022-01-07/?highlight=soldiers#u-2022-01-07-1400-buildings-secured',
  '/stories/harbour-ferry-strike/key-events/',
  '/stories/harbour-ferry-strike/from-the-start/',
  '/archive/2026/11/',
  '/tags/strike/',
  '/search/?q=ferry',
  '/search/?tag=strike&key=1',
  '/404.html',
];

for (const path of pages) {
  test(`no Content-Security-Policy violation on ${path}`, async ({ page, baseURL }) => {
    const origin = withHeaders(baseURL);
    const violations = await recordViolations(page);
    const response = await page.goto(`${origin}${path}`);
    expect(response!.headers()['content-security-policy']).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    if (path.startsWith('/search/'))
      await expect(page.locator('#search-results > li').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}
