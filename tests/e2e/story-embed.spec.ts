// A story embedded on another site (src/pages/embed/[story]/index.astro, src/scripts/story-embed.ts and
// the partner's script, src/scripts/story-embed-host.ts): a partner's page on another origin, made by the
// test, with the code the story's page offers; dist/ served with its _headers, as a host would.
// (A new bulletin reaching an embed is in live.spec.ts, which rebuilds a copy of the site.)
import { test as plain } from '@playwright/test';
import { embedCodeOf, expect, originsAsked, test, usePartner, withHeaders } from './fixtures.ts';

const STORY = '/stories/harbour-ferry-strike/';
const partner = usePartner(Number(process.env['PREVIEW_PORT'] ?? 4391) + 9);

test('a partner page with the story page’s code shows the newest updates, fits the frame to them at 390 px, and its links leave the frame', async ({
  page,
  baseURL,
}) => {
  const site = withHeaders(baseURL);
  const asked = originsAsked(page);
  const code = await embedCodeOf(page, site, STORY);
  const newest = await page.locator('article.bulletin').first().getAttribute('id');
  await page.setViewportSize({ width: 390, height: 844 });
  await partner.show(page, code);

  const iframe = page.locator('iframe[data-dateline-embed]');
  await expect(iframe).toHaveAttribute('title', /: live updates from Dateline$/);
  const frame = page.frameLocator('iframe[data-dateline-embed]');
  await expect(frame.locator('.story-embed-update').first()).toHaveAttribute('data-id', newest!);
  await expect(frame.locator('.story-embed-update')).toHaveCount(10);
  // The frame takes the column's width and its content's height: no scroll bar inside, nothing cut.
  const content = () =>
    frame.locator('html').evaluate((html) => ({
      height: html.scrollHeight,
      width: html.scrollWidth,
      view: innerWidth,
    }));
  await expect
    .poll(async () => {
      const box = (await iframe.boundingBox())!;
      return Math.abs(box.height - (await content()).height);
    })
    .toBeLessThanOrEqual(1);
  const box = (await iframe.boundingBox())!;
  expect(box.width).toBe(390 - 16);
  const { width, view } = await content();
  expect(width).toBeLessThanOrEqual(view);
  expect(box.height).toBeGreaterThan(1000);
  // The partner's text after it starts where the frame ends.
  expect((await page.locator('#after').boundingBox())!.y).toBeGreaterThanOrEqual(
    box.y + box.height,
  );

  // Only the partner's page and the site were asked for anything.
  expect([...asked].sort()).toEqual([partner.origin, site].sort());

  // A link in it opens on the site, in the whole window.
  const first = frame.locator('.story-embed-heading a').first();
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(`${site}${href}`);
});

test('heights from anything but the site’s embed frames are ignored: the partner’s page, or a frame of its own marked as one', async ({
  page,
  baseURL,
}) => {
  const site = withHeaders(baseURL);
  const code = await embedCodeOf(page, site, STORY);
  await partner.show(
    page,
    `${code}<iframe data-dateline-embed title="Not an embed" srcdoc="<script>parent.postMessage({type:'dateline:height',height:900},'*')</script>"></iframe>`,
  );
  const iframe = page.locator('iframe[data-dateline-embed]').first();
  await expect(
    page.frameLocator('iframe[data-dateline-embed] >> nth=0').locator('h1'),
  ).toBeVisible();
  await expect.poll(async () => (await iframe.boundingBox())!.height).not.toBe(600);
  const fitted = (await iframe.boundingBox())!.height;
  await page.evaluate(() => window.postMessage({ type: 'dateline:height', height: 5 }, '*'));
  await page.waitForTimeout(200);
  expect((await iframe.boundingBox())!.height).toBe(fitted);
  // The partner's own frame keeps the height a frame has by default (150 px and its border), not the 900 it asked for.
  expect((await page.getByTitle('Not an embed').boundingBox())!.height).toBe(154);
});

