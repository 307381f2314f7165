/**
 * Checks a snapshot beside a bulletin (`embed-<provider>-<id>.json`, src/schemas/embed.ts): valid
 * JSON of the provider's shape, about the address its name says, its pictures beside it.
 */
import type { z } from 'astro/zod';
import { postSnapshot, videoSnapshot } from '../../schemas/embed.ts';
import type { SourceFile } from './check.ts';
import { recogniseEmbed, snapshotName } from './embeds.ts';
import { MAX_TEXT_BYTES } from './files.ts';
import { type Problem, zodProblems } from './problems.ts';
import { snapshotPictures, type PostMedia, type VideoMedia } from './media.ts';

/** A valid snapshot as a body's media, or its problems. `pictures`: which names are pictures beside it in its story folder. */
export function checkSnapshot(
  file: SourceFile,
  name: string,
  pictures: { has(name: string): boolean },
): { media: Omit<PostMedia, 'timezone'> | VideoMedia } | { problems: Problem[] } {
  const at = (message: string, field?: string): { problems: Problem[] } => ({
    problems: [{ file: file.path, ...(field ? { field } : {}), message }],
  });
  let data: unknown;
  try {
    if (Buffer.byteLength(file.text) > MAX_TEXT_BYTES)
      return at('is larger than 100 kB; a snapshot holds one post');
    data = JSON.parse(file.text);
  } catch (err) {
    return at(
      `is not valid JSON (${err instanceof Error ? err.message : String(err)}): make it again with npm run embed`,
    );
  }
  const video = /^embed-(youtube|vimeo)-/.test(name);
  const schema: z.ZodType = video ? videoSnapshot : postSnapshot;
  const result = schema.safeParse(data);
  if (!result.success) return { problems: zodProblems(file.path, '', result.error, data) };
  const snapshot = result.data as PostMedia['snapshot'] | VideoMedia['snapshot'];
  const embed = recogniseEmbed(snapshot.url);
  if (!embed || snapshotName(embed) !== name)
    return at(
      embed
        ? `is about ${embed.url}, whose snapshot is ${snapshotName(embed)}: rename the file, or make it again with npm run embed`
        : `is about ${snapshot.url}, which is not a video or post address Dateline embeds`,
      'url',
    );
  const media: Omit<PostMedia, 'timezone'> | VideoMedia =
    embed.kind === 'video'
      ? { kind: 'video', snapshot: snapshot as VideoMedia['snapshot'] }
      : { kind: 'post', snapshot: snapshot as PostMedia['snapshot'] };
  const missing = snapshotPictures(media).find((f) => !pictures.has(f));
  if (missing)
    return at(
      `names the picture ${missing}, which is not beside it in the story folder`,
      media.kind === 'post' ? 'images' : 'poster',
    );
  return { media };
}
