import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { LinkChecker, LinkState } from 'linkinator';
import { describe, expect, test } from 'vitest';
import { parseHeadersFile } from '../../src/lib/publish/headers.ts';
import { updateId } from '../../src/core/anchors.ts';
import { GROUP_PAGES, readFragments } from '../../src/lib/publish/search-merge.ts';
import { contentBulletins, contentStories, DIST, page, pages, settings } from './dist.ts';

const DAY_ID = /^\d{4}-\d{2}-\d{2}$/;
const bulletins = contentBulletins();
const stories = contentStories();

describe('nothing lost: every bulletin of content/ is on its story', () => {
  test('the sample content is there', () => {
    expect(stories).toEqual(expect.arrayContaining(['kazakhstan-unrest', 'harbour-ferry-strike']));
    expect(bulletins.length).toBeGreaterThanOrEqual(12);
  });

  test.each(bulletins.map((b) => [b.file, b] as const))('%s', (_file, b) => {
    const id = updateId(b.name);
    const permalink = `/stories/${b.story}/${b.day}/#${id}`;
    // Exactly once on its day page, with a link to its permalink.
    const dayPage = page(`stories/${b.story}/${b.day}/index.html`);
    const articles = dayPage.querySelectorAll(`article[id="${id}"]`);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.querySelector('a.permalink-link')?.getAttribute('href')).toBe(permalink);
    // Nowhere else among the story's day pages.
    const elsewhere = [...pages.entries()].filter(
      ([path, doc]) =>
        path.startsWith(`stories/${b.story}/`) &&
        path !== `stories/${b.story}/${b.day}/index.html` &&
        path !== `stories/${b.story}/index.html` &&
        // Reading from the start and key events show bulletins in full too (tests/build/navigation.test.ts).
        !/\/(from-the-start|key-events)\//.test(path) &&
        doc.querySelector(`[id="${id}"]`),
    );
    expect(elsewhere.map(([p]) => p)).toEqual([]);
    // On the timeline: in full at most once, or its day is listed with its anchor.
    const timeline = page(`stories/${b.story}/index.html`);
    const onTimeline = timeline.querySelectorAll(`article[id="${id}"]`).length;
    expect(onTimeline).toBeLessThanOrEqual(1);
    if (onTimeline === 0)
      expect(timeline.querySelector(`nav#days li[id="${b.day}"] a`)?.getAttribute('href')).toBe(
        `/stories/${b.story}/${b.day}/`,
      );
  });
});

describe('drafts', () => {
  test('a draft bulletin is on no page and not in the search index', () => {
    const drafts = contentBulletins('content', true);
    expect(drafts.map((d) => d.file)).toEqual([
      'content/harbour-ferry-strike/2026-11-24-0900-roster-talks.md',
    ]);
    for (const d of drafts) {
      const id = updateId(d.name);
      for (const [path, doc] of pages) expect(doc.querySelector(`[id="${id}"]`), path).toBeNull();
    }
  });
});

