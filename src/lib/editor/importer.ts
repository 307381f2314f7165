/**
 * Turns an existing rolling-coverage article (plain text, Markdown, or a saved HTML page) into a
 * story and one bulletin per dated update. Pure: it takes the article's text and returns what to
 * write, with everything it decided (cuts, years, warnings) so the command can report it.
 */
import * as yaml from 'js-yaml';
import {
  clockOf,
  dayOf,
  instantAt,
  isRealDate,
  isValidTimeZone,
  type DayKey,
} from '../../core/dates.ts';
import { bulletinFileName, slugWords } from '../content/names.ts';
import { type DateHeading, ZONES, parseDateHeading } from './headings.ts';
import { closingSentence } from './closing.ts';
import { htmlToMarkdown, timedEntries } from './saved-pages.ts';

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

/** One update found in the article. */
export interface ImportedBulletin {
  heading: string;
  day: DayKey;
  time?: string;
  instant: number;
  title?: string;
  /** Its authors, by the slugs of `ImportResult.authors`. */
  authors?: string[];
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
  /** The authors the updates' bylines name, each with the slug of their file in content/authors/. */
  authors: { slug: string; name: string }[];
}

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
  const authors = new Map<string, string>();
  const slugOf = (name: string): string => {
    const slug = slugWords(name, 6) || 'author';
    authors.set(slug, authors.get(slug) ?? name);
    return slug;
  };
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
      ...(e.authors?.length ? { authors: [...new Set(e.authors.map(slugOf))] } : {}),
      body: e.body,
      fileName,
    });
  }
  if (bulletins.length === 0) return { error: 'the timed updates have no text' };
  if (!options.timezone && !statedZone)
    warnings.push(
      `times were exact in the page; the files are named in ${timezone} (pass --timezone to name them in the story's own zone)`,
    );
  return {
    ...finish(title, intro, timezone, bulletins, removed, warnings),
    authors: [...authors].map(([slug, name]) => ({ slug, name })),
  };
}

/** Lines that carry no content: bylines, "Posted on 17 November 2024 by News Desk", an empty "Posted by". */
const BYLINE = /^(?:posted\s+)?by\b.{0,60}$|^posted\s+on\b.{0,100}$|^posted\s*(?:by)?\s*$/i;

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
    authors: [],
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
    ...result.bulletins.map((b) => {
      const data = {
        ...(b.title ? { title: b.title } : {}),
        ...(b.authors ? { authors: b.authors } : {}),
      };
      return {
        name: b.fileName,
        text: `${Object.keys(data).length ? fm(data) : ''}\n${b.body}\n`,
      };
    }),
  ];
}

/** The author files the bulletins need (`content/authors/<slug>.md`), by slug: a name, and a bio to write. */
export function importAuthorFiles(result: ImportResult): { slug: string; text: string }[] {
  return result.authors.map((a) => ({
    slug: a.slug,
    text: `${fm({ name: a.name })}\nImported from the article's bylines: add a role, a photo and a short bio.\n`,
  }));
}
