import { chromium } from '@playwright/test';
const [port, ...stories] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
for (const s of stories) {
  await page.goto(`http://127.0.0.1:${port}/stories/${s}/`);
  const r = await page.evaluate(() => {
    const top = (sel) => { const el = document.querySelector(sel); return el ? Math.round(el.getBoundingClientRect().top + scrollY) : null; };
    const h = (sel) => { const el = document.querySelector(sel); return el ? Math.round(el.getBoundingClientRect().height) : null; };
    return { first: top('article.bulletin'), storyHeader: h('.story-header'), briefing: h('section.briefing'), tools: h('.story-tools') };
  });
  console.log(s, JSON.stringify(r));
}
await browser.close();
