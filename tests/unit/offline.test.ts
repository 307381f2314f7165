import { describe, expect, test } from 'vitest';
import { fill } from '../../src/core/text.ts';
import { noteTime, withNote, type WorkerStrings } from '../../src/lib/offline/notes.ts';
import { savedChanges, savedStory } from '../../src/lib/offline/saved.ts';
import { routeOf } from '../../src/lib/offline/worker.ts';
import { stringsFor } from '../../src/lib/site/strings.ts';

describe('routeOf: what the service worker answers', () => {
  const origin = 'https://news.example';
  const route = (path: string, navigate = false, from = origin) =>
    routeOf(new URL(path, from), origin, '/dateline/', navigate);
  test.each([
    ['/dateline/', 'page'],
    ['/dateline/stories/strike/2026-11-18/', 'page'],
    ['/dateline/404.html', 'page'],
    ['/dateline/stories/strike/images/map.png-400w.1a2b3c4d.webp', 'picture'],
    ['/dateline/authors/files/amina.jpg', 'picture'],
    ['/dateline/feed.xml', 'file'],
    ['/dateline/_astro/Base.1OfKSc_h.css', 'file'],
    // Left alone: the editor, what live pages poll, the search index, the worker's own files, other paths.
    ['/dateline/admin/', 'pass'],
    ['/dateline/admin/config.yml', 'pass'],
    ['/dateline/stories/strike/latest.json', 'pass'],
    ['/dateline/pagefind/pagefind.js', 'pass'],
    ['/dateline/sw.js', 'pass'],
    ['/dateline/integrity.json', 'pass'],
    ['/dateline/integrity/abc.json', 'pass'],
    ['/other/', 'pass'],
  ])('%s: %s', (path, want) => {
    expect(route(path)).toBe(want);
  });
  test('a page being opened is a page whatever its name; another host is never answered', () => {
    expect(route('/dateline/stories/strike/files/report', true)).toBe('page');
    expect(route('/dateline/admin/', true)).toBe('pass');
    expect(route('/dateline/', true, 'https://mirror.example')).toBe('pass');
  });
});

describe('notes', () => {
  const strings: WorkerStrings = stringsFor('en').offline.worker;
  test('the note is the first thing in <main>, its words filled in and escaped', () => {
    const html =
      '<html><body><header>x</header><main id="main" class="wrap">Text</main></body></html>';
    const out = withNote(html, 'mirror', strings, { host: 'm.example<b>' });
    expect(out).toMatch(
      /<main id="main" class="wrap"><p class="offline-note offline-note-mirror" role="status">The site could not be reached: this page comes from its copy at m\.example&lt;b&gt;, checked/,
    );
    expect(out.endsWith('Text</main></body></html>')).toBe(true);
    expect(withNote('<body><p>x</p></body>', 'offline', strings)).toMatch(
      /^<body><p class="offline-note/,
    );
  });
  test('every language the interface speaks has every note, with its placeholders', () => {
    for (const lang of ['en', 'ru']) {
      const w = stringsFor(lang).offline.worker;
      expect(w.saved).toContain('{when}');
      for (const k of ['mirror', 'refused', 'unchecked'] as const) expect(w[k]).toContain('{host}');
    }
  });
  test('fill leaves unknown names as written; times in the locale', () => {
    expect(fill('{a} and {b}', { a: '1' })).toBe('1 and {b}');
    expect(noteTime('2026-12-07T18:00:00Z', 'en-GB')).toMatch(/7 December 2026/);
  });
});

describe('savedStory and savedChanges', () => {
  const files = [
    'stories/strike/index.html',
    'stories/strike/2026-11-18/index.html',
    'stories/strike/key-events/index.html',
    'stories/strike/feed.xml',
    'stories/strike/images/map.png-400w.1a2b3c4d.webp',
    'stories/strike/images/map.png-800w.1a2b3c4d.webp',
    'stories/strike/images/crowd.jpg-800w.99aa88bb.webp',
    'stories/strike/images/crowd.jpg-1200w.99aa88bb.webp',
    'stories/strikes/index.html',
    'index.html',
  ];
  const info = (f: string): [number, string] => [f.length, `d-${f}`];
  test('every page of the story and the narrowest copy of each picture, at their URLs, with the bytes together', () => {
    const saved = savedStory('strike', 'Strike', '/dateline/', files, info);
    expect(saved.files.map(([url]) => url)).toEqual([
      '/dateline/stories/strike/',
      '/dateline/stories/strike/2026-11-18/',
      '/dateline/stories/strike/key-events/',
      '/dateline/stories/strike/images/map.png-400w.1a2b3c4d.webp',
      '/dateline/stories/strike/images/crowd.jpg-800w.99aa88bb.webp',
    ]);
    expect(saved.bytes).toBe(saved.files.reduce((n, [, b]) => n + b, 0));
    expect(saved).toMatchObject({
      story: 'strike',
      title: 'Strike',
      page: '/dateline/stories/strike/',
    });
  });
  test('bringing a saved story up to date fetches what is new or changed and removes what went', () => {
    const kept = {
      files: [
        ['/a/', 1, 'x'],
        ['/b/', 1, 'y'],
        ['/c/', 1, 'z'],
      ] as [string, number, string][],
    };
    const next = {
      files: [
        ['/a/', 1, 'x'],
        ['/b/', 2, 'y2'],
        ['/d/', 1, 'w'],
      ] as [string, number, string][],
    };
    expect(savedChanges(kept, next)).toEqual({ fetch: ['/b/', '/d/'], remove: ['/c/'] });
    expect(savedChanges({ files: [] }, next).fetch).toEqual(['/a/', '/b/', '/d/']);
  });
});
