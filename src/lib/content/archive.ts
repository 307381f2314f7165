/**
 * Turns the files of `content/` into validated stories and bulletin records, or into a list of
 * every problem found, each naming the file, the line when known, and the field. Pure: it takes
 * the files' text, so tests feed it whatever they like.
 */
import { type BulletinRecord } from '../../schemas/bulletin.ts';
import { storyFrontmatter, type StoryRecord } from '../../schemas/story.ts';
import { isStorySlug, parseBulletinName } from './names.ts';
import { updateId } from '../../core/anchors.ts';
import { fileDigest, parseKey } from '../../core/cache-keys.ts';
import { lineOfField } from './frontmatter.ts';
import {
  checkStoryFiles,
  refusedProblems,
  type PublishableFile,
  type RefusedEntry,
  type StoryFile,
} from './files.ts';
import { tagProblems, tagUses, tagWarnings } from './tags.ts';
import { translationGroups } from './translations.ts';
import { AUTHORS_FOLDER, checkAuthor, resolveAuthors } from './authors.ts';
import type { AuthorRecord, Byline } from '../../schemas/author.ts';
import { byCodePoint } from '../../core/text.ts';
import {
  type CheckCache,
  type SourceFile,
  checkBulletin,
  checkSummary,
  resolveInstant,
  parseFile,
} from './check.ts';
import { type LinkRef, linkProblems, remotePictures } from './links.ts';
import { isSnapshotName } from './embeds.ts';
import { mediaOf, type Media, type MediaTable } from './media.ts';
import { checkSnapshot } from './snapshots.ts';
import type { PictureInfo } from './pictures.ts';
import type { Problem } from './problems.ts';

/** A file next to bulletins, published with its story. */
export interface PublishedFile {
  story: string;
  name: string;
  file: string;
  digest: string;
  /** A picture's size and format (src/lib/content/pictures.ts). */
  picture?: PictureInfo;
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
  /** The authors of content/authors/, by slug order. */
  authors: AuthorRecord[];
  /** Their photos, published at `/authors/files/<name>` (`story` is the authors' folder). */
  photos: PublishedFile[];
  held: Held[];
  problems: Problem[];
  /** What is published but probably not as meant (two spellings of one tag): printed, never fatal. */
  warnings: Problem[];
  /** What each body shows of other files (pictures), by its Markdown file's project-relative path; absent when nothing. */
  media: Record<string, MediaTable>;
}

/** What the checks need from outside: the build's clock, whether a file exists (for relative links), a cache. */
export interface ArchiveOptions {
  /** Epoch milliseconds; bulletins dated later are held back. Default: no bulletin is held for its date. */
  now?: number;
  /** Whether a project-relative path exists. Default: every path does. */
  exists?: (path: string) => boolean;
  /** The files under the content folder that are not Markdown (src/lib/content/files.ts). */
  storyFiles?: readonly StoryFile[];
  /** Entries of the content folder that were not read: links, subfolders, files too large (src/lib/content/files.ts). */
  refused?: readonly RefusedEntry[];
  /** Results of checking single files in earlier builds. Default: none, every file is checked. */
  cache?: CheckCache;
  /** The site's language, which a story without `lang:` is told in (for its translations). Default: `en`. */
  siteLang?: string;
  /** The zone of a story that names none (the site's `defaultTimezone`). Default: `UTC`. */
  defaultTimezone?: string;
}

/** A Markdown file of a story folder, by its place. */
interface Placed {
  file: SourceFile;
  story: string;
  name: string;
}

/** What every pass knows: where content lives, and a file's text by path (for a problem's line). */
interface Folder {
  prefix: string;
  textOf: (path: string) => string;
}

/** What a pass finds: its problems, and anything else it makes. */
type Pass<T = object> = T & { problems: Problem[] };

/**
 * Validates every file and cross-checks them: each bulletin needs its story's `index.md`, ids
 * are unique within a story, the date in the file name agrees with the frontmatter, and every tag
 * can have a page (spellings that share one are warned about). A sequence of passes, each giving
 * its problems; all of them are reported at once.
 */
