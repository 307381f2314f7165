import { describe, expect, test } from 'vitest';
import { groupTags } from '../../src/lib/site/tag-pages.ts';
import { tagProblems, tagSlug, tagUses } from '../../src/lib/content/tags.ts';
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
  test('two spellings with one slug: reported in the later file, naming the first', () => {
    expect(
      tagProblems([
        { file: 'content/s/index.md', tag: 'Central Asia' },
        { file: 'content/s/2022-01-07.md', tag: 'central-asia' },
      ]),
    ).toEqual([
      {
        file: 'content/s/2022-01-07.md',
        message:
          '"central-asia" and "Central Asia" (in content/s/index.md) would share the page /tags/central-asia/; spell them alike',
      },
    ]);
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
});
