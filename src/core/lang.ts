/** Languages of stories: a story may be told in another language than the site (`lang` in its index.md). */

/** The canonical form of a BCP 47 tag (`EN-gb` → `en-GB`), or undefined when it is not one. */
export function canonicalLang(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Scripts written right to left, by language (used where the runtime cannot tell). */
const RTL = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

/** The direction text in `lang` is written in: `rtl` for Arabic, Hebrew, Persian, Urdu…, else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return RTL.has(locale.language) ? 'rtl' : 'ltr';
}

/**
 * A language's name in that language, with a capital as a link would show it (`ru` → `Русский`,
 * `en-GB` → `British English`): what a reader of it looks for, whatever the page's language.
 */
export function languageName(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
