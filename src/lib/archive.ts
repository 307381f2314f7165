/**
 * Turns the files of `content/` into validated stories and bulletin records, or into a list of
 * every problem found, each naming the file, the line when known, and the field. Pure: it takes
 * the files' text, so tests feed it whatever they like.
 */
import type { z } from 'astro/zod';
import { bulletinFrontmatter, type BulletinFrontmatter, type BulletinRecord } from '../schemas/bulletin';
import { storyFrontmatter, type StoryRecord } from '../schemas/story';
import { isStorySlug, updateId } from './anchors';
import { fileDigest, parseKey } from './cache-keys';
import { clockOf, dayOf, instantAt, isRealDate, parseWrittenDate, startOfDayIn } from './dates';
import { FrontmatterError, lineOfField, splitFence, splitFrontmatter } from './frontmatter';
import { checkStoryFiles, MAX_TEXT_BYTES, refusedProblems, tooLargeText, type RefusedEntry, type StoryFile } from './files';
import { imageProblems, quote } from './images';
import { markdownLimitProblem } from './limits';
import { decodePath, resolveContentLink } from './paths';
import { tagProblems, tagUses } from './tags';
import { byCodePoint } from './timeline';

/**
 * A Markdown file under the content folder. `path` is relative to the project root, with `/`;
 * `digest` identifies its text (`fileDigest`; computed here when not given).
 */
export interface SourceFile {
  path: string;
  text: string;
  digest?: string;
}

/** A file next to bulletins, published with its story. */
export interface PublishedFile {
  story: string;
  name: string;
  file: string;
  digest: string;
}

/** One thing wrong with the content, located as precisely as we can. */
export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
}

/** A valid bulletin kept out of this build: a draft, or dated after the build's clock. */
export interface Held {
  file: string;
  reason: 'draft' | 'scheduled';
  /** Epoch milliseconds of a scheduled bulletin. */
  at?: number;
}

/** What the content folder holds once every file is valid. */
export interface Archive {
  stories: StoryRecord[];
  /** The bulletins to publish (drafts and scheduled ones are in `held`). Their bodies are not read here: see `bodyOf`. */
  bulletins: BulletinRecord[];
  /** Files next to bulletins to publish at `/stories/<story>/files/<name>`: project-relative path and digest. */
  files: PublishedFile[];
  held: Held[];
  problems: Problem[];
}

/** A link or image target written in a body, with its line in the file. */
export interface LinkRef {
  target: string;
  image: boolean;
  line: number;
}

/**
 * What checking one bulletin file finds without looking at any other file: its frontmatter, or
 * its problems (without the file's path). Depends on the file's text and the checking code only,
 * so it is cached across builds by `parseKey` (src/loaders/archive.ts keeps the cache).
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

/** What the checks need from outside: the build's clock, whether a file exists (for relative links), a cache. */
export interface ArchiveOptions {
  /** Epoch milliseconds; bulletins dated later are held back. Default: no bulletin is held for its date. */
  now?: number;
  /** Whether a project-relative path exists. Default: every path does. */
  exists?: (path: string) => boolean;
  /** The files under the content folder that are not Markdown (src/lib/files.ts). */
  storyFiles?: readonly StoryFile[];
  /** Entries of the content folder that were not read: links, subfolders, files too large (src/lib/files.ts). */
  refused?: readonly RefusedEntry[];
  /** Results of checking single files in earlier builds. Default: none, every file is checked. */
  cache?: CheckCache;
}

/** `content/x/a.md:3: field "date": message`, the one format every tool prints. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
  return `${where}: ${p.field ? `field "${p.field}": ` : ''}${p.message}`;
}

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

/** The value at `path` in the parsed frontmatter, quoted for a message (shortened when long); undefined when absent or a group. */
function quotedValue(data: unknown, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = data;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  if (v === undefined || (typeof v === 'object' && v !== null)) return undefined;
  return typeof v === 'string' ? quote(v) : quote(String(v)).slice(1, -1);
}

/**
 * The schema's complaints as problems: each names its field and line and quotes the value it is
 * about (`field "timezone": "Mars/Olympus_Mons" is not an IANA time zone name…`), unless the
 * message already does.
 */
function zodProblems(file: string, source: string, error: z.ZodError, data: unknown): Problem[] {
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
    // zod reports a missing field as a type error against `undefined`.
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) message = 'is required';
    else if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
      const expected = (issue as { expected?: string }).expected ?? '';
      const received = /received (\w+)/.exec(issue.message)?.[1] ?? '';
      message = `must be ${KINDS[expected] ?? expected}, not ${GOT[received] ?? received}`;
    } else if (issue.code === 'invalid_value') {
      const values = (issue as { values?: unknown[] }).values ?? [];
      message = `must be ${values.map(String).join(' or ')}`;
    }
    const value = quotedValue(data, issue.path);
    if (value !== undefined && message !== 'is required' && !message.includes(value)) message = `${value} ${message}`;
    return { file, line: typeof top === 'string' ? lineOfField(source, top) : undefined, field, message };
  });
}

