/** What the sitemap says of each page: when it last changed (from the content, never from the build's clock), and its other languages. */
import { isoIn } from '../../core/dates.ts';
import type { Paths } from '../../core/paths.ts';
import { newestChange, type StoryView } from '../site/timeline.ts';

/**
 * A map from page path to the ISO time of its newest change: the front page by the newest update
 * anywhere, a story by its newest update (for a closed story, its last one), a day by its own.
 */
export function lastModifiedByPath(views: readonly StoryView[], paths: Paths): Map<string, string> {
  const out = new Map<string, string>();
  let newest: { t: number; tz: string } | undefined;
  for (const { story, bulletins, days } of views) {
    if (!bulletins.length) continue;
    const t = newestChange(bulletins);
    out.set(paths.story(story.slug), isoIn(t, story.timezone));
    if (!newest || t > newest.t) newest = { t, tz: story.timezone };
    for (const day of days)
      out.set(
        paths.dayPage(story.slug, day.day),
        isoIn(newestChange(day.bulletins), story.timezone),
      );
  }
  if (newest) out.set(paths.home(), isoIn(newest.t, newest.tz));
  return out;
}

/**
 * A map from a story's path to the paths and languages of its group of translations, itself
 * included (the sitemap's `xhtml:link` alternates); stories without translations are left out.
 */
export function languagesByPath(
  views: readonly StoryView[],
  paths: Paths,
  siteLang: string,
): Map<string, { path: string; lang: string }[]> {
  const bySlug = new Map(views.map((v) => [v.story.slug, v.story]));
  const out = new Map<string, { path: string; lang: string }[]>();
  for (const { story } of views) {
    if (!story.translations.length) continue;
    const group = [story.slug, ...story.translations].flatMap((slug) => {
      const s = bySlug.get(slug);
      return s ? [{ path: paths.story(slug), lang: s.lang ?? siteLang }] : [];
    });
    out.set(paths.story(story.slug), group);
  }
  return out;
}
