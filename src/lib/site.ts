/** The site's URL helpers and view context, bound once to Astro's `base` (the only place that reads it). */
import { config } from '../config';
import { createPaths } from './paths';
import { stringsFor } from './strings';
import type { ViewContext } from './views';

/** Every internal URL, under the configured base path. */
export const paths = createPaths(import.meta.env.BASE_URL);

/** A site path as an absolute URL, for feeds (the site's origin comes from SITE at build time). */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

/** What view builders need. */
export const viewContext: ViewContext = { paths, locale: config.locale, origin: import.meta.env.SITE, ui: stringsFor(config.lang) };

/** The interface's words in the site's language (src/lib/strings.ts). */
export const ui = viewContext.ui!;