export function buildArchive(
  files: SourceFile[],
  contentDir: string,
  options: ArchiveOptions = {},
): Archive {
  const { now = Infinity, exists = () => true, cache, storyFiles = [], refused = [] } = options;
  const { siteLang = 'en', defaultTimezone = 'UTC' } = options;
  const byPath = new Map(files.map((f) => [f.path, f]));
  // Texts are read lazily: only for the line of a field a problem is about.
  const folder: Folder = {
    prefix: `${contentDir.replace(/\/+$/, '')}/`,
    textOf: (path) => byPath.get(path)?.text ?? '',
  };
  const placed = placeFiles(files, folder, { siteLang, defaultTimezone });
  const { stories } = placed;
  const checkedFiles = checkStoryFiles(storyFiles, folder.prefix);
  const people = checkAuthors(placed.authorFiles, checkedFiles.publish, stories, folder);
  const translated = linkTranslations(stories, siteLang, folder);
  const orphan = orphanCheck(files, refused, folder.prefix);
  const summaries = checkSummaries(placed.summaryFiles, stories, orphan);
  const updates = checkBulletins(
    placed.bulletinFiles,
    { stories, people, orphan, cache, now },
    folder,
  );
  const { bulletins, held } = updates;
  const whole = checkStories(stories, bulletins, held, folder);
  const publishedFiles = checkedFiles.publish.filter((f) => stories.has(f.story));
  const linked = [...summaries.linked, ...updates.linked];
  const targets = {
    prefix: folder.prefix,
    files: new Set(publishedFiles.map((f) => f.path)),
    published: new Set(bulletins.map((b) => b.file)),
    held: new Map(held.map((h) => [h.file, h])),
    stories: new Set([...stories.values()].map((s) => s.file)),
    exists,
  };
  const links = linked.flatMap(({ file, refs }) => linkProblems(file, refs, targets));
  const media = collectMedia(publishedFiles, placed.snapshotFiles, stories, linked, folder);
  const tags = checkTags(stories, bulletins, folder);
  const problems: Problem[] = [
    ...refusedProblems(refused),
    ...placed.problems,
    ...people.problems,
    ...translated.problems,
    ...summaries.problems,
    ...updates.problems,
    ...whole.problems,
    ...checkedFiles.problems,
    ...links,
    ...media.problems,
    ...tags.problems,
  ];
  problems.sort(
    (a, b) => byCodePoint(a.file, b.file) || (a.line ?? Infinity) - (b.line ?? Infinity),
  );
  return {
    stories: [...stories.values()],
    bulletins,
    held,
    files: publishedFiles.map(({ story, name, path, digest, picture }) => ({
      story,
      name,
      file: path,
      digest,
      ...(picture ? { picture } : {}),
    })),
    authors: [...people.authors.values()],
    photos: people.photos.map(({ story, name, path, digest }) => ({
      story,
      name,
      file: path,
      digest,
    })),
    problems,
    warnings: [...tags.warnings, ...media.warnings],
    media: media.media,
  };
}

/**
 * Places every Markdown file: a story's `index.md` (read here: every other file needs its story),
 * its `summary.md`, its bulletins and snapshots, the authors' files. Files elsewhere, and story
 * folders whose name cannot be a URL, are problems.
 */
