import { describe, expect, test } from 'vitest';
import { formatMonth, groupMonths, monthOf } from '../../src/lib/site/months.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

describe('months', () => {
  test('a month is the month of the story-local day', () => {
    // 00:30 on 1 February in Almaty is still 31 January in UTC.
    const b = makeBulletin('2022-02-01T00:30');
    expect(new Date(b.instant).toISOString().slice(0, 7)).toBe('2022-01');
    expect(monthOf(b.day)).toBe('2022-02');
  });

  const a = makeStory({ slug: 'a' });
  const z = makeStory({ slug: 'z' });
  const views = buildStoryViews(
    [a, z],
    [
      makeBulletin('2022-01-05T10:00', { story: 'a', key: true }),
      makeBulletin('2022-01-07T10:00', { story: 'a', key: true }),
      makeBulletin('2022-01-07T12:00', { story: 'a', key: true }),
      makeBulletin('2022-02-01T00:30', { story: 'a' }),
      makeBulletin('2021-12-31T23:00', { story: 'z' }),
      makeBulletin('2022-01-20', { story: 'z' }),
    ],
  );
  const months = groupMonths(views, 2);

  test('every month with updates, newest first, with counts across stories', () => {
    expect(months.map((m) => [m.month, m.count, m.stories.map((s) => s.story.slug)])).toEqual([
      ['2022-02', 1, ['a']],
      ['2022-01', 4, ['a', 'z']],
      ['2021-12', 1, ['z']],
    ]);
  });

  test("each story's days that month, newest first, and its key events up to the limit with their total", () => {
    const jan = months[1]!.stories[0]!;
    expect(jan.count).toBe(3);
    expect(jan.days).toEqual([
      { day: '2022-01-07', count: 2, keyCount: 2 },
      { day: '2022-01-05', count: 1, keyCount: 1 },
    ]);
    expect(jan.keyEvents.map((b) => b.id)).toEqual(['u-2022-01-07-1200', 'u-2022-01-07-1000']);
    expect(jan.keyCount).toBe(3);
  });

  test('every bulletin is in exactly one month', () => {
    const ids = months.flatMap((m) =>
      m.stories.flatMap((s) =>
        s.days.flatMap((d) => Array(d.count).fill(`${s.story.slug} ${d.day}`)),
      ),
    );
    expect(ids).toHaveLength(views.reduce((n, v) => n + v.bulletins.length, 0));
  });

  test('month names', () => {
    expect(formatMonth('2022-01', 'en-GB')).toBe('January 2022');
    expect(formatMonth('2022-01', 'ru')).toMatch(/^январь 2022/);
  });
  test('no bulletins, no months', () =>
    expect(groupMonths(buildStoryViews([a], []), 5)).toEqual([]));
});
