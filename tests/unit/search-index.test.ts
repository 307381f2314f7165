// The browser side of the tiered search index: one answer per word across tiers, the merge orders,
// and one result per update from each story-day found. Pagefind instances are replaced by fakes
// that behave as Pagefind does.
import { describe, expect, test } from 'vitest';
import {
  foundInText,
  holdsWord,
  matchesPrefix,
  mergeResults,
  queryWords,
  searchTiers,
  hitsOf,
  withoutTitle,
  sumCounts,
  type PagefindInstance,
  type PagefindResult,
  type ResultData,
} from '../../src/scripts/search-index.ts';
import { encodeUpdates, tagHash } from '../../src/lib/publish/search-meta.ts';

const result = (id: string, score: number, data: Partial<ResultData> = {}): PagefindResult => ({
  id,
  score,
  data: async () => ({ url: `/${id}`, excerpt: '', content: '', locations: [], meta: {}, ...data }),
});

/** A tier that finds `exact` words exactly (as Pagefind's quoted search does, counting pages before filters) and returns `results` otherwise. */
const tier = (exact: string[], results: PagefindResult[] = []): PagefindInstance => ({
  init: async () => undefined,
  mergeIndex: async () => undefined,
  search: async (term) => {
    if (term?.startsWith('"'))
      return { results: exact.includes(term.slice(1, -1)) ? [result('x', 1)] : [] };
    return { results };
  },
});

describe('queryWords', () => {
  test.each([
    ['Kyiv curfew', ['kyiv', 'curfew']],
    ['Łódź  São-Paulo!', ['łodz', 'sao', 'paulo']],
    ['"zq03x000007"', ['zq03x000007']],
    ['  ', []],
  ])('%s', (term, words) => expect(queryWords(term)).toEqual(words));
});

describe('matchesPrefix', () => {
  const data = {
    content: 'The police spokesperson, Zoë Müller, said talks resume.',
    locations: [1, 3],
  };
  test('a matched word that starts with the typed word', () => {
    expect(matchesPrefix(data, 'polic')).toBe(true);
    expect(matchesPrefix(data, 'zoe')).toBe(true);
  });
  test("a matched word that is only the start of the typed word (Pagefind's stand-in) does not count", () => {
    expect(matchesPrefix(data, 'policeman')).toBe(false);
    expect(matchesPrefix(data, 'talks')).toBe(false); // found in the text, but not at a matched location
    expect(matchesPrefix({ content: 'ref zq00x003548.', locations: [1] }, 'zq03x000007')).toBe(
      false,
    );
  });
});

describe('holdsWord', () => {
  test('a tier that has the word exactly (stemmed as Pagefind stems) holds it', async () => {
    expect(await holdsWord(tier(['curfews']), 'curfews')).toBe(true);
    expect(await holdsWord(tier([]), 'curfews')).toBe(false);
  });
  test('the exact search reads no result, so it fetches no fragment and no filter', async () => {
    const asked: unknown[] = [];
    let read = 0;
    const spy: PagefindInstance = {
      ...tier(['x']),
      search: async (term, options) => (
        asked.push([term, options]),
        { results: [{ id: 'a', score: 1, data: async () => (read++, {} as ResultData) }] }
      ),
    };
    expect(await holdsWord(spy, 'x')).toBe(true);
    expect(asked).toEqual([['"x"', undefined]]);
    expect(read).toBe(0);
  });
});

describe('mergeResults', () => {
  // Tiers hold consecutive stretches of time, oldest first; each lists its own results in the asked order.
  const older = [result('o1', 5), result('o2', 1)];
  const newer = [result('n1', 3), result('n2', 2)];
  test('best match: by score across tiers', () => {
    expect(mergeResults([older, newer], 'best').map((r) => r.id)).toEqual(['o1', 'n1', 'n2', 'o2']);
  });
  test('newest first: the newest tier first, each in its own order', () => {
    expect(mergeResults([older, newer], 'newest').map((r) => r.id)).toEqual([
      'n1',
      'n2',
      'o1',
      'o2',
    ]);
  });
  test('oldest first: the oldest tier first', () => {
    expect(mergeResults([older, newer], 'oldest').map((r) => r.id)).toEqual([
      'o1',
      'o2',
      'n1',
      'n2',
    ]);
  });
});

