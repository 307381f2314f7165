import type { Page } from '@playwright/test';
import { expect, recordViolations, test, withHeaders } from './fixtures.ts';

// The demo story's 18 November: a video, a post with a picture, two photos, a map.
const DAY = '/stories/harbour-ferry-strike/2026-11-18/';
const YOUTUBE = 'https://www.youtube-nocookie.com';

/** Scrolls to the end in steps, so every lazy picture loads, and waits for the network to settle. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
}

test('pictures, videos and posts: no request to another host, no layout shift, while reading to the end', async ({
  page,
}) => {
  await page.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
        (window as unknown as { shift: number }).shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(DAY);
  await scrollThrough(page);
  expect(await page.locator('figure.embed-video a.player').count()).toBe(1);
  expect(await page.locator('figure.embed-post').count()).toBe(1);
  expect(await page.locator('iframe').count()).toBe(0);
  // Every picture has loaded, at its reserved size.
  const broken = await page.$$eval('main img', (imgs) =>
    (imgs as HTMLImageElement[])
      .filter((i) => !i.complete || i.naturalWidth === 0)
      .map((i) => i.src),
  );
  expect(broken).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
});

test('on a phone, each picture is downloaded at most 1.5 times as wide as it is shown', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(DAY);
  await scrollThrough(page);
  const pictures = await page.$$eval('main img[srcset]', (imgs) =>
    (imgs as HTMLImageElement[]).map((i) => ({
      src: i.currentSrc,
      shown: i.getBoundingClientRect().width * devicePixelRatio,
      downloaded: i.naturalWidth,
    })),
  );
  expect(pictures.length).toBeGreaterThanOrEqual(4);
  for (const p of pictures) {
    expect(p.src, 'a copy, not the original').toMatch(/-\d+w\.[\w-]+\.webp$/);
    expect(p.downloaded / p.shown, p.src).toBeLessThanOrEqual(1.5);
  }
});

test('without JavaScript a video is a link to it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${Number(process.env['PREVIEW_PORT'] ?? 4391)}${DAY}`);
  await expect(page.locator('a.player')).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=Xk3pF9aLm2Q',
  );
  await context.close();
});

test.describe('after a click', () => {
  test.use({ allowedHosts: [YOUTUBE] });

  test('the privacy-enhanced player loads, in place, with the keyboard too, and the page policy allows it', async ({
    page,
    baseURL,
  }) => {
    const asked: string[] = [];
    await page.route(`${YOUTUBE}/**`, (route) => {
      asked.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<p id="stand-in">player</p>' });
    });
    // dist/ served with its _headers: the site-wide policy, and the page's own.
    const origin = withHeaders(baseURL);
    const violations = await recordViolations(page);
    await page.goto(`${origin}${DAY}`);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    // Where a box is on the page (not on the screen: focusing scrolls).
    const place = (selector: string) =>
      page.$eval(selector, (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      });
    const box = await place('a.player');
    await page.locator('a.player').focus();
    await page.keyboard.press('Enter');
    const frame = page.locator('iframe.player-frame');
    await expect(frame).toHaveAttribute('src', `${YOUTUBE}/embed/Xk3pF9aLm2Q?autoplay=1`);
    await expect(frame).toHaveAttribute('title', /Union leader speaks/);
    await expect(frame).toBeFocused();
    await expect.poll(() => asked.length).toBe(1);
    // In the box's place, at its size: nothing moves.
    expect(await place('iframe.player-frame')).toEqual(box);
    await expect(page.frameLocator('iframe.player-frame').locator('#stand-in')).toHaveText(
      'player',
    );
    expect(await violations()).toEqual([]);
  });

  test('a page without videos allows no frame at all', async ({ browser, baseURL }) => {
    // Its own context: the blocked frame logs the error the page's guard would fail on.
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = withHeaders(baseURL);
    await page.goto(`${origin}/stories/harbour-ferry-strike/2026-11-19/`);
    const blocked = await page.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
          const f = document.createElement('iframe');
          f.src = src;
          document.body.append(f);
          setTimeout(() => resolve('none'), 2000);
        }),
      `${YOUTUBE}/embed/Xk3pF9aLm2Q`,
    );
    expect(blocked).toBe('frame-src');
    await context.close();
  });
});