/** How a YAML value of each kind is written, for messages that say how to fix a field. */
const KINDS: Record<string, string> = {
  string: 'text (put it in quotes if it looks like a number or a date)',
  boolean: 'true or false',
  array: 'a list, like [a, b] or lines starting with "- "',
  object: 'a group of `field: value` lines',
  number: 'a number',
  null: 'empty',
};
const GOT: Record<string, string> = { string: 'text', boolean: 'true/false', array: 'a list', object: 'a group of fields', number: 'a number', null: 'empty' };

type Parsed<T> = { data: T; body: string; bodyLine: number } | { problems: Problem[]; unexpected?: true };

/** The Markdown body of a file (no YAML is parsed: for rendering a file that was checked already). */
export const bodyOf = (text: string): string => splitFence(text).body;

/** Checks one bulletin file on its own (see `CheckedBulletin`). */
export function checkBulletin(file: SourceFile): CheckedBulletin {
  const parsed = parseFile(file, bulletinFrontmatter);
  if ('problems' in parsed) return { problems: parsed.problems.map(({ file: _file, ...p }) => p), ...(parsed.unexpected ? { unexpected: true as const } : {}) };
  const images = imageProblems(parsed.body, parsed.bodyLine);
  if (images.length) return { problems: images };
  return { data: parsed.data, bodyLine: parsed.bodyLine, empty: !parsed.body.trim(), links: linkRefs(parsed.body, parsed.bodyLine) };
}

/**
 * Reads one file's frontmatter and checks its body's limits. Whatever it throws (an input no check
 * foresaw, a file gone while the build runs) becomes a problem naming the file: one file never
 * stops the build with an error that names none.
 */
function parseFile<T>(file: SourceFile, schema: z.ZodType<T>): Parsed<T> {
  try {
    return parseChecked(file, schema);
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { problems: [{ file: file.path, message: `could not be checked (${quote(reason, 120).slice(1, -1)}); please report this to Dateline's developers with the file` }], unexpected: true };
  }
}

function parseChecked<T>(file: SourceFile, schema: z.ZodType<T>): Parsed<T> {
  if (file.text.includes('\uFFFD')) {
    const line = file.text.slice(0, file.text.indexOf('\uFFFD')).split('\n').length;
    return { problems: [{ file: file.path, line, message: 'contains bytes that are not UTF-8 (shown as �): save the file as UTF-8' }] };
  }
  // A UTF-16 length at most a third of the limit cannot be over it in UTF-8.
  const bytes = file.text.length * 3 > MAX_TEXT_BYTES ? new TextEncoder().encode(file.text).length : 0;
  if (bytes > MAX_TEXT_BYTES) return { problems: [{ file: file.path, message: tooLargeText(bytes) }] };
  let split;
  try {
    split = splitFrontmatter(file.text);
  } catch (err) {
    if (err instanceof FrontmatterError) return { problems: [{ file: file.path, line: err.line, message: err.message }] };
    throw err;
  }
  const result = schema.safeParse(split.data);
  if (!result.success) return { problems: zodProblems(file.path, file.text, result.error, split.data) };
  // Checked before anything renders the body (src/lib/limits.ts).
  const limit = markdownLimitProblem(split.body, split.bodyLine);
  if (limit) return { problems: [{ file: file.path, ...limit }] };
  return { data: result.data, body: split.body, bodyLine: split.bodyLine };
}

/**
 * Validates every file and cross-checks them: each bulletin needs its story's `index.md`, ids
 * are unique within a story, the date in the file name agrees with the frontmatter, and no two
 * spellings of a tag share a tag page.
 */