function placeFiles(
  files: readonly SourceFile[],
  { prefix }: Folder,
  { siteLang, defaultTimezone }: { siteLang: string; defaultTimezone: string },
): Pass<{
  stories: Map<string, StoryRecord>;
  bulletinFiles: Placed[];
  summaryFiles: Placed[];
  authorFiles: Placed[];
  snapshotFiles: Placed[];
}> {
  const problems: Problem[] = [];
  const stories = new Map<string, StoryRecord>();
  const folders = new Set<string>();
  const bulletinFiles: Placed[] = [];
  const summaryFiles: Placed[] = [];
  const authorFiles: Placed[] = [];
  const snapshotFiles: Placed[] = [];
  for (const file of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    const parts = file.path.startsWith(prefix) ? file.path.slice(prefix.length).split('/') : [];
    if (parts.length !== 2) {
      problems.push({
        file: file.path,
        message: `Markdown files belong in ${prefix}<story-slug>/ (index.md or YYYY-MM-DD[-HHMM][-words].md)`,
      });
      continue;
    }
    const [story, name] = parts as [string, string];
    if (story === AUTHORS_FOLDER) {
      authorFiles.push({ file, story, name });
      continue;
    }
    if (!isStorySlug(story)) {
      if (!folders.has(story)) {
        problems.push({
          file: file.path,
          message: `story folder "${story}" must be lower-case letters, digits and hyphens (it becomes the URL)`,
        });
      }
      folders.add(story);
      continue;
    }
    folders.add(story);
    if (isSnapshotName(name)) {
      snapshotFiles.push({ file, story, name });
    } else if (name === 'index.md') {
      const parsed = parseFile(file, storyFrontmatter);
      if ('problems' in parsed) problems.push(...parsed.problems);
      else {
        // `lang:` naming the site's own language says nothing more than leaving it out.
        const { lang, timezone, ...data } = parsed.data;
        stories.set(story, {
          ...data,
          timezone: timezone ?? defaultTimezone,
          ...(lang && lang.toLowerCase() !== siteLang.toLowerCase() ? { lang } : {}),
          slug: story,
          intro: parsed.body.trim(),
          file: file.path,
          digest: file.digest ?? fileDigest(file.text),
        });
      }
    } else if (name === 'summary.md') {
      summaryFiles.push({ file, story, name });
    } else {
      bulletinFiles.push({ file, story, name });
    }
  }
  return { problems, stories, bulletinFiles, summaryFiles, authorFiles, snapshotFiles };
}

/** The authors (their photos are the publishable files of their folder) and each story's default byline. */
function checkAuthors(
  authorFiles: readonly Placed[],
  publishable: readonly PublishableFile[],
  stories: ReadonlyMap<string, StoryRecord>,
  { prefix, textOf }: Folder,
): Pass<{
  authors: Map<string, AuthorRecord>;
  photos: PublishableFile[];
  bylines: Map<string, Byline[]>;
}> {
  const problems: Problem[] = [];
  const photos = publishable.filter((f) => f.story === AUTHORS_FOLDER);
  const authors = new Map<string, AuthorRecord>();
  for (const { file, name } of authorFiles) {
    const checked = checkAuthor(file, name, new Set(photos.map((p) => p.name)));
    if ('problems' in checked) problems.push(...checked.problems);
    else authors.set(checked.author.slug, checked.author);
  }
  const bylines = new Map<string, Byline[]>();
  for (const story of stories.values()) {
    const resolved = resolveAuthors(story.authors, authors, {
      file: story.file,
      text: () => textOf(story.file),
      prefix,
    });
    problems.push(...resolved.problems);
    bylines.set(story.slug, resolved.bylines);
  }
  return { problems, authors, photos, bylines };
}

/** Each story's record names every story of its group of translations, whichever side named which. */
function linkTranslations(
  stories: ReadonlyMap<string, StoryRecord>,
  siteLang: string,
  { textOf }: Folder,
): Pass {
  const grouped = translationGroups([...stories.values()], siteLang);
  for (const story of stories.values())
    story.translations = grouped.translations.get(story.slug) ?? [];
  return {
    problems: grouped.problems.map((p) => ({
      file: p.file,
      line: lineOfField(textOf(p.file), 'translations'),
      field: 'translations',
      message: p.message,
    })),
  };
}

/** The problem of a file whose story has no `index.md` (none when the `index.md` is there but invalid: it is reported on its own). */
function orphanCheck(
  files: readonly SourceFile[],
  refused: readonly RefusedEntry[],
  prefix: string,
): (file: SourceFile, story: string) => Problem[] {
  return (file, story) => {
    const index = `${prefix}${story}/index.md`;
    return files.some((f) => f.path === index) || refused.some((r) => r.path === index)
      ? []
      : [
          {
            file: file.path,
            message: `its story has no ${index}; create it with a title and summary`,
          },
        ];
  };
}

