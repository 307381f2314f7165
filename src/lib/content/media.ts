/**
 * What a body shows of other files of the content folder: pictures (their size and digest, so a
 * page can reserve their space and offer narrower copies) and the snapshots of the videos and posts
 * it embeds (src/lib/content/embeds.ts). A body's rendered HTML depends on them, so they are part of
 * its scope, and of its key (src/core/cache-keys.ts): a picture replaced under the same name, or a
 * snapshot made again, renders the bulletins that show it again, and no other.
 */
import { embedCommand, recogniseEmbed, snapshotName } from './embeds.ts';
import { resolveContentLink, type LinkRef } from './links.ts';
import type { PictureMedia } from './pictures.ts';
import type { PostSnapshot, VideoSnapshot } from '../../schemas/embed.ts';

/** A post's snapshot, with the story's clock and language its time is shown in. */
export interface PostMedia {
  kind: 'post';
  snapshot: PostSnapshot;
  timezone: string;
  locale?: string;
}

/** A video's snapshot: its title and poster. */
export interface VideoMedia {
  kind: 'video';
  snapshot: VideoSnapshot;
}

/** One file a body shows, by its path in the content folder (`<story>/<name>`). */
export type Media = PictureMedia | PostMedia | VideoMedia;

/** What a body shows, by path in the content folder, in the order it shows them. */
export type MediaTable = Record<string, Media>;

/** The pictures a snapshot shows (a post's images, a video's poster), by name in its story folder. */
export const snapshotPictures = (
  media: Pick<PostMedia, 'kind' | 'snapshot'> | VideoMedia,
): string[] =>
  media.kind === 'post'
    ? media.snapshot.images.map((i) => i.file)
    : media.snapshot.poster
      ? [media.snapshot.poster]
      : [];

/**
 * What a body (`from`, `<story>/<file>.md` in the content folder) shows among `available`: the
 * pictures its images refer to, and for each line that is only a video's or post's address, that
 * embed's snapshot and its pictures (`media`, undefined when it shows none). And the posts it embeds
 * with no snapshot beside it (`missing`): published as a plain link until one is made
 * (`npm run embed`), so the checks say which, and how.
 */
export function mediaOf(
  from: string,
  refs: readonly LinkRef[],
  available: ReadonlyMap<string, Media>,
): { media: MediaTable | undefined; missing: { line: number; message: string }[] } {
  const out: MediaTable = {};
  const missing: { line: number; message: string }[] = [];
  const story = from.slice(0, from.indexOf('/'));
  for (const ref of refs) {
    if (ref.image) {
      const target = resolveContentLink(from, ref.target);
      const media = target?.kind === 'other' ? available.get(target.path) : undefined;
      if (target?.kind === 'other' && media) out[target.path] = media;
    }
    const embed = ref.alone ? recogniseEmbed(ref.target) : undefined;
    if (!embed) continue;
    const path = `${story}/${snapshotName(embed)}`;
    const snapshot = available.get(path);
    if (!snapshot && embed.kind === 'post')
      missing.push({
        line: ref.line,
        message: `the post ${embed.url} has no snapshot (${snapshotName(embed)}), so it is published as a plain link: run \`${embedCommand(embed.url, story)}\` to keep it`,
      });
    if (!snapshot || snapshot.kind === 'picture') continue;
    out[path] = snapshot;
    for (const name of snapshotPictures(snapshot)) {
      const picture = available.get(`${story}/${name}`);
      if (picture) out[`${story}/${name}`] = picture;
    }
  }
  return { media: Object.keys(out).length ? out : undefined, missing };
}
