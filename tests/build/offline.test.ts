// What the build writes for readers without a network (docs/offline.md): the service worker, the
// integrity manifest of every file, what "Save for offline" keeps, each story as one file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { parseRoot, pieceOf } from '../../src/lib/offline/integrity.ts';
import type { SavedStory } from '../../src/lib/offline/saved.ts';
import { STORY_FILE_POLICY } from '../../src/lib/publish/story-file-style.ts';
import { contentBulletins, contentStories, DIST, page } from './dist.ts';

const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) =>
    join(d.parentPath, d.name)
      .slice(DIST.length + 1)
      .split(sep)
      .join('/'),
  );
const read = (f: string) => readFileSync(join(DIST, f));
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64url');
const bulletins = contentBulletins();
const stories = contentStories();

describe('the service worker', () => {
  test('sw.js is at the top of the output, at most 25 kB compressed, and keeps the shell', () => {
    const worker = read('sw.js');
    expect(gzipSync(worker).length).toBeLessThanOrEqual(25 * 1024);
    const text = worker.toString();
    // Every bundle of the site's pages; not the embeds' own stylesheet and script (read in other
    // sites' frames, not offline).
    const embedOwn = page('embed/harbour-ferry-strike/index.html')
      .querySelectorAll('link[rel="stylesheet"], script[src]')
      .map((el) => (el.getAttribute('href') ?? el.getAttribute('src'))!.slice(1));
    expect(embedOwn).toHaveLength(2);
    for (const f of files.filter((f) => /^_astro\/[^/]+\.(css|js)$/.test(f)))
      if (embedOwn.includes(f)) expect(text, f).not.toContain(`/${f}`);
      else expect(text, f).toContain(`/${f}`);
    expect(text).toContain('"/offline/"');
    // Workbox's runtime is in it: nothing is imported, from the site or elsewhere; no mirror is named.
    expect(text).not.toMatch(/importScripts\(|\bimport\(/);
    expect(text).toContain('mirrors:[]');
  });

  test('every page registers it under the base; the offline page is there, not in the sitemap', () => {
    expect(page('offline/index.html').querySelector('h1')?.text).toBe('Offline');
    expect(
      page('offline/index.html').querySelector('meta[name="robots"]')?.getAttribute('content'),
    ).toBe('noindex');
    expect(read('sitemap-0.xml').toString()).not.toContain('/offline/');
  });
});

describe('the integrity manifest', () => {
  const root = parseRoot(read('integrity.json').toString())!;
  test('holds the digest of every file of the output but its own, each in its piece, each piece named by its digest', () => {
    const listed = new Map<string, string>();
    for (const [piece, digest] of Object.entries(root.pieces)) {
      const text = read(`integrity/${digest}.json`);
      expect(sha(text)).toBe(digest);
      for (const [file, d] of Object.entries(
        JSON.parse(text.toString()) as Record<string, string>,
      )) {
        expect(pieceOf(file)).toBe(piece);
        listed.set(file, d);
      }
    }
    const published = files.filter((f) => !f.startsWith('integrity'));
    expect([...listed.keys()].sort()).toEqual(published.sort());
    for (const f of published) expect(listed.get(f), f).toBe(sha(read(f)));
    // Pieces stay small at any size: no piece of the sample holds more than a few hundred files.
    expect(Object.keys(root.pieces).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('integrity/'))).toHaveLength(
      Object.keys(root.pieces).length,
    );
  });
  test("its time is the content's newest change, not the clock's; unsigned without a key", () => {
    expect(Date.parse(root.built)).toBeLessThan(Date.parse('2026-12-01'));
    expect(files).not.toContain('integrity.json.sig');
  });
});

describe('saving a story for offline', () => {
  test.each(stories)(
    '%s: saved/<story>.json lists every page of the story with its bytes and digest',
    (slug) => {
      const list = JSON.parse(read(`saved/${slug}.json`).toString()) as SavedStory;
      const pagesOfStory = files.filter(
        (f) => f.startsWith(`stories/${slug}/`) && f.endsWith('index.html'),
      );
      expect(
        list.files
          .filter(([url]) => url.endsWith('/'))
          .map(([url]) => `${url.slice(1)}index.html`)
          .sort(),
      ).toEqual(pagesOfStory.sort());
      for (const [url, bytes, digest] of list.files) {
        const f = url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
        expect(bytes, f).toBe(statSync(join(DIST, f)).size);
        expect(digest, f).toBe(sha(read(f)));
      }
      expect(list.bytes).toBe(list.files.reduce((n, [, b]) => n + b, 0));
    },
  );
});

describe('a story as one file', () => {
  const whole = files.filter((f) => f.startsWith('whole/'));
  test.each(stories)(
    "%s: every update once, under its day, with its permalink's id; the story page links the files",
    (slug) => {
      const mine = whole.filter((f) => f.startsWith(`whole/${slug}/`));
      const story = page(`stories/${slug}/index.html`);
      const links = story
        .querySelectorAll('.whole-story a[download]')
        .map((a) => a.getAttribute('href'));
      expect(links).toEqual(mine.map((f) => `/${f}`));
      const ids = mine.flatMap((f) =>
        parse(read(f).toString())
          .querySelectorAll('article')
          .map((a) => a.id),
      );
      const expected = bulletins.filter((b) => b.story === slug);
      expect(ids).toHaveLength(expected.length);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of mine) {
        const doc = parse(read(f).toString());
        for (const a of doc.querySelectorAll('article')) {
          // On its day page with the same id, under the day heading it is under here.
          const day = a.closest('section')!.querySelector('h2')!.id;
          expect(
            page(`stories/${slug}/${day}/index.html`).getElementById(a.id),
            `${f}: ${a.id}`,
          ).not.toBeNull();
        }
      }
    },
  );

  test('asks the network for nothing: no script, picture, frame or stylesheet of its own, a policy that forbids them, links to the site', () => {
    expect(whole.length).toBeGreaterThanOrEqual(stories.length);
    for (const f of whole) {
      const text = read(f).toString();
      const doc = parse(text);
      expect(
        doc.querySelectorAll(
          'script, img, picture, source, video, audio, iframe, link, object, embed',
        ),
        f,
      ).toHaveLength(0);
      expect(text, f).not.toMatch(/\s(src|srcset)=/);
      expect(
        doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      ).toBe(STORY_FILE_POLICY);
      for (const a of doc.querySelectorAll('a[href]'))
        expect(a.getAttribute('href'), f).toMatch(/^(https?:|mailto:|#)/);
    }
    expect(read('_headers').toString()).toContain(
      `/whole/*\n  Content-Security-Policy: ${STORY_FILE_POLICY}`,
    );
  });
});

describe('a story as one file, at size (the generated archive npm test builds)', () => {
  const SCALE = join(process.cwd(), 'test-results', 'scale', 'dist', 'whole');
  test('under 2 MB for 500 updates of 80–400 words, and cut into files of 2,000 updates at most', () => {
    const measured = readdirSync(SCALE, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => {
        const text = readFileSync(join(SCALE, f), 'utf8');
        return { f, bytes: Buffer.byteLength(text), updates: text.split('<article ').length - 1 };
      });
    expect(measured.length).toBeGreaterThan(0);
    for (const m of measured) {
      expect(m.bytes / m.updates, m.f).toBeLessThan((2 * 1024 * 1024) / 500);
      expect(m.updates, m.f).toBeLessThanOrEqual(2000);
    }
  });
});