describe('story timelines', () => {
  test.each(stories)(
    '%s: one anchor per day, newest first, and every day in the day index',
    (slug) => {
      const doc = page(`stories/${slug}/index.html`);
      const dayIds = doc
        .querySelectorAll('[id]')
        .map((e) => e.id)
        .filter((id) => DAY_ID.test(id));
      const expected = [...new Set(bulletins.filter((b) => b.story === slug).map((b) => b.day))]
        .sort()
        .reverse();
      expect(dayIds).toEqual(expected);
      // Days in full have their section; the others an entry in the index linking to their day page.
      const full = doc.querySelectorAll('section.day > h2').map((h) => h.id);
      expect(full.length).toBeGreaterThan(0);
      expect(full.length).toBeLessThanOrEqual(settings.timelineDays);
      expect(full).toEqual(expected.slice(0, full.length));
      const index = doc.querySelectorAll('nav#days li > a').map((a) => a.getAttribute('href'));
      expect(index).toEqual(
        expected.map((day) => (full.includes(day) ? `#${day}` : `/stories/${slug}/${day}/`)),
      );
      // The jump list at the top names the days in full, then leads to the index.
      const jumps = doc.querySelectorAll('nav.day-nav a').map((a) => a.getAttribute('href'));
      expect(jumps).toEqual([
        ...full.map((d) => `#${d}`),
        ...(full.length < expected.length ? ['#days'] : []),
      ]);
    },
  );

  test('the demo story is long enough to have days outside the timeline', () => {
    const doc = page('stories/harbour-ferry-strike/index.html');
    expect(doc.querySelectorAll('nav#days li[id]').length).toBeGreaterThan(0);
  });

  test.each(stories)('%s: the newest bulletin is marked Latest, once', (slug) => {
    const doc = page(`stories/${slug}/index.html`);
    const latest = doc.querySelectorAll('article.bulletin .badge-latest');
    expect(latest).toHaveLength(1);
    const first = doc.querySelector('article.bulletin');
    // In the story's language where the interface is translated into it (the Russian sample).
    expect(first?.querySelector('.badge-latest')?.text).toBe(
      slug.endsWith('-ru') ? 'Последнее' : 'Latest',
    );
  });

  test('a closed story says so clearly; a live one says Live', () => {
    const closed = page('stories/kazakhstan-unrest/index.html');
    expect(closed.querySelector('.status')?.text).toBe('Ended');
    expect(closed.querySelector('.ended-note')?.text).toContain('This story has ended.');
    expect(page('stories/harbour-ferry-strike/index.html').querySelector('.status')?.text).toBe(
      'Live',
    );
  });

  test('times are shown in the story zone with an abbreviation', () => {
    const doc = page('stories/kazakhstan-unrest/2022-01-07/index.html');
    const time = doc.querySelector('article.bulletin time');
    expect(time?.getAttribute('datetime')).toBe('2022-01-07T14:00:00+06:00');
    expect(time?.text).toBe('14:00 GMT+6');
    // Filed at 04:30 UTC on the 21st, it belongs to the 20th in New York.
    const late = page('stories/harbour-ferry-strike/2026-11-20/index.html').querySelector(
      '#u-2026-11-20-2330-late-offer time',
    );
    expect(late?.text).toBe('23:30 EST');
  });

  test('corrections, sources and key events are visible', () => {
    const doc = page('stories/harbour-ferry-strike/2026-11-20/index.html');
    expect(doc.querySelector('#u-2026-11-20-1130-talks-resume .correction')?.text).toMatch(
      /Correction \(Friday, 20 November 2026, 15:00 EST\): An earlier version/,
    );
    expect(doc.querySelectorAll('#u-2026-11-20-1130-talks-resume .sources a')).toHaveLength(1);
    expect(doc.querySelector('#u-2026-11-20-2330-late-offer .badge-key')?.text).toBe('Key event');
  });
});

describe('day pages', () => {
  test('previous and next day links follow the story', () => {
    const doc = page('stories/kazakhstan-unrest/2022-01-07/index.html');
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      '/stories/kazakhstan-unrest/2022-01-10/',
    );
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
      '/stories/kazakhstan-unrest/2022-01-06/',
    );
  });
});

