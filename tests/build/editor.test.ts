/** The browser editor in the built site: its page, its policy, its configuration, and that readers and search engines never meet it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { EDITOR_CSP, parseHeadersFile } from '../../src/lib/publish/headers.ts';
import { EDITOR_FONTS } from '../../src/lib/editor/cms-bundle.ts';
import { DIST, page, pages } from './dist.ts';

const file = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe('the editor at /admin/', () => {
  const doc = page('admin/index.html');

  test('its page: its own policy, not indexed, its script and configuration from the site', () => {
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toBe(EDITOR_CSP);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe(
      'noindex, nofollow',
    );
    expect(doc.querySelector('script[src]')?.getAttribute('src')).toBe('/admin/sveltia-cms.js');
    expect(doc.querySelector('link[rel="cms-config-url"]')?.getAttribute('href')).toBe(
      '/admin/config.yml',
    );
  });

  test('_headers gives it its own policy and noindex, and the site keeps its own', () => {
    const rules = parseHeadersFile(file('_headers'));
    const matching = (path: string) => rules.filter((r) => r.pattern.test(path));
    const policies = (path: string) =>
      matching(path)
        .map((r) => r.headers['Content-Security-Policy'])
        .filter(Boolean);
    expect(policies('/admin/')).toEqual([`${EDITOR_CSP}; frame-ancestors 'none'`]);
    expect(matching('/admin/config.yml').some((r) => r.headers['X-Robots-Tag'])).toBe(true);
    // Every page of the site is under the site's policy (and only it).
    for (const path of pages.keys())
      if (!path.startsWith('admin/')) expect(policies(`/${path}`), path).toHaveLength(1);
  });

  test('not in the sitemap, not in search, not linked from the site', () => {
    expect(file('sitemap-0.xml')).not.toContain('/admin/');
    expect(file('pagefind/dateline-search.json')).not.toContain('admin');
    for (const [path, d] of pages)
      if (!path.startsWith('admin/'))
        expect(d.querySelectorAll('a[href*="/admin"]').length, path).toBe(0);
  });

  test('its configuration: a collection for every story, the stories, summaries and authors', () => {
    const config = load(file('admin/config.yml')) as {
      collections: { name?: string; folder?: string }[];
    };
    const stories = [...pages.keys()]
      .map((p) => /^stories\/([^/]+)\/index\.html$/.exec(p)?.[1])
      .filter(Boolean);
    expect(
      config.collections
        .filter((c) => c.name?.startsWith('story-'))
        .map((c) => c.folder)
        .sort(),
    ).toEqual(stories.map((s) => `content/${s}`).sort());
    expect(config.collections.map((c) => c.name).slice(-3)).toEqual([
      'stories',
      'summaries',
      'authors',
    ]);
  });

  test('its script loads its fonts from the site, and they are there', () => {
    const bundle = file('admin/sveltia-cms.js');
    expect(bundle).not.toMatch(/cdn\.jsdelivr\.net|unpkg\.com/);
    for (const font of EDITOR_FONTS) {
      expect(bundle).toContain(`/admin/fonts/${font.name}`);
      expect(
        readFileSync(join(DIST, 'admin/fonts', font.name))
          .subarray(0, 4)
          .toString(),
      ).toBe('wOF2');
    }
    expect(JSON.parse(file('admin/unpkg/@sveltia/cms/package.json'))).toHaveProperty('version');
  });
});
