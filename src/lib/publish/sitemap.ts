/** When each page last changed, for the sitemap: from the content, never from the build's clock. */
import { isoIn } from '../../core/dates.ts';
import type { Paths } from '../../core/paths.ts';
import { lastChanged, type StoryView } from '../site/timeline.ts';

/**
 * A map from page path to the ISO time of its newest change: the front page by the newest update
 * anywhere, a story by its newest update (for a closed story, its last one), a day by its own.
 */
export function lastModifiedByPath(views: readonly StoryView[], paths: Paths): Map<string, string> {
  const out = new Map<string, string>();
  let newest: { t: number; tz: string } | undefined;
  for (const { story, bulletins, days } of views) {
    if (!bulletins.length) continue;
    const t = Math.max(...bulletins.map(lastChanged));
    out.set(paths.story(story.slug), isoIn(t, story.timezone));
    if (!newest || t > newest.t) newest = { t, tz: story.timezone };
    for (const day of days)
      out.set(
        paths.dayPage(story.slug, day.day),
        isoIn(Math.max(...day.bulletins.map(lastChanged)), story.timezone),
      );
  }
  if (newest) out.set(paths.home(), isoIn(newest.t, newest.tz));
  return out;
}