/** A file whose links are checked once every bulletin is known (a link to another update needs to know if it is published). */
interface Linked {
  file: string;
  refs: LinkRef[];
}

/** Each story's `summary.md`: its `updated` time on the story's clock. */
function checkSummaries(
  summaryFiles: readonly Placed[],
  stories: ReadonlyMap<string, StoryRecord>,
  orphan: (file: SourceFile, story: string) => Problem[],
): Pass<{ linked: Linked[] }> {
  const problems: Problem[] = [];
  const linked: Linked[] = [];
  for (const { file, story } of summaryFiles) {
    const owner = stories.get(story);
    if (!owner) {
      problems.push(...orphan(file, story));
      continue;
    }
    const checked = checkSummary(file, owner.timezone);
    if ('problems' in checked) {
      problems.push(...checked.problems);
      continue;
    }
    linked.push({ file: file.path, refs: checked.links });
    owner.briefing = {
      updated: checked.updated,
      file: file.path,
      digest: file.digest ?? fileDigest(file.text),
    };
  }
  return { problems, linked };
}

/**
 * Each bulletin: its name, its frontmatter (cached by its bytes), its moment on its story's clock,
 * an id no other bulletin of its story has, its authors; drafts and bulletins dated after `now`
 * are held back.
 */
function checkBulletins(
  bulletinFiles: readonly Placed[],
  context: {
    stories: ReadonlyMap<string, StoryRecord>;
    people: { authors: ReadonlyMap<string, AuthorRecord>; bylines: ReadonlyMap<string, Byline[]> };
    orphan: (file: SourceFile, story: string) => Problem[];
    cache: CheckCache | undefined;
    now: number;
  },
  { prefix }: Folder,
): Pass<{ bulletins: BulletinRecord[]; held: Held[]; linked: Linked[] }> {
  const { stories, people, orphan, cache, now } = context;
  const problems: Problem[] = [];
  const bulletins: BulletinRecord[] = [];
  const held: Held[] = [];
  const linked: Linked[] = [];
  const seen = new Map<string, string>();
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
      problems.push(...orphan(file, story));
      continue;
    }
    if (parsed.when?.timezone !== owner.timezone || parsed.when.name !== name) {
      parsed = {
        ...parsed,
        when: {
          name,
          timezone: owner.timezone,
          resolved: resolveInstant(fromName, parsed.data.date, owner.timezone),
        },
      };
    }
    if (key) cache.set(key, parsed);
    const when = parsed.when!.resolved;
    if ('error' in when) {
      problems.push({
        file: file.path,
        line: lineOfField(file.text, 'date'),
        field: when.field,
        message: when.error,
      });
      continue;
    }
    const id = updateId(name);
    const twin = seen.get(`${story}/${id}`);
    if (twin) {
      problems.push({
        file: file.path,
        field: 'file name',
        message: `gives the same update id "${id}" as ${twin}; rename one of them`,
      });
      continue;
    }
    seen.set(`${story}/${id}`, file.path);
    const d = parsed.data;
    let bylines = people.bylines.get(story) ?? [];
    if (d.authors) {
      const resolved = resolveAuthors(d.authors, people.authors, {
        file: file.path,
        text: () => file.text,
        prefix,
      });
      if (resolved.problems.length) {
        problems.push(...resolved.problems);
        continue;
      }
      bylines = resolved.bylines;
    }
    if (d.draft) {
      held.push({ file: file.path, reason: 'draft' });
      continue;
    }
    if (parsed.empty) {
      problems.push({
        file: file.path,
        line: parsed.bodyLine,
        message:
          'the bulletin has no text: write the update below the frontmatter (or mark it `draft: true`)',
      });
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
      day: when.day,
      instant: when.instant,
      hasTime: when.hasTime,
      ...(d.title !== undefined ? { title: d.title } : {}),
      key: d.key,
      tags: d.tags,
      authors: bylines,
      sources: d.sources,
      ...(d.updated !== undefined ? { updated: Date.parse(d.updated) } : {}),
      ...(d.correction !== undefined ? { correction: d.correction } : {}),
      file: file.path,
      digest,
    });
  }
  return { problems, bulletins, held, linked };
}

