// The site built with BASE=/dateline/ (scripts/test.mjs builds it into test-results/webroot/dateline).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';

const WEBROOT = join(process.cwd(), 'test-results', 'webroot');
const SITE = join(WEBROOT, 'dateline');
if (!existsSync(join(SITE, 'index.html'))) {
  throw new Error(
    'no subpath build: run `BASE=/dateline/ OUT_DIR=test-results/webroot/dateline npm run build` first (npm test does)',
  );
}
const files = readdirSync(SITE, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.html'),
);

describe('a build under /dateline/', () => {
  test.each(files.map((f) => f.split(sep).join('/')))(
    '%s: every internal URL is under the base',
    (file) => {
      const doc = parse(readFileSync(join(SITE, file), 'utf8'));
      const urls = doc
        .querySelectorAll('[href], [src], [action], [data-bundle]')
        .flatMap((el) => ['href', 'src', 'action', 'data-bundle'].map((a) => el.getAttribute(a)))
        .filter((u): u is string => !!u && u.startsWith('/'));
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((u) => !u.startsWith('/dateline/'))).toEqual([]);
    },
  );

  test('structured data and social cards point under the base', () => {
    const doc = parse(readFileSync(join(SITE, 'stories/kazakhstan-unrest/index.html'), 'utf8'));
    const json = doc.querySelector('script[type="application/ld+json"]')!.text;
    expect(() => JSON.parse(json)).not.toThrow();
    const urls = [...json.matchAll(/"(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((u) => !u.startsWith('https://schema.org'));
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((u) => !u.startsWith('http://localhost:4321/dateline/'))).toEqual([]);
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
      'http://localhost:4321/dateline/stories/kazakhstan-unrest/card.png',
    );
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'http://localhost:4321/dateline/stories/kazakhstan-unrest/',
    );
  });

  test('feeds link under the base', () => {
    const rss = readFileSync(join(SITE, 'feed.xml'), 'utf8');
    const urls = [...rss.matchAll(/<(?:link|guid)[^>]*>([^<]+)</g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('http://localhost:4321/dateline/'))).toEqual([]);
  });

  test('no broken links or fragments when served under /dateline/', async () => {
    const result = await new LinkChecker().check({
      // With a server root, the path is relative to it: the web root holds the site at dateline/.
      path: 'dateline/',
      serverRoot: WEBROOT,
      recurse: true,
      checkFragments: true,
      // linkinator serves the files on this port; other absolute URLs (canonical links to SITE,
      // sources) are not fetched: there is no network here.
      port: 5678,
      linksToSkip: async (link) =>
        /^https?:/.test(link) && !/^http:\/\/(127\.0\.0\.1|localhost):5678\//.test(link),
    });
    expect(
      result.links
        .filter((l) => l.state === LinkState.BROKEN)
        .map((l) => `${l.status} ${l.url} (from ${l.parent})`),
    ).toEqual([]);
    expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThanOrEqual(
      files.length,
    );
  });
});
