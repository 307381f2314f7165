/**
 * Checks one file on its own: its frontmatter against its schema, its body against the limits of
 * what it may cost to render, its images' descriptions, and its moment in the story's zone. Pure,
 * and cached across builds by the file's digest (src/astro/loader.ts keeps the cache).
 */
import type { z } from 'astro/zod';
import { bulletinFrontmatter, type BulletinFrontmatter } from '../../schemas/bulletin.ts';
import { summaryFrontmatter } from '../../schemas/story.ts';
import {
  clockOf,
  dayOf,
  instantAt,
  parseWrittenDate,
  startOfDayIn,
  type DayKey,
} from '../../core/dates.ts';
import { FrontmatterError, lineOfField, splitFence, splitFrontmatter } from './frontmatter.ts';
import { MAX_TEXT_BYTES, tooLargeText } from './files.ts';
import { imageProblems } from './images.ts';
import { quote, type Problem, zodProblems } from './problems.ts';
import { markdownLimitProblem } from './limits.ts';
import type { BulletinName } from './names.ts';
import { type LinkRef, linkRefs } from './links.ts';

/**
 * A Markdown file under the content folder. `path` is relative to the project root, with `/`;
 * `digest` identifies its text (`fileDigest`; computed here when not given).
 */
export interface SourceFile {
  path: string;
  text: string;
  digest?: string;
}

/**
 * What checking one bulletin file finds without looking at any other file: its frontmatter, or
 * its problems (without the file's path). Depends on the file's text and the checking code only,
 * so it is cached across builds by `parseKey` (src/astro/loader.ts keeps the cache).
 */
export type CheckedBulletin =
  | {
      data: BulletinFrontmatter;
      bodyLine: number;
      empty: boolean;
      links: LinkRef[];
      /**
       * Its moment, for the file name and story zone it was last checked with (equal texts may sit
       * under other names): time-zone arithmetic is the costliest part of a check.
       */
      when?: { name: string; timezone: string; resolved: ReturnType<typeof resolveInstant> };
    }
  | {
      problems: Omit<Problem, 'file'>[];
      /** Set when checking threw: the reason may be passing (a file gone while read), so the result is not cached. */
      unexpected?: true;
    };

/** Earlier results of `checkBulletin`, by `parseKey`: read and filled in by `buildArchive`. */
export interface CheckCache {
  /** Version of the checking code (the key's first part). */
  code: string;
  get(key: string): CheckedBulletin | undefined;
  set(key: string, value: CheckedBulletin): void;
}

type Parsed<T> =
  { data: T; body: string; bodyLine: number } | { problems: Problem[]; unexpected?: true };

/** The Markdown body of a file (no YAML is parsed: for rendering a file that was checked already). */
export const bodyOf = (text: string): string => splitFence(text).body;

/** Checks one bulletin file on its own (see `CheckedBulletin`). */
export function checkBulletin(file: SourceFile): CheckedBulletin {
  const parsed = parseFile(file, bulletinFrontmatter);
  if ('problems' in parsed)
    return {
      problems: parsed.problems.map(({ file: _file, ...p }) => p),
      ...(parsed.unexpected ? { unexpected: true as const } : {}),
    };
  const images = imageProblems(parsed.body, parsed.bodyLine);
  if (images.length) return { problems: images };
  return {
    data: parsed.data,
    bodyLine: parsed.bodyLine,
    empty: !parsed.body.trim(),
    links: linkRefs(parsed.body, parsed.bodyLine),
  };
}

/**
 * Checks a story's `summary.md`: its frontmatter, its images' descriptions, that it has text, and
 * that its `updated` time exists on the story's clock (`timezone`). Gives that moment and its links.
 */
export function checkSummary(
  file: SourceFile,
  timezone: string,
): { updated: number; links: LinkRef[] } | { problems: Problem[] } {
  const parsed = parseFile(file, summaryFrontmatter);
  if ('problems' in parsed) return { problems: parsed.problems };
  const problems: Problem[] = imageProblems(parsed.body, parsed.bodyLine).map((p) => ({
    file: file.path,
    ...p,
  }));
  if (!parsed.body.trim())
    problems.push({
      file: file.path,
      line: parsed.bodyLine,
      message:
        'the summary has no text: write its points below the frontmatter (or delete the file)',
    });
  const [day = '', time = ''] = parsed.data.updated.trim().split(/[ T]/);
  const updated = instantAt(day, time, timezone);
  if (clockOf(updated, timezone) !== time || dayOf(updated, timezone) !== day)
    problems.push({
      file: file.path,
      line: lineOfField(file.text, 'updated'),
      field: 'updated',
      message: `${day} ${time} does not exist in ${timezone} (clocks skip it); use the time shown after the change`,
    });
  return problems.length
    ? { problems }
    : { updated, links: linkRefs(parsed.body, parsed.bodyLine) };
}

