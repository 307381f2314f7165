/**
 * Turns an existing rolling-coverage article (plain text, Markdown, or a saved HTML page) into a
 * story and one bulletin per dated update. Pure: it takes the article's text and returns what to
 * write, with everything it decided (cuts, years, warnings) so the command can report it.
 */
import yaml from 'js-yaml';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import {
  clockOf,
  dayOf,
  instantAt,
  isRealDate,
  isValidTimeZone,
  type DayKey,
} from '../../core/dates.ts';
import { bulletinFileName, slugWords } from '../content/names.ts';

/** What the command line passes in. */
export interface ImportOptions {
  /** Year of the newest update, when the article does not say. */
  year?: number | undefined;
  /** Zone of the story; otherwise taken from the headings ("ET") or a line like "All times GMT". */
  timezone?: string | undefined;
  /** Extra headings that start the trailing sections to leave out. */
  trailers?: string[] | undefined;
  /** Zone when nothing says (src/config.ts). */
  defaultTimezone: string;
}

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

/** One update found in the article. */
export interface ImportedBulletin {
  heading: string;
  day: DayKey;
  time?: string;
  instant: number;
  title?: string;
  body: string;
  fileName: string;
}

/** The whole import, or why it cannot be done. */
export interface ImportResult {
  title: string;
  summary: string;
  intro: string;
  status: 'live' | 'closed';
  /** The sentence that closed the story, quoted back to the editor. */
  closingLine?: string;
  timezone: string;
  bulletins: ImportedBulletin[];
  /** Headings of the sections left out at the end (and page furniture dropped from HTML). */
  cut: string[];
  /** Things an editor should look at: weekday mismatches, guessed years. */
  warnings: string[];
}

