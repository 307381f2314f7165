import { describe, expect, test } from 'vitest';
import { canonicalLang, textDirection } from '../../src/core/lang.ts';

describe('story languages', () => {
  test.each([
    ['ru', 'ru'],
    ['EN-gb', 'en-GB'],
    ['he', 'he'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['en_GB', undefined],
    ['', undefined],
    ['123', undefined],
  ])('canonical %j: %j', (tag, out) => expect(canonicalLang(tag)).toBe(out));

  test.each([
    ['he', 'rtl'],
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['ru', 'ltr'],
    ['en-GB', 'ltr'],
    ['kk', 'ltr'],
  ])('%s is written %s', (lang, dir) => expect(textDirection(lang)).toBe(dir));
});
