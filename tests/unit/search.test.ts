import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { createPaths } from '../../src/core/paths.ts';
import {
  decodeUpdates,
  decodeWhen,
  encodeUpdates,
  encodeWhen,
  tagHash,
} from '../../src/lib/publish/search-meta.ts';
import {
  buildRecord,
  dayFilters,
  dayIdentity,
  recordInputs,
  searchDays,
  searchFacets,
  sortKey,
  tierWindows,
  tierItems,
} from '../../src/lib/publish/search-records.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

const ctx = { paths: createPaths('/dateline/'), locale: 'en-GB' };
const story = makeStory({ slug: 'unrest', title: 'Unrest in Kazakhstan', tags: ['Central Asia'] });
const bulletins = [
  makeBulletin('2022-01-07T14:00', {
    story: 'unrest',
    title: 'Buildings secured',
    key: true,
    tags: ['Military', 'central asia'],
    authors: [{ slug: 'aigerim-sadykova', name: 'Aigerim Sadykova' }],
    sources: [{ title: 'Agency report', url: 'https://example.org' }],
  }),
  makeBulletin('2022-01-07T09:00', { story: 'unrest', title: 'Curfew <extended>' }),
  makeBulletin('2022-01-10', {
    story: 'unrest',
    updated: Date.parse('2022-01-10T12:00:00Z'),
    correction: 'Name fixed.',
  }),
];
const views = buildStoryViews([story], bulletins);
const texts = new Map([
  ['u-2022-01-07-1400', 'About 2,500 soldiers are deployed.'],
  ['u-2022-01-07-0900', 'The curfew holds until Monday.'],
  ['u-2022-01-10', 'Calm returns.'],
]);

