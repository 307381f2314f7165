/**
 * The site's settings, URL helpers and view context, bound once to Astro's `base` (the only place
 * that reads it) and to the build's settings (the module src/integrations/settings.ts makes of them).
 */
import settings from 'virtual:dateline/settings';
import { createPaths } from '../core/paths.ts';
import { DICTIONARIES, stringsFor, type Strings } from '../lib/site/strings.ts';
import type { ViewContext } from '../lib/site/views.ts';

/** The build's settings (src/settings.ts), for the pages and components. */
export { settings };

/** Every internal URL, under the configured base path. */
export const paths = createPaths(import.meta.env.BASE_URL);

/** A site path as an absolute URL, for feeds (the site's origin comes from SITE at build time). */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

/** What view builders need. */
export const viewContext: ViewContext = {
  paths,
  locale: settings.locale,
  origin: import.meta.env.SITE,
  ui: stringsFor(settings.lang),
};

/** The interface's words in the site's language (src/lib/site/strings.ts). */
export const ui = viewContext.ui!;

/**
 * The words, locale and view context for a page about `story`: those of the story's language when
 * it has one the interface is translated into (`lang: ru` on an English site), else the site's.
 * Pages about a story put them in `Astro.locals.dateline` for their components (`wordsOf`).
 */
export function storyLanguage(story: {
  lang?: string | undefined;
}): { ui: Strings; locale: string; lang: string; ctx: ViewContext } | undefined {
  const lang = story.lang;
  if (
    !lang ||
    !(lang.split('-')[0]!.toLowerCase() in DICTIONARIES) ||
    lang.split('-')[0] === settings.lang.split('-')[0]
  )
    return undefined;
  const words = stringsFor(lang);
  return { ui: words, locale: lang, lang, ctx: { ...viewContext, locale: lang, ui: words } };
}

/** The words a component uses: its page's (a story in another language), else the site's. */
export const wordsOf = (locals: App.Locals): Strings => locals.dateline?.ui ?? ui;

/** The locale a component formats with: its page's, else the site's. */
export const localeOf = (locals: App.Locals): string => locals.dateline?.locale ?? settings.locale;
