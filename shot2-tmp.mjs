import { chromium } from '@playwright/test';
const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
await page.goto(url);
await page.screenshot({ path: out, fullPage: false, clip: { x: 0, y: 0, width: 390, height: 1100 } });
await browser.close();
