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
