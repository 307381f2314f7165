import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { getPictureRoutes } from '../../../../astro/pages.ts';
import { MAX_STORY_FILE_BYTES } from '../../../../lib/content/files.ts';
import { readRegularFile } from '../../../../lib/content/read.ts';
import type { PicturePageProps } from '../../../../lib/site/routes.ts';

export const getStaticPaths = (() => getPictureRoutes()) satisfies GetStaticPaths;

// Pictures are resized one at a time, each once: libvips's cache would only hold memory.
sharp.cache(false);

/**
 * A WebP copy of a picture next to bulletins, `width` pixels wide, turned as the camera says and
 * with no metadata (no place, no camera). Its key is the picture's digest and the copy's settings,
 * so a build makes only the copies of new pictures.
 */
export const GET: APIRoute<PicturePageProps> = async ({ props }) => {
  try {
    const copy = await sharp(readRegularFile(resolve(props.file), MAX_STORY_FILE_BYTES))
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
};
