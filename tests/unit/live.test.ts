import { describe, expect, test } from 'vitest';
import {
  agoParts,
  diffUpdates,
  liveState,
  nextDelay,
  type LiveEntry,
} from '../../src/lib/site/live.ts';
import { makeBulletin } from './fixtures.ts';

const e = (id: string, v = 'v', day = '2022-01-07'): LiveEntry => ({ id, day, v });
const onPage = (...ids: string[]) => ids.map((id) => ({ id, v: 'v' }));

describe('diffUpdates: what a live page does with the published list', () => {
  test('the same updates: nothing to do', () => {
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('c'), e('b'), e('a')])).toEqual({ kind: 'same' });
  });
  test('new updates above the newest on the page: added, newest first', () => {
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('e'), e('d'), e('c'), e('b'), e('a')])).toEqual({
      kind: 'new',
      added: [e('e'), e('d')],
    });
  });
  test('the published list is only the newest few: the rest of the page is not compared', () => {
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('d'), e('c')])).toEqual({
      kind: 'new',
      added: [e('d')],
    });
  });
  test('the page shows fewer than the list: only what both hold is compared', () => {
    expect(diffUpdates(onPage('c'), [e('d'), e('c'), e('b'), e('a')])).toEqual({
      kind: 'new',
      added: [e('d')],
    });
  });
  test('a corrected update on the page (another version): reload', () => {
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('c'), e('b', 'v2'), e('a')])).toEqual({
      kind: 'reload',
    });
    expect(diffUpdates(onPage('c', 'b'), [e('d'), e('c', 'v2'), e('b')])).toEqual({
      kind: 'reload',
    });
  });
  test('an update on the page was deleted: reload', () => {
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('c'), e('a')])).toEqual({ kind: 'reload' });
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('d'), e('b'), e('a')])).toEqual({
      kind: 'reload',
    });
  });
  test('a new update among older ones (backdated): reload, it cannot go at the top', () => {
    expect(diffUpdates(onPage('c', 'b', 'a'), [e('c'), e('x'), e('b'), e('a')])).toEqual({
      kind: 'reload',
    });
  });
  test('more new updates than the list holds (nothing in common): reload', () => {
    expect(diffUpdates(onPage('b', 'a'), [e('z'), e('y')])).toEqual({ kind: 'reload' });
  });
  test('a page without updates takes them all; an emptied story reloads', () => {
    expect(diffUpdates([], [e('b'), e('a')])).toEqual({ kind: 'new', added: [e('b'), e('a')] });
    expect(diffUpdates([], [])).toEqual({ kind: 'same' });
    expect(diffUpdates(onPage('a'), [])).toEqual({ kind: 'reload' });
  });
});

describe('liveState', () => {
  test('status and the newest updates with their day and a version from the file digest', () => {
    const list = [
      makeBulletin('2022-01-07T18:00', { digest: 'abcdefghijklmnop' }),
      makeBulletin('2022-01-07T09:00'),
      makeBulletin('2022-01-06'),
    ];
    expect(liveState({ status: 'live' }, list, 2)).toEqual({
      status: 'live',
      updates: [
        { id: 'u-2022-01-07-1800', day: '2022-01-07', v: 'abcdefghij' },
        { id: 'u-2022-01-07-0900', day: '2022-01-07', v: 'digest-202' },
      ],
    });
  });
  test('a story with a summary publishes its version, which changes with its file', () => {
    const briefing = { updated: 0, file: 'content/s/summary.md', digest: 'zyxwvutsrqponm' };
    expect(liveState({ status: 'live', briefing }, [], 2)).toEqual({
      status: 'live',
      updates: [],
      summary: 'zyxwvutsrq',
    });
  });
});

describe('nextDelay: every minute with jitter, doubling after errors up to ten minutes', () => {
  test.each([
    [0, 0, 54_000],
    [0, 0.5, 60_000],
    [0, 0.999_999, 66_000],
    [1, 0.5, 120_000],
    [2, 0.5, 240_000],
    [3, 0.5, 480_000],
    [4, 0.5, 600_000],
    [20, 0.5, 600_000],
  ])('%i failures, random %f: %i ms', (failures, random, ms) =>
    expect(nextDelay(60_000, failures, random)).toBeCloseTo(ms, -1),
  );
});

describe('agoParts', () => {
  const t = Date.parse('2022-01-07T12:00:00Z');
  test.each([
    [0, [-0, 'minute']],
    [59_999, [-0, 'minute']],
    [12 * 60_000, [-12, 'minute']],
    [60 * 60_000, [-1, 'hour']],
    [23 * 3_600_000 + 59 * 60_000, [-23, 'hour']],
    [24 * 3_600_000, [-1, 'day']],
    [-5 * 60_000, [-0, 'minute']],
  ])('%i ms later', (later, parts) => expect(agoParts(t, t + later)).toEqual(parts));
});
