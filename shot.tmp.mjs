import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
await p.goto('http://127.0.0.1:4399' + process.argv[2]);
await p.screenshot({ path: process.argv[3], fullPage: true, clip: { x: 0, y: Number(process.argv[4] ?? 0), width: 390, height: 1100 } });
await b.close();
