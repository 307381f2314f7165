/**
 * Content-defined cuts of a list, as backup tools cut files into chunks: where a piece ends is
 * decided by the items themselves (a hash of their identity), not by their positions, so that an
 * edit, a deletion or a new item moves few cuts. The search index's tiers and segments
 * (src/lib/publish/search-records.ts), the pages of a story read from the start and an author's
 * pages (src/lib/site/routes.ts) are cut this way. Imports nothing of ours.
 */
import { createHash } from 'node:crypto';

/** 32 bits of a string's SHA-256: where a piece ends depends on nothing but the item's identity. */
export function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Trailing zero bits (32 for 0): an item has level k or more with probability 2^-k. */
export function level(x: number): number {
  if (x === 0) return 32;
  let n = 0;
  while ((x & 1) === 0) {
    x >>>= 1;
    n++;
  }
  return n;
}

/**
 * Cuts `items` (in their order) into pieces each of at most `max` by `weight` (a single item of
 * more is a piece of its own). A piece starts at an item of level `cutLevel(max, perItem)` or more,
 * or where the item would take the piece before over `max`; `perItem` is about what an item weighs
 * (8 for a day of updates, 1 for an update), so that most pieces weigh a quarter to a half of
 * `max`. An edit to an item changes the piece it is in; a deleted item or a changed weight moves at
 * most the cuts up to the next item of that level; a new item at the end changes the last piece.
 * Pure.
 */
export function cutItems<T>(
  items: readonly T[],
  identity: (item: T) => string,
  weight: (item: T) => number,
  max: number,
  perItem = 8,
): T[][] {
  const cut = cutLevel(max, perItem);
  const pieces: T[][] = [];
  let current: T[] = [];
  let load = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length && (load + w > max || level(hash32(identity(item))) >= cut)) {
      pieces.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
  }
  if (current.length) pieces.push(current);
  return pieces;
}

/**
 * The level from which an item starts a piece of at most `max`: one item in max/(4·perItem) to
 * max/(2·perItem), a quarter to a half of `max` on average, so that few pieces are cut by size.
 */
const cutLevel = (max: number, perItem: number): number =>
  Math.max(0, Math.floor(Math.log2(max / (2 * perItem))));
