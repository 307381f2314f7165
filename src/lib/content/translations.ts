/**
 * Stories that are one story in several languages. A story's `index.md` names its translations
 * (`translations: [kazakhstan-unrest-ru]`); one side naming the other is enough, and naming is
 * transitive: every story of a group is a translation of every other, as `hreflang` wants (each
 * page lists all its alternates).
 */
import type { StoryRecord } from '../../schemas/story.ts';

/** A problem with a story's `translations` field. */
export interface TranslationProblem {
  file: string;
  message: string;
}

/**
 * Each story's translations (the other stories of its group, by slug in code-point order) and the
 * problems: a named story that does not exist, a story naming itself, and two stories of one group
 * told in one language (`siteLang` for a story without `lang`).
 */
export function translationGroups(
  stories: readonly Pick<StoryRecord, 'slug' | 'file' | 'lang' | 'translations'>[],
  siteLang: string,
): { translations: Map<string, string[]>; problems: TranslationProblem[] } {
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  const problems: TranslationProblem[] = [];
  // Union-find over slugs: groups are the connected parts of "names as a translation".
  const parent = new Map(stories.map((s) => [s.slug, s.slug]));
  const root = (slug: string): string => {
    let r = slug;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(slug, r);
    return r;
  };
  for (const s of stories)
    for (const other of s.translations) {
      if (other === s.slug)
        problems.push({ file: s.file, message: `"${other}" is this story itself` });
      else if (!bySlug.has(other))
        problems.push({
          file: s.file,
          message: `"${other}" is not a story (there is no content/${other}/index.md); name the folder of the story in the other language`,
        });
      else {
        const [a, b] = [root(s.slug), root(other)].sort();
        parent.set(b!, a!);
      }
    }
  const groups = new Map<string, string[]>();
  for (const s of stories) {
    const r = root(s.slug);
    groups.set(r, [...(groups.get(r) ?? []), s.slug]);
  }
  const translations = new Map<string, string[]>();
  for (const members of groups.values()) {
    members.sort();
    const langs = new Map<string, string>();
    for (const slug of members) {
      const story = bySlug.get(slug)!;
      const lang = (story.lang ?? siteLang).toLowerCase();
      const twin = langs.get(lang);
      if (twin && members.length > 1)
        problems.push({
          file: story.file,
          message: `is told in ${lang}, like its translation ${twin}; translations are in other languages (set \`lang:\`)`,
        });
      langs.set(lang, slug);
      translations.set(
        slug,
        members.filter((m) => m !== slug),
      );
    }
  }
  return { translations, problems };
}