/** Each story as a whole: a closed story has updates; no update looks a year off. */
function checkStories(
  stories: ReadonlyMap<string, StoryRecord>,
  bulletins: readonly BulletinRecord[],
  held: readonly Held[],
  { prefix, textOf }: Folder,
): Pass {
  const problems: Problem[] = [];
  for (const story of stories.values()) {
    const own = bulletins.filter((b) => b.story === story.slug);
    const waiting = held.some(
      (h) => h.reason === 'scheduled' && h.file.startsWith(`${prefix}${story.slug}/`),
    );
    if (story.status === 'closed' && own.length === 0 && !waiting) {
      problems.push({
        file: story.file,
        line: lineOfField(textOf(story.file), 'status'),
        field: 'status',
        message:
          'a closed story needs at least one update: add its bulletins, or set `status: live`',
      });
    }
    problems.push(...yearTypos(own));
  }
  return { problems };
}

/**
 * What each body shows of other files: the pictures beside it (with their size and digest) and the
 * snapshots of the posts and videos it embeds. Snapshots are checked here; a post without one, and
 * a picture from another site, are warnings.
 */
function collectMedia(
  publishedFiles: readonly PublishableFile[],
  snapshotFiles: readonly Placed[],
  stories: ReadonlyMap<string, StoryRecord>,
  linked: readonly Linked[],
  { prefix }: Folder,
): Pass<{ media: Record<string, MediaTable>; warnings: Problem[] }> {
  const problems: Problem[] = [];
  const available = new Map<string, Media>();
  for (const f of publishedFiles)
    if (f.picture)
      available.set(`${f.story}/${f.name}`, { kind: 'picture', ...f.picture, digest: f.digest });
  for (const { file, story, name } of snapshotFiles) {
    const owner = stories.get(story);
    if (!owner) continue; // a story without index.md is reported by its bulletins
    const checked = checkSnapshot(file, name, {
      has: (picture) => available.get(`${story}/${picture}`)?.kind === 'picture',
    });
    if ('problems' in checked) problems.push(...checked.problems);
    else
      available.set(
        `${story}/${name}`,
        checked.media.kind === 'post'
          ? {
              ...checked.media,
              timezone: owner.timezone,
              ...(owner.lang ? { locale: owner.lang } : {}),
            }
          : checked.media,
      );
  }
  const media: Record<string, MediaTable> = {};
  const warnings: Problem[] = [];
  for (const { file, refs } of linked) {
    const shown = mediaOf(file.slice(prefix.length), refs, available);
    if (shown.media) media[file] = shown.media;
    for (const m of shown.missing) warnings.push({ file, ...m });
    warnings.push(...remotePictures(file, refs));
  }
  return { problems, media, warnings };
}

/** Every tag can have a page; two spellings that share one are warned about. */
function checkTags(
  stories: ReadonlyMap<string, StoryRecord>,
  bulletins: readonly BulletinRecord[],
  { textOf }: Folder,
): Pass<{ warnings: Problem[] }> {
  const uses = tagUses([...stories.values()], bulletins);
  const atTags = (p: { file: string; message: string }): Problem => ({
    file: p.file,
    line: lineOfField(textOf(p.file), 'tags'),
    field: 'tags',
    message: p.message,
  });
  return { problems: tagProblems(uses).map(atTags), warnings: tagWarnings(uses).map(atTags) };
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
    for (let j = lo - 2; j <= lo + 1; j++)
      if (j >= 0 && j <= last && j !== skip) best = Math.min(best, Math.abs(times[j]! - t));
    return best;
  };
  const suspects = new Map<string, string>();
  times.forEach((t, i) => {
    const spread =
      (i === last ? times[last - 1]! : times[last]!) - (i === 0 ? times[1]! : times[0]!);
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
    return guess
      ? [
          {
            file: b.file,
            field: 'file name',
            message: `${b.day} is more than six months from every other update of this story; did you mean ${guess}?`,
          },
        ]
      : [];
  });
}