describe('every page', () => {
  test.each([...pages.keys()])('%s: no duplicate ids', (path) => {
    const ids = page(path)
      .querySelectorAll('[id]')
      .map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  // The editor runs its own script under its own policy (tests/build/editor.test.ts).
  test.each([...pages.keys()].filter((p) => !p.startsWith('admin/')))(
    '%s: sanitized (no foreign scripts, handlers, javascript: URLs or frames)',
    (path) => {
      const doc = page(path);
      for (const s of doc.querySelectorAll('script')) {
        // Structured data is not executed; it must be valid JSON that cannot close its element.
        if (s.getAttribute('type') === 'application/ld+json') {
          expect(() => JSON.parse(s.text), path).not.toThrow();
          expect(s.text, path).not.toMatch(/<\//);
          continue;
        }
        expect(s.getAttribute('type'), path).toBe('module');
        expect(s.getAttribute('src'), path).toMatch(/^\/_astro\/[\w.-]+\.js$/);
        expect(s.text.trim(), path).toBe('');
      }
      expect(doc.querySelectorAll('iframe, object, embed, frame, style')).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          expect(name.toLowerCase().startsWith('on'), `${path}: ${name} on <${el.tagName}>`).toBe(
            false,
          );
          expect(
            /^\s*(javascript|vbscript|data):/i.test(value),
            `${path}: ${name}="${value}"`,
          ).toBe(false);
          expect(name.toLowerCase() === 'style', `${path}: style on <${el.tagName}>`).toBe(false);
        }
      }
    },
  );

  test.each([...pages.keys()])('%s: loads nothing from another host', (path) => {
    const doc = page(path);
    const loaded = [
      ...doc.querySelectorAll(
        'script[src], link[href], img[src], source[src], video[src], audio[src]',
      ),
    ]
      .filter(
        (el) =>
          el.tagName !== 'LINK' ||
          /stylesheet|icon|preload|modulepreload/.test(el.getAttribute('rel') ?? ''),
      )
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '');
    expect(loaded.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
  });

  test('a site built without MIRRORS and ONION names no other address (tests/build/subpath.test.ts builds one with)', () => {
    for (const path of pages.keys()) {
      expect(page(path).querySelector('nav.mirrors, meta[http-equiv="onion-location"]')).toBeNull();
    }
    // Pages are not for other sites' scripts to read; only what a sandboxed embed loads is.
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    expect(
      rules.filter((r) => r.headers['Access-Control-Allow-Origin']).map((r) => r.path),
    ).toEqual(['/_astro/*', '/embed/*', '/stories/*/latest.json']);
  });

  test('valid HTML (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Day anchors are plain dates by contract (#2022-01-07); HTML5 allows ids that start with a digit.
        'valid-id': ['error', { relaxed: true }],
        // Titles repeat editors' headlines, whose length is theirs to choose; 70 characters is an SEO hint, not validity.
        'long-title': 'off',
      },
    });
    const failures: string[] = [];
    for (const path of pages.keys()) {
      const report = await validator.validateFile(join(DIST, path));
      for (const r of report.results)
        for (const m of r.messages)
          failures.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(failures).toEqual([]);
  });

  test('valid HTML (the W3C Nu HTML Checker, vnu.jar): no errors on any page', () => {
    // vnu-jar's module exports the path of its jar; Java 17 runs it (about 3 s, mostly the JVM).
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    const r = spawnSync(
      'java',
      ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', DIST],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(r.error, 'java is needed to run vnu.jar').toBeUndefined();
    const { messages } = JSON.parse(r.stderr || '{"messages":[]}') as {
      messages: { type: string; url: string; lastLine?: number; message: string }[];
    };
    expect(
      messages.map(
        (m) =>
          `${m.url.replace(/^file:.*?\/dist\//, '')}:${m.lastLine ?? 0} ${m.type}: ${m.message}`,
      ),
    ).toEqual([]);
  }, 60_000);

  test('no broken internal links or fragments (linkinator)', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: DIST,
      recurse: true,
      checkFragments: true,
      // linkinator serves the files on this port; other absolute URLs (canonical links to SITE,
      // sources) are not fetched: there is no network here.
      port: 5678,
      linksToSkip: async (link) =>
        /^https?:/.test(link) && !/^http:\/\/(127\.0\.0\.1|localhost):5678\//.test(link),
    });
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.status} ${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    // Every page was reached (linkinator lists each URL once, fragments included in the check).
    expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThanOrEqual(
      pages.size,
    );
  });
});

describe('search index', () => {
  test('Pagefind indexed one record per story-day in at most three tiers per language, each bulletin once under its heading', () => {
    const manifest = JSON.parse(
      readFileSync(join(DIST, 'pagefind', 'dateline-search.json'), 'utf8'),
    ) as { stubs: string[]; parts: string[]; languages: string[] };
    expect(manifest.parts.length).toBeGreaterThan(0);
    // The Russian sample story is indexed in Russian, in tiers of its own.
    expect([...new Set(manifest.languages)]).toEqual([settings.lang, 'ru']);
    for (const language of new Set(manifest.languages))
      expect(manifest.languages.filter((l) => l === language).length).toBeLessThanOrEqual(3);
    const records = manifest.parts.flatMap((part, i) => {
      const entry = JSON.parse(
        readFileSync(join(DIST, 'pagefind', 'part', part, 'pagefind-entry.json'), 'utf8'),
      ) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(entry.languages)).toEqual([manifest.languages[i]]);
      const dir = join(DIST, 'pagefind', 'part', part);
      const fragments = readFragments(dir);
      expect(fragments).toHaveLength(entry.languages[manifest.languages[i]!]!.page_count);
      // In groups of consecutive pages, each group one file, and no other file.
      const groups = [...new Set(fragments.map((f) => f.group))];
      expect(groups.every(Boolean)).toBe(true);
      for (const g of groups)
        expect(fragments.filter((f) => f.group === g).length).toBeLessThanOrEqual(GROUP_PAGES);
      expect(groups.length).toBeLessThan(fragments.length);
      expect(readdirSync(join(dir, 'fragment')).toSorted()).toEqual(
        groups.map((g) => `${g}.pf_fragment`).toSorted(),
      );
      return fragments.map((f) => f.fragment as { url: string; anchors: { id: string }[] });
    });
    const days = new Set(bulletins.map((b) => `/stories/${b.story}/${b.day}/`));
    expect(records.map((r) => r.url).toSorted()).toEqual([...days].toSorted());
    const ids = records.flatMap((r) => r.anchors.map((a) => `${r.url}#${a.id}`));
    expect(ids.toSorted()).toEqual(
      bulletins.map((b) => `/stories/${b.story}/${b.day}/#${updateId(b.name)}`).toSorted(),
    );
    // The stub's placeholder record is the only record outside the tiers.
    const stub = JSON.parse(
      readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(stub.languages).map((l) => l.page_count)).toEqual([1, 1]);
    expect(readdirSync(join(DIST, 'pagefind', 'fragment')).toSorted()).toEqual(
      manifest.stubs.map((s) => `${s}.pf_fragment`).toSorted(),
    );
  });
  test('the search page loads the bundled script and explains itself without JavaScript', () => {
    const doc = page('search/index.html');
    expect(doc.querySelector('form#search-form')?.getAttribute('data-bundle')).toBe('/pagefind/');
    expect(doc.querySelector('#search-no-js')?.text).toContain('needs JavaScript');
    expect(
      doc.querySelectorAll('#search-story option').map((o) => o.getAttribute('value')),
    ).toEqual(['', ...stories.toSorted()].sort());
  });
});

