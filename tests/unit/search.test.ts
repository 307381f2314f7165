import { describe, expect, test } from 'vitest';
import { createPaths } from '../../src/core/paths.ts';
import {
  buildRecord,
  entryIdentity,
  partitionEntries,
  PARTITIONING,
  recordInputs,
  searchEntries,
  sortKey,
} from '../../src/lib/publish/search-records.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import { decodeWhen, encodeWhen } from '../../src/lib/publish/when.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

const ctx = { paths: createPaths('/dateline/'), locale: 'en-GB' };
const story = makeStory({ slug: 'unrest', title: 'Unrest in Kazakhstan', tags: ['Central Asia'] });
const bulletins = [
  makeBulletin('2022-01-07T14:00', {
    story: 'unrest',
    title: 'Buildings secured',
    key: true,
    tags: ['Military', 'central asia'],
    sources: [{ title: 'Agency report', url: 'https://example.org' }],
  }),
  makeBulletin('2022-01-10', {
    story: 'unrest',
    updated: Date.parse('2022-01-10T12:00:00Z'),
    correction: 'Name fixed.',
  }),
];
const views = buildStoryViews([story], bulletins);
const texts: Record<string, string> = {
  'u-2022-01-07-1400': 'About 2,500 soldiers are deployed.',
  'u-2022-01-10': 'Calm returns.',
};

