// Cache keys: a page renders from its props alone, so its key must change with every part of
// them (any leaf), and the props must change with exactly the content the page shows.
import { describe, expect, test } from 'vitest';
import {
  cardKey,
  digestOf,
  pageKey,
  parseKey,
  tierKey,
  renderKey,
} from '../../src/core/cache-keys.ts';
import {
  archiveRoutes,
  dayRoutes,
  fromStartRoutes,
  wholeStoryParts,
  wholeStoryRoutes,
  authorRoutes,
  keyEventRoutes,
  storyFeedRoutes,
  storyRoutes,
  tagRoutes,
  type CachedRoute,
} from '../../src/lib/site/routes.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import type { BulletinRecord } from '../../src/schemas/bulletin.ts';
import type { StoryRecord } from '../../src/schemas/story.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

describe('cache keys', () => {
  test('equal data, equal digest; any difference, another digest', () => {
    expect(digestOf({ a: 1, b: [2, { c: 'x' }] })).toBe(digestOf({ a: 1, b: [2, { c: 'x' }] }));
    expect(digestOf([1, 2])).not.toBe(digestOf([2, 1]));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: '1' }));
    expect(digestOf({ a: 'x', b: undefined })).toBe(digestOf({ a: 'x' }));
  });

  test('each key changes with each of its parts', () => {
    const scope = { idPrefix: 'u-1', topHeading: 4 };
    const options = { locale: 'en-GB', pictures: { widths: [400], column: 640 } };
    const base = renderKey('p1', options, scope, 'd1');
    expect(
      new Set([
        base,
        renderKey('p2', options, scope, 'd1'),
        renderKey('p1', { ...options, locale: 'en-US' }, scope, 'd1'),
        renderKey('p1', { ...options, pictures: { widths: [400, 800], column: 640 } }, scope, 'd1'),
        renderKey('p1', { ...options, pictures: { widths: [400], column: 600 } }, scope, 'd1'),
        renderKey('p1', options, { ...scope, idPrefix: 'u-2' }, 'd1'),
        renderKey('p1', options, { ...scope, topHeading: 2 }, 'd1'),
        renderKey('p1', options, scope, 'd2'),
      ]).size,
    ).toBe(8);
    expect(
      new Set([
        parseKey('c1', 'bulletin', 'd'),
        parseKey('c2', 'bulletin', 'd'),
        parseKey('c1', 'story', 'd'),
        parseKey('c1', 'bulletin', 'e'),
      ]).size,
    ).toBe(4);
    expect(
      new Set([
        tierKey('i1', [1, 2]),
        tierKey('i2', [1, 2]),
        tierKey('i1', [2, 1]),
        tierKey('i1', [1]),
      ]).size,
    ).toBe(4);
    expect(
      new Set([cardKey('c1', { t: 'a' }), cardKey('c2', { t: 'a' }), cardKey('c1', { t: 'b' })])
        .size,
    ).toBe(3);
  });

  test('keys are short and safe in file names and URLs', () => {
    expect(pageKey({ a: 1 })).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

/** Every leaf of a JSON value, as a path and a copy of the value with that leaf changed. */
function mutations(value: unknown, path: string[] = []): { path: string; changed: unknown }[] {
  if (Array.isArray(value)) {
    return [
      { path: [...path, 'length'].join('.'), changed: value.slice(0, -1) },
      ...value.flatMap((v, i) =>
        mutations(v, [...path, String(i)]).map((m) => ({
          path: m.path,
          changed: value.map((x, j) => (j === i ? m.changed : x)),
        })),
      ),
    ].filter((m) => value.length > 0 || m.path !== [...path, 'length'].join('.'));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      mutations(v, [...path, k]).map((m) => ({
        path: m.path,
        changed: { ...value, [k]: m.changed },
      })),
    );
  }
  const other =
    typeof value === 'number'
      ? value + 1
      : typeof value === 'boolean'
        ? !value
        : `${String(value)}~`;
  return [{ path: path.join('.'), changed: other }];
}

const story = makeStory({
  slug: 's',
  title: 'Strike',
  summary: 'A strike.',
  tags: ['transport'],
  intro: 'Intro.',
});
const at = (local: string, over: Partial<BulletinRecord> = {}) =>
  makeBulletin(local, { story: 's', ...over });
const bulletins = [
  at('2022-01-03T09:00', {
    title: 'Notice',
    key: true,
    sources: [{ title: 'Union', url: 'https://example.org/u' }],
  }),
  at('2022-01-05'),
  at('2022-01-05T08:00', {
    updated: Date.parse('2022-01-05T12:00:00+06:00'),
    correction: 'Time fixed.',
    tags: ['vote'],
  }),
  at('2022-01-07T17:30', { title: 'Talks fail' }),
];
const limits = { days: 2, bulletins: 60, keyEvents: 10 };
const routesOf = (s: StoryRecord, list: BulletinRecord[]) => {
  const views = buildStoryViews([s], list);
  return {
    days: dayRoutes(views),
    stories: storyRoutes(views, limits),
    feeds: storyFeedRoutes(views, 2),
    keyEvents: keyEventRoutes(views, 1),
    // At most one update a page: every day a page of its own.
    fromStart: fromStartRoutes(views, 1),
    months: archiveRoutes(views, 5).months,
    tags: tagRoutes(views, 'en-GB', 10).tags,
  };
};
const keys = <P>(routes: CachedRoute<P>[]) =>
  Object.fromEntries(routes.map((r) => [Object.values(r.params).join('/'), r.cacheKey]));
/** The routes whose key differs between two builds (added and removed routes included). */
const changed = <P>(a: CachedRoute<P>[], b: CachedRoute<P>[]) => {
  const ka = keys(a);
  const kb = keys(b);
  return [...new Set([...Object.keys(ka), ...Object.keys(kb)])]
    .filter((k) => ka[k] !== kb[k])
    .sort();
};

describe('page props and keys', () => {
  const before = routesOf(story, bulletins);

  test.each([
    ['day pages', before.days],
    ['story timelines', before.stories],
    ['story feeds', before.feeds],
    ['key-events pages', before.keyEvents],
    ['pages from the start', before.fromStart],
    ['archive months', before.months],
    ['tag pages', before.tags],
  ] as const)('%s: every leaf of the props is in the key', (_kind, routes) => {
    for (const route of routes) {
      expect(route.cacheKey).toBe(pageKey(route.props));
      const seen = new Set<string>();
      for (const m of mutations(route.props)) {
        const key = pageKey(m.changed);
        expect(key, m.path).not.toBe(route.cacheKey);
        seen.add(key);
      }
      expect(seen.size).toBeGreaterThan(5);
    }
  });

  test('a day page shows its bulletins, its neighbours and whether it holds the latest update', () => {
    const props = before.days.find((r) => r.params.day === '2022-01-05')!.props;
    expect(props.day.bulletins.map((b) => b.id)).toEqual(['u-2022-01-05-0800', 'u-2022-01-05']);
    expect([props.newer, props.older, props.latestId]).toEqual([
      '2022-01-07',
      '2022-01-03',
      undefined,
    ]);
    expect(before.days.find((r) => r.params.day === '2022-01-07')!.props.latestId).toBe(
      'u-2022-01-07-1730',
    );
  });

  test('a new bulletin on the newest day changes that day, the timeline and the feed; no other day', () => {
    const after = routesOf(story, [...bulletins, at('2022-01-07T20:00')]);
    expect(changed(before.days, after.days)).toEqual(['s/2022-01-07']);
    expect(changed(before.stories, after.stories)).toEqual(['s']);
    expect(changed(before.feeds, after.feeds)).toEqual(['s']);
  });

  test('a bulletin on a new day adds its page and changes the day before it (its pager and the Latest mark)', () => {
    const after = routesOf(story, [...bulletins, at('2022-01-09T07:00')]);
    expect(changed(before.days, after.days)).toEqual(['s/2022-01-07', 's/2022-01-09']);
  });

  test('an edit to an old bulletin changes its day and the timeline (its index of days), not the feed of the newest two', () => {
    const after = routesOf(
      story,
      bulletins.map((b) => (b.id === 'u-2022-01-03-0900' ? { ...b, digest: 'edited' } : b)),
    );
    expect(changed(before.days, after.days)).toEqual(['s/2022-01-03']);
    expect(changed(before.stories, after.stories)).toEqual(['s']);
    expect(changed(before.feeds, after.feeds)).toEqual([]);
  });

  test('deleting the first day removes its page and changes the day after it (its pager)', () => {
    const after = routesOf(
      story,
      bulletins.filter((b) => b.day !== '2022-01-03'),
    );
    expect(changed(before.days, after.days)).toEqual(['s/2022-01-03', 's/2022-01-05']);
  });

  test('a new bulletin changes only the last page from the start, its month and its tags; a key event changes the key-events pages', () => {
    const plain = routesOf(story, [...bulletins, at('2022-01-07T20:00', { tags: ['vote'] })]);
    expect(changed(before.fromStart, plain.fromStart)).toEqual(['s/3']);
    expect(changed(before.months, plain.months)).toEqual(['2022/01']);
    // The story's own tag lists its stories only; `vote` lists the new update.
    expect(changed(before.tags, plain.tags)).toEqual(['vote']);
    expect(changed(before.keyEvents, plain.keyEvents)).toEqual([]);
    const key = routesOf(story, [...bulletins, at('2022-01-07T20:00', { key: true })]);
    expect(changed(before.keyEvents, key.keyEvents)).toEqual(['s/', 's/2']);
  });

  test('a bulletin in a new month adds that month and changes its neighbour month (its pager)', () => {
    const after = routesOf(story, [...bulletins, at('2022-02-01T09:00')]);
    expect(changed(before.months, after.months)).toEqual(['2022/01', '2022/02']);
  });

  test('pages from the start: oldest first, whole days, page 1 without a number, links with day ranges', () => {
    const pages = before.fromStart.map((r) => [
      r.params.page,
      r.props.days.map((d) => [d.day, d.bulletins.map((b) => b.id)]),
    ]);
    expect(pages).toEqual([
      [undefined, [['2022-01-03', ['u-2022-01-03-0900']]]],
      ['2', [['2022-01-05', ['u-2022-01-05', 'u-2022-01-05-0800']]]],
      ['3', [['2022-01-07', ['u-2022-01-07-1730']]]],
    ]);
    expect(before.fromStart[1]!.props.earlier).toEqual({
      page: 1,
      from: '2022-01-03',
      to: '2022-01-03',
    });
    expect(before.fromStart[1]!.props.later).toEqual({
      page: 3,
      from: '2022-01-07',
      to: '2022-01-07',
    });
    expect(before.fromStart[0]!.props.earlier).toBeUndefined();
  });

  test('pages from the start are cut where the days say: an edit or a deletion changes its page and at most its neighbours, a new day the last page', () => {
    // 600 days of 1 to 9 updates, pages of about 120 at most.
    const many = Array.from({ length: 600 }, (_, d) =>
      Array.from({ length: 1 + ((d * 7) % 9) }, (_, i) =>
        at(
          `${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)}T${String(8 + i).padStart(2, '0')}:00`,
        ),
      ),
    ).flat();
    const pagesOf = (list: BulletinRecord[]) =>
      fromStartRoutes(buildStoryViews([story], list), 120);
    const base = pagesOf(many);
    expect(base.length).toBeGreaterThan(10);
    expect(base.flatMap((r) => r.props.days.flatMap((d) => d.bulletins.map((b) => b.id)))).toEqual(
      many.map((b) => b.id),
    );
    for (const r of base)
      if (r.props.days.length > 1)
        expect(r.props.days.reduce((n, d) => n + d.bulletins.length, 0)).toBeLessThanOrEqual(120);
    for (const at of [40, 1_200, 2_900]) {
      const target = many[at]!;
      const edited = pagesOf(many.map((b) => (b === target ? { ...b, digest: 'edited' } : b)));
      expect(changed(base, edited), `edit at ${at}`).toHaveLength(1);
      const deleted = changed(base, pagesOf(many.filter((b) => b !== target)));
      expect(deleted.length, `deletion at ${at}`).toBeLessThanOrEqual(3);
      expect(deleted.length).toBeGreaterThan(0);
    }
    // A new day changes the last page, or starts a page after it (and changes its link).
    const added = changed(base, pagesOf([...many, at('2021-08-24T09:00')]));
    expect(added[0]).toBe(`s/${base.length}`);
    expect(added.slice(1)).toEqual(added.length > 1 ? [`s/${base.length + 1}`] : []);
  });

  test("an author's pages are cut where the updates say: a deletion changes its page and at most its neighbours, a new update the newest", () => {
    const ana = { slug: 'ana', name: 'Ana Lima' };
    const author = { ...ana, file: 'content/authors/ana.md', digest: 'a' };
    const many = Array.from({ length: 900 }, (_, i) =>
      at(
        `${new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 3))).toISOString().slice(0, 10)}T${String(8 + (i % 3)).padStart(2, '0')}:00`,
        { authors: [ana] },
      ),
    );
    const pagesOf = (list: BulletinRecord[]) =>
      authorRoutes(buildStoryViews([story], list), [author], 60);
    const base = pagesOf(many);
    expect(base.length).toBeGreaterThan(10);
    // Every update once, newest first from their own page (the last route) back to page 1.
    expect(base.toReversed().flatMap((r) => r.props.updates.map((u) => u.bulletin.id))).toEqual(
      many.map((b) => b.id).toReversed(),
    );
    for (const r of base) expect(r.props.updates.length).toBeLessThanOrEqual(60);
    expect(base.at(-1)!.params.page).toBeUndefined();
    expect(base.at(-1)!.props.author).toEqual(author);
    for (const i of [10, 450, 800]) {
      const deleted = changed(base, pagesOf(many.filter((_, j) => j !== i)));
      expect(deleted.length, `deletion at ${i}`).toBeGreaterThan(0);
      expect(deleted.length, `deletion at ${i}`).toBeLessThanOrEqual(3);
    }
    const added = changed(base, pagesOf([...many, at('2021-01-01T09:00', { authors: [ana] })]));
    expect(added).toContain('ana/');
    expect(added.length).toBeLessThanOrEqual(2);
  });

  test('a story without updates still has its first page from the start; without key events, no key-events page', () => {
    const empty = routesOf(story, []);
    expect(empty.fromStart.map((r) => r.props.days)).toEqual([[]]);
    expect(empty.keyEvents).toEqual([]);
    expect(
      routesOf(
        story,
        bulletins.map((b) => ({ ...b, key: false })),
      ).keyEvents,
    ).toEqual([]);
  });

  test('the timeline lists its newest key events, at most the limit, and how many there are', () => {
    const many = bulletins.map((b) => ({ ...b, key: true }));
    const props = storyRoutes(buildStoryViews([story], many), { ...limits, keyEvents: 2 })[0]!
      .props;
    expect(props.keyEvents.map((b) => b.id)).toEqual(['u-2022-01-07-1730', 'u-2022-01-05-0800']);
    expect(props.keyCount).toBe(4);
  });

  test('what every day page shows of the story changes them all: title, summary, status, time zone', () => {
    for (const over of [
      { title: 'New title' },
      { summary: 'New summary.' },
      { status: 'closed' as const },
      { timezone: 'Europe/Kyiv' },
    ]) {
      const after = routesOf({ ...story, ...over }, bulletins);
      expect(changed(before.days, after.days), JSON.stringify(over)).toHaveLength(
        before.days.length,
      );
    }
  });

  test('what only the timeline shows of the story changes only the timeline: introduction, tags', () => {
    for (const over of [{ intro: 'Another intro.', digest: 'other' }, { tags: ['other'] }]) {
      const after = routesOf({ ...story, ...over }, bulletins);
      expect(changed(before.days, after.days), JSON.stringify(over)).toEqual([]);
      expect(changed(before.stories, after.stories), JSON.stringify(over)).toEqual(['s']);
    }
  });

  test('the timeline carries the shown days in full and only a summary of the others', () => {
    const props = before.stories[0]!.props;
    expect(props.shown.map((d) => d.day)).toEqual(['2022-01-07', '2022-01-05']);
    expect(props.days).toEqual([
      { day: '2022-01-07', count: 1, keyCount: 0 },
      { day: '2022-01-05', count: 2, keyCount: 0 },
      { day: '2022-01-03', count: 1, keyCount: 1 },
    ]);
    expect(props.modified).toBe(Date.parse('2022-01-07T17:30:00+06:00'));
  });
});

describe('a story as files to download', () => {
  const story = makeStory({ slug: 'long' });
  // 120 days of three updates each.
  const many = Array.from({ length: 120 }, (_, d) =>
    [8, 12, 16].map((h) =>
      makeBulletin(
        `${new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10)}T${String(h).padStart(2, '0')}:00`,
        { story: 'long' },
      ),
    ),
  ).flat();
  const viewOf = (list: BulletinRecord[]) => buildStoryViews([story], list)[0]!;
  const idsOf = (parts: { bulletins: BulletinRecord[] }[][]) =>
    parts.map((days) => days.flatMap((d) => d.bulletins.map((b) => b.id)));

  test('one file up to the limit, every update once, oldest first; none with a limit of 0', () => {
    const [one, ...rest] = wholeStoryParts(viewOf(many), 360);
    expect(rest).toEqual([]);
    expect(one!.flatMap((d) => d.bulletins).map((b) => b.instant)).toEqual(
      [...many].map((b) => b.instant).sort((a, b) => a - b),
    );
    expect(wholeStoryParts(viewOf(many), 0)).toEqual([]);
    expect(wholeStoryRoutes([viewOf(many)], 360).map((r) => r.params)).toEqual([
      { story: 'long', part: '2022-01-01' },
    ]);
  });

  test('past the limit, whole days in files of at most the limit; a new update changes the last only', () => {
    const parts = wholeStoryParts(viewOf(many), 60);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(p.flatMap((d) => d.bulletins).length).toBeLessThanOrEqual(60);
    expect(idsOf(parts).flat()).toHaveLength(many.length);
    const next = makeBulletin('2022-04-30T20:00', { story: 'long' });
    const after = wholeStoryRoutes([viewOf([...many, next])], 60);
    const before = wholeStoryRoutes([viewOf(many)], 60);
    expect(changed(before, after)).toEqual([`long/${parts.at(-1)![0]!.day}`]);
  });
});
