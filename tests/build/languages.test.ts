// A story told in another language than the site: its text carries its language and, for Hebrew or
// Arabic, its direction; its feeds say so. Built from a copy of content/ with a short Hebrew story.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { build as astroBuild, ROOT } from './project.ts';

const WORK = join(process.cwd(), 'test-results', 'languages');
const OUT = join(WORK, 'dist');
const OUT_RU = join(WORK, 'dist-ru');
const read = (path: string, out = OUT) => parse(readFileSync(join(out, path), 'utf8'));

const build = (out: string, env: Record<string, string> = {}) =>
  astroBuild(ROOT, {
    DATELINE_CONTENT: join(WORK, 'content'),
    OUT_DIR: out,
    CACHE_DIR: join(out, '..', `cache-${env['DATELINE_LANG'] ?? 'en'}`),
    ...env,
  });

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync('content', join(WORK, 'content'), { recursive: true });
  const story = join(WORK, 'content', 'rtl-demo');
  mkdirSync(story);
  // A clearly fictional demo: "Demo: writing right to left" / "A short fictional story that checks the direction of the text."
  writeFileSync(
    join(story, 'index.md'),
    '---\ntitle: "הדגמה: כתיבה מימין לשמאל"\nsummary: סיפור בדיוני קצר שבודק את כיוון הטקסט.\nlang: he\ntimezone: Asia/Jerusalem\nstatus: closed\n---\n',
  );
  // "The first ferry left at six in the morning."
  writeFileSync(
    join(story, '2026-11-20-0900-ferry.md'),
    '---\ntitle: המעבורת הראשונה יצאה\n---\n\nהמעבורת הראשונה יצאה בשעה שש בבוקר.\n',
  );
  await Promise.all([build(OUT), build(OUT_RU, { DATELINE_LANG: 'ru' })]);
}, 180_000);

describe('the site in Russian (DATELINE_LANG=ru)', () => {
  test('<html lang>, the interface words, dates and counts are Russian', () => {
    const timeline = read('stories/harbour-ferry-strike/index.html', OUT_RU);
    expect(timeline.querySelector('html')?.getAttribute('lang')).toBe('ru');
    expect(timeline.querySelectorAll('.site-nav a').map((a) => a.text)).toEqual([
      'Сюжеты',
      'Архив',
      'Темы',
      'Поиск',
    ]);
    expect(timeline.querySelector('.status')?.text).toBe('Идёт');
    expect(timeline.querySelector('#day-nav-heading')?.text).toBe('Перейти к дню');
    expect(timeline.querySelector('.day-heading')?.text).toMatch(/ноября 2026/);
    expect(timeline.querySelector('.permalink-link')?.text).toMatch(/^Ссылка на это сообщение/);
    expect(timeline.querySelector('figcaption')?.text).toMatch(/сообщени/);
    expect(read('index.html', OUT_RU).querySelector('.story-kicker span:last-child')?.text).toMatch(
      /^\d+ сообщени(е|я|й)$/,
    );
  });
  test('the search index is built for Russian', () => {
    const manifest = JSON.parse(
      readFileSync(join(OUT_RU, 'pagefind', 'dateline-search.json'), 'utf8'),
    ) as { parts: string[] };
    const entry = JSON.parse(
      readFileSync(
        join(OUT_RU, 'pagefind', 'part', manifest.parts[0]!, 'pagefind-entry.json'),
        'utf8',
      ),
    ) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['ru']);
  });
});

describe('a story in another language', () => {
  test('its headline, summary and bulletins carry its language and are written right to left', () => {
    const timeline = read('stories/rtl-demo/index.html');
    expect(timeline.querySelector('html')?.getAttribute('lang')).toBe('en');
    for (const el of [
      timeline.querySelector('h1.story-title'),
      timeline.querySelector('.story-summary'),
      timeline.querySelector('.bulletin-body'),
      timeline.querySelector('.bulletin-title'),
    ]) {
      expect([el?.getAttribute('lang'), el?.getAttribute('dir')]).toEqual(['he', 'rtl']);
    }
    // The site's own words around it stay in the site's language.
    expect(timeline.querySelector('.story-kicker')?.getAttribute('lang')).toBeUndefined();
    const day = read('stories/rtl-demo/2026-11-20/index.html');
    expect(day.querySelector('.bulletin-body')?.getAttribute('dir')).toBe('rtl');
  });

  test('its feeds say its language; the site language stays on other stories', () => {
    expect(
      JSON.parse(readFileSync(join(OUT, 'stories', 'rtl-demo', 'feed.json'), 'utf8')).language,
    ).toBe('he');
    expect(readFileSync(join(OUT, 'stories', 'rtl-demo', 'feed.xml'), 'utf8')).toContain(
      '<language>he</language>',
    );
    expect(
      JSON.parse(readFileSync(join(OUT, 'stories', 'kazakhstan-unrest', 'feed.json'), 'utf8'))
        .language,
    ).toBe('en');
    expect(
      read('stories/kazakhstan-unrest/index.html')
        .querySelector('h1.story-title')
        ?.getAttribute('lang'),
    ).toBeUndefined();
  });
});