export function buildArchive(files: SourceFile[], contentDir: string, options: ArchiveOptions = {}): Archive {
  const { now = Infinity, exists = () => true, cache, storyFiles = [], refused = [] } = options;
  const problems: Problem[] = refusedProblems(refused);
  const held: Held[] = [];
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
    if (!isStorySlug(story)) {
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
      else stories.set(story, { ...parsed.data, slug: story, intro: parsed.body.trim(), file: file.path, digest: file.digest ?? fileDigest(file.text) });
    } else {
      bulletinFiles.push({ file, story, name });
    }
  }

  const bulletins: BulletinRecord[] = [];
  const seen = new Map<string, string>();
  // Links are checked once every bulletin is known: a link to another update needs to know if it is published.
  const linked: { file: string; refs: LinkRef[] }[] = [];
  for (const { file, story, name } of bulletinFiles) {
    const fromName = parseBulletinName(name);
    if ('error' in fromName) {
      problems.push({ file: file.path, field: 'file name', message: fromName.error });
      continue;
    }
    const digest = file.digest ?? fileDigest(file.text);
    const key = cache && parseKey(cache.code, 'bulletin', digest);
    let parsed = (key && cache.get(key)) || checkBulletin(file);
    if ('problems' in parsed) {
      if (key && !parsed.unexpected) cache.set(key, parsed);
      problems.push(...parsed.problems.map((p) => ({ file: file.path, ...p })));
      continue;
    }
    const owner = stories.get(story);
    if (!owner) {
      const index = `${prefix}${story}/index.md`;
      if (!files.some((f) => f.path === index) && !refused.some((r) => r.path === index)) {
        problems.push({ file: file.path, message: `its story has no ${index}; create it with a title and summary` });
      }
      continue; // an invalid index.md is reported on its own
    }
    if (parsed.when?.timezone !== owner.timezone || parsed.when.name !== name) {
      parsed = { ...parsed, when: { name, timezone: owner.timezone, resolved: resolveInstant(fromName, parsed.data.date, owner.timezone) } };
    }
    if (key) cache.set(key, parsed);
    const when = parsed.when!.resolved;
    if ('error' in when) {
      problems.push({ file: file.path, line: lineOfField(file.text, 'date'), field: when.field, message: when.error });
      continue;
    }
    const id = updateId(name);
    const storyId = `${story}/${id}`;
    const twin = seen.get(storyId);
    if (twin) {
      problems.push({ file: file.path, field: 'file name', message: `gives the same update id "${id}" as ${twin}; rename one of them` });
      continue;
    }
    seen.set(storyId, file.path);
    const d = parsed.data;
    if (d.draft) {
      held.push({ file: file.path, reason: 'draft' });
      continue;
    }
    if (parsed.empty) {
      problems.push({ file: file.path, line: parsed.bodyLine, message: 'the bulletin has no text: write the update below the frontmatter (or mark it `draft: true`)' });
      continue;
    }
    linked.push({ file: file.path, refs: parsed.links });
    if (when.instant > now) {
      held.push({ file: file.path, reason: 'scheduled', at: when.instant });
      continue;
    }
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
      digest,
    });
  }
  for (const story of stories.values()) {
    const own = bulletins.filter((b) => b.story === story.slug);
    const waiting = held.some((h) => h.reason === 'scheduled' && h.file.startsWith(`${prefix}${story.slug}/`));
    if (story.status === 'closed' && own.length === 0 && !waiting) {
      problems.push({ file: story.file, line: lineOfField(files.find((f) => f.path === story.file)!.text, 'status'), field: 'status', message: 'a closed story needs at least one update: add its bulletins, or set `status: live`' });
    }
    problems.push(...yearTypos(own));
  }
  const checkedFiles = checkStoryFiles(storyFiles, prefix);
  problems.push(...checkedFiles.problems);
  const publishedFiles = checkedFiles.publish.filter((f) => stories.has(f.story));
  const targets = {
    prefix,
    files: new Set(publishedFiles.map((f) => f.path)),
    published: new Set(bulletins.map((b) => b.file)),
    held: new Map(held.map((h) => [h.file, h])),
    stories: new Set([...stories.values()].map((s) => s.file)),
    exists,
  };
  for (const { file, refs } of linked) problems.push(...linkProblems(file, refs, targets));
  for (const p of tagProblems(tagUses([...stories.values()], bulletins))) {
    const text = files.find((f) => f.path === p.file)?.text ?? '';
    problems.push({ file: p.file, line: lineOfField(text, 'tags'), field: 'tags', message: p.message });
  }
  problems.sort((a, b) => byCodePoint(a.file, b.file) || (a.line ?? Infinity) - (b.line ?? Infinity));
  return { stories: [...stories.values()], bulletins, held, files: publishedFiles.map(({ story, name, path, digest }) => ({ story, name, file: path, digest })), problems };
}

const DAY_MS = 86_400_000;

/**
 * A bulletin far from all the others of its story (more than six months, and farther than they
 * are spread) that would sit among them with the year changed by one is probably a typo
 * (2021-01-07 in a story of January 2022). Works on the story's distinct days, sorted, so a story
 * of thousands of days costs milliseconds.
 */