// Framing refused is logged by the browser as an error: these use Playwright's own test.
plain('every page but the embeds refuses to be framed, by any site', async ({ page, baseURL }) => {
  const site = withHeaders(baseURL);
  const framed = [
    STORY,
    `${STORY}2026-11-24/`,
    '/',
    '/search/',
    '/archive/',
    '/admin/',
    '/offline/',
    '/embed/harbour-ferry-strike/',
  ];
  await partner.show(
    page,
    framed.map((path) => `<iframe src="${site}${path}" title="${path}"></iframe>`).join(''),
  );
  const loaded = async (path: string) => {
    const frame = page.frames().find((f) => f.url() === `${site}${path}`);
    return frame ? frame.evaluate(() => document.title).catch(() => '') : '';
  };
  await expect.poll(() => loaded('/embed/harbour-ferry-strike/')).toMatch(/ferry strike/);
  for (const path of framed.slice(0, -1)) expect(await loaded(path), path).toBe('');
  // …as the headers say.
  for (const path of framed) {
    const response = await page.request.get(`${site}${path}`);
    const policy = response.headers()['content-security-policy']!;
    if (path.startsWith('/embed/')) {
      expect(policy).toContain('frame-ancestors *');
      expect(policy).not.toContain("frame-ancestors 'none'");
      expect(response.headers()['x-frame-options']).toBeUndefined();
    } else {
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(response.headers()['x-frame-options'], path).toBe('DENY');
    }
  }
});

test('the embed without JavaScript: the same updates, a fixed list, and the link to the story', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}/embed/harbour-ferry-strike/`);
  await expect(page.locator('.story-embed-update')).toHaveCount(10);
  await expect(
    page.getByRole('link', { name: 'Follow the whole story on Dateline' }),
  ).toHaveAttribute('href', STORY);
  await context.close();
});

test('the copy button puts the code on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(STORY);
  const details = page.locator('details.embed-story');
  await details.locator('summary').click();
  await details.getByRole('button', { name: 'Copy the code' }).click();
  await expect(details.getByRole('status')).toHaveText('Code copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await details.getByRole('textbox').inputValue(),
  );
});

/**
 * What WordPress makes of the story's oEmbed when an author pastes the story's address in a post
 * (its `wp_filter_oembed_result` for a site it does not know): the frame alone (no script, no
 * style, none of our attributes), sandboxed with scripts only, a secret added to its address; and a
 * stand-in for its script on the post (wp-embed), written from the messages it takes: `height`,
 * kept within 200–1,000 px, and `link`, opened in the window when on the frame's host.
 */
function asWordPress(code: string, secret: string): string {
  const frame = /<iframe([^>]*)><\/iframe>/.exec(code)![1]!;
  const kept = [...frame.matchAll(/([\w-]+)="([^"]*)"/g)]
    .filter(([, name]) => ['src', 'width', 'height', 'title'].includes(name!))
    .map(([, name, value]) => `${name}="${name === 'src' ? `${value}#?secret=${secret}` : value}"`);
  return `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" ${kept.join(' ')} data-secret="${secret}"></iframe>
<script>
addEventListener('message', (e) => {
  const d = e.data;
  if (!d || !/^[a-zA-Z0-9]+$/.test(d.secret)) return;
  for (const f of document.querySelectorAll('iframe[data-secret="' + d.secret + '"]')) {
    if (e.source !== f.contentWindow) continue;
    if (d.message === 'height') f.height = Math.min(1000, Math.max(200, parseInt(d.value, 10)));
    if (d.message === 'link' && new URL(d.value).host === new URL(f.getAttribute('src')).host)
      top.location.href = d.value;
  }
});
</script>`;
}

test('a WordPress post made from the oEmbed: the sandboxed frame shows the story, takes the height WordPress allows, and its links open in the window', async ({
  page,
  baseURL,
}) => {
  const site = withHeaders(baseURL);
  const asked = originsAsked(page);
  const oembed = (await (
    await page.request.get(`${site}/embed/harbour-ferry-strike/oembed.json`)
  ).json()) as {
    html: string;
  };
  await partner.show(
    page,
    asWordPress(oembed.html.replaceAll('http://localhost:4321', site), 'Xy7Qp2Lm9A'),
  );
  const iframe = page.locator('iframe.wp-embedded-content');
  const frame = page.frameLocator('iframe.wp-embedded-content');
  await expect(frame.locator('.story-embed-update')).toHaveCount(10);
  // Its script ran (from the site, though the frame has no origin of its own) and said its height.
  await expect(iframe).toHaveAttribute('height', '1000');
  const link = frame.locator('.story-embed-heading a').first();
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(`${site}${href}`);
  expect([...asked].sort()).toEqual([partner.origin, site].sort());
});