describe('search records', () => {
  const entries = searchEntries(views);
  const records = entries.map((e) => buildRecord(e, texts[e.bulletin.id], ctx, 'en'));

  test('one record per bulletin, oldest first, linked to its permalink under the base', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-1400',
      '/dateline/stories/unrest/2022-01-10/#u-2022-01-10',
    ]);
  });

  test('headline (as the title only, so excerpts never repeat it), story, date, filters and sort key', () => {
    expect(records[0]).toEqual({
      url: '/dateline/stories/unrest/2022-01-07/#u-2022-01-07-1400',
      content: 'About 2,500 soldiers are deployed.\nAgency report',
      language: 'en',
      meta: { title: 'Buildings secured', when: encodeWhen(bulletins[0]!) },
      filters: {
        story: ['unrest'],
        year: ['2022'],
        month: ['2022-01'],
        key: ['1'],
        tag: ['central-asia', 'military'],
      },
      sort: { date: '2022-01-07T08:00:00.000Z unrest u-2022-01-07-1400' },
    });
  });

  test("a bulletin that is not a key event has no key filter; its story's tags are its tags", () => {
    expect(records[1]!.filters).toEqual({
      story: ['unrest'],
      year: ['2022'],
      month: ['2022-01'],
      key: [],
      tag: ['central-asia'],
    });
  });

  test('a bulletin without a headline is titled by its day; its correction is searchable', () => {
    expect(records[1]!.meta).toEqual({
      title: 'Update of Monday, 10 January 2022',
      when: 'd20220110',
    });
  });

  test('the moment in the metadata is one opaque word, read back exactly', () => {
    expect(records[0]!.meta.when).toMatch(/^t[0-9a-z]+$/);
    expect(decodeWhen(records[0]!.meta.when)).toEqual({
      instant: Date.parse('2022-01-07T14:00:00+06:00'),
    });
    expect(decodeWhen('d20220110')).toEqual({ day: '2022-01-10' });
    expect(decodeWhen('2022-01-10')).toBeUndefined();
    expect(records[1]!.content).toContain('Correction: Name fixed.');
  });

  test("a record's inputs are what it is made of: the story's slug, zone and tags, not its title", () => {
    const entry = entries[0]!;
    const inputs = JSON.stringify(recordInputs(entry));
    for (const over of [{ slug: 'other' }, { timezone: 'Europe/Kyiv' }, { tags: ['Other'] }])
      expect(
        JSON.stringify(recordInputs({ ...entry, story: { ...entry.story, ...over } })),
      ).not.toBe(inputs);
    expect(
      JSON.stringify(recordInputs({ ...entry, story: { ...entry.story, title: 'Renamed' } })),
    ).toBe(inputs);
    expect(
      buildRecord(
        { ...entry, story: { ...entry.story, title: 'Renamed' } },
        texts[entry.bulletin.id],
        ctx,
        'en',
      ),
    ).toEqual(records[0]);
  });

  test('a bulletin that was never rendered fails loudly', () => {
    expect(() => buildRecord(entries[0]!, undefined, ctx, 'en')).toThrow(
      /no rendered text for content\/story\//,
    );
  });

  test('entries of several stories are in time order, ties broken by story then update id, as their sort keys sort', () => {
    const a = makeStory({ slug: 'a' });
    const b = makeStory({ slug: 'b' });
    const list = searchEntries(
      buildStoryViews(
        [b, a],
        [
          makeBulletin('2022-01-07', { story: 'b', id: 'u-x' }),
          makeBulletin('2022-01-07', { story: 'a', id: 'u-y' }),
          makeBulletin('2022-01-07', { story: 'a', id: 'u-b' }),
          makeBulletin('2022-01-06T23:00', { story: 'b' }),
        ],
      ),
    );
    expect(list.map((e) => `${e.story.slug}/${e.bulletin.id}`)).toEqual([
      'b/u-2022-01-06-2300',
      'a/u-b',
      'a/u-y',
      'b/u-x',
    ]);
    const keys = list.map(sortKey);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('partitionEntries', () => {
  const ids = (n: number, prefix = 'b') =>
    Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  const cut = (items: string[], options = PARTITIONING) =>
    partitionEntries(items, (x) => x, options);
  const small = { ...PARTITIONING, minBits: 4 };

  test('partitions are consecutive and hold every item once, in order', () => {
    const items = ids(5000);
    const parts = cut(items, small);
    expect(parts.flat()).toEqual(items);
    expect(parts.length).toBeGreaterThan(3);
  });

  test('an empty archive has no partitions; a small one a single partition', () => {
    expect(cut([])).toEqual([]);
    expect(cut(ids(20))).toHaveLength(1);
  });

  test('the number of partitions stays small as the archive grows', () => {
    for (const n of [2_000, 10_000, 30_000, 100_000]) {
      const parts = cut(ids(n));
      expect(parts.length, `${n} items`).toBeLessThanOrEqual(20);
      expect(Math.max(...parts.map((p) => p.length)), `${n} items`).toBeLessThan(n);
    }
  });

  test('the newest items are cut finer than the archive, so a new one re-indexes a small partition', () => {
    const parts = cut(ids(10_000));
    const last = parts.at(-1)!;
    expect(last.length).toBeLessThan(10_000 / 8);
  });

  const key = (parts: string[][]) => parts.map((p) => p.join(','));
  const changed = (before: string[][], after: string[][]) =>
    key(after).filter((p) => !key(before).includes(p)).length;

  test('adding an item at the end changes only the last partition (or closes it and opens one)', () => {
    const items = ids(10_000);
    const before = cut(items);
    for (const extra of ['x1', 'x2', 'x3', 'x4', 'x5'])
      expect(changed(before, cut([...items, extra]))).toBeLessThanOrEqual(2);
  });

  test('deleting or inserting one item in the middle changes one partition, or two neighbours', () => {
    const items = ids(10_000);
    const before = cut(items);
    for (const at of [100, 2500, 5000, 7777]) {
      expect(changed(before, cut(items.filter((_, i) => i !== at)))).toBeLessThanOrEqual(2);
      expect(
        changed(before, cut([...items.slice(0, at), `late${at}`, ...items.slice(at)])),
      ).toBeLessThanOrEqual(2);
    }
  });

  test('boundaries depend only on the items: the same items, the same partitions', () => {
    expect(cut(ids(3000))).toEqual(cut(ids(3000)));
  });

  test('identity decides the cuts, so entries are partitioned by story and update id', () => {
    const views2 = buildStoryViews([story], bulletins);
    expect(
      partitionEntries(searchEntries(views2), entryIdentity)
        .flat()
        .map((e) => e.bulletin.id),
    ).toEqual(['u-2022-01-07-1400', 'u-2022-01-10']);
  });
});
