/** Types of generate.mjs, for the tests. */
export interface GeneratedBulletin {
  story: string;
  file: string;
  day: string;
  token: string;
}
export function prng(seed: number): () => number;
export function storySizes(stories: number, bulletins: number): number[];
export function tokenOf(story: number, n: number): string;
export function generate(options: {
  dir: string;
  stories?: number;
  bulletins?: number;
  seed?: number;
}): GeneratedBulletin[];
export function photo(options: {
  width: number;
  height: number;
  seed: number;
  maxBytes?: number;
  amplitude?: number;
}): Promise<Buffer>;
export function addPhotos(
  dir: string,
  manifest: GeneratedBulletin[],
  every?: number,
): Promise<number>;
export function addMediaStory(dir: string): Promise<{ slug: string; day: string }>;