describe('metadata for search engines and link previews', () => {
  // The editor is not for readers or search engines (tests/build/editor.test.ts), nor are the
  // stories' embeds, whose canonical page is their story (tests/build/story-embed.test.ts).
  test.each(
    [...pages.keys()].filter(
      (p) => p !== '404.html' && p !== 'admin/index.html' && !p.startsWith('embed/'),
    ),
  )('%s: canonical URL, title, description, Open Graph and Twitter tags', (path) => {
    const doc = page(path);
    // As a browser writes it: a tag page with letters of another script is percent-encoded.
    const url = new URL(`/${path.replace(/index\.html$/, '')}`, 'http://localhost:4321').href;
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(url);
    expect(doc.querySelector('title')?.text).toBeTruthy();
    for (const name of ['og:title', 'og:description', 'og:type', 'og:site_name'])
      expect(
        doc.querySelector(`meta[property="${name}"]`)?.getAttribute('content'),
        name,
      ).toBeTruthy();
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBeTruthy();
    const story = /^stories\/([^/]+)\//.exec(path)?.[1];
    // A day page whose updates have a picture of their own (not a post's, not a poster) shares its first.
    const own = /^stories\/[^/]+\/\d{4}-\d{2}-\d{2}\//.test(path)
      ? doc.querySelector('.bulletin-body img[srcset]:not(.embedded):not([alt=""])')
      : null;
    const card = own
      ? `http://localhost:4321${
          own
            .getAttribute('srcset')!
            .split(', ')
            .findLast((c) => Number(/(\d+)w$/.exec(c)![1]) <= 1200)!
            .split(' ')[0]
        }`
      : story && !path.endsWith('.xml')
        ? `http://localhost:4321/stories/${story}/card.png`
        : undefined;
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(card);
    if (own)
      expect(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBe(
        own.getAttribute('alt'),
      );
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe(
      card ? 'summary_large_image' : 'summary',
    );
  });

  test.each(stories)('%s: a 1200×630 PNG social card', (slug) => {
    const png = readFileSync(join(DIST, 'stories', slug, 'card.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeGreaterThan(5000);
  });

  test('the sitemap lists the front page, stories and days with lastmod from their newest update; not search or 404', () => {
    const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    const entries = [
      ...xml.matchAll(
        /<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?(?:<xhtml:link [^>]*\/>)*<\/url>/g,
      ),
    ].map((m) => [m[1]!, m[2]] as const);
    const locs = entries.map(([loc]) => loc);
    expect(locs).toContain('http://localhost:4321/');
    expect(locs).not.toContain('http://localhost:4321/search/');
    expect(locs.some((l) => l.includes('404'))).toBe(false);
    for (const b of bulletins)
      expect(locs).toContain(`http://localhost:4321/stories/${b.story}/${b.day}/`);
    // The closed story's last update was at 18:00 in Almaty (UTC+6) on 10 January 2022.
    expect(
      entries.find(([l]) => l === 'http://localhost:4321/stories/kazakhstan-unrest/')?.[1],
    ).toBe('2022-01-10T12:00:00.000Z');
    // A corrected bulletin changes its day's lastmod to the correction time.
    expect(entries.find(([l]) => l.endsWith('/harbour-ferry-strike/2026-11-20/'))?.[1]).toBe(
      '2026-11-21T04:30:00.000Z',
    );
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: http://localhost:4321/sitemap-index.xml',
    );
  });
});

describe('structured data (schema.org JSON-LD)', () => {
  const ld = (path: string) =>
    JSON.parse(page(path).querySelector('script[type="application/ld+json"]')!.text) as Record<
      string,
      unknown
    >;

  test.each(stories)('%s: a LiveBlogPosting consistent with the page', (slug) => {
    const doc = page(`stories/${slug}/index.html`);
    const data = ld(`stories/${slug}/index.html`);
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data['headline']).toBe(doc.querySelector('h1')?.text);
    expect(data['url']).toBe(`http://localhost:4321/stories/${slug}/`);
    const updates = data['liveBlogUpdate'] as {
      url: string;
      headline: string;
      datePublished: string;
      articleBody?: string;
    }[];
    const shown = doc.querySelectorAll('article.bulletin');
    expect(updates.map((u) => u.url)).toEqual(
      shown.map(
        (a) => `http://localhost:4321${a.querySelector('a.permalink-link')!.getAttribute('href')}`,
      ),
    );
    expect(updates.map((u) => u.headline)).toEqual(
      shown.map((a) => a.querySelector('.bulletin-title')!.text),
    );
    for (const [i, u] of updates.entries()) {
      // Its text is on the page, not repeated in the structured data.
      expect(u.articleBody).toBeUndefined();
      if (shown[i]!.querySelector('.bulletin-meta time')?.getAttribute('datetime')?.includes('T'))
        expect(u.datePublished).toBe(
          shown[i]!.querySelector('.bulletin-meta time')!.getAttribute('datetime'),
        );
    }
    const latest = doc
      .querySelector('article.is-latest .bulletin-meta time')
      ?.getAttribute('datetime');
    if (doc.querySelector('.status')?.classList.contains('status-closed'))
      expect(data['coverageEndTime']).toBe(latest);
    else expect(data['coverageEndTime']).toBeUndefined();
    expect(data['coverageStartTime']).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
    );
  });

  test('day pages are CollectionPages of their updates; the front page is the WebSite with its search', () => {
    const day = ld('stories/kazakhstan-unrest/2022-01-07/index.html');
    expect(day['@type']).toBe('CollectionPage');
    expect((day['hasPart'] as { url: string }[]).map((p) => p.url)).toEqual([
      'http://localhost:4321/stories/kazakhstan-unrest/2022-01-07/#u-2022-01-07-1400-buildings-secured',
    ]);
    expect((day['isPartOf'] as { '@id': string })['@id']).toBe(
      'http://localhost:4321/stories/kazakhstan-unrest/',
    );
    const site = ld('index.html');
    expect(site['@type']).toBe('WebSite');
    expect((site['potentialAction'] as { target: string }).target).toBe(
      'http://localhost:4321/search/?q={search_term_string}',
    );
  });
});

