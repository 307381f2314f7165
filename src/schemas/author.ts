/** An author: `content/authors/<slug>.md`, named by bulletins (`authors: [slug]`) and stories. */
import { z } from 'astro/zod';
import { text } from './fields.ts';

/** Frontmatter of an author's file; its Markdown body is a short bio. Strict, like the others. */
export const authorFrontmatter = z.strictObject({
  /** The name every byline shows. */
  name: text().max(100, 'is longer than 100 characters; write the name a byline shows'),
  /** What they do, shown with the name on their page: `Central Asia correspondent`. */
  role: text().max(100, 'is longer than 100 characters; a role is a few words').optional(),
  /** A picture of them: an image file beside this one in content/authors/ (`aigerim.jpg`). */
  photo: text().optional(),
});

/** An author as the content layer stores it. */
export const authorRecord = z.strictObject({
  /** The file name without `.md`: their URL segment (`/authors/<slug>/`) and how content names them. */
  slug: z.string(),
  name: z.string(),
  role: z.string().optional(),
  /** The photo's file name in content/authors/, published at `/authors/files/<name>`. */
  photo: z.string().optional(),
  /** Path of the Markdown file, relative to the project root. */
  file: z.string(),
  /** Digest of its text. */
  digest: z.string(),
  /** Key of its rendered bio, set by the loader. */
  rendered: z.string().optional(),
});
export type AuthorRecord = z.infer<typeof authorRecord>;

/** An author as a bulletin carries it: enough for a byline, so a page shows the name its key covers. */
export const byline = z.strictObject({ slug: z.string(), name: z.string() });
export type Byline = z.infer<typeof byline>;
