import { createServer } from 'node:http';
import { test as base, expect, type Page } from '@playwright/test';

/** Every test fails if the page requests anything from another host (but `allowedHosts`), or logs an error. */
export const test = base.extend<{ guard: void; allowedHosts: string[] }>({
  /** Origins a test may reach besides this machine (a video's player after its click). */
  allowedHosts: [[], { option: true }],
  guard: [
    async ({ page, allowedHosts }, use) => {
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        // Only this machine: the test servers (dist/ and its subpath twin) listen on 127.0.0.1.
        if (
          !/^http:\/\/127\.0\.0\.1:\d+\//.test(url) &&
          !/^(data|blob):/.test(url) &&
          !allowedHosts.some((h) => url.startsWith(`${h}/`))
        )
          foreign.push(url);
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use();
      expect(foreign, 'requests to other hosts').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until `url` answers 200, polling every 100 ms, for at most `ms`; throws `what` did not start otherwise. */
export async function waitForServer(url: string, ms: number, what: string): Promise<void> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

/**
 * Records the page's Content-Security-Policy violations from its first script on; the function
 * returned reads them (`directive: blocked URL`).
 */
export async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective}: ${e.blockedURI}`,
      ),
    );
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

/** The server of dist/ with its `_headers` applied (two ports above the plain one). */
export const withHeaders = (baseURL: string | undefined): string =>
  `http://127.0.0.1:${Number(new URL(baseURL!).port) + 2}`;

/**
 * A partner's site for the embeds, for the tests of the suite this is called in:
 * `http://localhost:<port>`, another origin and another site than the test servers' (127.0.0.1),
 * served from this process (Chromium asks before a page from a public address loads from a private
 * one), started before the suite's tests and stopped after them, and a host they may ask. Its one
 * page holds `body` in a column as wide as the window less 16 px, then a paragraph `#after`.
 */
export function usePartner(port: number): {
  origin: string;
  show(page: Page, body: string): Promise<void>;
} {
  let body = '';
  const server = createServer((_, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Regional paper</title></head><body style="margin:0"><main style="padding:0 8px"><h1>Regional paper</h1>${body}<p id="after">More local news</p></main></body></html>`,
      ),
  );
  const origin = `http://localhost:${port}`;
  test.beforeAll(() => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)));
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  test.use({ allowedHosts: [origin] });
  return {
    origin,
    show: async (page, html) => {
      body = html;
      await page.goto(`${origin}/`);
    },
  };
}

/** The origins `page` asks anything of from now on (read at the end of a test). */
export function originsAsked(page: Page): Set<string> {
  const asked = new Set<string>();
  page.on('request', (r) => asked.add(new URL(r.url()).origin));
  return asked;
}

/** The embed code a story's page offers (its "Embed this story"), at the address `site` serves it from. */
export async function embedCodeOf(page: Page, site: string, story: string): Promise<string> {
  await page.goto(`${site}${story}`);
  const details = page.locator('details.embed-story');
  await details.locator('summary').click();
  const code = await details
    .getByRole('textbox', { name: 'Code to embed this story' })
    .inputValue();
  // The build writes the site's address (SITE, unset in the tests' builds) into the code.
  expect(code).toContain('http://localhost:4321/embed/');
  return code.replaceAll('http://localhost:4321', site);
}
