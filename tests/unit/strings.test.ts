import { describe, expect, test } from 'vitest';
import { counted, DICTIONARIES, stringsFor } from '../../src/lib/site/strings.ts';

/** Every leaf of a dictionary, by path, with functions called on a sample argument. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'function')
    return [[path, String((value as (...a: unknown[]) => unknown)(2, 'x', 'y', 'z'))]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, String(value)]];
}

describe('the interface strings', () => {
  test('English and Russian are shipped, with the same keys, none empty', () => {
    expect(Object.keys(DICTIONARIES).toSorted()).toEqual(['en', 'ru']);
    // Plural words have the categories of their language (Russian: one, few, many, other).
    const keys = (dict: unknown) => [
      ...new Set(leaves(dict).map(([k]) => k.replace(/\.(zero|one|two|few|many|other)$/, ''))),
    ];
    const en = keys(DICTIONARIES['en']);
    for (const [lang, dict] of Object.entries(DICTIONARIES)) {
      const all = leaves(dict);
      expect(keys(dict), lang).toEqual(en);
      for (const [key, text] of all) expect(text.trim(), `${lang}: ${key}`).not.toBe('');
    }
  });
  test('Russian differs from English wherever there are words to translate', () => {
    const en = Object.fromEntries(leaves(DICTIONARIES['en']));
    const same = leaves(DICTIONARIES['ru'])
      .filter(([k, v]) => v === en[k])
      .map(([k]) => k);
    expect(same).toEqual([]);
  });
  test('a language without a dictionary falls back to English; a regional tag finds its language', () => {
    expect(stringsFor('de')).toBe(DICTIONARIES['en']);
    expect(stringsFor('ru-RU')).toBe(DICTIONARIES['ru']);
    expect(stringsFor('en-GB').nav.stories).toBe('Stories');
  });
  test.each([
    [1, 'en', '1 update'],
    [2, 'en', '2 updates'],
    [1, 'ru', '1 сообщение'],
    [2, 'ru', '2 сообщения'],
    [5, 'ru', '5 сообщений'],
    [21, 'ru', '21 сообщение'],
    [22, 'ru', '22 сообщения'],
    [11, 'ru', '11 сообщений'],
  ])('%i in %s: %s', (n, lang, text) =>
    expect(counted(n, stringsFor(lang).updates, lang)).toBe(text),
  );
});
