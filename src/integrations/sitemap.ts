/**
 * @astrojs/sitemap, configured for Dateline: every story and day page with `lastmod` from its newest
 * update (src/lib/publish/sitemap.ts); the search and 404 pages and the feeds left out.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { createPaths } from '../core/paths.ts';
import { lastModifiedByPath } from '../lib/publish/sitemap.ts';
import { published } from '../astro/handoff.ts';

export function datelineSitemap(base: string): AstroIntegration {
  let lastmod: Map<string, string> | undefined;
  const modified = (url: string) => {
    const state = published();
    lastmod ??= lastModifiedByPath(state.views, createPaths(base));
    return lastmod.get(new URL(url).pathname);
  };
  return sitemap({
    filter: (page) =>
      new URL(page).pathname.endsWith('/') && !/\/(search|404)\/$/.test(new URL(page).pathname),
    serialize: (item) => {
      const t = modified(item.url);
      return t ? { ...item, lastmod: t } : item;
    },
  });
}
