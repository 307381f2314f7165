import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import {
  eagerPictures,
  heightAt,
  MAX_PICTURE_PIXELS,
  pictureProblem,
  pictureSizes,
  pictureWidths,
  readPicture,
} from '../../src/lib/content/pictures.ts';
import { rebaseHtml } from '../../src/core/paths.ts';

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } });

describe('readPicture', () => {
  test('reads the size and format from the header of each format', async () => {
    expect(readPicture(await image(640, 480).jpeg().toBuffer(), 'jpg')).toEqual({
      width: 640,
      height: 480,
      format: 'jpg',
    });
    expect(readPicture(await image(640, 480).jpeg().toBuffer(), 'jpeg')).toMatchObject({
      format: 'jpg',
    });
    expect(readPicture(await image(30, 20).png().toBuffer(), 'png')).toMatchObject({ width: 30 });
    expect(readPicture(await image(30, 20).webp().toBuffer(), 'webp')).toMatchObject({
      height: 20,
    });
    expect(readPicture(await image(30, 20).gif().toBuffer(), 'gif')).toMatchObject({
      format: 'gif',
    });
  });

  test('a camera picture turned a quarter (EXIF orientation 6) is as wide as it is shown', async () => {
    const turned = await image(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(readPicture(turned, 'jpg')).toEqual({ width: 400, height: 600, format: 'jpg' });
  });

  test('a file that is not the picture its name says is named as such', async () => {
    const png = await image(10, 10).png().toBuffer();
    expect(readPicture(png, 'jpg')).toEqual({
      error: 'is not a JPG picture (it holds a PNG picture: rename it to .png)',
    });
    expect(readPicture(Buffer.from('<html>not a picture</html>'), 'png')).toMatchObject({
      error: expect.stringContaining('is not a PNG picture that can be read'),
    });
    expect(readPicture(new Uint8Array(0), 'webp')).toHaveProperty('error');
  });
});

test('a picture over the pixel limit is a problem, one under it is not', () => {
  expect(pictureProblem({ width: 8000, height: 6000, format: 'jpg' })).toBeUndefined();
  expect(pictureProblem({ width: 20000, height: 20000, format: 'png' })).toBe(
    `is 20000 × 20000 pixels (400 megapixels); a picture may have at most ${MAX_PICTURE_PIXELS / 1e6} megapixels: make it smaller`,
  );
});

describe('pictureWidths', () => {
  const widths = [400, 800, 1200, 1600];
  test.each([
    [4000, 'jpg', [400, 800, 1200, 1600]],
    [1600, 'jpg', [400, 800, 1200, 1600]],
    [1000, 'webp', [400, 800, 1000]],
    [400, 'png', [400]],
    [300, 'avif', [300]],
    [1000, 'gif', []],
  ])('%i px %s → %j', (width, format, expected) => {
    expect(pictureWidths({ width, height: 100, format }, widths)).toEqual(expected);
  });
});

test('heightAt keeps the proportions, as the resizer rounds', () => {
  expect(heightAt({ width: 3000, height: 2000, format: 'jpg' }, 400)).toBe(267);
  expect(heightAt({ width: 3000, height: 1, format: 'jpg' }, 400)).toBe(1);
});

test('sizes: the column on wide screens, never wider than the picture; the screen on narrow ones', () => {
  expect(pictureSizes({ width: 3000, height: 1, format: 'jpg' }, 640)).toBe(
    '(min-width: 672px) 640px, calc(100vw - 2rem)',
  );
  expect(pictureSizes({ width: 480, height: 1, format: 'png' }, 640)).toBe(
    '(min-width: 672px) 480px, calc(100vw - 2rem)',
  );
});

test('eagerPictures drops lazy loading and nothing else', () => {
  expect(eagerPictures('<img src="/a" loading="lazy"> <p>loading="lazy"</p>')).toBe(
    '<img src="/a"> <p>loading="lazy"</p>',
  );
});

test('rebaseHtml puts every URL of a srcset under the base path', () => {
  expect(
    rebaseHtml('<img src="/a.webp" srcset="/a-1.webp 400w, /a-2.webp 800w, //cdn/x 1x">', '/d/'),
  ).toBe('<img src="/d/a.webp" srcset="/d/a-1.webp 400w, /d/a-2.webp 800w, //cdn/x 1x">');
});
