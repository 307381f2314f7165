import { describe, expect, test } from 'vitest';
import {
  buildStoryViews,
  chronological,
  compareNewestFirst,
  groupByDay,
  keyEventDays,
  neighbours,
  newestAcross,
  newestChange,
  orderStories,
  pageDays,
  splitTimeline,
} from '../../src/lib/site/timeline.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

const ids = (list: { id: string }[]) => list.map((b) => b.id);

describe('ordering', () => {
  test('newest first, date-only bulletins at the start of their day, ties by file name', () => {
    const list = [
      makeBulletin('2022-01-07T09:00'),
      makeBulletin('2022-01-07'),
      makeBulletin('2022-01-07T18:00'),
      makeBulletin('2022-01-08T00:30'),
    ];
    expect(ids(list.sort(compareNewestFirst))).toEqual([
      'u-2022-01-08-0030',
      'u-2022-01-07-1800',
      'u-2022-01-07-0900',
      'u-2022-01-07',
    ]);
  });
  test('equal instants order by id, newest file name first', () => {
    const a = makeBulletin('2022-01-07T09:00', { id: 'u-a' });
    const b = makeBulletin('2022-01-07T09:00', { id: 'u-b' });
    expect(ids([a, b].sort(compareNewestFirst))).toEqual(['u-b', 'u-a']);
  });
});

describe('groupByDay', () => {
  test('days newest first, each with its bulletins newest first', () => {
    const days = groupByDay([
      makeBulletin('2022-01-05T12:00'),
      makeBulletin('2022-01-07T09:00'),
      makeBulletin('2022-01-07T18:00'),
      makeBulletin('2022-01-06'),
    ]);
    expect(days.map((d) => [d.day, ids(d.bulletins)])).toEqual([
      ['2022-01-07', ['u-2022-01-07-1800', 'u-2022-01-07-0900']],
      ['2022-01-06', ['u-2022-01-06']],
      ['2022-01-05', ['u-2022-01-05-1200']],
    ]);
  });
  test('uses the stored story-local day, not the UTC date', () => {
    // 01:00 in Almaty on the 8th is still the 7th in UTC.
    const late = makeBulletin('2022-01-08T01:00');
    expect(new Date(late.instant).toISOString().slice(0, 10)).toBe('2022-01-07');
    expect(groupByDay([late])[0]!.day).toBe('2022-01-08');
  });
  test('empty', () => expect(groupByDay([])).toEqual([]));
});

describe('splitTimeline', () => {
  const days = groupByDay(
    ['2022-01-01', '2022-01-02', '2022-01-03', '2022-01-04'].map((d) =>
      makeBulletin(d, { key: d === '2022-01-01' }),
    ),
  );
  test('the newest N days in full, the rest as summaries', () => {
    const { full, earlier } = splitTimeline(days, 2);
    expect(full.map((d) => d.day)).toEqual(['2022-01-04', '2022-01-03']);
    expect(earlier).toEqual([
      { day: '2022-01-02', count: 1, keyCount: 0 },
      { day: '2022-01-01', count: 1, keyCount: 1 },
    ]);
  });
  test('shows at least one day', () => expect(splitTimeline(days, 0).full).toHaveLength(1));
  test('stops before a day that would pass the bulletin limit, whole days only', () => {
    const busy = groupByDay([
      ...['09:00', '10:00', '11:00'].map((t) => makeBulletin(`2022-01-04T${t}`)),
      ...['09:00', '10:00'].map((t) => makeBulletin(`2022-01-03T${t}`)),
      makeBulletin('2022-01-02'),
    ]);
    expect(splitTimeline(busy, 7, 5).full.map((d) => d.day)).toEqual(['2022-01-04', '2022-01-03']);
    expect(splitTimeline(busy, 7, 4).full.map((d) => d.day)).toEqual(['2022-01-04']);
    // The newest day is shown even when it alone passes the limit.
    expect(splitTimeline(busy, 7, 1).full.map((d) => d.day)).toEqual(['2022-01-04']);
  });
  test('a short story is all in full', () => expect(splitTimeline(days, 10).earlier).toEqual([]));
});

describe('neighbours', () => {
  const days = groupByDay(['2022-01-05', '2022-01-06', '2022-01-10'].map((d) => makeBulletin(d)));
  test.each([
    ['2022-01-10', { older: '2022-01-06' }],
    ['2022-01-06', { newer: '2022-01-10', older: '2022-01-05' }],
    ['2022-01-05', { newer: '2022-01-06' }],
    ['2022-01-07', {}],
  ])('%s', (day, expected) => expect(neighbours(days, day)).toEqual(expected));
});

