import { describe, expect, test } from 'vitest';
import { groupTags } from '../../src/lib/site/tag-pages.ts';
import {
  preferredSpellings,
  tagProblems,
  tagSlug,
  tagUses,
  tagWarnings,
} from '../../src/lib/content/tags.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

describe('tagSlug', () => {
  test.each([
    ['Kazakhstan', 'kazakhstan'],
    ['Central Asia', 'central-asia'],
    ['  central   asia  ', 'central-asia'],
    ['CSTO', 'csto'],
    ['COVID-19', 'covid-19'],
    ['Strikes & walkouts', 'strikes-walkouts'],
    ['Центральная Азия', 'центральная-азия'],
    ['Ελλάδα', 'ελλάδα'],
    ['São Paulo', 'são-paulo'],
    ['ｆｕｌｌ ｗｉｄｔｈ', 'full-width'],
    ['日本', '日本'],
    ['!!!', ''],
  ])('%j → %j (letters of any script kept, not transliterated)', (tag, slug) =>
    expect(tagSlug(tag)).toBe(slug),
  );
});

describe('tagProblems', () => {
  test('the same spelling in many files is one tag', () => {
    expect(
      tagProblems([
        { file: 'a.md', tag: 'Strike' },
        { file: 'b.md', tag: 'Strike' },
      ]),
    ).toEqual([]);
  });
  test('two spellings with one slug are no problem: they share the page', () => {
    expect(
      tagProblems([
        { file: 'content/s/index.md', tag: 'Central Asia' },
        { file: 'content/s/2022-01-07.md', tag: 'central-asia' },
      ]),
    ).toEqual([]);
  });
  test('a tag without a letter or digit cannot have a page', () => {
    expect(tagProblems([{ file: 'a.md', tag: '—' }])[0]!.message).toMatch(
      /"—" has no letter or digit/,
    );
  });
  test('stories first, then bulletins', () => {
    const uses = tagUses(
      [makeStory({ tags: ['A'] })],
      [makeBulletin('2022-01-07', { tags: ['B', 'C'] })],
    );
    expect(uses.map((u) => u.tag)).toEqual(['A', 'B', 'C']);
  });
});

describe('spellings that share a page', () => {
  const uses = [
    { file: 'content/a/index.md', tag: 'kazakhstan' },
    { file: 'content/a/2022-01-05.md', tag: 'Kazakhstan' },
    { file: 'content/a/2022-01-06.md', tag: 'Kazakhstan' },
    { file: 'content/b/2022-01-07.md', tag: 'KAZAKHSTAN' },
    { file: 'content/b/2022-01-07.md', tag: 'Strike' },
  ];
  test('the page shows the spelling written in most files', () =>
    expect(preferredSpellings(uses)).toEqual(
      new Map([
        ['kazakhstan', 'Kazakhstan'],
        ['strike', 'Strike'],
      ]),
    ));
  test("a tie goes to the first spelling in code-point order, whatever the files' order", () => {
    const tie = [
      { file: 'b.md', tag: 'strike' },
      { file: 'a.md', tag: 'Strike' },
    ];
    expect(preferredSpellings(tie).get('strike')).toBe('Strike');
    expect(preferredSpellings(tie.toReversed()).get('strike')).toBe('Strike');
  });
  test('a spelling written twice in one file counts once', () =>
    expect(
      preferredSpellings([
        { file: 'a.md', tag: 'strike' },
        { file: 'a.md', tag: 'strike' },
        { file: 'b.md', tag: 'Strike' },
      ]).get('strike'),
    ).toBe('Strike'));
  test('each file with another spelling is warned about, naming the one shown', () =>
    expect(tagWarnings(uses)).toEqual([
      {
        file: 'content/a/index.md',
        message:
          '"kazakhstan" shares the page /tags/kazakhstan/ with "Kazakhstan" (as in content/a/2022-01-05.md), which the page shows; spell it "Kazakhstan" to match',
      },
      {
        file: 'content/b/2022-01-07.md',
        message:
          '"KAZAKHSTAN" shares the page /tags/kazakhstan/ with "Kazakhstan" (as in content/a/2022-01-05.md), which the page shows; spell it "Kazakhstan" to match',
      },
    ]));
  test('one spelling everywhere: no warning', () =>
    expect(
      tagWarnings(uses.filter((u) => u.tag !== 'kazakhstan' && u.tag !== 'KAZAKHSTAN')),
    ).toEqual([]));
});

describe('groupTags', () => {
  const s1 = makeStory({ slug: 'one', tags: ['Strike', 'zebra'] });
  const s2 = makeStory({
    slug: 'two',
    tags: ['strike'.toUpperCase() === 'STRIKE' ? 'Strike' : ''],
  });
  const views = buildStoryViews(
    [s1, s2],
    [
      makeBulletin('2022-01-05T10:00', { story: 'one', tags: ['Ports', 'Strike'] }),
      makeBulletin('2022-01-07T10:00', { story: 'two', tags: ['Ports'] }),
      makeBulletin('2022-01-06T10:00', { story: 'one', tags: ['Ports', 'Ports'] }),
    ],
  );
  const groups = groupTags(views, 'en-GB');
  test('every tag once, in alphabetical order of the locale', () =>
    expect(groups.map((g) => g.slug)).toEqual(['ports', 'strike', 'zebra']));
  test('stories that carry a tag, and its bulletins newest first, each once', () => {
    const ports = groups.find((g) => g.slug === 'ports')!;
    expect(ports.stories).toEqual([]);
    expect(ports.bulletins.map((e) => `${e.story.slug} ${e.bulletin.day}`)).toEqual([
      'two 2022-01-07',
      'one 2022-01-06',
      'one 2022-01-05',
    ]);
    const strike = groups.find((g) => g.slug === 'strike')!;
    expect(strike.stories.map((s) => s.slug)).toEqual(['one', 'two']);
    expect(strike.bulletins).toHaveLength(1);
  });
  test('spellings of one tag share a group, named by the spelling used most, each bulletin once', () => {
    const [g, ...rest] = groupTags(
      buildStoryViews(
        [makeStory({ slug: 'one', tags: ['ports'] })],
        [
          makeBulletin('2022-01-05T10:00', { story: 'one', tags: ['Ports', 'PORTS'] }),
          makeBulletin('2022-01-06T10:00', { story: 'one', tags: ['Ports'] }),
        ],
      ),
      'en-GB',
    );
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ slug: 'ports', name: 'Ports' });
    expect(g!.stories).toHaveLength(1);
    expect(g!.bulletins).toHaveLength(2);
  });
});
