// Merging Pagefind indexes of segments (src/lib/publish/search-merge.ts) against Pagefind's own
// index of the same records: the same pages, words, locations, spellings, filters and sort order.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Decoder, Encoder } from 'cbor-x';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { byCodePoint, byUtf8 } from '../../src/core/text.ts';
import {
  chunkFrom,
  concatPages,
  GROUP_PAGES,
  groupFragments,
  mergeIndexes,
  readFragments,
} from '../../src/lib/publish/search-merge.ts';

const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });
const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true });
const read = (file: string): unknown =>
  decoder.decode(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length));

describe('byUtf8', () => {
  test('orders as UTF-8 bytes do, also above U+FFFF', () => {
    const words = ['b', 'a', 'ab', '\u{1F600}', '\uFF01', 'é', 'z', ''];
    const bytes = words.toSorted((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(words.toSorted(byUtf8)).toEqual(bytes);
    // The code-unit order puts the emoji (a surrogate pair) before U+FF01: the reason for byUtf8.
    expect(words.toSorted(byCodePoint)).not.toEqual(bytes);
  });
});

describe('the parts of a merge', () => {
  test('page numbers are differences from the one before, shifted by each segment', () => {
    // Pages 1 and 4 of the first segment, 0 and 2 of the second (10 pages on): 1, 4, 10, 12.
    expect(
      concatPages([
        {
          pages: [
            [1, [5], []],
            [3, [6], []],
          ],
          offset: 0,
        },
        {
          pages: [
            [0, [7], []],
            [2, [], [-1, 0]],
          ],
          offset: 10,
        },
      ]),
    ).toEqual([
      [1, [5], []],
      [3, [6], []],
      [6, [7], []],
      [2, [], [-1, 0]],
    ]);
  });

  test("a chunk's first word is cut to the shortest start after the chunk before", () => {
    expect(chunkFrom('bridg', 'bridgex0')).toBe('bridge');
    expect(chunkFrom('', 'alpha')).toBe('a');
    expect(chunkFrom('ferri', 'ferry')).toBe('ferry');
  });
});

/** A record like the build's: a story-day of updates under headings, with filters, metadata and a sort key. */
function record(i: number): { url: string; content: string } {
  const words = [
    'police',
    'bridge',
    'Łódź',
    'Lodz',
    'curfew',
    'Kyiv',
    'strike',
    'ferry',
    'café',
    'cafe',
  ];
  const sections = [0, 1, 2]
    .map((u) => {
      const text = Array.from(
        { length: 40 + ((i * 7 + u) % 30) },
        (_, k) =>
          `${words[(i * 3 + u * 5 + k * k) % words.length]}${k % 3 === 0 ? `x${i}y${k}` : ''}`,
      ).join(' ');
      return `<section><h2 id="u-${i}-${u}">Update ${i} ${u} ${words[(i + u) % words.length]}</h2><p>${text}</p></section>`;
    })
    .join('');
  const filters = [`story:s${i % 3}`, `year:${2020 + (i % 4)}`, ...(i % 5 ? [] : ['key:1'])]
    .map((f) => `<i data-pagefind-filter="${f}"></i>`)
    .join('');
  return {
    url: `/stories/s${i % 3}/day-${String(i).padStart(3, '0')}/`,
    content: `<!doctype html><html lang="en"><body><main data-pagefind-body>${filters}<i data-pagefind-meta="u:m${i}x${i % 7}"></i><i data-pagefind-sort="date:${String(i).padStart(4, '0')}"></i>${sections}</main></body></html>`,
  };
}

async function index(records: { url: string; content: string }[], outputPath: string) {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  for (const r of records) expect((await index!.addHTMLFile(r)).errors).toEqual([]);
  expect((await index!.writeFiles({ outputPath })).errors).toEqual([]);
  await pagefind.close();
}

type Refs = [number, number[], number[]][];
/** Everything a search reads from an index, with pages named by their URLs, so that two indexes of the same records compare equal. */
function logical(dir: string) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const { hash, page_count } = entry.languages['en']!;
  const [version, pages, chunks, filters, sorts, fields] = read(
    join(dir, `pagefind.${hash}.pf_meta`),
  ) as [
    string,
    [string, number][],
    [string, string, string][],
    [string, string][],
    [string, number[]][],
    unknown,
  ];
  const fragments = readFragments(dir).map((f) => f.fragment as { url: string });
  const url = fragments.map((f) => f.url);
  const refs = (list: Refs) => {
    let page = 0;
    return list
      .map(([delta, locs, meta]) => {
        page += delta;
        return JSON.stringify([url[page], locs, meta]);
      })
      .sort();
  };
  const words: Record<string, unknown> = {};
  let previousTo = '';
  for (const [from, to, h] of chunks) {
    const [list] = read(join(dir, 'index', `${h}.pf_index`)) as [
      [string, Refs, [string, Refs][]][],
    ];
    expect(byUtf8(from, previousTo)).toBeGreaterThan(0);
    expect(list[0]![0].startsWith(from)).toBe(true);
    expect(list.at(-1)![0]).toBe(to);
    previousTo = to;
    for (const [word, list2, variants] of list)
      words[word] = [
        refs(list2),
        Object.fromEntries(variants.map(([spelling, r]) => [spelling, refs(r)])),
      ];
  }
  const filterValues = Object.fromEntries(
    filters.map(([name, h]) => {
      const [, values] = read(join(dir, 'filter', `${h}.pf_filter`)) as [
        string,
        [string, number[]][],
      ];
      return [name, Object.fromEntries(values.map(([v, ps]) => [v, ps.map((p) => url[p]).sort()]))];
    }),
  );
  return {
    version,
    page_count,
    pages: Object.fromEntries(pages.map(([h, count], i) => [url[i], [h, count]])),
    words,
    filters: filterValues,
    sorts: sorts.map(([name, order]) => [name, order.map((p) => url[p])]),
    fields,
    fragments: Object.fromEntries(fragments.map((f) => [f.url, f])),
  };
}

describe('mergeIndexes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dateline-merge-'));
  const records = Array.from({ length: 90 }, (_, i) => record(i));
  const cuts = [0, 20, 21, 70, 90];
  const segments = cuts.slice(1).map((_, s) => join(scratch, `segment-${s}`));
  const merge = (out: string) => mergeIndexes(segments, out);
  beforeAll(async () => {
    await index(records, join(scratch, 'whole'));
    // The segments as the build writes them: their fragments in groups.
    for (let s = 0; s + 1 < cuts.length; s++) {
      await index(records.slice(cuts[s], cuts[s + 1]), segments[s]!);
      groupFragments(segments[s]!);
    }
    merge(join(scratch, 'merged'));
  }, 60_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test("holds what Pagefind's own index of the same records holds", () => {
    const whole = logical(join(scratch, 'whole'));
    const merged = logical(join(scratch, 'merged'));
    expect(Object.keys(merged.words).length).toBeGreaterThan(200);
    expect(Object.keys(merged.filters)).toEqual(['key', 'story', 'year']);
    expect(merged.page_count).toBe(90);
    // Words with other spellings (Łódź, café) are among them.
    expect(
      Object.values(merged.words).some((w) => Object.keys((w as [unknown, object])[1]).length),
    ).toBe(true);
    expect(merged).toEqual(whole);
  });

  test('is cut into several chunks, and merging again writes the same bytes', () => {
    const again = join(scratch, 'again');
    merge(again);
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(join(dir, f)).isFile())
        .sort()
        .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    expect(readdirSync(join(again, 'index')).length).toBeGreaterThan(1);
    expect(files(again)).toEqual(files(join(scratch, 'merged')));
  });

  test("Pagefind's own index with its fragments in groups holds the same, a group a file of at most GROUP_PAGES consecutive pages", () => {
    const grouped = join(scratch, 'grouped');
    cpSync(join(scratch, 'whole'), grouped, { recursive: true });
    groupFragments(grouped);
    expect(logical(grouped)).toEqual(logical(join(scratch, 'whole')));
    const pages = readFragments(grouped);
    const groups = [...new Set(pages.map((p) => p.group))];
    expect(groups.length).toBe(Math.ceil(90 / GROUP_PAGES));
    // Consecutive: each group's pages are next to each other in the metadata.
    expect(pages.map((p) => p.group)).toEqual(
      groups.flatMap((g) => pages.filter((p) => p.group === g).map(() => g)),
    );
    expect(readdirSync(join(grouped, 'fragment')).toSorted()).toEqual(
      groups.map((g) => `${g}.pf_fragment`).toSorted(),
    );
  });

  test("two segments' groups of the same name: the second is written under another, its pages follow it", () => {
    const clash = [0, 1].map((s) => {
      const dir = join(scratch, `clash-${s}`);
      cpSync(segments[s]!, dir, { recursive: true });
      return dir;
    });
    // The second segment's one group renamed to the first segment's first group's name.
    const taken = readFragments(clash[0]!)[0]!.group;
    const own = readFragments(clash[1]!)[0]!.group;
    renameSync(
      join(clash[1]!, 'fragment', `${own}.pf_fragment`),
      join(clash[1]!, 'fragment', `${taken}.pf_fragment`),
    );
    const entry = JSON.parse(readFileSync(join(clash[1]!, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const metaFile = join(clash[1]!, `pagefind.${entry.languages['en']!.hash}.pf_meta`);
    const meta = read(metaFile) as [unknown, unknown[][], ...unknown[]];
    for (const page of meta[1]) page[2] = taken;
    writeFileSync(
      metaFile,
      gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), encoder.encode(meta)])),
    );
    mergeIndexes(clash, join(scratch, 'clash'));
    mergeIndexes(segments.slice(0, 2), join(scratch, 'two'));
    expect(logical(join(scratch, 'clash'))).toEqual(logical(join(scratch, 'two')));
    const groups = new Set(readFragments(join(scratch, 'clash')).map((p) => p.group));
    expect(readdirSync(join(scratch, 'clash', 'fragment'))).toHaveLength(groups.size);
  });

  test('refuses segments of different languages', async () => {
    const { index: ru } = await pagefind.createIndex({ forceLanguage: 'ru' });
    await ru!.addHTMLFile(record(1));
    await ru!.writeFiles({ outputPath: join(scratch, 'ru') });
    await pagefind.close();
    expect(() =>
      mergeIndexes([join(scratch, 'segment-0'), join(scratch, 'ru')], join(scratch, 'x')),
    ).toThrow(/differ in language/);
  });
});
