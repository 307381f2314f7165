// What the build publishes for a story's embed (src/pages/embed/[story]/index.astro): the page
// other sites frame, its code on the story's page, its oEmbed, the partners' script, and its weight.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { contentStories, DIST, frontmatterOf, page, settings } from './dist.ts';

const SITE = 'http://localhost:4321';
const stories = contentStories().map((slug) => {
  const fm = frontmatterOf(join('content', slug, 'index.md'));
  return {
    slug,
    status: (fm['status'] as string | undefined) ?? 'live',
    lang: (fm['lang'] as string | undefined) ?? settings.lang,
  };
});
const file = (path: string) => readFileSync(join(DIST, path));
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
/** A built script and the chunks it imports, in bytes compressed. */
const scriptBytes = (src: string): number => {
  const code = file(src.replace(/^\//, ''));
  const chunks = [...code.toString().matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  return gz(code) + chunks.reduce((n, c) => n + scriptBytes(`_astro/${c}`), 0);
};

describe("a story's embed", () => {
  test.each(stories)(
    '$slug: its newest updates, newest first, each linked to its permalink, in the story’s language',
    ({ slug, status, lang }) => {
      const doc = page(`embed/${slug}/index.html`);
      const latest = JSON.parse(file(`stories/${slug}/latest.json`).toString()) as {
        updates: { id: string; day: string }[];
      };
      const shown = doc.querySelectorAll('article.story-embed-update');
      expect(shown.map((a) => a.getAttribute('data-id'))).toEqual(
        latest.updates.slice(0, settings.embed.updates).map((u) => u.id),
      );
      for (const [i, a] of shown.entries()) {
        const u = latest.updates[i]!;
        expect(a.querySelector('h3 a')?.getAttribute('href')).toBe(
          `/stories/${slug}/${u.day}/#${u.id}`,
        );
        // …and the same version as the update on its day page (what the live check compares).
        expect(a.getAttribute('data-v')).toBe(
          page(`stories/${slug}/${u.day}/index.html`)
            .querySelector(`article[id="${u.id}"]`)
            ?.getAttribute('data-v'),
        );
      }
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe(lang);
      expect(doc.querySelector('.story-embed-more a')?.getAttribute('href')).toBe(
        `/stories/${slug}/`,
      );
      // Live only while the story is.
      expect(doc.querySelector('[data-embed]')?.hasAttribute('data-live')).toBe(status === 'live');
    },
  );

  test.each(stories)(
    '$slug: every link leaves the frame; none to a place inside it; nothing framed',
    ({ slug }) => {
      const doc = page(`embed/${slug}/index.html`);
      expect(doc.querySelector('head base')?.getAttribute('target')).toBe('_top');
      expect(doc.querySelectorAll('a[target]')).toHaveLength(0);
      expect(doc.querySelectorAll('a[href^="#"]')).toHaveLength(0);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${SITE}/stories/${slug}/`,
      );
      expect(
        doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      ).toBe("frame-src 'none'");
    },
  );

  test.each(stories)(
    '$slug: the story’s page offers the code, the same as its oEmbed, which it names',
    ({ slug }) => {
      const story = page(`stories/${slug}/index.html`);
      const code = story.querySelector('details.embed-story textarea')!.textContent;
      expect(code).toContain(`<iframe src="${SITE}/embed/${slug}/"`);
      expect(code).toContain(`<script async src="${SITE}/embed.js"></script>`);
      const discovery = story.querySelector('link[type="application/json+oembed"]');
      expect(discovery?.getAttribute('href')).toBe(`${SITE}/embed/${slug}/oembed.json`);
      const oembed = JSON.parse(file(`embed/${slug}/oembed.json`).toString()) as {
        html: string;
        type: string;
      };
      expect(oembed.type).toBe('rich');
      // The parser keeps the textarea's text as written: its entities unescaped by hand.
      expect(oembed.html).toBe(
        code
          .replaceAll('&quot;', '"')
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&amp;', '&'),
      );
    },
  );

  test('at most 15 kB compressed with ten updates: page, stylesheet and scripts', () => {
    const live = stories.find((s) => s.status === 'live')!;
    const path = `embed/${live.slug}/index.html`;
    const doc = page(path);
    expect(doc.querySelectorAll('article.story-embed-update')).toHaveLength(10);
    const css = doc
      .querySelectorAll('link[rel="stylesheet"]')
      .reduce((n, l) => n + gz(file(l.getAttribute('href')!.replace(/^\//, ''))), 0);
    const js = doc
      .querySelectorAll('script[src]')
      .reduce((n, s) => n + scriptBytes(s.getAttribute('src')!), 0);
    const total = gz(file(path)) + css + js;
    expect(css).toBeLessThan(3000);
    expect(total).toBeLessThanOrEqual(15_000);
  });

  test('the partners’ script: small, one message type, from the site’s origin only; not in the sitemap', () => {
    const code = file('embed.js');
    expect(gz(code)).toBeLessThan(1024);
    expect(code.toString()).toContain('dateline:height');
    expect(code.toString()).toMatch(/\.origin/);
    expect(code.toString()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|eval\(/);
    expect(file('sitemap-0.xml').toString()).not.toContain('/embed/');
  });
});