const MONTHS: Record<string, number> = {
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
const WEEKDAYS: Record<string, number> = {
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
const DEFAULT_TRAILERS = [
  'related reading',
  'related',
  'read more',
  'more on this story',
  'most read',
  'about us',
  'about the author',
  'share this',
  'comments',
  'subscribe',
  'sign up',
  'newsletter',
  'advertisement',
  'you may also like',
  'recommended',
];
const TITLE_SUFFIX =
  /\s*(?:[:|–—-]\s*)?(?:rolling coverage|live updates?|live blog|live results|live coverage|latest updates|as it happened|live)\s*$/i;
/**
 * Sentences that close a live article, in the forms newsrooms use: "This bulletin closes our
 * coverage", "This bulletin is the last in this thread", "This live blog is now closed", "We're ending
 * our live coverage here", "That's it from us — our coverage continues in a new blog", "Our live
 * coverage of the strike has ended". Each needs the article itself (this blog, thread, bulletin, our
 * coverage) as its subject or object, so "The last train left at 9pm" or "Coverage continues
 * tomorrow" do not close a story.
 */
const CLOSING: RegExp[] = [
  // "closes our coverage", "concludes this live blog", "wraps up our updates"
  /\b(?:closes|closing|concludes|concluding|ends|ending|wraps up|wrapping up|pausing|suspending)\s+(?:our|this)\s+(?:live\s+)?(?:coverage|blog|thread|updates|live)\b/i,
  // "this live blog is now closed", "our coverage of the vote has ended", "this thread will be archived"
  /\b(?:this|our)\s+(?:live\s+)?(?:blog|thread|coverage|page|updates)\b[^.!?]{0,60}?\b(?:is|has|have|will be|has been|are)\s+(?:now\s+)?(?:closed|ended|over|finished|archived|concluded)\b/i,
  // "this bulletin is the last in this thread", "this is our final update"
  /\b(?:this|that)\s+(?:bulletin|post|update|entry)\s+(?:is|was|will be)\s+(?:the|our)\s+(?:last|final)\b/i,
  /\bthis\s+is\s+(?:the|our)\s+(?:last|final)\s+(?:bulletin|post|update|entry)\b/i,
  // "coverage has ended", "end of our live coverage"
  /\b(?:live\s+)?coverage\s+(?:has\s+)?(?:now\s+)?ended\b|\bend\s+of\s+(?:our\s+)?live\s+(?:coverage|blog|updates)\b/i,
  // "our coverage continues in a new blog", "updates will continue on a separate page"
  /\b(?:coverage|updates|blog)\s+(?:continues?|will\s+continue|moves?|has\s+moved)\s+(?:in|on|at|to)\s+(?:a\s+)?(?:new|separate|another|different)\s+(?:blog|article|page|thread|live\s+blog)\b/i,
  // "That's it from us" (not "for today", "until tomorrow": a blog that goes on)
  /\bthat'?s\s+(?:it|all)\s+from\s+(?:us|me)\b(?![^.!?]*\b(?:today|tonight|for now|until|tomorrow|this evening|this morning)\b)/i,
];

/** The sentence of `text` that closes a live article, if one does (see CLOSING). */
export function closingSentence(text: string): string | undefined {
  const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]+(?:[.!?]+["'”’)]*|$)/g) ?? [];
  return sentences.map((x) => x.trim()).find((x) => CLOSING.some((re) => re.test(x)));
}

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

/** A saved web page reduced to its article, as Markdown; with the page furniture that was dropped. */
export function htmlToMarkdown(html: string): {
  title: string | undefined;
  markdown: string;
  removed: string[];
} {
  const doc = parseHtml(html);
  const root =
    doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
  const removed: string[] = [];
  for (const el of root.querySelectorAll(
    'nav, header, footer, aside, script, style, noscript, form, iframe, template, svg, button',
  )) {
    const label = el.tagName.toLowerCase();
    if (!['script', 'style', 'noscript', 'template', 'svg'].includes(label))
      removed.push(
        `<${label}> ${el.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60)}`.trim(),
      );
    el.remove();
  }
  for (const el of doc.querySelectorAll('aside, footer, nav')) {
    if (!root.querySelectorAll('*').includes(el))
      removed.push(
        `<${el.tagName.toLowerCase()}> ${el.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60)}`.trim(),
      );
  }
  const title = (root.querySelector('h1')?.textContent ?? doc.querySelector('title')?.textContent)
    ?.replace(/\s+/g, ' ')
    .trim();
  const tree = unified().use(rehypeParse, { fragment: true }).parse(root.innerHTML);
  const mdast = unified().use(rehypeRemark).runSync(tree);
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_' })
    .stringify(mdast);
  return { title, markdown: String(markdown), removed };
}

/** An update of a page that marks each one up with its time. */
export interface TimedEntry {
  /** The time as the markup gives it: ISO 8601, with or without an offset, or a Unix time. */
  datetime: string;
  headline?: string;
  /** Its text as Markdown. */
  body: string;
}

const markdownOf = (html: string): string =>
  String(
    unified()
      .use(remarkGfm)
      .use(remarkStringify, { bullet: '-', emphasis: '_' })
      .stringify(
        unified()
          .use(rehypeRemark)
          .runSync(unified().use(rehypeParse, { fragment: true }).parse(html)),
      ),
  ).trim();

/** A datetime with a time of day: `2024-11-05T23:40`, with seconds, with `Z` or an offset. */
const TIMED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The updates of a saved page whose markup gives each one its time, or undefined when it does not:
 * - the WordPress Liveblog plugin: `.liveblog-entry` elements with `data-timestamp` (Unix seconds)
 *   or a `<time datetime>`, their text in `.liveblog-entry-text`, their byline in `.liveblog-meta`;
 * - any page where each update is an element holding one `<time datetime>` with a time of day:
 *   the update is the largest element around that `<time>` holding no other.
 * Times come from the markup, never from the visible text ("2 hours ago", "11:40pm").
 */
export function timedEntries(
  html: string,
):
  | { title: string | undefined; intro: string; entries: TimedEntry[]; removed: string[] }
  | undefined {
  const doc = parseHtml(html);
  const root =
    doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
  const title = (root.querySelector('h1')?.textContent ?? doc.querySelector('title')?.textContent)
    ?.replace(/\s+/g, ' ')
    .trim();
  const removed: string[] = [];
  for (const el of root.querySelectorAll(
    'script, style, noscript, template, svg, form, iframe, button',
  ))
    el.remove();
  const timeOf = (el: HTMLElement): string | undefined =>
    el
      .querySelectorAll('time[datetime]')
      .map((t) => t.getAttribute('datetime')!.trim())
      .find((d) => TIMED.test(d));
  let containers: HTMLElement[];
  const wordpress = root.querySelectorAll('.liveblog-entry');
  if (wordpress.length) {
    containers = wordpress;
  } else {
    const times = root
      .querySelectorAll('time[datetime]')
      .filter((t) => TIMED.test(t.getAttribute('datetime')!.trim()));
    if (times.length < 2) return undefined;
    const count = (el: HTMLElement) =>
      el
        .querySelectorAll('time[datetime]')
        .filter((t) => TIMED.test(t.getAttribute('datetime')!.trim())).length;
    containers = times.map((t) => {
      let el = t;
      while (el.parentNode && el.parentNode !== root && count(el.parentNode) === 1)
        el = el.parentNode;
      return el;
    });
    if (new Set(containers).size !== containers.length || containers.some((c) => c === root))
      return undefined;
  }
  const entries: TimedEntry[] = [];
  for (const c of containers) {
    const stamp = c.getAttribute('data-timestamp');
    const datetime = stamp && /^\d{9,11}$/.test(stamp) ? stamp : timeOf(c);
    if (!datetime) return undefined;
    for (const meta of c.querySelectorAll('.liveblog-meta, .liveblog-author, .byline, .author')) {
      removed.push(`byline: ${meta.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60)}`);
      meta.remove();
    }
    for (const t of c.querySelectorAll('time')) {
      // The visible time goes with its element; a wrapper left empty goes too.
      const parent = t.parentNode;
      t.remove();
      if (parent && parent !== c && !parent.structuredText.trim()) parent.remove();
    }
    const text = c.querySelector('.liveblog-entry-text') ?? c;
    const heading = text.querySelector('h1, h2, h3, h4, h5, h6');
    const headline = heading?.textContent.replace(/\s+/g, ' ').trim();
    heading?.remove();
    entries.push({ datetime, ...(headline ? { headline } : {}), body: markdownOf(text.innerHTML) });
  }
  for (const c of containers) c.remove();
  for (const h of root.querySelectorAll('h1')) h.remove();
  return { title, intro: markdownOf(root.innerHTML), entries, removed };
}

/** Imports the updates of a page that gives their times in its markup (`timedEntries`). */
function importTimed(
  page: NonNullable<ReturnType<typeof timedEntries>>,
  options: ImportOptions,
): ImportResult | { error: string } {
  const { title: rawTitle, intro, entries, removed } = page;
  if (!rawTitle) return { error: 'no title found: the page needs an <h1> or a <title>' };
  const title = rawTitle.replace(TITLE_SUFFIX, '').trim();
  const statedZone = /\ball times (?:are )?(?:in )?([A-Z]{2,4})\b/i.exec(intro)?.[1]?.toUpperCase();
  const timezone = options.timezone ?? ZONES[statedZone ?? ''] ?? options.defaultTimezone;
  if (!isValidTimeZone(timezone))
    return { error: `--timezone ${timezone} is not an IANA time zone name` };
  const warnings: string[] = [];
  const bulletins: ImportedBulletin[] = [];
  const used = new Set<string>();
  for (const e of entries) {
    // Unix seconds, or ISO with an offset: an instant; ISO without one: a wall time in the story's zone.
    const instant = /^\d+$/.test(e.datetime)
      ? Number(e.datetime) * 1000
      : /(?:Z|[+-]\d{2}:?\d{2})$/.test(e.datetime)
        ? Date.parse(e.datetime.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
        : instantAt(e.datetime.slice(0, 10), e.datetime.slice(11, 16), timezone);
    if (Number.isNaN(instant)) return { error: `"${e.datetime}" is not a time` };
    const day = dayOf(instant, timezone);
    const time = clockOf(instant, timezone);
    if (!e.body.trim()) {
      warnings.push(`the update of ${day} ${time} has no text and was left out`);
      continue;
    }
    const words = slugWords(e.headline ?? plain(e.body), 5);
    let fileName = bulletinFileName(day, time, words);
    for (let n = 2; used.has(fileName); n++)
      fileName = bulletinFileName(day, time, `${words}-${n}`);
    used.add(fileName);
    bulletins.push({
      heading: `${day} ${time}`,
      day,
      time,
      instant,
      ...(e.headline ? { title: e.headline } : {}),
      body: e.body,
      fileName,
    });
  }
  if (bulletins.length === 0) return { error: 'the timed updates have no text' };
  if (!options.timezone && !statedZone)
    warnings.push(
      `times were exact in the page; the files are named in ${timezone} (pass --timezone to name them in the story's own zone)`,
    );
  return finish(title, intro, timezone, bulletins, removed, warnings);
}

/** Lines that carry no content: bylines and empty "Posted by". */
const BYLINE = /^(?:posted\s+)?by\b.{0,60}$|^posted\s*(?:by)?\s*$/i;

interface Section {
  heading: string;
  date: DateHeading;
  lines: string[];
}

/** The first sentence of a text. */
const firstSentence = (text: string) =>
  /^(.+?[.!?])(?:\s|$)/.exec(text.replace(/\s+/g, ' ').trim())?.[1] ?? text.trim().slice(0, 200);

/** Plain text of a Markdown block, for sentences and slugs. */
const plain = (md: string) =>
  md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Imports an article. `kind` says how to read `source`. */
export function importArticle(
  source: string,
  kind: 'html' | 'markdown' | 'text',
  options: ImportOptions,
): ImportResult | { error: string } {
  const cut: string[] = [];
  const warnings: string[] = [];
  let title: string | undefined;
  let text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (kind === 'html') {
    // Pages that mark each update up with its time (a live-blog platform) are read by that markup.
    const timed = timedEntries(text);
    if (timed) return importTimed(timed, options);
    const converted = htmlToMarkdown(text);
    title = converted.title;
    text = converted.markdown;
    cut.push(...converted.removed);
  }
  const lines = text.split('\n');

  // The title: an HTML <h1>/<title>, a Markdown "# …", or the first line of a text.
  const first = lines.findIndex((l) => l.trim());
  if (first >= 0 && (kind !== 'html' || title === undefined || plain(lines[first]!) === title)) {
    const line = lines[first]!;
    if (kind === 'text' || /^#\s/.test(line)) {
      title ??= plain(line);
      if (plain(line) === title) lines.splice(first, 1);
    }
  }
  if (!title)
    return { error: 'no title found: the article needs a first line, a "# Title" or an <h1>' };
  title = title.replace(TITLE_SUFFIX, '').trim();

  // Split at dated headings: Markdown headings, or short lines standing alone.
  const sections: Section[] = [];
  const intro: string[] = [];
  const trailers = [
    ...DEFAULT_TRAILERS,
    ...(options.trailers ?? []).map((t) => t.toLowerCase().trim()),
  ];
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    // In plain text a heading is a short line after a blank one; in Markdown, a heading or a bold line.
    const alone = !lines[i - 1]?.trim() && trimmed.length <= 80;
    const isHeading =
      /^#{1,6}\s/.test(trimmed) || /^\*\*[^*]+\*\*:?$/.test(trimmed) || (kind === 'text' && alone);
    const label = plain(trimmed).replace(/:$/, '').toLowerCase();
    if (isHeading && trailers.includes(label)) {
      cut.push(
        ...lines
          .slice(i)
          .filter((l) => l.trim() && trailers.includes(plain(l).replace(/:$/, '').toLowerCase()))
          .map((l) => plain(l)),
      );
      break;
    }
    const date = isHeading ? parseDateHeading(trimmed) : undefined;
    if (date) {
      sections.push({
        heading: trimmed.replace(/^#+\s*/, '').replace(/\*\*/g, ''),
        date,
        lines: [],
      });
      continue;
    }
    (sections.at(-1)?.lines ?? intro).push(line);
  }
  if (sections.length === 0)
    return {
      error:
        'no dated update headings found (such as "March 14", "Update: 14 February 2025, 18:05" or "Update 3 — Nov. 5, 2024, 11:40 p.m. ET")',
    };

  // The zone: as given, or as the headings or a line like "All times GMT" say.
  const introText = intro.join('\n');
  const headingZone = sections.find((s) => s.date.zone)?.date.zone;
  const statedZone = /\ball times (?:are )?(?:in )?([A-Z]{2,4})\b/i
    .exec(`${introText}\n${text}`)?.[1]
    ?.toUpperCase();
  const timezone =
    options.timezone ??
    ZONES[headingZone ?? ''] ??
    ZONES[statedZone ?? ''] ??
    options.defaultTimezone;
  if (!isValidTimeZone(timezone))
    return { error: `--timezone ${timezone} is not an IANA time zone name` };

  // Years: as written, else from --year or a publication date, counting back across New Year.
  const published = /\b(?:published|posted|updated)\b[^\n]*?\b((?:19|20)\d{2})\b/i.exec(
    introText,
  )?.[1];
  let year = sections[0]!.date.year ?? options.year ?? (published ? Number(published) : undefined);
  if (year === undefined) {
    return { error: 'the headings give no year: pass --year YYYY (the year of the newest update)' };
  }
  if (sections[0]!.date.year === undefined && options.year === undefined)
    warnings.push(`year ${year} taken from the publication date`);
  const bulletins: ImportedBulletin[] = [];
  const used = new Set<string>();
  let previous: { month: number; day: number } | undefined;
  for (const s of sections) {
    const d = s.date;
    if (d.year !== undefined) year = d.year;
    else if (
      previous &&
      (d.month > previous.month || (d.month === previous.month && d.day > previous.day))
    )
      year -= 1;
    previous = d;
    if (!isRealDate(year, d.month, d.day))
      return { error: `"${s.heading}" is not a real date in ${year}` };
    const writtenDay = `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    if (d.weekday !== undefined) {
      const actual = new Date(Date.UTC(year, d.month - 1, d.day)).getUTCDay();
      if (actual !== d.weekday) {
        const names = [
          'Sunday',
          'Monday',
          'Tuesday',
          'Wednesday',
          'Thursday',
          'Friday',
          'Saturday',
        ];
        warnings.push(
          `"${s.heading}" says ${names[d.weekday]}, but ${writtenDay} is a ${names[actual]}: check the date`,
        );
      }
    }
    // The time is read in the heading's own zone, then filed in the story's.
    const zone = ZONES[d.zone ?? ''] ?? timezone;
    const instant = instantAt(writtenDay, d.time ?? '00:00', zone);
    const day = d.time ? dayOf(instant, timezone) : writtenDay;
    const time = d.time ? clockOf(instant, timezone) : undefined;
    const body = s.lines.join('\n').trim();
    if (!body) {
      warnings.push(`"${s.heading}" has no text; left out`);
      continue;
    }
    const words = slugWords(d.headline ?? plain(body), 5);
    let fileName = bulletinFileName(day, time, words);
    for (let n = 2; used.has(fileName); n++)
      fileName = bulletinFileName(day, time, `${words}-${n}`);
    used.add(fileName);
    bulletins.push({
      heading: s.heading,
      day,
      ...(time ? { time } : {}),
      instant,
      ...(d.headline ? { title: d.headline } : {}),
      body,
      fileName,
    });
  }
  if (bulletins.length === 0) return { error: 'the dated headings have no text under them' };

  return finish(title, intro.join('\n'), timezone, bulletins, cut, warnings);
}

/** The story around its bulletins: the introduction (bylines dropped), a summary, and whether a sentence closed it. */
function finish(
  title: string,
  introText: string,
  timezone: string,
  bulletins: ImportedBulletin[],
  cut: string[],
  warnings: string[],
): ImportResult {
  const introBody = introText
    .split('\n')
    .filter((l) => !BYLINE.test(l.trim()))
    .join('\n')
    .trim();
  const introPlain = plain(introBody);
  const summary =
    introPlain && !/^(published|posted|updated|all times)\b/i.test(introPlain)
      ? firstSentence(introPlain)
      : firstSentence(plain(bulletins.at(-1)!.body));
  // The newest update that closes the article, if any.
  const closing = [...bulletins]
    .sort((a, b) => b.instant - a.instant)
    .map((b) => closingSentence(plain(b.body)))
    .find(Boolean);
  return {
    title,
    summary,
    intro: introBody,
    status: closing ? 'closed' : 'live',
    ...(closing ? { closingLine: closing } : {}),
    timezone,
    bulletins,
    cut,
    warnings,
  };
}

const fm = (data: Record<string, unknown>) =>
  `---\n${yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA })}---\n`;

/** The files to write: the story's index.md and one file per bulletin, paths relative to the story folder. */
export function importFiles(result: ImportResult): { name: string; text: string }[] {
  return [
    {
      name: 'index.md',
      text: `${fm({ title: result.title, summary: result.summary, status: result.status, timezone: result.timezone })}\n${result.intro ? `${result.intro}\n` : ''}`,
    },
    ...result.bulletins.map((b) => ({
      name: b.fileName,
      text: `${b.title ? fm({ title: b.title }) : ''}\n${b.body}\n`,
    })),
  ];
}
