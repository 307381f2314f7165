// What the build publishes for live story pages: latest.json per story, and the script only where it polls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { contentStories, DIST, frontmatterOf, page, pages, settings } from './dist.ts';

const stories = contentStories().map((slug) => ({
  slug,
  status:
    (frontmatterOf(join('content', slug, 'index.md'))['status'] as string | undefined) ?? 'live',
}));
const liveScript = (path: string) =>
  page(path)
    .querySelectorAll('script[src]')
    .some((s) => /LiveUpdates/.test(s.getAttribute('src') ?? ''));

describe('live story pages', () => {
  test.each(stories)(
    '$slug: latest.json has its status and newest updates, as its timeline shows them',
    ({ slug, status }) => {
      const state = JSON.parse(
        readFileSync(join(DIST, 'stories', slug, 'latest.json'), 'utf8'),
      ) as { status: string; updates: { id: string; day: string; v: string }[] };
      expect(state.status).toBe(status);
      const articles = page(`stories/${slug}/index.html`).querySelectorAll(
        '.timeline article.bulletin',
      );
      const shown = articles.map((a) => ({ id: a.id, v: a.getAttribute('data-v') }));
      expect(state.updates.length).toBe(Math.min(settings.live.entries, state.updates.length));
      expect(state.updates.slice(0, shown.length).map(({ id, v }) => ({ id, v }))).toEqual(shown);
      for (const u of state.updates)
        expect(
          page(`stories/${slug}/${u.day}/index.html`)
            .querySelector(`article[id="${u.id}"]`)
            ?.getAttribute('data-v'),
        ).toBe(u.v);
    },
  );

  test('the polling script is on live timelines only, with its live region', () => {
    for (const { slug, status } of stories) {
      expect(liveScript(`stories/${slug}/index.html`), slug).toBe(status === 'live');
      const region = page(`stories/${slug}/index.html`).querySelector('.timeline > .live-updates');
      expect(region?.getAttribute('aria-live') ?? null, slug).toBe(
        status === 'live' ? 'polite' : null,
      );
    }
    const others = [...pages.keys()].filter((p) => !/^stories\/[^/]+\/index\.html$/.test(p));
    expect(others.filter(liveScript)).toEqual([]);
  });

  test('the polling script, with the chunk it shares with the embeds, is at most 2.5 kB compressed, and never assigns HTML', () => {
    const live = stories.find((s) => s.status === 'live')!;
    const src = page(`stories/${live.slug}/index.html`)
      .querySelectorAll('script[src]')
      .map((s) => s.getAttribute('src')!)
      .find((s) => /LiveUpdates/.test(s))!;
    const main = readFileSync(join(DIST, src.replace(/^\//, '')));
    const chunks = [...main.toString().matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)].map((m) =>
      readFileSync(join(DIST, '_astro', m[1]!)),
    );
    expect(chunks).toHaveLength(1);
    const code = Buffer.concat([main, ...chunks]);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(2560);
    expect(code.toString()).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/,
    );
  });

  test('latest.json is always revalidated (_headers), and is not in the sitemap', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toMatch(
      /\/stories\/\*\/latest\.json\n {2}Cache-Control: no-cache/,
    );
    expect(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('latest.json');
  });
});
