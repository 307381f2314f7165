// Links written between bulletins by their files reach the site and the feeds as permalinks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, page } from './dist.ts';

const FROM = 'stories/kazakhstan-unrest/2022-01-10/index.html';
const TARGET =
  '/stories/kazakhstan-unrest/2022-01-07/#u-2022-01-07-1400-buildings-secured--freight';

describe('links between bulletins', () => {
  test('a link to ./2022-01-07-1400-buildings-secured.md#freight is the permalink of that heading, which exists', () => {
    const link = page(FROM).querySelector('#u-2022-01-10-1800-calm-returns a[href*="2022-01-07"]');
    expect(link?.getAttribute('href')).toBe(TARGET);
    expect(
      page('stories/kazakhstan-unrest/2022-01-07/index.html').querySelector(
        '[id="u-2022-01-07-1400-buildings-secured--freight"]',
      ),
    ).not.toBeNull();
  });

  test('in the feeds it is absolute', () => {
    const feed = JSON.parse(
      readFileSync(join(DIST, 'stories', 'kazakhstan-unrest', 'feed.json'), 'utf8'),
    ) as { items: { id: string; content_html: string }[] };
    const item = feed.items.find((i) => i.id.endsWith('#u-2022-01-10-1800-calm-returns'))!;
    expect(item.content_html).toContain(`href="http://localhost:4321${TARGET}"`);
  });

  test('under a subpath it carries the base path', () => {
    const html = readFileSync(join('test-results', 'webroot', 'dateline', FROM), 'utf8');
    expect(html).toContain(`href="/dateline${TARGET}"`);
  });
});

describe('files next to bulletins', () => {
  const src = '/stories/harbour-ferry-strike/files/route-map.png';
  const copy = /^\/stories\/harbour-ferry-strike\/images\/route-map\.png-480w\.[\w-]{8}\.webp$/;
  const map = (doc: ReturnType<typeof page>) =>
    doc.querySelector('img[alt^="Map: the ferry crosses"]');
  test('an image in the story folder is published with the story, byte for byte; the page shows its copies', () => {
    expect(readFileSync(join(DIST, src))).toEqual(
      readFileSync('content/harbour-ferry-strike/route-map.png'),
    );
    const img = map(page('stories/harbour-ferry-strike/2026-11-18/index.html'))!;
    expect(img.getAttribute('src')).toMatch(copy);
    expect(img.getAttribute('srcset')).toMatch(
      /-400w\.[\w-]{8}\.webp 400w, .*-480w\.[\w-]{8}\.webp 480w$/,
    );
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['480', '240']);
  });
  test('in the feeds and under a subpath too', () => {
    const src = map(page('stories/harbour-ferry-strike/2026-11-18/index.html'))!.getAttribute(
      'src',
    )!;
    expect(
      readFileSync(join(DIST, 'stories', 'harbour-ferry-strike', 'feed.xml'), 'utf8'),
    ).toContain(`src="http://localhost:4321${src}"`);
    const underBase = readFileSync(
      join(
        'test-results',
        'webroot',
        'dateline',
        'stories',
        'harbour-ferry-strike',
        '2026-11-18',
        'index.html',
      ),
      'utf8',
    );
    expect(underBase).toContain(`src="/dateline${src}"`);
    expect(underBase).toContain(
      `srcset="/dateline/stories/harbour-ferry-strike/images/route-map.png-400w.`,
    );
    expect(underBase).toContain(`, /dateline${src} 480w"`);
    expect(readFileSync(join('test-results', 'webroot', 'dateline', src.slice(1)))).toEqual(
      readFileSync(join(DIST, src.slice(1))),
    );
  });
});
