import { describe, expect, test } from 'vitest';
import { createPaths } from '../../src/lib/paths';
import { buildRecords } from '../../src/lib/search';
import { buildStoryViews } from '../../src/lib/timeline';
import { makeBulletin, makeStory } from './fixtures';

const ctx = { paths: createPaths('/dateline/'), locale: 'en-GB' };
const story = makeStory({ slug: 'unrest', title: 'Unrest in Kazakhstan' });
const bulletins = [
  makeBulletin('2022-01-07T14:00', { story: 'unrest', title: 'Buildings secured', sources: [{ title: 'Agency report', url: 'https://example.org' }] }),
  makeBulletin('2022-01-10', { story: 'unrest', updated: Date.parse('2022-01-10T12:00:00Z'), correction: 'Name fixed.' }),
];
const views = buildStoryViews([story], bulletins);
const texts: Record<string, string> = { 'u-2022-01-07-1400': 'About 2,500 soldiers are deployed.', 'u-2022-01-10': 'Calm returns.' };

describe('buildRecords', () => {
  const records = buildRecords(views, (_story, id) => texts[id], ctx, 'en');

  test('one record per bulletin, newest first, linked to its permalink under the base', () => {
    expect(records.map((r) => r.url)).toEqual(['/dateline/stories/unrest/2022-01-10/#u-2022-01-10', '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-1400']);
  });

  test('headline, story, date, filter and sort key', () => {
    expect(records[1]).toEqual({
      url: '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-1400',
      content: 'Buildings secured\nAbout 2,500 soldiers are deployed.\nAgency report',
      language: 'en',
      meta: { title: 'Buildings secured', story: 'Unrest in Kazakhstan', date: 'Friday, 7 January 2022, 14:00 GMT+6' },
      filters: { story: ['unrest'] },
      sort: { date: '2022-01-07T08:00:00.000Z' },
    });
  });

  test('a bulletin without a headline is titled by its day; its correction is searchable', () => {
    expect(records[0]!.meta.title).toBe('Update of Monday, 10 January 2022');
    expect(records[0]!.content).toContain('Correction: Name fixed.');
  });

  test('a bulletin that was never rendered fails loudly', () => {
    expect(() => buildRecords(views, () => undefined, ctx, 'en')).toThrow(/no rendered text for content\/story\//);
  });
});
