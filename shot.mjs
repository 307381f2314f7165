import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu','--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
const [url, out, w = 1000, h = 2400] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', m => console.log('console:', m.text()));
await page.goto(url);
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
