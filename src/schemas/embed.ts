/**
 * Snapshots of what a bulletin embeds, kept beside it in its story folder as
 * `embed-<provider>-<id>.json` (written by `npm run embed`, src/lib/editor/embed.ts): the archive
 * keeps a post after it is deleted, and builds offline.
 */
import { z } from 'astro/zod';
import { text } from './fields.ts';

/** A file of the story folder the snapshot refers to: a picture beside it, by name. */
const fileName = () =>
  text().regex(/^[^/\\]+\.(jpe?g|png|webp|avif|gif)$/i, 'must name a picture beside this file');

const web = () => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A post on Bluesky, Mastodon, X/Twitter or Telegram, as it was when it was kept. */
export const postSnapshot = z.strictObject({
  /** The post's address, as a bulletin writes it. */
  url: web(),
  author: z.strictObject({
    name: text().max(200),
    /** `@ann.bsky.social`, `@ann@mastodon.social`, `@ann`. */
    handle: text().max(200).optional(),
    url: web().optional(),
  }),
  /** Its text, paragraphs separated by blank lines. */
  text: z.string().max(10_000, 'is longer than 10,000 characters'),
  /** When it was posted (ISO 8601 with an offset or Z). */
  published: z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 time with an offset or Z',
  }),
  /** Its pictures, kept beside the snapshot. */
  images: z
    .array(z.strictObject({ file: fileName(), alt: z.string().max(2000).default('') }))
    .max(4)
    .default([]),
  /** When the snapshot was made. */
  fetched: z.iso.datetime({ offset: true }).optional(),
});
export type PostSnapshot = z.infer<typeof postSnapshot>;

/** A YouTube or Vimeo video: what its click-to-load box shows before the player loads. */
export const videoSnapshot = z.strictObject({
  url: web(),
  title: text().max(300),
  author: z.strictObject({ name: text().max(200), url: web().optional() }).optional(),
  /** A still kept beside the snapshot, shown until the reader plays it. */
  poster: fileName().optional(),
  fetched: z.iso.datetime({ offset: true }).optional(),
});
export type VideoSnapshot = z.infer<typeof videoSnapshot>;
