// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { settingsFrom } from './src/config.ts';
import { datelineSearch } from './src/integrations/pagefind.ts';
import { datelineCards } from './src/integrations/cards.ts';
import { datelineHeaders } from './src/integrations/headers.ts';
import { datelineSitemap } from './src/integrations/sitemap.ts';
import { datelineDevErrors } from './src/integrations/dev-errors.ts';
import { datelineGuard } from './src/integrations/guard.ts';
import { embedStep } from './src/integrations/story-embed.ts';
import { offlineStep } from './src/integrations/offline.ts';
import { normaliseBase } from './src/core/paths.ts';
import { datelineSettings } from './src/integrations/settings.ts';
import { rehypePlugins, renderOptions } from './src/lib/markdown/pipeline.ts';

// The site's settings (src/config.ts), with what DATELINE_* variables set: read here once, and
// given to everything else as arguments (the pages get them as a module: src/integrations/settings.ts).
const settings = settingsFrom(process.env);
// Where the site is served. SITE and BASE let operators build for a host or a subpath
// (BASE=/dateline/ npm run build) without editing this file.
const site = process.env.SITE ?? 'http://localhost:4321';
const base = process.env.BASE ?? '/';
// OUT_DIR and CACHE_DIR let the tests and the benchmark build other copies beside dist/.
const outDir = process.env.OUT_DIR ?? './dist';
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'ignore',
  // The unified (remark/rehype) processor with the same sanitizing plugins bulletins are rendered with (src/lib/markdown/pipeline.ts).
  markdown: {
    processor: unified({
      rehypePlugins: rehypePlugins(renderOptions(settings)),
      smartypants: false,
    }),
    syntaxHighlight: false,
  },
  build: {
    // External stylesheets only: a strict Content-Security-Policy then needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
    // Astro awaits each page's file writes (and copies of cached pages) in turn; four at a time
    // overlaps them (rendering itself stays on one thread).
    concurrency: 4,
  },
  // The output is not emptied before a build: unchanged pages stay in place, and the last
  // integration removes what the build no longer produces (src/cache/guard.ts).
  // Scripts are never inlined either (Astro inlines a small one below Vite's assetsInlineLimit):
  // the Content-Security-Policy allows scripts from the site's own files only.
  // `astro dev` watches the project: it must not follow a symbolic link a contributor put in
  // content/ (to a large tree, or a loop) any more than the build does (src/lib/content/read.ts).
  vite: {
    build: { emptyOutDir: false, assetsInlineLimit: 0 },
    server: { watch: { followSymlinks: false } },
  },
  experimental: {
    // Pages whose props are unchanged are taken from the last build (src/lib/site/routes.ts, src/core/cache-keys.ts).
    incrementalBuild: true,
  },
  // The guard comes last: it marks the cache consistent once every other integration is done.
  integrations: [
    datelineSettings(settings),
    datelineDevErrors(),
    datelineSearch({
      language: settings.lang,
      locale: settings.locale,
      segment: settings.searchSegment,
    }),
    datelineSitemap(base, settings.lang),
    datelineHeaders({
      mirrored: settings.mirrors.length > 0,
      embedOrigins: settings.embed.origins,
    }),
    datelineCards({ site: settings.title, locale: settings.locale }),
    // …and, once the output is final, the embeds' script, then the service worker and the
    // integrity manifest of every file.
    datelineGuard([embedStep(), offlineStep(settings, normaliseBase(base), process.env)]),
  ],
  devToolbar: { enabled: false },
});
