import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
for (const s of ['harbour-ferry-strike', 'kazakhstan-unrest']) {
  await page.goto(`http://127.0.0.1:4481/stories/${s}/`);
  await page.screenshot({ path: `/tmp/shot-${s}.png`, clip: { x: 0, y: 0, width: 390, height: 1150 } });
}
await browser.close();
