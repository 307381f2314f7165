/**
 * The dated headings of live articles: "Latest, January 10", "Update 3 — Nov. 5, 2024, 11:40 p.m. ET",
 * "UPDATE (Tuesday 31 December):", with or without year, weekday, time and zone.
 */

/** A dated heading, as written. */
export interface DateHeading {
  month: number;
  day: number;
  year?: number;
  /** `HH:MM`, 24-hour. */
  time?: string;
  /** Time-zone abbreviation, upper case (`ET`, `GMT`). */
  zone?: string;
  /** 0 = Sunday. */
  weekday?: number;
  /** Words after the date (`March 12: Talks resume` → `Talks resume`). */
  headline?: string;
}

export const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
export const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
/** Abbreviations newsrooms put after times, and the zones they mean. */
export const ZONES: Record<string, string> = {
  ET: 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CT: 'America/Chicago',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MT: 'America/Denver',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PT: 'America/Los_Angeles',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  GMT: 'UTC',
  UTC: 'UTC',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  JST: 'Asia/Tokyo',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};

/** Longest names first, so that "March" is not read as "Mar" + "ch". */
const alternatives = (names: Record<string, number | string>) =>
  Object.keys(names)
    .sort((a, b) => b.length - a.length)
    .join('|');
const MONTH = `(${alternatives(MONTHS)})\\b\\.?`;
const WEEKDAY = `(${alternatives(WEEKDAYS)})\\b\\.?,?`;
const TIME = `(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?`;
const ZONE = `(${alternatives(ZONES)})`;
const PREFIX = /^(?:latest|breaking|update[sd]?(?:\s*(?:no\.?\s*)?\d+)?)\b\s*[:,.—–-]?\s*/i;
const MONTH_FIRST = new RegExp(
  `^(?:${WEEKDAY}\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
  'i',
);
const DAY_FIRST = new RegExp(
  `^(?:${WEEKDAY}\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?`,
  'i',
);
const AFTER = new RegExp(
  `^(?:,?\\s*(?:at\\s+)?${TIME})?(?:\\s+${ZONE}\\b)?\\s*(?:[:|–—-]\\s*(.*))?$`,
  'i',
);

/** Reads a heading like "Update 3 — Nov. 5, 2024, 11:40 p.m. ET" or "UPDATE (Tuesday 31 December):". */
export function parseDateHeading(raw: string): DateHeading | undefined {
  let text = raw
    .replace(/^#+\s*/, '')
    .replace(/[*_`]/g, '')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[:.]$/, '')
    .trim();
  if (!text || text.length > 120) return undefined;
  text = text.replace(PREFIX, '');
  let m = MONTH_FIRST.exec(text);
  let weekday: string | undefined;
  let month: string;
  let day: string;
  let year: string | undefined;
  if (m)
    [, weekday, month, day, year] = m as unknown as [
      string,
      string | undefined,
      string,
      string,
      string | undefined,
    ];
  else {
    m = DAY_FIRST.exec(text);
    if (!m) return undefined;
    [, weekday, day, month, year] = m as unknown as [
      string,
      string | undefined,
      string,
      string,
      string | undefined,
    ];
  }
  const rest = AFTER.exec(text.slice(m[0].length));
  if (!rest) return undefined;
  const [, hh, mm, ampm, zone, headline] = rest;
  const out: DateHeading = { month: MONTHS[month.toLowerCase()]!, day: Number(day) };
  if (year) out.year = Number(year);
  if (weekday) out.weekday = WEEKDAYS[weekday.toLowerCase().replace(/[.,]/g, '')]!;
  if (hh !== undefined) {
    if (mm === undefined && !ampm) return undefined; // "March 12 5" is not a time
    let h = Number(hh);
    if (ampm) {
      if (h < 1 || h > 12) return undefined;
      const pm = /^p/i.test(ampm);
      h = (h % 12) + (pm ? 12 : 0);
    }
    if (h > 23 || Number(mm ?? 0) > 59) return undefined;
    out.time = `${String(h).padStart(2, '0')}:${mm ?? '00'}`;
  }
  if (zone) out.zone = zone.toUpperCase();
  if (headline?.trim()) out.headline = headline.trim();
  return out;
}
