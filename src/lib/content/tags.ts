/**
 * Tags in the content: their URL segment (one function makes it) and the spellings that would
 * share one. A tag's slug is its text in lower case with every run of characters other than
 * letters, marks and digits made one hyphen; letters of any script are kept as they are, not
 * transliterated (`Центральная Азия` → `центральная-азия`, served percent-encoded), so no two
 * languages' tags can meet by accident. Spellings that give one slug (`Kazakhstan`, `kazakhstan`)
 * share one page, which shows the spelling used most: during breaking news one editor's capital
 * letter must not stop everyone else's publishing, so it is a warning, not an error.
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

/** Tags that cannot have a page: those with no letter or digit. */
export function tagProblems(uses: readonly TagUse[]): TagProblem[] {
  return uses
    .filter((use) => !tagSlug(use.tag))
    .map((use) => ({
      file: use.file,
      message: `"${use.tag}" has no letter or digit, so it cannot have a page; write a word`,
    }));
}

/**
 * The spelling a tag page shows for each slug: the one written most often (a story's or a
 * bulletin's list counts once per file), ties to the first in code-point order, so the choice
 * depends on the content alone.
 */
export function preferredSpellings(uses: readonly TagUse[]): Map<string, string> {
  const counts = spellingCounts(uses);
  return new Map([...counts].map(([slug, spellings]) => [slug, mostUsed(spellings)]));
}

/**
 * Spellings that share a page with a more used one: one warning for each file that writes a
 * spelling the page does not show, naming the spelling it shows and a file that writes it.
 */
export function tagWarnings(uses: readonly TagUse[]): TagProblem[] {
  const counts = spellingCounts(uses);
  const warnings: TagProblem[] = [];
  for (const [slug, spellings] of counts) {
    if (spellings.size < 2) continue;
    const shown = mostUsed(spellings);
    const where = spellings.get(shown)!.files[0]!;
    for (const [tag, { files }] of spellings)
      if (tag !== shown)
        for (const file of files)
          warnings.push({
            file,
            message: `"${tag}" shares the page /tags/${slug}/ with "${shown}" (as in ${where}), which the page shows; spell it "${shown}" to match`,
          });
  }
  return warnings;
}

type Spellings = Map<string, { files: string[] }>;

function spellingCounts(uses: readonly TagUse[]): Map<string, Spellings> {
  const bySlug = new Map<string, Spellings>();
  for (const { file, tag } of uses) {
    const slug = tagSlug(tag);
    if (!slug) continue;
    let spellings = bySlug.get(slug);
    if (!spellings) bySlug.set(slug, (spellings = new Map() as Spellings));
    const files = spellings.get(tag)?.files;
    if (!files) spellings.set(tag, { files: [file] });
    else if (files.at(-1) !== file) files.push(file);
  }
  return bySlug;
}

const mostUsed = (spellings: Spellings): string =>
  [...spellings].reduce((best, next) =>
    next[1].files.length > best[1].files.length ||
    (next[1].files.length === best[1].files.length && next[0] < best[0])
      ? next
      : best,
  )[0];

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
