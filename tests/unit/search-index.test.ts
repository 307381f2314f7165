// The browser side of the partitioned search index: one answer per word across partitions, and
// the merge orders. Pagefind instances are replaced by fakes that behave as Pagefind does.
import { describe, expect, test } from 'vitest';
import {
  answersWord,
  foundInText,
  holdsWord,
  matchesPrefix,
  mergeResults,
  queryWords,
  searchPartitions,
  sumCounts,
  type PagefindInstance,
  type PagefindResult,
  type ResultData,
} from '../../src/scripts/search-index.ts';

const result = (id: string, score: number, data: Partial<ResultData> = {}): PagefindResult => ({
  id,
  score,
  data: async () => ({ url: `/${id}`, excerpt: '', content: '', locations: [], meta: {}, ...data }),
});

/** A partition that finds `exact` words exactly (as Pagefind's quoted search does, counting pages before filters) and returns `results` otherwise. */
const partition = (exact: string[], results: PagefindResult[] = []): PagefindInstance => ({
  init: async () => undefined,
  mergeIndex: async () => undefined,
  search: async (term) => {
    if (term?.startsWith('"'))
      return { results: [], unfilteredResultCount: exact.includes(term.slice(1, -1)) ? 1 : 0 };
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
  });
});

describe('holdsWord and answersWord', () => {
  test('a partition that has the word exactly (stemmed as Pagefind stems) answers it', async () => {
    expect(await holdsWord(partition(['curfews']), 'curfews')).toBe(true);
    expect(await answersWord(true, result('a', 1), 'curfews')).toBe(true);
  });
  test('a partition whose best match starts with the typed word answers it (a prefix being typed)', async () => {
    expect(await holdsWord(partition([]), 'polic')).toBe(false);
    expect(
      await answersWord(false, result('a', 1, { content: 'police said', locations: [0] }), 'polic'),
    ).toBe(true);
  });
  test('a partition that answered with a shorter stand-in word does not', async () => {
    expect(
      await answersWord(
        false,
        result('a', 0.002, { content: 'ref zq00x003548.', locations: [1] }),
        'zq03x000007',
      ),
    ).toBe(false);
  });
  test('the exact search asks for a filter no record has: it only counts', async () => {
    const asked: unknown[] = [];
    const spy: PagefindInstance = {
      ...partition(['x']),
      search: async (term, options) => (
        asked.push([term, options]),
        { results: [], unfilteredResultCount: 1 }
      ),
    };
    await holdsWord(spy, 'x');
    expect(asked).toEqual([['"x"', { filters: { story: '\u0000' } }]]);
  });
});

describe('mergeResults', () => {
  // Partitions hold consecutive stretches of time, oldest first; each lists its own results in the asked order.
  const older = [result('o1', 5), result('o2', 1)];
  const newer = [result('n1', 3), result('n2', 2)];
  test('best match: by score across partitions', () => {
    expect(mergeResults([older, newer], 'best').map((r) => r.id)).toEqual(['o1', 'n1', 'n2', 'o2']);
  });
  test('newest first: the newest partition first, each in its own order', () => {
    expect(mergeResults([older, newer], 'newest').map((r) => r.id)).toEqual([
      'n1',
      'n2',
      'o1',
      'o2',
    ]);
  });
  test('oldest first: the oldest partition first', () => {
    expect(mergeResults([older, newer], 'oldest').map((r) => r.id)).toEqual([
      'o1',
      'o2',
      'n1',
      'n2',
    ]);
  });
});

describe('searchPartitions', () => {
  /** A partition with pages (words per page id, oldest first), answering as Pagefind does: by the words that start with a term, else by the longest word that starts the term. */
  const fake = (pages: Record<string, string[]>): PagefindInstance & { asked: unknown[] } => {
    const asked: unknown[] = [];
    const words = [...new Set(Object.values(pages).flat())];
    return {
      asked,
      init: async () => undefined,
      mergeIndex: async () => undefined,
      search: async (term, options) => {
        asked.push(options);
        if (term === null)
          return {
            results: Object.keys(pages).map((id, i) => result(id, i)),
            filters: { page: Object.fromEntries(Object.keys(pages).map((id) => [id, 1])) },
          };
        if (term.startsWith('"')) {
          const w = term.slice(1, -1);
          return {
            results: [],
            unfilteredResultCount: Object.values(pages).filter((ws) => ws.includes(w)).length,
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

  test("a word one partition has: the other partition's stand-in matches are left out", async () => {
    expect(
      (await searchPartitions([older, newer], new Set(['stub']), 'zq03x7', {}, 'best')).results.map(
        (r) => r.id,
      ),
    ).toEqual(['b1']);
  });
  test("a word no partition has: every partition's stand-in is the answer, as in one index", async () => {
    expect(
      (await searchPartitions([older, newer], new Set(['stub']), 'zq99x9', {}, 'best')).results
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a1', 'b1']);
  });
  test('a common word: every partition, once per update; newest first partition after partition', async () => {
    expect(
      (
        await searchPartitions([older, newer], new Set(['stub']), 'police', {}, 'newest')
      ).results.map((r) => r.id),
    ).toEqual(['b1', 'a2', 'a1']);
    expect(
      (
        await searchPartitions([older, newer], new Set(['stub']), 'police', {}, 'oldest')
      ).results.map((r) => r.id),
    ).toEqual(['a1', 'a2', 'b1']);
  });
  test('filters and the sort go to every partition; the stub record is never a result', async () => {
    const withStub = fake({ stub: ['police'], c1: ['police'] });
    expect(
      (
        await searchPartitions([withStub], new Set(['stub']), 'police', { story: 's' }, 'newest')
      ).results.map((r) => r.id),
    ).toEqual(['c1']);
    expect(withStub.asked[0]).toEqual({ filters: { story: 's' }, sort: { date: 'desc' } });
  });
  test('filter counts add up over the partitions kept, and only those', async () => {
    expect(
      (await searchPartitions([older, newer], new Set(['stub']), 'zq03x7', {}, 'best')).counts,
    ).toEqual({ page: { b1: 1 }, all: { x: 1 } });
    expect(
      (await searchPartitions([older, newer], new Set(['stub']), 'police', {}, 'best')).counts,
    ).toEqual({ page: { a1: 1, a2: 1, b1: 1 }, all: { x: 3 } });
  });
  test('a result found only in metadata other than the headline is dropped; one found in the headline is kept', () => {
    expect(foundInText({ ...result('a', 1), words: [], matchedMetaFields: ['when'] })).toBe(false);
    expect(foundInText({ ...result('b', 1), words: [], matchedMetaFields: ['title'] })).toBe(true);
    expect(foundInText({ ...result('c', 1), words: [3], matchedMetaFields: ['when'] })).toBe(true);
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
        await searchPartitions([older, newer], new Set(['stub']), null, { story: 's' }, 'oldest')
      ).results.map((r) => r.id),
    ).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
});
