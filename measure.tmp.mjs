import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
for (const path of (process.argv[2] ?? '/stories/harbour-ferry-strike/').split(',')) {
  await p.goto('http://127.0.0.1:4399' + path);
  const r = await p.evaluate(() => {
    const top = (s) => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top + scrollY) : null; };
    const h = (s) => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().height) : null; };
    return { first: top('article.bulletin'), header: h('.site-header'), storyHeader: h('.story-header'), briefing: h('.briefing'), activity: h('.activity'), key: h('.key-events'), daynav: h('.day-nav'), live: h('.live-updates') };
  });
  console.log(path, JSON.stringify(r), (r.first / 844).toFixed(2), 'screens');
}
if (process.argv[3]) await p.screenshot({ path: process.argv[3], fullPage: false });
await b.close();