describe('searchTiers', () => {
  /** A tier with pages (words per page id, oldest first), answering as Pagefind does: by the words that start with a term, else by the longest word that starts the term. */
  const fake = (
    pages: Record<string, string[]>,
  ): PagefindInstance & { asked: unknown[]; terms: (string | null)[] } => {
    const asked: unknown[] = [];
    const terms: (string | null)[] = [];
    const words = [...new Set(Object.values(pages).flat())];
    return {
      asked,
      terms,
      init: async () => undefined,
      mergeIndex: async () => undefined,
      search: async (term, options) => {
        asked.push(options);
        terms.push(term);
        if (term === null)
          return {
            results: Object.keys(pages).map((id, i) => result(id, i)),
            filters: { page: Object.fromEntries(Object.keys(pages).map((id) => [id, 1])) },
          };
        if (term.startsWith('"')) {
          const w = term.slice(1, -1);
          return {
            results: Object.entries(pages)
              .filter(([, ws]) => ws.includes(w))
              .map(([id]) => result(id, 1)),
          };
        }
        const [t] = queryWords(term);
        const ext = words.filter((w) => w.startsWith(t!));
        const standIn = ext.length
          ? ext
          : words
              .filter((w) => t!.startsWith(w))
              .sort((a, b) => b.length - a.length)
              .slice(0, 1);
        const hits = Object.entries(pages).filter(([, ws]) => ws.some((w) => standIn.includes(w)));
        const list = hits.map(([id, ws], i) =>
          result(id, ext.length ? 10 - i : 0.001, {
            content: ws.join(' '),
            locations: ws.flatMap((w, j) => (standIn.includes(w) ? [j] : [])),
          }),
        );
        return {
          results: options?.sort?.['date'] === 'desc' ? list.reverse() : list,
          filters: {
            page: Object.fromEntries(hits.map(([id]) => [id, 1])),
            all: { x: hits.length },
          },
        };
      },
    };
  };
  // Pagefind also indexes the parts of a word (zq03x7: zq, 03, x7): the stand-ins of a missing word.
  const older = fake({ a1: ['zq00x1', 'zq', 'police'], a2: ['police'] });
  const newer = fake({ b1: ['zq03x7', 'zq', 'police'], b2: ['bridge'] });

  test("a word one tier has: the other tier's stand-in matches are left out", async () => {
    expect(
      (await searchTiers([older, newer], new Set(['stub']), 'zq03x7', {}, 'best')).pages.map(
        (r) => r.id,
      ),
    ).toEqual(['b1']);
  });
  test("a word no tier has: every tier's stand-in is the answer, as in one index", async () => {
    expect(
      (await searchTiers([older, newer], new Set(['stub']), 'zq99x9', {}, 'best')).pages
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a1', 'b1']);
  });
  test("a word every tier's best match shows: no tier is asked whether it holds it", async () => {
    const [a, b] = [fake({ a1: ['police'] }), fake({ b1: ['police'] })];
    await searchTiers([a, b], new Set(['stub']), 'police', {}, 'best');
    expect([...a.terms, ...b.terms]).toEqual(['police', 'police']);
    // A stand-in answer: then each tier is asked.
    const [c, d] = [fake({ c1: ['zq00x1', 'zq'] }), fake({ d1: ['zq03x7'] })];
    await searchTiers([c, d], new Set(['stub']), 'zq03x7', {}, 'best');
    expect([...c.terms, ...d.terms]).toEqual(['zq03x7', '"zq03x7"', 'zq03x7']);
  });
  test('a common word: every tier, once per update; newest first tier after tier', async () => {
    expect(
      (await searchTiers([older, newer], new Set(['stub']), 'police', {}, 'newest')).pages.map(
        (r) => r.id,
      ),
    ).toEqual(['b1', 'a2', 'a1']);
    expect(
      (await searchTiers([older, newer], new Set(['stub']), 'police', {}, 'oldest')).pages.map(
        (r) => r.id,
      ),
    ).toEqual(['a1', 'a2', 'b1']);
  });
  test('filters and the sort go to every tier; the stub record is never a result', async () => {
    const withStub = fake({ stub: ['police'], c1: ['police'] });
    expect(
      (
        await searchTiers([withStub], new Set(['stub']), 'police', { story: 's' }, 'newest')
      ).pages.map((r) => r.id),
    ).toEqual(['c1']);
    expect(withStub.asked[0]).toEqual({ filters: { story: 's' }, sort: { date: 'desc' } });
  });
  test('filter counts add up over the tiers kept, and only those', async () => {
    expect(
      (await searchTiers([older, newer], new Set(['stub']), 'zq03x7', {}, 'best')).counts,
    ).toEqual({ page: { b1: 1 }, all: { x: 1 } });
    expect(
      (await searchTiers([older, newer], new Set(['stub']), 'police', {}, 'best')).counts,
    ).toEqual({ page: { a1: 1, a2: 1, b1: 1 }, all: { x: 3 } });
  });
  test('a result found only in its metadata is dropped', () => {
    expect(foundInText({ ...result('a', 1), words: [] })).toBe(false);
    expect(foundInText({ ...result('c', 1), words: [3] })).toBe(true);
    expect(foundInText(result('d', 1))).toBe(true);
  });
  test('sumCounts', () => {
    expect(
      sumCounts([{ tag: { a: 1 } }, undefined, { tag: { a: 2, b: 1 }, key: { '1': 4 } }]),
    ).toEqual({ tag: { a: 3, b: 1 }, key: { '1': 4 } });
  });
  test('no words: every update the filters allow, no word checks', async () => {
    expect(
      (
        await searchTiers([older, newer], new Set(['stub']), null, { story: 's' }, 'oldest')
      ).pages.map((r) => r.id),
    ).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
});

describe('hitsOf: one result per update of a story-day', () => {
  const flags = [
    { when: 't1', key: true, tags: [tagHash('strike')], authors: [tagHash('tom-reyes')] },
    {
      when: 't2',
      key: false,
      tags: [tagHash('talks')],
      authors: [tagHash('tom-reyes'), tagHash('priya-nair')],
    },
    { when: 'd20260119', key: false, tags: [], authors: [] },
  ];
  // Content as Pagefind keeps it: each heading's words, a stop, then its text.
  const content =
    'Walkout begins. Crews walked out at dawn. Talks resume. The union met the operator at the port. Update of Monday. Ferries ran late.';
  const day: ResultData = {
    url: '/stories/s/2026-11-18/',
    excerpt: '',
    content,
    locations: [],
    meta: { u: encodeUpdates(flags) },
    filters: { story: ['s'] },
    anchors: [
      { element: 'h2', id: 'u-b', text: 'Talks resume', location: 7 },
      { element: 'h2', id: 'u-a', text: 'Walkout begins', location: 0 },
      { element: 'h2', id: 'u-c', text: 'Update of Monday', location: 17 },
    ],
    sub_results: [
      {
        title: 'Walkout begins',
        url: '/stories/s/2026-11-18/#u-a',
        excerpt: 'Walkout begins. Crews walked out at <mark>dawn</mark>.',
        locations: [6],
      },
      {
        title: 'Talks resume',
        url: '/stories/s/2026-11-18/#u-b',
        excerpt: '<mark>Talks</mark> resume. The union met the operator.',
        locations: [7],
      },
    ],
  };

  test('words: each update Pagefind found them in, with its permalink, headline, moment and story; the headline not repeated in the excerpt', () => {
    expect(hitsOf(day, 'dawn talks', {}, 'best')).toEqual([
      {
        url: '/stories/s/2026-11-18/#u-a',
        title: 'Walkout begins',
        excerpt: 'Crews walked out at <mark>dawn</mark>.',
        when: 't1',
        story: 's',
      },
      {
        url: '/stories/s/2026-11-18/#u-b',
        title: 'Talks resume',
        excerpt: 'The union met the operator.',
        when: 't2',
        story: 's',
      },
    ]);
  });

  test('no words: every update of the day, newest first as the record holds them, with the opening of its text', () => {
    expect(hitsOf(day, null, {}, 'newest').map((h) => [h.url, h.title, h.excerpt])).toEqual([
      ['/stories/s/2026-11-18/#u-a', 'Walkout begins', 'Crews walked out at dawn.'],
      ['/stories/s/2026-11-18/#u-b', 'Talks resume', 'The union met the operator at the port.'],
      ['/stories/s/2026-11-18/#u-c', 'Update of Monday', 'Ferries ran late.'],
    ]);
    expect(hitsOf(day, null, {}, 'oldest').map((h) => h.when)).toEqual(['d20260119', 't2', 't1']);
  });

  test('the key, tag and author filters hold for each update, not only for its day', () => {
    expect(hitsOf(day, null, { key: '1' }, 'newest').map((h) => h.when)).toEqual(['t1']);
    expect(hitsOf(day, null, { author: 'priya-nair' }, 'newest').map((h) => h.when)).toEqual([
      't2',
    ]);
    expect(hitsOf(day, null, { author: 'tom-reyes' }, 'newest').map((h) => h.when)).toEqual([
      't1',
      't2',
    ]);
    expect(hitsOf(day, null, { tag: 'talks' }, 'newest').map((h) => h.when)).toEqual(['t2']);
    expect(hitsOf(day, 'dawn talks', { tag: 'strike' }, 'best').map((h) => h.when)).toEqual(['t1']);
    expect(hitsOf(day, null, { story: 's', month: '2026-11' }, 'newest')).toHaveLength(3);
  });

  test('the headline is taken off the start of an excerpt only where it stands there', () => {
    expect(withoutTitle('Talks resume. The union met.', 'Talks resume')).toBe('The union met.');
    expect(withoutTitle('<mark>Talks</mark> resume. The union met.', 'Talks resume')).toBe(
      'The union met.',
    );
    expect(withoutTitle('Talks <mark>resume</mark>. The union met.', 'Talks resume')).toBe(
      'The union met.',
    );
    expect(withoutTitle('The union met. Talks resume.', 'Talks resume')).toBe(
      'The union met. Talks resume.',
    );
    expect(withoutTitle('Talks', 'Talks resume')).toBe('Talks');
  });
});