describe('pictures, videos and posts', () => {
  const html = [...pages].filter(([path]) => path.endsWith('.html') && !path.startsWith('admin/'));

  test('the demo story shows pictures, two videos and four posts', () => {
    const all = html.filter(([p]) => /^stories\/harbour-ferry-strike\/\d{4}-/.test(p));
    const count = (sel: string) => all.reduce((n, [, d]) => n + d.querySelectorAll(sel).length, 0);
    expect(count('.bulletin-body figure > img[srcset]')).toBeGreaterThanOrEqual(3);
    expect(count('figure.embed-video')).toBe(2);
    expect(count('figure.embed-post')).toBe(4);
  });

  test('every picture next to bulletins has its size, and every copy it offers exists, in the width it says', async () => {
    const copies = new Set<string>();
    for (const [path, doc] of html)
      for (const img of doc.querySelectorAll('main img[src^="/stories/"]')) {
        expect(img.getAttribute('width'), `${path}: ${img.getAttribute('src')}`).toMatch(/^\d+$/);
        expect(img.getAttribute('height'), path).toMatch(/^\d+$/);
        for (const c of (img.getAttribute('srcset') ?? '').split(', ').filter(Boolean))
          copies.add(c);
      }
    expect(copies.size).toBeGreaterThan(10);
    for (const c of copies) {
      const [url, width] = c.split(' ') as [string, string];
      const meta = await sharp(join(DIST, decodeURIComponent(url))).metadata();
      expect(meta.format, url).toBe('webp');
      expect(`${meta.width}w`, url).toBe(width);
    }
  });

  test('every page allows frames only from the players its videos load (an embed none: its videos are links)', () => {
    for (const [path, doc] of html) {
      const players = path.startsWith('embed/')
        ? []
        : doc
            .querySelectorAll('a[data-player]')
            .map((a) => new URL(a.getAttribute('data-player')!).origin);
      const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
      expect(policy?.getAttribute('content'), path).toBe(
        players.length ? `frame-src ${[...new Set(players)].sort().join(' ')}` : "frame-src 'none'",
      );
    }
  });

  test('feeds carry a picture as one image with its caption, a video as its link, a post as its text', () => {
    const feed = readFileSync(join(DIST, 'stories/harbour-ferry-strike/feed.xml'), 'utf8');
    expect(feed).toContain(
      '<img src="http://localhost:4321/stories/harbour-ferry-strike/images/picket-line.jpg-800w.',
    );
    expect(feed).toContain('The picket line on the quay at dawn.');
    expect(feed).not.toMatch(/srcset|loading=|data-player/);
    expect(feed).toContain('href="https://www.youtube.com/watch?v=Xk3pF9aLm2Q"');
    expect(feed).toContain('No ferry services to Gull Island today');
  });
});

