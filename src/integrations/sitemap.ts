/**
 * @astrojs/sitemap, configured for Dateline: every story and day page with `lastmod` from its newest
 * update (src/lib/sitemap.ts); the search and 404 pages and the feeds left out.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { createPaths } from '../lib/paths';
import { lastModifiedByPath } from '../lib/sitemap';
import { buildStoryViews } from '../lib/timeline';
import { published } from '../render/registry';

export function datelineSitemap(base: string): AstroIntegration {
  let lastmod: Map<string, string> | undefined;
  const modified = (url: string) => {
    const state = published();
    lastmod ??= lastModifiedByPath(buildStoryViews(state.stories, state.bulletins), createPaths(base));
    return lastmod.get(new URL(url).pathname);
  };
  return sitemap({
    filter: (page) => new URL(page).pathname.endsWith('/') && !/\/(search|404)\/$/.test(new URL(page).pathname),
    serialize: (item) => {
      const t = modified(item.url);
      return t ? { ...item, lastmod: t } : item;
    },
  });
}
