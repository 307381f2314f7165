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
// The site's pages (not the stories as files to download, whose links are full URLs).
const files = readdirSync(SITE, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.html') && !f.startsWith(`whole${sep}`),
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

  test("a story's embed code and oEmbed name the embed and its script under the base; both exist", () => {
    const doc = parse(readFileSync(join(SITE, 'stories/kazakhstan-unrest/index.html'), 'utf8'));
    const code = doc.querySelector('details.embed-story textarea')!.textContent;
    expect(code).toContain('src="http://localhost:4321/dateline/embed/kazakhstan-unrest/"');
    expect(code).toContain('src="http://localhost:4321/dateline/embed.js"');
    expect(existsSync(join(SITE, 'embed/kazakhstan-unrest/index.html'))).toBe(true);
    expect(existsSync(join(SITE, 'embed.js'))).toBe(true);
    const oembed = JSON.parse(
      readFileSync(join(SITE, 'embed/kazakhstan-unrest/oembed.json'), 'utf8'),
    ) as { html: string; provider_url: string };
    expect(oembed.html).toContain('http://localhost:4321/dateline/embed/kazakhstan-unrest/');
    expect(oembed.provider_url).toBe('http://localhost:4321/dateline/');
  });

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

  // scripts/test.mjs builds this copy with two mirrors and an onion address.
  const MIRRORS = [/^http:\/\/127\.0\.0\.1:\d+$/, /^https:\/\/mirror\.example\.net$/];
  // Not the editor, nor the stories' embeds: framed on other sites, they are not where a reader who
  // cannot reach the site looks for another address (and Tor Browser reads onion-location only in
  // the window's own page).
  test.each(
    files
      .map((f) => f.split(sep).join('/'))
      .filter((f) => !f.startsWith('admin/') && !f.startsWith('embed/')),
  )('%s: links the same page at each mirror and tells Tor Browser its onion address', (file) => {
    const doc = parse(readFileSync(join(SITE, file), 'utf8'));
    // The page's own path; the page for a missing one sends readers to the mirrors' front pages.
    const path =
      file === '404.html' ? '/dateline/' : `/dateline/${file.replace(/index\.html$/, '')}`;
    const links = doc
      .querySelectorAll('footer nav.mirrors a')
      .map((a) => new URL(a.getAttribute('href')!));
    expect(links.map((u) => u.origin)).toEqual([
      expect.stringMatching(MIRRORS[0]!),
      expect.stringMatching(MIRRORS[1]!),
    ]);
    for (const u of links) expect(decodeURIComponent(u.pathname)).toBe(path);
    expect(doc.querySelector('footer nav.mirrors')?.getAttribute('aria-labelledby')).toBe(
      'mirrors-label',
    );
    expect(
      decodeURI(doc.querySelector('meta[http-equiv="onion-location"]')!.getAttribute('content')!),
    ).toBe(`http://${'d'.repeat(56)}.onion${path}`);
  });

  test("feeds name themselves at each mirror; _headers lets the mirrors' pages fetch the files", () => {
    for (const file of ['feed.xml', 'atom.xml', 'stories/kazakhstan-unrest/feed.xml']) {
      const xml = readFileSync(join(SITE, file), 'utf8');
      const related = [...xml.matchAll(/<(?:atom:)?link href="([^"]+)" rel="related"/g)].map(
        (m) => new URL(m[1]!),
      );
      expect(related.map((u) => u.pathname)).toEqual([`/dateline/${file}`, `/dateline/${file}`]);
    }
    const json = JSON.parse(readFileSync(join(SITE, 'feed.json'), 'utf8')) as {
      _dateline: { mirrors: string[] };
    };
    expect(json._dateline.mirrors).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/dateline\/feed\.json$/),
      'https://mirror.example.net/dateline/feed.json',
    ]);
    expect(readFileSync(join(SITE, '_headers'), 'utf8')).toMatch(
      /^\/dateline\/\*\n( {2}.*\n)* {2}Access-Control-Allow-Origin: \*\n/m,
    );
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
