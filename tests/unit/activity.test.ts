import { describe, expect, test } from 'vitest';
import { activityChart, busiestDays, daysPerBar } from '../../src/lib/site/activity.ts';
import { createPaths } from '../../src/core/paths.ts';
import { viewActivity } from '../../src/lib/site/views.ts';

const day = (d: string, count: number, keyCount = 0) => ({ day: d, count, keyCount });

describe('daysPerBar', () => {
  test.each([
    [1, 120, 1],
    [120, 120, 1],
    [121, 120, 7],
    [840, 120, 7],
    [841, 120, 28],
    [3360, 120, 28],
    [3361, 120, 56],
    [10_000, 120, 84],
  ])('%i days in %i bars: %i days a bar', (span, max, per) =>
    expect(daysPerBar(span, max)).toBe(per),
  );
});

describe('activityChart', () => {
  test('nothing to draw without days', () => expect(activityChart([])).toBeUndefined());

  test('a bar per day across the span, empty days included, heights linear with a floor of one', () => {
    const chart = activityChart(
      [day('2022-01-07', 20, 1), day('2022-01-05', 1), day('2022-01-04', 10)],
      120,
      40,
    )!;
    expect(chart.daysPerBar).toBe(1);
    expect(chart.bars.map((b) => [b.from, b.count, b.h])).toEqual([
      ['2022-01-04', 10, 20],
      ['2022-01-05', 1, 2],
      ['2022-01-06', 0, 0],
      ['2022-01-07', 20, 40],
    ]);
    expect(chart.max).toBe(20);
    expect([chart.width, chart.span]).toEqual([4, 4]);
    expect(chart.bars[3]!.keyCount).toBe(1);
  });

  test('a quiet day beside a very busy one is still drawn', () => {
    const chart = activityChart([day('2022-01-01', 1000), day('2022-01-02', 1)], 120, 40)!;
    expect(chart.bars[1]!.h).toBe(1);
  });

  test('spans across a month and a leap day count calendar days in UTC (no zone, no DST)', () => {
    const chart = activityChart([day('2024-02-28', 1), day('2024-03-31', 1)])!;
    expect(chart.bars).toHaveLength(33);
    expect(chart.bars.at(-1)!.from).toBe('2024-03-31');
  });

  test('a long span: a week per bar, each bar linking to its busiest day, the earlier of equals', () => {
    const days = [
      day('2022-01-01', 2),
      day('2022-01-03', 5),
      day('2022-01-05', 5),
      day('2022-12-31', 1),
    ];
    const chart = activityChart(days, 120)!;
    expect(chart.daysPerBar).toBe(7);
    expect(chart.bars).toHaveLength(53);
    expect(chart.bars[0]).toMatchObject({
      from: '2022-01-01',
      to: '2022-01-07',
      count: 12,
      busiest: '2022-01-03',
    });
    expect(chart.bars.at(-1)).toMatchObject({ from: '2022-12-31', to: '2022-12-31', count: 1 });
    expect(chart.bars.reduce((n, b) => n + b.count, 0)).toBe(13);
  });

  test('never more bars than asked for, however long the story', () => {
    const chart = activityChart([day('2000-01-01', 1), day('2026-01-01', 1)], 120)!;
    expect(chart.bars.length).toBeLessThanOrEqual(120);
  });
});

describe('busiestDays', () => {
  test('most updates first, the earlier of equals first', () => {
    expect(
      busiestDays(
        [day('2022-01-07', 3), day('2022-01-06', 9), day('2022-01-05', 3), day('2022-01-04', 1)],
        3,
      ).map((d) => d.day),
    ).toEqual(['2022-01-06', '2022-01-05', '2022-01-07']);
  });
});

describe('viewActivity', () => {
  const ctx = { paths: createPaths('/dateline/'), locale: 'en-GB' };
  const view = viewActivity(
    [day('2022-01-07', 4, 1), day('2022-01-05', 1)],
    { slug: 'unrest', timezone: 'Asia/Almaty' },
    ctx,
  )!;
  test('a text alternative with the total, the span and the busiest days, linked under the base', () => {
    expect(view.summary).toMatch(
      /^Updates per day: 5 updates over 3 days, 5\s*–\s*7 January 2022\.$/,
    );
    expect(view.busiest).toEqual([
      { label: 'Friday, 7 January 2022', href: '/dateline/stories/unrest/2022-01-07/', count: 4 },
      {
        label: 'Wednesday, 5 January 2022',
        href: '/dateline/stories/unrest/2022-01-05/',
        count: 1,
      },
    ]);
  });
  test('only bars with updates are drawn, each labelled and linked to its day page', () => {
    expect(view.bars).toEqual([
      {
        x: 0,
        h: 10,
        href: '/dateline/stories/unrest/2022-01-05/',
        label: 'Wednesday, 5 January 2022: 1 update',
        key: false,
      },
      {
        x: 2,
        h: 40,
        href: '/dateline/stories/unrest/2022-01-07/',
        label: 'Friday, 7 January 2022: 4 updates, 1 key event',
        key: true,
      },
    ]);
  });
});