describe('search records: one per story-day', () => {
  const days = searchDays(views);
  const records = days.map((d) => buildRecord(d, texts, ctx, 'en'));
  const html = (i: number) => parse(records[i]!.content);

  test('one record per story-day, oldest first, at its day page under the base', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/dateline/stories/unrest/2022-01-07/',
      '/dateline/stories/unrest/2022-01-10/',
    ]);
  });

  test('each update under a heading whose id is its update id, newest first; its text, sources and correction below', () => {
    const sections = html(0).querySelectorAll('section');
    expect(sections.map((s) => s.querySelector('h2')!.id)).toEqual([
      'u-2022-01-07-1400',
      'u-2022-01-07-0900',
    ]);
    expect(sections[0]!.querySelector('h2')!.text).toBe('Buildings secured');
    expect(sections[0]!.querySelectorAll('p').map((p) => p.text)).toEqual([
      'About 2,500 soldiers are deployed.',
      'Agency report',
    ]);
    // Markup in a headline stays text.
    expect(sections[1]!.querySelector('h2')!.text).toBe('Curfew <extended>');
    expect(sections[1]!.querySelector('h2')!.innerHTML).toBe('Curfew &lt;extended&gt;');
    const later = html(1).querySelector('section')!;
    expect(later.querySelector('h2')!.text).toBe('Update of Monday, 10 January 2022');
    expect(later.text).toContain('Correction: Name fixed.');
  });

  test('filters, metadata and sort key are attributes of empty elements: none of it is searched as text', () => {
    const main = html(0).querySelector('main[data-pagefind-body]')!;
    const values = (attr: string) =>
      main.querySelectorAll(`[${attr}]`).map((e) => e.getAttribute(attr));
    expect(values('data-pagefind-filter')).toEqual([
      'story:unrest',
      'year:2022',
      'month:2022-01',
      'key:1',
      'tag:central-asia',
      'tag:military',
      'author:aigerim-sadykova',
    ]);
    expect(values('data-pagefind-sort')).toEqual([
      'date:2022-01-07T08:00:00.000Z unrest 2022-01-07',
    ]);
    for (const attr of ['data-pagefind-filter', 'data-pagefind-meta', 'data-pagefind-sort'])
      for (const e of main.querySelectorAll(`[${attr}]`)) expect(e.text).toBe('');
  });

  test("each update's moment, key flag and tags in the metadata, in heading order, with no word of a tag in it", () => {
    const meta = html(0).querySelector('[data-pagefind-meta]')!.getAttribute('data-pagefind-meta')!;
    expect(meta.startsWith('u:')).toBe(true);
    expect(meta).not.toMatch(/[,]|military|asia|aigerim/);
    const updates = decodeUpdates(meta.slice(2));
    expect(updates).toEqual([
      {
        when: encodeWhen(bulletins[0]!),
        key: true,
        tags: [tagHash('central-asia'), tagHash('military')],
        authors: [tagHash('aigerim-sadykova')],
      },
      {
        when: encodeWhen(bulletins[1]!),
        key: false,
        tags: [tagHash('central-asia')],
        authors: [],
      },
    ]);
  });

  test('the moment is one opaque word, read back exactly; flags survive the round trip', () => {
    expect(encodeWhen(bulletins[0]!)).toMatch(/^t[0-9a-z]+$/);
    expect(decodeWhen(encodeWhen(bulletins[0]!))).toEqual({
      instant: Date.parse('2022-01-07T14:00:00+06:00'),
    });
    expect(decodeWhen('d20220110')).toEqual({ day: '2022-01-10' });
    expect(decodeWhen('2022-01-10')).toBeUndefined();
    const flags = [
      { when: 'tabc', key: true, tags: ['x1', 'y2'], authors: ['a1'] },
      { when: 'd20220110', key: false, tags: [], authors: [] },
      { when: 'tabd', key: false, tags: [], authors: ['a1', 'b2'] },
    ];
    expect(decodeUpdates(encodeUpdates(flags))).toEqual(flags);
  });

  test('tag hashes are short, stable words, and tell tags apart', () => {
    expect(tagHash('central-asia')).toMatch(/^[0-9a-z]{1,7}$/);
    expect(tagHash('central-asia')).toBe(tagHash('central-asia'));
    const many = ['strike', 'talks', 'police', 'центральная-азия', 'military', 'central-asia'];
    expect(new Set(many.map(tagHash)).size).toBe(many.length);
  });

  test("a day's filters: key when any update is one, tags of all its updates and its story, their authors", () => {
    expect(dayFilters(days[1]!)).toEqual({
      story: ['unrest'],
      year: ['2022'],
      month: ['2022-01'],
      key: [],
      tag: ['central-asia'],
      author: [],
    });
    expect(dayFilters(days[0]!).author).toEqual(['aigerim-sadykova']);
  });

  test("a record's inputs are what it is made of: the story's slug, zone and tags, not its title", () => {
    const d = days[0]!;
    const inputs = JSON.stringify(recordInputs(d));
    for (const over of [{ slug: 'other' }, { timezone: 'Europe/Kyiv' }, { tags: ['Other'] }])
      expect(JSON.stringify(recordInputs({ ...d, story: { ...d.story, ...over } }))).not.toBe(
        inputs,
      );
    const renamed = { ...d, story: { ...d.story, title: 'Renamed' } };
    expect(JSON.stringify(recordInputs(renamed))).toBe(inputs);
    expect(buildRecord(renamed, texts, ctx, 'en')).toEqual(records[0]);
  });

  test('a bulletin that was never rendered fails loudly', () => {
    expect(() => buildRecord(days[0]!, new Map(), ctx, 'en')).toThrow(
      /no rendered text for content\/story\//,
    );
  });

  test('days of several stories are in time order of their newest update, ties by story, as their sort keys sort', () => {
    const a = makeStory({ slug: 'a' });
    const b = makeStory({ slug: 'b' });
    const list = searchDays(
      buildStoryViews(
        [b, a],
        [
          makeBulletin('2022-01-07', { story: 'b', id: 'u-x' }),
          makeBulletin('2022-01-07', { story: 'a', id: 'u-y' }),
          makeBulletin('2022-01-06T23:00', { story: 'b' }),
          makeBulletin('2022-01-05T08:00', { story: 'a' }),
        ],
      ),
    );
    expect(list.map(dayIdentity)).toEqual([
      'a/2022-01-05',
      'b/2022-01-06',
      'a/2022-01-07',
      'b/2022-01-07',
    ]);
    const keys = list.map(sortKey);
    expect([...keys].sort()).toEqual(keys);
  });

  test('the search page counts days: each value on how many days it holds', () => {
    const facets = searchFacets(views, 'en-GB');
    expect(facets.story).toEqual([{ value: 'unrest', label: 'Unrest in Kazakhstan', count: 2 }]);
    expect(facets.key).toBe(1);
    expect(facets.tag).toEqual([
      { value: 'central-asia', label: 'Central Asia', count: 2 },
      { value: 'military', label: 'Military', count: 1 },
    ]);
  });
});

