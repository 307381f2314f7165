/** The bulletin: `content/<story-slug>/<YYYY-MM-DD>[-HHMM][-words].md`, one update of a story. */
import { z } from 'astro/zod';
import { byline } from './author.ts';
import { authorSlugs, tags, text, webUrl, writtenDate, writtenDateTime } from './fields.ts';

/** A source the bulletin relies on. */
export const source = z.strictObject({
  /** What readers see: `Reuters`, `Ministry of Interior statement`. */
  title: text(),
  /** Where it is. */
  url: webUrl(),
});

/**
 * Frontmatter of a bulletin. Every field is optional: a file named `2022-01-07-1430.md` with a
 * Markdown body is a complete bulletin. Strict: unknown fields (a `slug:`, a typo) fail the build,
 * so the file name alone decides the bulletin's identity.
 */
export const bulletinFrontmatter = z
  .strictObject({
    /** `2022-01-07` or `2022-01-07T14:30:00+06:00`; must agree with the file name when both are given. */
    date: writtenDate().optional(),
    /** Headline of this update. */
    title: text().optional(),
    /** A key event: highlighted in the timeline. */
    key: z.boolean().default(false),
    /** Topics of this update. */
    tags: tags(),
    /** Who reported it, by author file (`[aigerim-sadykova]`); default: its story's `authors`. */
    authors: authorSlugs().optional(),
    /** Sources, shown under the bulletin. */
    sources: z.array(source).default([]),
    /** When the bulletin was last changed after publication (datetime with offset). */
    updated: writtenDateTime().optional(),
    /** What was corrected, shown visibly with the `updated` time. */
    correction: text().optional(),
    /** Work in progress: checked, but kept out of the site, its feeds and its search. */
    draft: z.boolean().default(false),
  })
  .refine((b) => b.correction === undefined || b.updated !== undefined, {
    message:
      'a correction needs `updated:` (when it was corrected, e.g. 2022-01-07T18:00:00+06:00)',
    path: ['updated'],
  });
export type BulletinFrontmatter = z.infer<typeof bulletinFrontmatter>;

/** A bulletin as the loaders publish it: metadata only; its body is rendered once and read when a page needs it. */
export const bulletinRecord = z.strictObject({
  /** Stable update id from the file name (`u-2022-01-07-1430-curfew`); the permalink fragment. */
  id: z.string(),
  /** Slug of the story it belongs to. */
  story: z.string(),
  /** Story-local day (`YYYY-MM-DD`), the day section it belongs to. */
  day: z.string(),
  /** Epoch milliseconds; for a date-only bulletin, the start of its day in the story's zone. */
  instant: z.number(),
  /** False for date-only bulletins, whose time is unknown and never shown. */
  hasTime: z.boolean(),
  title: z.string().optional(),
  key: z.boolean(),
  tags: z.array(z.string()),
  /** Its authors (its own `authors`, else its story's), with the names bylines show. */
  authors: z.array(byline),
  sources: z.array(z.object({ title: z.string(), url: z.string() })),
  /** Epoch milliseconds of `updated`. */
  updated: z.number().optional(),
  correction: z.string().optional(),
  /** Path of the Markdown file, relative to the project root. */
  file: z.string(),
  /** Digest of the file's text: a change to it changes every page that shows the bulletin. */
  digest: z.string(),
  /**
   * Key of its rendered body (src/core/cache-keys.ts: the text, how it is scoped, and the version of
   * the pipeline's code and packages), set once the loader knows the pipeline: props that carry the
   * record change whenever its body would, including when only the code that renders it does.
   */
  rendered: z.string().optional(),
});
export type BulletinRecord = z.infer<typeof bulletinRecord>;

/**
 * What Astro's data store holds of a story's bulletins: a summary (the bulletins themselves reach
 * the pages in memory; see src/astro/loader.ts). Its digest changes with any of them.
 */
export const storyBulletins = z.strictObject({
  /** The story's slug. */
  story: z.string(),
  /** How many bulletins it publishes. */
  count: z.number(),
});
