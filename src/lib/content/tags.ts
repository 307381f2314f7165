/**
 * Tags in the content: their URL segment (one function makes it) and the spellings that would
 * share one. A tag's slug is its text in lower case with every run of characters other than
 * letters, marks and digits made one hyphen; letters of any script are kept as they are, not
 * transliterated (`Центральная Азия` → `центральная-азия`, served percent-encoded), so no two
 * languages' tags can meet by accident. Two different spellings that give one slug would share
 * one page, so they are a content error.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';

/** The URL segment of a tag (`Central Asia` → `central-asia`); empty when the tag has no letter or digit. */
export function tagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Where a tag is written: the file, and the spelling used there. */
export interface TagUse {
  file: string;
  tag: string;
}

/** A problem with a tag, for the content checker: the file it is in and what is wrong. */
export interface TagProblem {
  file: string;
  message: string;
}

/**
 * Tags that cannot have a page: one with no letter or digit, and two spellings with one slug
 * (each reported in the file of the later spelling, naming the file of the first).
 */
export function tagProblems(uses: readonly TagUse[]): TagProblem[] {
  const problems: TagProblem[] = [];
  const first = new Map<string, TagUse>();
  for (const use of uses) {
    const slug = tagSlug(use.tag);
    if (!slug) {
      problems.push({
        file: use.file,
        message: `"${use.tag}" has no letter or digit, so it cannot have a page; write a word`,
      });
      continue;
    }
    const seen = first.get(slug);
    if (!seen) first.set(slug, use);
    else if (seen.tag !== use.tag) {
      problems.push({
        file: use.file,
        message: `"${use.tag}" and "${seen.tag}" (in ${seen.file}) would share the page /tags/${slug}/; spell them alike`,
      });
    }
  }
  return problems;
}

/** Every tag use of the stories and bulletins, stories first (the order problems are reported in). */
export function tagUses(
  stories: readonly StoryRecord[],
  bulletins: readonly BulletinRecord[],
): TagUse[] {
  return [
    ...stories.flatMap((s) => s.tags.map((tag) => ({ file: s.file, tag }))),
    ...bulletins.flatMap((b) => b.tags.map((tag) => ({ file: b.file, tag }))),
  ];
}
