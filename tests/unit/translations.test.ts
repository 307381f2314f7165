import { describe, expect, test } from 'vitest';
import { translationGroups } from '../../src/lib/content/translations.ts';
import { languageName } from '../../src/core/lang.ts';

const story = (slug: string, translations: string[] = [], lang?: string) => ({
  slug,
  file: `content/${slug}/index.md`,
  translations,
  ...(lang ? { lang } : {}),
});

describe('translationGroups', () => {
  test('one side naming the other links both ways', () => {
    const { translations, problems } = translationGroups(
      [story('unrest', ['unrest-ru']), story('unrest-ru', [], 'ru'), story('other')],
      'en',
    );
    expect(problems).toEqual([]);
    expect(translations.get('unrest')).toEqual(['unrest-ru']);
    expect(translations.get('unrest-ru')).toEqual(['unrest']);
    expect(translations.get('other')).toEqual([]);
  });
  test('naming is transitive: every story of a group lists all the others', () => {
    const { translations, problems } = translationGroups(
      [story('a', ['b'], 'en'), story('b', [], 'ru'), story('c', ['b'], 'kk')],
      'en',
    );
    expect(problems).toEqual([]);
    expect(translations.get('a')).toEqual(['b', 'c']);
    expect(translations.get('b')).toEqual(['a', 'c']);
    expect(translations.get('c')).toEqual(['a', 'b']);
  });
  test('a translation that does not exist is a problem quoting it', () =>
    expect(translationGroups([story('a', ['missing'])], 'en').problems).toEqual([
      {
        file: 'content/a/index.md',
        message:
          '"missing" is not a story (there is no content/missing/index.md); name the folder of the story in the other language',
      },
    ]));
  test('a story naming itself is a problem', () =>
    expect(translationGroups([story('a', ['a'])], 'en').problems[0]!.message).toBe(
      '"a" is this story itself',
    ));
  test('two stories of a group in one language (the site’s, for one without lang) is a problem', () =>
    expect(translationGroups([story('a', ['b']), story('b', [], 'EN')], 'en').problems).toEqual([
      {
        file: 'content/b/index.md',
        message:
          'is told in en, like its translation a; translations are in other languages (set `lang:`)',
      },
    ]));
});

describe('languageName', () => {
  test.each([
    ['ru', 'Русский'],
    ['en', 'English'],
    ['he', 'עברית'],
    ['kk', 'Қазақ тілі'],
  ])('%s → %s (its own name, capitalised)', (lang, name) => expect(languageName(lang)).toBe(name));
});