describe('tiers', () => {
  const ids = (n: number, prefix = 'd') =>
    Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  const cut = (items: string[]) => tierItems(items, (x) => x);
  const key = (tiers: string[][]) => tiers.map((t) => t.join(','));
  const changed = (before: string[][], after: string[][]) =>
    key(after).filter((t) => !key(before).includes(t)).length;

  test('at most three tiers, consecutive, holding every item once, in order; none for an empty archive', () => {
    expect(cut([])).toEqual([]);
    for (const n of [1, 5, 40, 1_300, 4_000, 15_000, 40_000]) {
      const tiers = cut(ids(n));
      expect(tiers.flat(), `${n} items`).toEqual(ids(n));
      expect(tiers.length, `${n} items`).toBeLessThanOrEqual(3);
    }
  });

  test('the settled tier ends in the middle third, the recent one starts about 2√n to √n/2 from the end', () => {
    for (const n of [1_300, 4_000, 15_000, 40_000]) {
      for (const prefix of ['d', 'e', 'f']) {
        const tiers = cut(ids(n, prefix));
        const r = Math.round(2 * Math.sqrt(n));
        expect(tiers[0]!.length, `${n} items`).toBeGreaterThanOrEqual(Math.floor(n / 3));
        expect(tiers[0]!.length, `${n} items`).toBeLessThan(Math.ceil((2 * n) / 3));
        expect(tiers.at(-1)!.length, `${n} items`).toBeLessThanOrEqual(r);
        expect(tiers.at(-1)!.length, `${n} items`).toBeGreaterThan(Math.floor(r / 4) - 1);
        // No tier holds more than two thirds of the archive: an edit re-indexes at most that.
        for (const t of tiers) expect(t.length).toBeLessThanOrEqual(Math.ceil((2 * n) / 3));
      }
    }
  });

  test('the windows grow with the archive', () => {
    expect(tierWindows(1_334)).toEqual({ settled: [444, 890], recent: [1_261, 1_316] });
    expect(tierWindows(0)).toEqual({ settled: [0, 0], recent: [0, 0] });
  });

  test('a new item at the end changes the recent tier only, but now and then (when it is itself a boundary)', () => {
    const items = ids(4_000);
    const before = cut(items);
    let settledChanged = 0;
    for (let i = 0; i < 200; i++) {
      const after = cut([...items, `new${i}`]);
      expect(changed(before, after), `new${i}`).toBeLessThanOrEqual(3);
      if (after[0]!.join() !== before[0]!.join()) settledChanged++;
    }
    // The settled boundary moves once in about a third of the archive's size in new items.
    expect(settledChanged).toBeLessThanOrEqual(3);
  });

  test('an edit changes only the tier the item is in; tiers depend on nothing but the items', () => {
    const items = ids(4_000).map((id) => ({ id, text: 'first' }));
    const tiersOf = (list: typeof items) =>
      tierItems(list, (x) => x.id).map((t) => t.map((x) => `${x.id}=${x.text}`));
    const before = tiersOf(items);
    expect(tiersOf(ids(4_000).map((id) => ({ id, text: 'first' })))).toEqual(before);
    for (const at of [10, 2_000, 3_990]) {
      const edited = items.map((x, i) => (i === at ? { ...x, text: 'edited' } : x));
      expect(changed(before, tiersOf(edited)), `edit at ${at}`).toBe(1);
    }
  });
});
