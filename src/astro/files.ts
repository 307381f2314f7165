/**
 * The responses of the routes that publish files from the content folder: a file next to the
 * bulletins or an author's photo as it is, and a picture's WebP copies. Every file is read without
 * following a link and with its size capped, like every content file (src/lib/content/read.ts).
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { MAX_STORY_FILE_BYTES } from '../lib/content/files.ts';
import { readRegularFile } from '../lib/content/read.ts';
import type { PicturePageProps, StoryFilePageProps } from '../lib/site/routes.ts';

// Pictures are resized one at a time, each once: libvips's cache would only hold memory.
sharp.cache(false);

const read = (file: string) => readRegularFile(resolve(file), MAX_STORY_FILE_BYTES);

/** A content file (`content/<story>/map.png`, `content/authors/<name>.png`), byte for byte. */
export const fileResponse = (props: StoryFilePageProps): Response =>
  new Response(read(props.file), { headers: { 'content-type': props.type } });

/**
 * A WebP copy of a picture next to bulletins, `width` pixels wide, turned as the camera says and
 * with no metadata (no place, no camera).
 */
export async function pictureResponse(props: PicturePageProps): Promise<Response> {
  try {
    const copy = await sharp(read(props.file))
      .rotate()
      .resize({ width: props.width, withoutEnlargement: true })
      .webp(props.lossless ? { lossless: true } : { quality: props.quality })
      .toBuffer();
    return new Response(new Uint8Array(copy), { headers: { 'content-type': 'image/webp' } });
  } catch (err) {
    throw new Error(
      `${props.file}: the picture could not be resized (${err instanceof Error ? err.message : String(err)}): export it again as JPEG, PNG or WebP`,
      { cause: err },
    );
  }
}
