import { test as base, expect } from '@playwright/test';

/** Every test fails if the page requests anything from another host, or logs an error. */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(baseURL!) && !/^(data|blob):/.test(url)) foreign.push(url);
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
