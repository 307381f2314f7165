/**
 * Pictures next to bulletins (`content/<story>/photo.jpg`): their size, read from the file's header
 * when it is read (no decoding), and the narrower copies a page offers in its `srcset`, so a phone
 * downloads a phone-sized picture and no page jumps while pictures load.
 */
import { imageSize } from 'image-size';

/** What a page needs of a picture: its displayed size (after the camera's rotation) and its format. */
export interface PictureInfo {
  width: number;
  height: number;
  /** `jpg`, `png`, `gif`, `webp` or `avif`. */
  format: string;
}

/** A picture as a body's render sees it: its size and the digest its copies are named by. */
export interface PictureMedia extends PictureInfo {
  kind: 'picture';
  digest: string;
}

/**
 * The most pixels a picture may have (a 50-megapixel camera's): larger ones take seconds and
 * gigabytes to resize, and a small file can claim any size (a "decompression bomb").
 */
export const MAX_PICTURE_PIXELS = 50_000_000;

/** Formats whose pictures get narrower copies. A GIF may be animated: it is published as it is. */
const RESIZED = new Set(['jpg', 'png', 'webp', 'avif']);

/** EXIF orientations 5–8 turn the picture a quarter: width and height swap on screen. */
const TURNED = new Set([5, 6, 7, 8]);

/** The size and format of a picture from its bytes, or why it cannot be one. */
export function readPicture(bytes: Uint8Array, extension: string): PictureInfo | { error: string } {
  const claimed = extension === 'jpeg' ? 'jpg' : extension;
  try {
    const size = imageSize(bytes);
    const format = size.type === 'jpg' || size.type === 'jpeg' ? 'jpg' : size.type;
    if (!format || format !== claimed || !size.width || !size.height)
      return {
        error: `is not a ${claimed.toUpperCase()} picture${format ? ` (it holds a ${format.toUpperCase()} picture: rename it to .${format})` : ''}`,
      };
    const turned = TURNED.has(size.orientation ?? 1);
    return {
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
      format,
    };
  } catch {
    return {
      error: `is not a ${claimed.toUpperCase()} picture that can be read: export it again as JPEG, PNG or WebP`,
    };
  }
}

/** The problem with a picture's size, if it is too large to resize. */
export function pictureProblem(info: PictureInfo): string | undefined {
  const pixels = info.width * info.height;
  return pixels > MAX_PICTURE_PIXELS
    ? `is ${info.width} × ${info.height} pixels (${(pixels / 1e6).toFixed(0)} megapixels); a picture may have at most ${MAX_PICTURE_PIXELS / 1e6} megapixels: make it smaller`
    : undefined;
}

/**
 * The widths of a picture's copies: each of `widths` narrower than the picture, and the picture's
 * own width when it is narrower than the widest (a 1,000-pixel picture: 400, 800 and 1,000). None
 * for a format that is not resized.
 */
export function pictureWidths(info: PictureInfo, widths: readonly number[]): number[] {
  if (!RESIZED.has(info.format)) return [];
  const widest = Math.max(...widths);
  const out = widths.filter((w) => w < info.width);
  if (info.width <= widest && !out.includes(info.width)) out.push(info.width);
  return out.sort((a, b) => a - b);
}

/** The height of a copy `width` wide, as the resizer rounds it. */
export const heightAt = (info: PictureInfo, width: number): number =>
  Math.max(1, Math.round((info.height * width) / info.width));

/**
 * The `sizes` of a picture in a bulletin: the text column (`column` pixels) on wide screens, never
 * wider than the picture itself; the screen less its margins on narrow ones.
 */
export const pictureSizes = (info: PictureInfo, column: number): string =>
  `(min-width: ${column + 32}px) ${Math.min(info.width, column)}px, calc(100vw - 2rem)`;

/**
 * A rendered body whose pictures load at once: the first update a page shows is on or near its first
 * screen, where waiting for the scroll only delays the largest paint.
 */
export const eagerPictures = (html: string): string => html.replaceAll(' loading="lazy"', '');
