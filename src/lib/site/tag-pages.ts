/** The tag pages: every tag with the stories and updates that carry it (its slug: src/lib/content/tags.ts). */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import { compareNewestFirst, type StoryView } from './timeline.ts';
import { preferredSpellings, tagSlug, tagUses } from '../content/tags.ts';

/** A tag with what carries it. */
export interface TagGroup {
  slug: string;
  /** The tag as written most often (spellings that differ in case or punctuation share the page). */
  name: string;
  /** Stories tagged with it, in the order given. */
  stories: StoryRecord[];
  /** Bulletins tagged with it, newest first, each with its story. */
  bulletins: { story: StoryRecord; bulletin: BulletinRecord }[];
}

/** Every tag of the stories (front-page order) and their bulletins, by name in `locale`'s order. */
export function groupTags(views: readonly StoryView[], locale: string): TagGroup[] {
  const names = preferredSpellings(
    tagUses(
      views.map((v) => v.story),
      views.flatMap((v) => v.bulletins),
    ),
  );
  const groups = new Map<string, TagGroup>();
  const group = (slug: string): TagGroup => {
    let g = groups.get(slug);
    if (!g) groups.set(slug, (g = { slug, name: names.get(slug)!, stories: [], bulletins: [] }));
    return g;
  };
  const slugs = (tags: readonly string[]) => new Set(tags.map(tagSlug).filter(Boolean));
  for (const { story, bulletins } of views) {
    for (const slug of slugs(story.tags)) group(slug).stories.push(story);
    for (const bulletin of bulletins)
      for (const slug of slugs(bulletin.tags)) group(slug).bulletins.push({ story, bulletin });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const list = [...groups.values()];
  for (const g of list)
    g.bulletins.sort(
      (a, b) =>
        compareNewestFirst(a.bulletin, b.bulletin) || (a.story.slug < b.story.slug ? -1 : 1),
    );
  return list.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}
