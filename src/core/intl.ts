/**
 * Date formatting with `Intl` alone, no dependencies: the site's pages (through ./dates) and the
 * search page's script write days and zones the same way.
 * Also bundled for the browser (src/scripts/search.ts): no Node APIs.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A cached Intl.DateTimeFormat: constructing one costs tens of microseconds, and an archive
 * formats hundreds of thousands of dates per build.
 */
export function formatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/**
 * Short name of the zone at that instant: a real abbreviation where CLDR has one in English
 * (EST, BST, CET), else the offset form (GMT+6). Tries US English, then British English.
 */
export function zoneAbbreviation(instant: number, tz: string): string {
  const names = ['en-US', 'en-GB'].map(
    (locale) =>
      formatter(locale, { timeZone: tz, timeZoneName: 'short' })
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')?.value ?? 'UTC',
  );
  return names.find((n) => /^[A-Z]{2,5}$/.test(n)) ?? names[0]!;
}

/** `Friday 7 January 2022` for a day key (a calendar day has no zone). */
export function formatDay(day: string, locale: string): string {
  return formatter(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));
}