describe('story summaries (summary.md)', () => {
  const withSummary = stories.filter((slug) => existsSync(join('content', slug, 'summary.md')));
  const summaryOf = (slug: string) => {
    const text = readFileSync(join('content', slug, 'summary.md'), 'utf8');
    const updated = /^updated:\s*"?([^"\n]+)"?\s*$/m.exec(text)![1]!;
    const first = /^[-*]\s+(.+)$/m.exec(text)![1]!;
    return { updated, first };
  };

  test('the sample has a story with a summary and stories without', () => {
    expect(withSummary.length).toBeGreaterThan(0);
    expect(withSummary.length).toBeLessThan(stories.length);
  });
  test.each(withSummary)(
    '%s: on top of the timeline with its time in the story’s zone, before the updates; in JSON-LD; its first point on the front page',
    (slug) => {
      const { updated, first } = summaryOf(slug);
      const doc = page(`stories/${slug}/index.html`);
      const section = doc.querySelector('section.briefing')!;
      expect(section.querySelector('h2')!.text).toBe('Summary');
      // The written local time, with the story's offset.
      expect(section.querySelector('time')!.getAttribute('datetime')).toMatch(
        new RegExp(`^${updated.replace(' ', 'T')}:00[+-]\\d\\d:\\d\\d$`),
      );
      const html = doc.toString();
      expect(html.indexOf('class="briefing"')).toBeLessThan(html.indexOf('class="timeline"'));
      expect(html.indexOf('class="briefing"')).toBeGreaterThan(
        html.indexOf('class="story-header"'),
      );
      const words = first
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .split(/\s+/)
        .slice(0, 6)
        .join(' ');
      expect(section.text.replace(/\s+/g, ' ')).toContain(words);
      // The control that shows the rest is a real, labelled checkbox (no script needed).
      const toggle = section.querySelector('input.briefing-toggle');
      if (toggle)
        expect(section.querySelector(`label[for="${toggle.getAttribute('id')}"]`)?.text).toBe(
          'Show the whole summary',
        );
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text) as {
        abstract?: string;
      };
      expect(ld.abstract).toContain(words);
      const card = page('index.html')
        .querySelectorAll('.story-card')
        .find((c) => c.querySelector('h3 a')?.getAttribute('href') === `/stories/${slug}/`)!;
      expect(card.querySelector('.story-card-lead')!.text.replace(/\s+/g, ' ')).toContain(words);
    },
  );
  test('a story without one shows nothing of it: no section, no script data, no card line', () => {
    for (const slug of stories.filter((s) => !withSummary.includes(s))) {
      const html = readFileSync(join(DIST, 'stories', slug, 'index.html'), 'utf8');
      expect(html).not.toMatch(/briefing/);
      expect(
        JSON.parse(readFileSync(join(DIST, 'stories', slug, 'latest.json'), 'utf8')),
      ).not.toHaveProperty('summary');
    }
  });
});
