import { describe, expect, test } from 'vitest';
import { cutItems, hash32, level } from '../../src/core/cuts.ts';

describe('hash32 and level', () => {
  test('the same text, the same hash; levels count trailing zero bits', () => {
    expect(hash32('2022-01-07')).toBe(hash32('2022-01-07'));
    expect(hash32('2022-01-07')).not.toBe(hash32('2022-01-08'));
    expect([level(1), level(2), level(12), level(0x80000000), level(0)]).toEqual([0, 1, 2, 31, 32]);
  });

  test('about one item in 2^k has level k or more', () => {
    const levels = Array.from({ length: 4096 }, (_, i) => level(hash32(`day${i}`)));
    const atLeast = (k: number) => levels.filter((l) => l >= k).length / levels.length;
    expect(atLeast(1)).toBeGreaterThan(0.45);
    expect(atLeast(1)).toBeLessThan(0.55);
    expect(atLeast(4)).toBeGreaterThan(0.04);
    expect(atLeast(4)).toBeLessThan(0.09);
  });
});

describe('cutItems: pieces of bounded size, cut where the items say', () => {
  const ids = (n: number) =>
    Array.from({ length: n }, (_, i) => `day${String(i).padStart(6, '0')}`);
  // Updates per day: mostly quiet, now and then a busy day.
  const weightOf = (id: string) =>
    Number(id.slice(3)) % 17 === 0 ? 25 : 1 + (Number(id.slice(3)) % 9);
  const cut = (items: string[], max = 2_000, weight = weightOf) =>
    cutItems(items, (x) => x, weight, max);
  const joined = (segments: string[][]) => segments.map((s) => s.join());

  test('every item once, in order, in segments of at most the limit (a larger day alone)', () => {
    expect(cut([])).toEqual([]);
    const items = ids(5_000);
    const segments = cut(items);
    expect(segments.flat()).toEqual(items);
    expect(segments.length).toBeGreaterThan(5);
    for (const s of segments)
      expect(s.reduce((n, x) => n + weightOf(x), 0)).toBeLessThanOrEqual(2_000);
    expect(cut(['a', 'b', 'c'], 10, () => 50)).toEqual([['a'], ['b'], ['c']]);
  });

  test('most cuts are made by the days themselves, not by the limit', () => {
    const segments = cut(ids(20_000));
    const full = segments.filter((s) => s.reduce((n, x) => n + weightOf(x), 0) > 1_950).length;
    expect(full / segments.length).toBeLessThan(0.25);
  });

  test('a new day changes the last segment; a heavier or a deleted day only the segments up to the next cut of its own', () => {
    const items = ids(8_000);
    const before = joined(cut(items));
    const after = joined(cut([...items, 'new']));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    for (const at of [100, 3_000, 6_500]) {
      const heavier = (x: string) => (x === items[at] ? 400 : weightOf(x));
      const changed = (list: string[]) => list.filter((s) => !before.includes(s)).length;
      expect(changed(joined(cut(items, 2_000, heavier))), `heavier at ${at}`).toBeLessThanOrEqual(
        3,
      );
      expect(
        changed(joined(cut(items.filter((_, i) => i !== at)))),
        `deleted at ${at}`,
      ).toBeLessThanOrEqual(3);
    }
  });
});
