/**
 * @astrojs/sitemap, configured for Dateline: every story and day page with `lastmod` from its newest
 * update and, for a story told in several languages, its alternates (src/lib/publish/sitemap.ts);
 * the search, offline and 404 pages, the editor (`/admin/`), the stories' embeds and the feeds left out.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { createPaths, normaliseBase } from '../core/paths.ts';
import { EMBED_FOLDER } from '../lib/publish/headers.ts';
import { languagesByPath, lastModifiedByPath } from '../lib/publish/sitemap.ts';
import { published } from '../astro/handoff.ts';

export function datelineSitemap(base: string, siteLang: string): AstroIntegration {
  let known: ReturnType<typeof pages> | undefined;
  const pages = () => {
    const { views } = published();
    return {
      lastmod: lastModifiedByPath(views, createPaths(base)),
      languages: languagesByPath(views, createPaths(base), siteLang),
    };
  };
  return sitemap({
    filter: (page) => {
      const path = new URL(page).pathname;
      return (
        path.endsWith('/') &&
        !/\/(search|404|admin|offline)\/$/.test(path) &&
        !path.startsWith(`${normaliseBase(base)}${EMBED_FOLDER}/`)
      );
    },
    serialize: (item) => {
      known ??= pages();
      const path = new URL(item.url).pathname;
      const t = known.lastmod.get(path);
      const languages = known.languages.get(path);
      return {
        ...item,
        ...(t ? { lastmod: t } : {}),
        ...(languages
          ? { links: languages.map((l) => ({ url: new URL(l.path, item.url).href, lang: l.lang })) }
          : {}),
      };
    },
  });
}
