/**
 * Turns the files of `content/` into validated stories and bulletin records, or into a list of
 * every problem found, each naming the file, the line when known, and the field. Pure: it takes
 * the files' text, so tests feed it whatever they like.
 */
import type { z } from 'astro/zod';
import { bulletinFrontmatter, type BulletinRecord } from '../schemas/bulletin';
import { storyFrontmatter, type StoryRecord } from '../schemas/story';
import { updateId } from './anchors';
import { clockOf, dayOf, instantAt, isRealDate, parseWrittenDate, startOfDayIn } from './dates';
import { FrontmatterError, lineOfField, splitFrontmatter } from './frontmatter';

/** A Markdown file under the content folder. `path` is relative to the project root, with `/`. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One thing wrong with the content, located as precisely as we can. */
export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
}

/** What the content folder holds once every file is valid. */
export interface Archive {
  stories: StoryRecord[];
  bulletins: BulletinRecord[];
  /** Markdown body of each bulletin, by file path (rendered later, and not stored). */
  bodies: Map<string, string>;
  problems: Problem[];
}

/** `content/x/a.md:3: field "date": message`, the one format every tool prints. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
  return `${where}: ${p.field ? `field "${p.field}": ` : ''}${p.message}`;
}

/** Story folder names become URL segments, so they are kept to lower-case words and hyphens. */
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `YYYY-MM-DD[-HHMM][-words].md` */
const BULLETIN_NAME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:-(\d{2})(\d{2})(?=-|\.md$))?(?:-([^.]+))?\.md$/i;

/** What a bulletin's file name says: its day and, when given, its local time. */
export interface BulletinName {
  day: string;
  time?: string;
}

/** Parses a bulletin file name; returns an error message for names that break the pattern. */
export function parseBulletinName(name: string): BulletinName | { error: string } {
  const m = BULLETIN_NAME_RE.exec(name);
  if (!m) return { error: 'file name must be YYYY-MM-DD[-HHMM][-words].md (for example 2022-01-07-1430-curfew.md)' };
  const [, y, mo, d, hh, mm] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return { error: `${y}-${mo}-${d} is not a real calendar date` };
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59)) return { error: `${hh}${mm} is not a time of day (HHMM, 0000–2359)` };
  return { day: `${y}-${mo}-${d}`, ...(hh !== undefined ? { time: `${hh}:${mm}` } : {}) };
}

function zodProblems(file: string, source: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : undefined;
    const top = issue.path[0];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      return {
        file,
        line: lineOfField(source, keys[0]!),
        field: keys.join(', '),
        message: `unknown field${keys.length > 1 ? 's' : ''}; check the spelling against the frontmatter reference in README.md`,
      };
    }
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) message = 'is required';
    return { file, line: typeof top === 'string' ? lineOfField(source, top) : undefined, field, message };
  });
}

type Parsed<T> = { data: T; body: string; bodyLine: number } | { problems: Problem[] };

function parseFile<T>(file: SourceFile, schema: z.ZodType<T>): Parsed<T> {
  let split;
  try {
    split = splitFrontmatter(file.text);
  } catch (err) {
    if (err instanceof FrontmatterError) return { problems: [{ file: file.path, line: err.line, message: err.message }] };
    throw err;
  }
  const result = schema.safeParse(split.data);
  if (!result.success) return { problems: zodProblems(file.path, file.text, result.error) };
  return { data: result.data, body: split.body, bodyLine: split.bodyLine };
}

/**
 * Validates every file and cross-checks them: each bulletin needs its story's `index.md`, ids
 * are unique within a story, and the date in the file name agrees with the frontmatter.
 */