/**
 * Reads one file's frontmatter and checks its body's limits. Whatever it throws (an input no check
 * foresaw, a file gone while the build runs) becomes a problem naming the file: one file never
 * stops the build with an error that names none.
 */
export function parseFile<T>(file: SourceFile, schema: z.ZodType<T>): Parsed<T> {
  try {
    return parseChecked(file, schema);
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return {
      problems: [
        {
          file: file.path,
          message: `could not be checked (${quote(reason, 120).slice(1, -1)}); please report this to Dateline's developers with the file`,
        },
      ],
      unexpected: true,
    };
  }
}

function parseChecked<T>(file: SourceFile, schema: z.ZodType<T>): Parsed<T> {
  if (file.text.includes('\uFFFD')) {
    const line = file.text.slice(0, file.text.indexOf('\uFFFD')).split('\n').length;
    return {
      problems: [
        {
          file: file.path,
          line,
          message: 'contains bytes that are not UTF-8 (shown as �): save the file as UTF-8',
        },
      ],
    };
  }
  // A UTF-16 length at most a third of the limit cannot be over it in UTF-8.
  const bytes =
    file.text.length * 3 > MAX_TEXT_BYTES ? new TextEncoder().encode(file.text).length : 0;
  if (bytes > MAX_TEXT_BYTES)
    return { problems: [{ file: file.path, message: tooLargeText(bytes) }] };
  let split;
  try {
    split = splitFrontmatter(file.text);
  } catch (err) {
    if (err instanceof FrontmatterError)
      return { problems: [{ file: file.path, line: err.line, message: err.message }] };
    throw err;
  }
  const result = schema.safeParse(split.data);
  if (!result.success)
    return { problems: zodProblems(file.path, file.text, result.error, split.data) };
  // Checked before anything renders the body (src/lib/content/limits.ts).
  const limit = markdownLimitProblem(split.body, split.bodyLine);
  if (limit) return { problems: [{ file: file.path, ...limit }] };
  return { data: result.data, body: split.body, bodyLine: split.bodyLine };
}

/**
 * The instant of a bulletin from its file name and optional `date:` field, in the story's zone
 * (or in UTC, for a name whose time ends in `z`), and the story's day it falls on. Both must agree
 * on the day (and on the time when the name has one).
 */
export function resolveInstant(
  name: BulletinName,
  written: string | undefined,
  tz: string,
): { instant: number; day: DayKey; hasTime: boolean } | { error: string; field: string } {
  const parsed = written === undefined ? undefined : parseWrittenDate(written);
  if (parsed && 'error' in parsed) return { error: parsed.error, field: 'date' };
  if (name.utc && name.time) {
    // A name in UTC gives the instant itself; the story's day follows from it.
    const instant = Date.parse(`${name.day}T${name.time}:00Z`);
    const day = dayOf(instant, tz);
    const agrees =
      parsed === undefined ||
      (parsed.kind === 'datetime'
        ? Math.floor(parsed.instant / 60_000) === instant / 60_000
        : parsed.day === day);
    if (!agrees)
      return {
        field: 'date',
        error: `${written} disagrees with the file name's ${name.day} ${name.time} UTC (${day} ${clockOf(instant, tz)} in ${tz}); make them agree`,
      };
    return { instant, day, hasTime: true };
  }
  if (parsed?.kind === 'datetime') {
    const day = dayOf(parsed.instant, tz);
    const clock = clockOf(parsed.instant, tz);
    if (day !== name.day || (name.time && clock !== name.time)) {
      return {
        field: 'date',
        error: `${written} is ${day} ${clock} in ${tz}, but the file name says ${name.day}${name.time ? ` ${name.time}` : ''}; make them agree`,
      };
    }
    return { instant: parsed.instant, day, hasTime: true };
  }
  if (parsed?.kind === 'date' && parsed.day !== name.day) {
    return {
      field: 'date',
      error: `${written} disagrees with the file name's ${name.day}; make them agree`,
    };
  }
  if (name.time) {
    const instant = instantAt(name.day, name.time, tz);
    if (clockOf(instant, tz) !== name.time || dayOf(instant, tz) !== name.day) {
      return {
        field: 'file name',
        error: `${name.day} ${name.time} does not exist in ${tz} (clocks skip it); use the time shown after the change`,
      };
    }
    return { instant, day: name.day, hasTime: true };
  }
  return { instant: startOfDayIn(name.day, tz), day: name.day, hasTime: false };
}