describe('a story in a language the interface is translated into (the Russian sample)', () => {
  test('its pages read in Russian: words, dates and counts; the site header stays in the site language', () => {
    for (const path of [
      'stories/kazakhstan-unrest-ru/index.html',
      'stories/kazakhstan-unrest-ru/2022-01-05/index.html',
      'stories/kazakhstan-unrest-ru/from-the-start/index.html',
    ]) {
      const doc = read(path, 'dist');
      expect(doc.querySelector('main')?.getAttribute('lang'), path).toBe('ru');
      expect(doc.querySelector('html')?.getAttribute('lang'), path).toBe('en');
      expect(
        doc.querySelectorAll('.site-nav a').map((a) => a.text),
        path,
      ).toEqual(['Stories', 'Archive', 'Topics', 'Search']);
      expect(doc.querySelector('.status')?.text, path).toBe('Завершён');
      // Its updates in full, each with its link; from the start, their headlines under its heading.
      if (path.includes('from-the-start'))
        expect(doc.querySelector('.page-subtitle')?.text, path).toMatch(/^Сюжет с начала/);
      else
        expect(doc.querySelector('.permalink-link')?.text, path).toMatch(
          /^Ссылка на это сообщение/,
        );
      expect(doc.querySelector('.day-heading')?.text, path).toMatch(/января 2022/);
    }
    expect(
      read('stories/kazakhstan-unrest-ru/index.html', 'dist').querySelector('#day-nav-heading')
        ?.text,
    ).toBe('Перейти к дню');
    // The English stories keep English.
    expect(
      read('stories/kazakhstan-unrest/index.html', 'dist')
        .querySelector('main')
        ?.getAttribute('lang'),
    ).toBeUndefined();
  });
});

describe('one story in two languages (`translations:` in one index.md only)', () => {
  const pair = ['kazakhstan-unrest', 'kazakhstan-unrest-ru'] as const;
  const hreflangs = (slug: string) =>
    read(`stories/${slug}/index.html`)
      .querySelectorAll('link[rel=alternate][hreflang]')
      .map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`);

  test.each(pair)('%s links both languages, itself included, with hreflang', (slug) =>
    expect(hreflangs(slug).toSorted()).toEqual([
      'en /stories/kazakhstan-unrest/',
      'ru /stories/kazakhstan-unrest-ru/',
    ]),
  );
  test('each header names the other language in that language, in the page’s words', () => {
    const links = (slug: string) =>
      read(`stories/${slug}/index.html`).querySelector('.story-header .story-translations')!;
    const en = links('kazakhstan-unrest');
    expect(en.text.replace(/\s+/g, ' ').trim()).toBe('Also in: Русский');
    expect(en.querySelector('a')?.getAttribute('href')).toBe('/stories/kazakhstan-unrest-ru/');
    expect(en.querySelector('a')?.getAttribute('lang')).toBe('ru');
    const ru = links('kazakhstan-unrest-ru');
    expect(ru.text.replace(/\s+/g, ' ').trim()).toBe('Другие языки: English');
    expect(ru.querySelector('a')?.getAttribute('hreflang')).toBe('en');
  });
  test('a story without translations has neither', () => {
    const page = read('stories/harbour-ferry-strike/index.html');
    expect(page.querySelectorAll('link[hreflang]')).toHaveLength(0);
    expect(page.querySelector('.story-translations')).toBeNull();
  });
  test('the sitemap carries the alternates of both stories', () => {
    const sitemap = readFileSync(join(OUT, 'sitemap-0.xml'), 'utf8');
    for (const slug of pair) {
      const entry = new RegExp(`<url><loc>[^<]*/stories/${slug}/</loc>.*?</url>`).exec(
        sitemap,
      )?.[0];
      expect(entry, slug).toMatch(/hreflang="en" href="http[^"]*\/stories\/kazakhstan-unrest\/"/);
      expect(entry, slug).toMatch(
        /hreflang="ru" href="http[^"]*\/stories\/kazakhstan-unrest-ru\/"/,
      );
    }
  });
});
