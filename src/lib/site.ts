/** The site's URL helpers and view context, bound once to Astro's `base` (the only place that reads it). */
import { config } from '../config';
import { createPaths } from './paths';
import type { ViewContext } from './views';

/** Every internal URL, under the configured base path. */
export const paths = createPaths(import.meta.env.BASE_URL);

/** What view builders need. */
export const viewContext: ViewContext = { paths, locale: config.locale };
