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