export function buildArchive(files: SourceFile[], contentDir: string): Archive {
  const problems: Problem[] = [];
  const stories = new Map<string, StoryRecord>();
  const storyFolders = new Set<string>();
  const bulletinFiles: { file: SourceFile; story: string; name: string }[] = [];
  const prefix = `${contentDir.replace(/\/+$/, '')}/`;

  for (const file of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    const parts = file.path.startsWith(prefix) ? file.path.slice(prefix.length).split('/') : [];
    if (parts.length !== 2) {
      problems.push({ file: file.path, message: `Markdown files belong in ${prefix}<story-slug>/ (index.md or YYYY-MM-DD[-HHMM][-words].md)` });
      continue;
    }
    const [story, name] = parts as [string, string];
    if (!SLUG_RE.test(story)) {
      if (!storyFolders.has(story)) {
        problems.push({ file: file.path, message: `story folder "${story}" must be lower-case letters, digits and hyphens (it becomes the URL)` });
      }
      storyFolders.add(story);
      continue;
    }
    storyFolders.add(story);
    if (name === 'index.md') {
      const parsed = parseFile(file, storyFrontmatter);
      if ('problems' in parsed) problems.push(...parsed.problems);
      else stories.set(story, { ...parsed.data, slug: story, intro: parsed.body.trim(), file: file.path });
    } else {
      bulletinFiles.push({ file, story, name });
    }
  }

  const bulletins: BulletinRecord[] = [];
  const bodies = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const { file, story, name } of bulletinFiles) {
    const fromName = parseBulletinName(name);
    if ('error' in fromName) {
      problems.push({ file: file.path, field: 'file name', message: fromName.error });
      continue;
    }
    const parsed = parseFile(file, bulletinFrontmatter);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const owner = stories.get(story);
    if (!owner) {
      if (!files.some((f) => f.path === `${prefix}${story}/index.md`)) {
        problems.push({ file: file.path, message: `its story has no ${prefix}${story}/index.md; create it with a title and summary` });
      }
      continue; // an invalid index.md is reported on its own
    }
    const when = resolveInstant(fromName, parsed.data.date, owner.timezone);
    if ('error' in when) {
      problems.push({ file: file.path, line: lineOfField(file.text, 'date'), field: when.field, message: when.error });
      continue;
    }
    const id = updateId(name);
    const key = `${story}/${id}`;
    const twin = seen.get(key);
    if (twin) {
      problems.push({ file: file.path, field: 'file name', message: `gives the same update id "${id}" as ${twin}; rename one of them` });
      continue;
    }
    seen.set(key, file.path);
    bodies.set(file.path, parsed.body);
    const d = parsed.data;
    bulletins.push({
      id,
      story,
      day: fromName.day,
      instant: when.instant,
      hasTime: when.hasTime,
      ...(d.title !== undefined ? { title: d.title } : {}),
      key: d.key,
      tags: d.tags,
      sources: d.sources,
      ...(d.updated !== undefined ? { updated: Date.parse(d.updated) } : {}),
      ...(d.correction !== undefined ? { correction: d.correction } : {}),
      file: file.path,
    });
  }
  problems.sort((a, b) => byCodePoint(a.file, b.file) || (a.line ?? Infinity) - (b.line ?? Infinity));
  return { stories: [...stories.values()], bulletins, bodies, problems };
}

/** Locale-independent order, so every machine reports problems in the same order. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The instant of a bulletin from its file name and optional `date:` field, in the story's zone.
 * Both must agree on the day (and on the time when the name has one).
 */
export function resolveInstant(
  name: BulletinName,
  written: string | undefined,
  tz: string,
): { instant: number; hasTime: boolean } | { error: string; field: string } {
  const parsed = written === undefined ? undefined : parseWrittenDate(written);
  if (parsed && 'error' in parsed) return { error: parsed.error, field: 'date' };
  if (parsed?.kind === 'datetime') {
    const day = dayOf(parsed.instant, tz);
    const clock = clockOf(parsed.instant, tz);
    if (day !== name.day || (name.time && clock !== name.time)) {
      return {
        field: 'date',
        error: `${written} is ${day} ${clock} in ${tz}, but the file name says ${name.day}${name.time ? ` ${name.time}` : ''}; make them agree`,
      };
    }
    return { instant: parsed.instant, hasTime: true };
  }
  if (parsed?.kind === 'date' && parsed.day !== name.day) {
    return { field: 'date', error: `${written} disagrees with the file name's ${name.day}; make them agree` };
  }
  if (name.time) {
    const instant = instantAt(name.day, name.time, tz);
    if (clockOf(instant, tz) !== name.time || dayOf(instant, tz) !== name.day) {
      return { field: 'file name', error: `${name.day} ${name.time} does not exist in ${tz} (clocks skip it); use the time shown after the change` };
    }
    return { instant, hasTime: true };
  }
  return { instant: startOfDayIn(name.day, tz), hasTime: false };
}
