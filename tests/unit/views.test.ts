import { describe, expect, test } from 'vitest';
import { createPaths } from '../../src/core/paths.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import {
  coverageSpan,
  groupDaysByMonth,
  viewBulletin,
  viewDay,
  viewDayLinks,
  viewHeadlineDay,
} from '../../src/lib/site/views.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

const ctx = { paths: createPaths('/dateline/'), locale: 'en-GB' };
const story = makeStory({ slug: 'unrest' });

describe('viewBulletin', () => {
  test('a timed bulletin with a headline', () => {
    const v = viewBulletin(
      makeBulletin('2022-01-07T14:30', { title: 'Curfew', key: true }),
      story,
      ctx,
      'u-2022-01-07-1430',
    );
    expect(v).toMatchObject({
      id: 'u-2022-01-07-1430',
      permalink: '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-1430',
      heading: 'Curfew',
      hasHeadline: true,
      when: { iso: '2022-01-07T14:30:00+06:00', text: '14:30 GMT+6' },
      fullWhen: { iso: '2022-01-07T14:30:00+06:00', text: 'Friday, 7 January 2022, 14:30 GMT+6' },
      key: true,
      latest: true,
    });
  });
  test('without a headline it is described by its time', () => {
    expect(viewBulletin(makeBulletin('2022-01-07T14:30'), story, ctx).heading).toBe(
      'Update at 14:30 GMT+6',
    );
    expect(viewBulletin(makeBulletin('2022-01-07'), story, ctx)).toMatchObject({
      heading: 'Update of Friday, 7 January 2022',
      when: { iso: '2022-01-07', text: 'Friday, 7 January 2022' },
      latest: false,
    });
  });
  test('a correction carries its time in the story zone', () => {
    const v = viewBulletin(
      makeBulletin('2022-01-07T14:30', {
        updated: Date.parse('2022-01-07T20:00:00Z'),
        correction: 'Fixed.',
      }),
      story,
      ctx,
    );
    expect(v.updated).toEqual({
      iso: '2022-01-08T02:00:00+06:00',
      text: 'Saturday, 8 January 2022, 02:00 GMT+6',
    });
    expect(v.correction).toBe('Fixed.');
  });
});

describe('headlines (a story read from the start)', () => {
  const text = Array.from({ length: 30 }, (_, i) => `w${i + 1}`).join(' ');
  test('a headline links to the permalink with its first line under it; without one, its first words are the link', () => {
    const day = buildStoryViews(
      [story],
      [
        makeBulletin('2022-01-07T14:30', { story: 'unrest', title: 'Curfew', key: true }),
        makeBulletin('2022-01-07T09:00', { story: 'unrest' }),
      ],
    )[0]!.days[0]!;
    const v = viewHeadlineDay(day, story, ctx, () => text);
    expect(v).toMatchObject({
      day: '2022-01-07',
      anchor: '2022-01-07',
      heading: 'Friday, 7 January 2022',
      dayPage: '/dateline/stories/unrest/2022-01-07/',
    });
    expect(v.updates).toEqual([
      {
        id: 'u-2022-01-07-1430',
        permalink: '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-1430',
        when: { iso: '2022-01-07T14:30:00+06:00', text: '14:30 GMT+6' },
        text: 'Curfew',
        key: true,
        lead: `${text.split(' ').slice(0, 20).join(' ')}…`,
      },
      {
        id: 'u-2022-01-07-0900',
        permalink: '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-0900',
        when: { iso: '2022-01-07T09:00:00+06:00', text: '09:00 GMT+6' },
        text: `${text.split(' ').slice(0, 14).join(' ')}…`,
        key: false,
        lead: undefined,
      },
    ]);
  });
});

describe('days', () => {
  const view = buildStoryViews(
    [story],
    [
      makeBulletin('2022-01-05T10:00', { story: 'unrest' }),
      makeBulletin('2022-01-07T10:00', { story: 'unrest', key: true }),
      makeBulletin('2021-12-31T10:00', { story: 'unrest' }),
    ],
  )[0]!;
  test('a day view', () => {
    expect(viewDay(view.days[0]!, story, ctx)).toMatchObject({
      day: '2022-01-07',
      anchor: '2022-01-07',
      heading: 'Friday, 7 January 2022',
      dayPage: '/dateline/stories/unrest/2022-01-07/',
    });
  });
  test('day links point at sections on the page or at day pages', () => {
    const links = viewDayLinks(view.days, story, ctx, (d) => d === '2022-01-07');
    expect(links.map((l) => [l.label, l.href, l.count, l.keyCount])).toEqual([
      ['7 Jan', '#2022-01-07', 1, 1],
      ['5 Jan', '/dateline/stories/unrest/2022-01-05/', 1, 0],
      ['31 Dec 2021', '/dateline/stories/unrest/2021-12-31/', 1, 0],
    ]);
  });
  test('days grouped by month for the day index', () => {
    const months = groupDaysByMonth(
      viewDayLinks(view.days, story, ctx, () => false),
      'en-GB',
    );
    expect(months.map((m) => [m.label, m.days.map((d) => d.short)])).toEqual([
      ['January 2022', ['Fri 7', 'Wed 5']],
      ['December 2021', ['Fri 31']],
    ]);
  });
  test('coverage span', () => {
    expect(coverageSpan(view.days, ctx)).toMatch(/^31 December 2021\s–\s7 January 2022$/);
    expect(coverageSpan([], ctx)).toBeUndefined();
  });
});
