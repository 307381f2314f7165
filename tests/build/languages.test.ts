// A story told in another language than the site: its text carries its language and, for Hebrew or
// Arabic, its direction; its feeds say so. Built from a copy of content/ with a short Hebrew story.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';

const WORK = join(process.cwd(), 'test-results', 'languages');
const OUT = join(WORK, 'dist');
const read = (path: string) => parse(readFileSync(join(OUT, path), 'utf8'));

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync('content', join(WORK, 'content'), { recursive: true });
  const story = join(WORK, 'content', 'rtl-demo');
  mkdirSync(story);
  // A clearly fictional demo: "Demo: writing right to left" / "A short fictional story that checks the direction of the text."
  writeFileSync(join(story, 'index.md'), '---\ntitle: "הדגמה: כתיבה מימין לשמאל"\nsummary: סיפור בדיוני קצר שבודק את כיוון הטקסט.\nlang: he\ntimezone: Asia/Jerusalem\nstatus: closed\n---\n');
  // "The first ferry left at six in the morning."
  writeFileSync(join(story, '2026-11-20-0900-ferry.md'), '---\ntitle: המעבורת הראשונה יצאה\n---\n\nהמעבורת הראשונה יצאה בשעה שש בבוקר.\n');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, DATELINE_CONTENT: join(WORK, 'content'), OUT_DIR: OUT, CACHE_DIR: join(WORK, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}, 120_000);

describe('a story in another language', () => {
  test('its headline, summary and bulletins carry its language and are written right to left', () => {
    const timeline = read('stories/rtl-demo/index.html');
    expect(timeline.querySelector('html')?.getAttribute('lang')).toBe('en');
    for (const el of [timeline.querySelector('h1.story-title'), timeline.querySelector('.story-summary'), timeline.querySelector('.bulletin-body'), timeline.querySelector('.bulletin-title')]) {
      expect([el?.getAttribute('lang'), el?.getAttribute('dir')]).toEqual(['he', 'rtl']);
    }
    // The site's own words around it stay in the site's language.
    expect(timeline.querySelector('.story-kicker')?.getAttribute('lang')).toBeUndefined();
    const day = read('stories/rtl-demo/2026-11-20/index.html');
    expect(day.querySelector('.bulletin-body')?.getAttribute('dir')).toBe('rtl');
  });

  test('its feeds say its language; the site language stays on other stories', () => {
    expect(JSON.parse(readFileSync(join(OUT, 'stories', 'rtl-demo', 'feed.json'), 'utf8')).language).toBe('he');
    expect(readFileSync(join(OUT, 'stories', 'rtl-demo', 'feed.xml'), 'utf8')).toContain('<language>he</language>');
    expect(JSON.parse(readFileSync(join(OUT, 'stories', 'kazakhstan-unrest', 'feed.json'), 'utf8')).language).toBe('en');
    expect(read('stories/kazakhstan-unrest/index.html').querySelector('h1.story-title')?.getAttribute('lang')).toBeUndefined();
  });
});
