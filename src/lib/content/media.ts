/**
 * What a body shows of other files of the content folder: pictures (their size and digest, so a
 * page can reserve their space and offer narrower copies). A body's rendered HTML depends on them,
 * so they are part of its scope, and of its key (src/core/cache-keys.ts): a picture replaced under
 * the same name renders the bulletins that show it again, and no other.
 */
import { resolveContentLink, type LinkRef } from './links.ts';
import type { PictureMedia } from './pictures.ts';

/** One file a body shows, by its path in the content folder (`<story>/<name>`). */
export type Media = PictureMedia;

/** What a body shows, by path in the content folder, in the order it shows them. */
export type MediaTable = Record<string, Media>;

/**
 * The media a body (`from`, `<story>/<file>.md` in the content folder) shows among `available`:
 * the pictures its images refer to. Undefined when it shows none.
 */
export function mediaOf(
  from: string,
  refs: readonly LinkRef[],
  available: ReadonlyMap<string, Media>,
): MediaTable | undefined {
  const out: MediaTable = {};
  for (const ref of refs) {
    if (!ref.image) continue;
    const target = resolveContentLink(from, ref.target);
    const media = target?.kind === 'other' ? available.get(target.path) : undefined;
    if (target?.kind === 'other' && media) out[target.path] = media;
  }
  return Object.keys(out).length ? out : undefined;
}
