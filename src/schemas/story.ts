/** The story: `content/<story-slug>/index.md`. */
import { z } from 'astro/zod';
import {
  authorSlugs,
  language,
  localDateTime,
  tags,
  text,
  timeZone,
  writtenDate,
} from './fields.ts';

/** Frontmatter of a story's `index.md`. Strict: an unknown or misspelt field fails the build. */
export const storyFrontmatter = z.strictObject({
  /** The story's headline. */
  title: text(),
  /** One or two sentences: what the story is about, for cards, feeds and meta descriptions. */
  summary: text(),
  /** `live` while updates are coming; `closed` once the last bulletin is in. */
  status: z.enum(['live', 'closed']).default('live'),
  /** IANA zone the story is told in; its days and times are computed there (the site's `defaultTimezone` when left out). */
  timezone: timeZone().optional(),
  /** Topics, for later filters and feeds. */
  tags: tags(),
  /** The authors of its bulletins that do not name their own (`[aigerim-sadykova]`). */
  authors: authorSlugs().default([]),
  /** When the events began, if before the first bulletin (`YYYY-MM-DD`). */
  started: writtenDate().optional(),
  /** The language the story is told in, when not the site's (BCP 47: `ru`, `he`): its text is marked so, and written right to left where the language is. */
  lang: language().optional(),
  /**
   * The same story told in other languages, by folder name (`[kazakhstan-unrest-ru]`): one side
   * naming the other is enough. In the stored record: every other story of its group, whichever
   * side named which (src/lib/content/translations.ts).
   */
  translations: z.array(text()).max(20, 'names more than 20 translations').default([]),
});
export type StoryFrontmatter = z.infer<typeof storyFrontmatter>;

/**
 * Frontmatter of a story's `summary.md`: the state of things in a few points (its Markdown body),
 * shown above the updates. Strict, like the others.
 */
export const summaryFrontmatter = z.strictObject({
  /** When the summary was last brought up to date, on the story's clock: `"2026-11-24 09:00"`. */
  updated: localDateTime(),
});

/** A story's summary as the content layer stores it (its body is rendered like a bulletin's). */
export const storyBriefing = z.strictObject({
  /** Epoch milliseconds of `updated`, read in the story's zone. */
  updated: z.number(),
  /** Path of the `summary.md`, relative to the project root. */
  file: z.string(),
  /** Digest of its text. */
  digest: z.string(),
  /** Key of its rendered body, set by the loader. */
  rendered: z.string().optional(),
});
export type StoryBriefing = z.infer<typeof storyBriefing>;

/** A story as the content layer stores it: its frontmatter plus what the file itself gives. */
export const storyRecord = storyFrontmatter.extend({
  /** IANA zone the story is told in: its own, or the site's default. */
  timezone: timeZone(),
  /** The folder name, which is the story's URL segment. */
  slug: z.string(),
  /** The Markdown introduction (standfirst); short, so it is stored. */
  intro: z.string(),
  /** Path of the `index.md`, relative to the project root. */
  file: z.string(),
  /** Digest of the `index.md` text. */
  digest: z.string(),
  /** Key of its rendered introduction (see `rendered` of a bulletin), set by the loader. */
  rendered: z.string().optional(),
  /** Its summary (`summary.md`), when it has one. */
  briefing: storyBriefing.optional(),
});
export type StoryRecord = z.infer<typeof storyRecord>;