export function yearTypos(bulletins: readonly BulletinRecord[]): Problem[] {
  const days = [...new Set(bulletins.map((b) => b.day))].sort();
  if (days.length < 3) return [];
  const times = days.map((d) => Date.parse(`${d}T00:00:00Z`));
  const last = times.length - 1;
  // Distance from `t` to the nearest day other than the one at index `skip`.
  const gap = (t: number, skip: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    let best = Infinity;
    for (let j = lo - 2; j <= lo + 1; j++) if (j >= 0 && j <= last && j !== skip) best = Math.min(best, Math.abs(times[j]! - t));
    return best;
  };
  const suspects = new Map<string, string>();
  times.forEach((t, i) => {
    const spread = (i === last ? times[last - 1]! : times[last]!) - (i === 0 ? times[1]! : times[0]!);
    if (gap(t, i) <= Math.max(180 * DAY_MS, spread)) return;
    for (const shift of [-1, 1]) {
      const guess = `${Number(days[i]!.slice(0, 4)) + shift}${days[i]!.slice(4)}`;
      const tg = Date.parse(`${guess}T00:00:00Z`);
      if (!Number.isNaN(tg) && gap(tg, i) <= 31 * DAY_MS) {
        suspects.set(days[i]!, guess);
        break;
      }
    }
  });
  return bulletins.flatMap((b) => {
    const guess = suspects.get(b.day);
    return guess ? [{ file: b.file, field: 'file name', message: `${b.day} is more than six months from every other update of this story; did you mean ${guess}?` }] : [];
  });
}

const LINK_TARGETS = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\b(?:src|href)\s*=\s*["']([^"']+)["']/g;

/** Every link and image target written in a body (Markdown or HTML), with its line. */
export function linkRefs(body: string, bodyLine: number): LinkRef[] {
  const out: LinkRef[] = [];
  body.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(LINK_TARGETS)) {
      out.push({ target: m[1] ?? m[2] ?? '', image: m[0].startsWith('!') || /^src/i.test(m[0]), line: bodyLine + i });
    }
  });
  return out;
}

/** What link checks need to know of the archive. */
interface LinkTargets {
  /** The content folder with its trailing slash (`content/`). */
  prefix: string;
  /** Published bulletins, drafts and scheduled ones, and stories, by project-relative path. */
  published: ReadonlySet<string>;
  held: ReadonlyMap<string, Held>;
  stories: ReadonlySet<string>;
  /** Files next to bulletins that are published (project-relative paths). */
  files: ReadonlySet<string>;
  exists: (path: string) => boolean;
}

/**
 * Links and images that would be broken on the site. A link to another bulletin or story by its
 * file (`./2022-01-06-1000-airport-seized.md`, `../other/index.md`) becomes its permalink when the
 * page is rendered, so it must be published: not missing, not a draft, not scheduled for later. Any
 * other relative path is refused (content/ is not published: such files go in public/), and an
 * image at the site root must be in public/.
 */
function linkProblems(path: string, refs: readonly LinkRef[], targets: LinkTargets): Problem[] {
  const out: Problem[] = [];
  const from = path.startsWith(targets.prefix) ? path.slice(targets.prefix.length) : path;
  for (const { target: written, image, line } of refs) {
    const verb = image ? 'refers to' : 'links to';
    const target = written.split(/[?#]/)[0]!;
    if (!target || /^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target)) continue;
    if (target.startsWith('/')) {
      if (image && !targets.exists(`public${decodePath(target)}`)) out.push({ file: path, line, message: `${verb} ${quote(target)}, which is not in public/ (files in public/ are served from the site root)` });
      continue;
    }
    const resolved = resolveContentLink(from, written)!;
    if (resolved.kind !== 'other' && !image) {
      const file = `${targets.prefix}${resolved.story}/${resolved.kind === 'story' ? 'index.md' : resolved.name}`;
      const held = targets.held.get(file);
      if (targets.published.has(file) || (resolved.kind === 'story' && targets.stories.has(file))) continue;
      if (held?.reason === 'draft') out.push({ file: path, line, message: `links to ${quote(written)}, a draft: it is not published (publish it first, or remove the link)` });
      else if (held) out.push({ file: path, line, message: `links to ${quote(written)}, which is scheduled for later: the link would be broken until then` });
      else if (!targets.exists(file)) out.push({ file: path, line, message: `links to ${quote(written)}, which does not exist (${file})` });
      // A file that exists but is not published has its own problem reported.
      continue;
    }
    const file = `${targets.prefix}${resolved.kind === 'other' ? resolved.path : `${resolved.story}/${resolved.kind === 'story' ? 'index.md' : resolved.name}`}`;
    // A file next to bulletins is published with its story (a file it refuses is reported on its own).
    if (targets.files.has(file) || (targets.exists(file) && resolved.kind === 'other' && /^[^/]+\/[^/]+$/.test(resolved.path))) continue;
    if (!targets.exists(file)) out.push({ file: path, line, message: `${verb} ${quote(written)}, which does not exist (${file})` });
    else out.push({ file: path, line, message: `${verb} ${quote(written)}, but only a story's own folder is published: move the file into it (or into public/ and write /${target.split('/').pop()})` });
  }
  return out;
}

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