describe('story views and the front page', () => {
  const live = makeStory({ slug: 'live', title: 'B live', status: 'live' });
  const old = makeStory({ slug: 'old', title: 'A closed', status: 'closed' });
  const quiet = makeStory({ slug: 'quiet', title: 'C live, no updates', status: 'live' });
  const bulletins = [
    makeBulletin('2022-01-05T10:00', { story: 'old', id: 'u-old-1' }),
    makeBulletin('2022-01-09T10:00', { story: 'old', id: 'u-old-2' }),
    makeBulletin('2022-01-06T10:00', { story: 'live', id: 'u-live-1' }),
    makeBulletin('2022-01-01T10:00', { story: 'ghost', id: 'u-ghost' }),
  ];
  const views = buildStoryViews([old, live, quiet], bulletins);

  test('each story gets its own bulletins, newest first, with latest and first', () => {
    const o = views.find((v) => v.story.slug === 'old')!;
    expect(ids(o.bulletins)).toEqual(['u-old-2', 'u-old-1']);
    expect(o.latest?.id).toBe('u-old-2');
    expect(o.first?.id).toBe('u-old-1');
    expect(o.days.map((d) => d.day)).toEqual(['2022-01-09', '2022-01-05']);
  });
  test('live stories come first, then by latest update', () => {
    expect(orderStories(views).map((v) => v.story.slug)).toEqual(['live', 'quiet', 'old']);
  });
  test('newest across stories', () => {
    expect(ids(newestAcross(views, 2))).toEqual(['u-old-2', 'u-live-1']);
    expect(ids(newestAcross(views, 10))).toEqual(['u-old-2', 'u-live-1', 'u-old-1']);
  });
});

describe('pageDays, chronological and keyEventDays', () => {
  const days = groupByDay([
    ...['09:00', '10:00', '11:00'].map((t) =>
      makeBulletin(`2022-01-04T${t}`, { key: t === '10:00' }),
    ),
    ...['09:00', '10:00'].map((t) => makeBulletin(`2022-01-03T${t}`)),
    makeBulletin('2022-01-02', { key: true }),
    makeBulletin('2022-01-01T12:00'),
  ]);
  const dayList = (pages: { day: string }[][]) => pages.map((p) => p.map((d) => d.day));

  test('whole days, at most so many days and bulletins a page, every day on exactly one page', () => {
    expect(dayList(pageDays(days, 2))).toEqual([
      ['2022-01-04', '2022-01-03'],
      ['2022-01-02', '2022-01-01'],
    ]);
    expect(dayList(pageDays(days, 7, 4))).toEqual([
      ['2022-01-04'],
      ['2022-01-03', '2022-01-02', '2022-01-01'],
    ]);
    // A day bigger than the limit still gets a page of its own, whole.
    expect(dayList(pageDays(days, 7, 1))).toEqual([
      ['2022-01-04'],
      ['2022-01-03'],
      ['2022-01-02'],
      ['2022-01-01'],
    ]);
    for (const [d, b] of [
      [1, 1],
      [2, 3],
      [3, 5],
      [7, 60],
    ] as const)
      expect(pageDays(days, d, b).flat()).toEqual(days);
  });
  test('no days, no pages', () => expect(pageDays([], 7, 60)).toEqual([]));
  test("the timeline's days in full are the first page", () => {
    expect(splitTimeline(days, 2, 4).full).toEqual(pageDays(days, 2, 4)[0]);
  });
  test('days added at the end change only the last page', () => {
    const start = chronological(days);
    const more = chronological(
      groupByDay([...days.flatMap((d) => d.bulletins), makeBulletin('2022-01-05T08:00')]),
    );
    const [a, b] = [pageDays(start, 2, 4), pageDays(more, 2, 4)];
    expect(b.slice(0, a.length - 1)).toEqual(a.slice(0, -1));
  });
  test('from the start: days and bulletins oldest first', () => {
    const old = chronological(days);
    expect(old.map((d) => d.day)).toEqual(['2022-01-01', '2022-01-02', '2022-01-03', '2022-01-04']);
    expect(ids(old[3]!.bulletins)).toEqual([
      'u-2022-01-04-0900',
      'u-2022-01-04-1000',
      'u-2022-01-04-1100',
    ]);
    expect(ids(days[0]!.bulletins)).toEqual([
      'u-2022-01-04-1100',
      'u-2022-01-04-1000',
      'u-2022-01-04-0900',
    ]);
  });
  test('key events grouped by their days, days without one left out', () => {
    expect(keyEventDays(days).map((d) => [d.day, ids(d.bulletins)])).toEqual([
      ['2022-01-04', ['u-2022-01-04-1000']],
      ['2022-01-02', ['u-2022-01-02']],
    ]);
  });
});

describe('newestChange', () => {
  test("a story's newest change, corrections included, however many updates it has", () => {
    const base = makeBulletin('2022-01-07T10:00');
    const many = Array.from({ length: 300_000 }, (_, i) => ({
      ...base,
      instant: base.instant + i,
    }));
    // Spreading 300,000 values into Math.max overflows the call stack; the loop does not.
    expect(() => Math.max(...many.map((b) => b.instant))).toThrow(RangeError);
    expect(newestChange(many)).toBe(base.instant + 299_999);
    const corrected = { ...base, updated: base.instant + 1_000_000 };
    expect(newestChange([...many.slice(0, 10), corrected])).toBe(base.instant + 1_000_000);
    expect(newestChange([])).toBe(-Infinity);
  });
});
