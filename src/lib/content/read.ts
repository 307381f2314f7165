/**
 * Reads `content/` and checks it, for the build, `npm run dev` and `npm run check` alike.
 *
 * Content is untrusted: pull requests bring it, and hosts build their previews unattended. So the
 * walk never follows a symbolic link and never enters a folder a story may not have:
 * - it lists `content/` and each story folder in it, and nothing deeper: a subfolder of a story,
 *   a symbolic link (to a file or a folder, inside the project or out of it) and anything that is
 *   not a regular file (a FIFO, a device) is reported by name, and not read, hashed or stat-ed
 *   beyond the entry itself (its type comes from the directory listing);
 * - hidden entries (`.DS_Store`, `.git/`) are skipped without a look inside;
 * - a Markdown file larger than the limit is refused by its size, before it is read;
 * - a file is opened with O_NOFOLLOW and checked to be the regular file the listing saw, so a
 *   file swapped for a link between the listing and the read is not followed either.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import type { Settings } from '../../config.ts';
import { buildArchive, type Archive } from './archive.ts';
import { formatProblem, type Problem } from './problems.ts';
import { type CheckCache, type SourceFile } from './check.ts';
import { fileDigest } from '../../core/cache-keys.ts';
import { readPicture, type PictureInfo } from './pictures.ts';
import { isSnapshotName } from './embeds.ts';
import {
  extensionOf,
  isPictureName,
  isStoryFileName,
  MAX_STORY_FILE_BYTES,
  MAX_TEXT_BYTES,
  type RefusedEntry,
  type StoryFile,
} from './files.ts';

/** What a build learnt of each file, by path: its stat signature, the digest of its text, a picture's size. */
export type SeenFiles = Record<
  string,
  [signature: string, digest: string, picture?: PictureInfo | { error: string }]
>;

/**
 * A file's stat signature: size, modification and change times, inode. Any write to a file
 * changes its change time (set by the kernel, which no tool sets back), so a file with the same
 * signature as before holds the same text.
 */
const signature = (st: Stats): string => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;

// Windows has no O_NOFOLLOW; there the listing's lstat is the only guard.
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file, never through a symbolic link (O_NOFOLLOW), and never more than
 * `max` bytes: anything else throws, naming the file.
 */
export function readRegularFile(path: string, max: number) {
  let fd: number;
  try {
    fd = openSync(path, NO_FOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ELOOP' || code === 'EMLINK'
        ? `${path} is a symbolic link; links in the content folder are not followed`
        : `cannot read ${path}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${path} is not a regular file`);
    if (st.size > max) throw new Error(`${path} is larger than ${max} bytes`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One entry of the content folder or of a story folder, as the listing gives it. */
interface Entry {
  /** Project-relative, with `/`. */
  path: string;
  full: string;
  kind: 'file' | 'folder' | 'link' | 'other';
}

/** The kind of a listed entry, from the listing itself (lstat only where the file system gives no type). */
function kindOf(dirent: Dirent, full: string): Entry['kind'] {
  let d: Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink'> = dirent;
  if (
    !dirent.isFile() &&
    !dirent.isDirectory() &&
    !dirent.isSymbolicLink() &&
    !dirent.isFIFO() &&
    !dirent.isSocket() &&
    !dirent.isCharacterDevice() &&
    !dirent.isBlockDevice()
  ) {
    d = lstatSync(full);
  }
  return d.isSymbolicLink() ? 'link' : d.isDirectory() ? 'folder' : d.isFile() ? 'file' : 'other';
}

/**
 * Every entry a story may hold: the content folder's own entries, and those of each story folder
 * in it; a folder inside a story folder is listed as an entry, never entered. Hidden entries are
 * skipped. Throws when the content folder is missing.
 */
function listContent(root: string, dir: string): { entries: Entry[]; refused: RefusedEntry[] } {
  const base = resolve(root, dir);
  const rel = (full: string) => relative(root, full).split(sep).join('/');
  let top: Stats;
  try {
    top = lstatSync(base);
  } catch {
    throw new Error(
      `Dateline: the content folder ${dir}/ does not exist (set contentDir in src/config.ts)`,
    );
  }
  // The content folder itself, replaced by a link in a pull request, would publish wherever it points.
  if (!top.isDirectory())
    return {
      entries: [],
      refused: [{ path: rel(base), kind: top.isSymbolicLink() ? 'link' : 'other' }],
    };
  const entries: Entry[] = [];
  const refused: RefusedEntry[] = [];
  const list = (folder: string, depth: number) => {
    for (const dirent of readdirSync(folder, { withFileTypes: true })) {
      if (dirent.name.startsWith('.')) continue;
      const full = resolve(folder, dirent.name);
      const entry: Entry = { path: rel(full), full, kind: kindOf(dirent, full) };
      entries.push(entry);
      if (entry.kind === 'link' || entry.kind === 'other')
        refused.push({ path: entry.path, kind: entry.kind });
      else if (entry.kind === 'folder' && depth === 1)
        refused.push({ path: entry.path, kind: 'folder' });
      else if (entry.kind === 'folder') list(full, depth + 1);
    }
  };
  list(base, 0);
  return { entries, refused };
}

/** What reading the content folder gives: its Markdown files, its other files, what it refused, every path it listed. */
export interface ContentRead {
  files: SourceFile[];
  others: StoryFile[];
  refused: RefusedEntry[];
  /** Every project-relative path listed, of any kind (for links between files). */
  listed: Set<string>;
  seen: SeenFiles;
}

/**
 * The text read last, the one kept in memory: a file's text is read again whenever it is asked
 * for after another file's (and must still have the digest it was read with), so that the build
 * never holds the Markdown of the whole archive at once (at 100,000 bulletins, hundreds of
 * megabytes for as long as the build ran). A file is asked for its text a few times in a row while
 * it is checked, and once more only if it is rendered or a problem names a line of it.
 */
let recent: { full: string; digest: string; text: string } | undefined;

/** Reads a Markdown file's text for its digest, the first time; it becomes the one kept. */
function readFirst(full: string): string {
  const text = readRegularFile(full, MAX_TEXT_BYTES).toString('utf8');
  recent = { full, digest: fileDigest(text), text };
  return recent.digest;
}

/**
 * The text of the Markdown file at `full` (`path` relative to the project, for messages), which
 * must still have the digest it was read and checked with: a file changed during the build is
 * refused by name, never checked or rendered as another text than its digest says.
 */
export function readAgain(full: string, path: string, digest: string): string {
  if (recent?.full === full && recent.digest === digest) return recent.text;
  const text = readRegularFile(full, MAX_TEXT_BYTES).toString('utf8');
  if (fileDigest(text) !== digest)
    throw new ContentError(`${path} changed while the build was reading it; build again`);
  recent = { full, digest, text };
  return text;
}

/**
 * Every Markdown file of the content folder (`content/*.md`, `content/<story>/*.md`) and every
 * snapshot of an embed (`content/<story>/embed-*.json`), with paths
 * relative to `root` written with `/`, and the digest of its text; the other files with their size
 * and digest. A file whose signature is the one in `seen` is not read: its digest is taken from
 * there, and its text is read only if something asks for it.
 */
export function readSourceFiles(root: string, dir: string, seen: SeenFiles = {}): ContentRead {
  const { entries, refused } = listContent(root, dir);
  const now: SeenFiles = {};
  const files: SourceFile[] = [];
  const others: StoryFile[] = [];
  for (const { path, full, kind } of entries) {
    if (kind !== 'file') continue;
    const st = lstatSync(full);
    const sig = signature(st);
    const known = seen[path]?.[0] === sig ? seen[path][1] : undefined;
    if (!path.toLowerCase().endsWith('.md') && !isSnapshotName(posix.basename(path))) {
      // Files next to bulletins: only their size and digest are needed (the page that serves one reads it).
      // One that will not be published (another type, too large) is not read: the checks refuse it by name and size.
      // A picture's size is read from the same bytes, once (src/lib/content/pictures.ts).
      const name = posix.basename(path);
      const publishable = isStoryFileName(name) && st.size <= MAX_STORY_FILE_BYTES;
      const earlier = known === undefined ? undefined : seen[path];
      let digest = earlier?.[1] ?? '';
      let picture = earlier?.[2];
      if (!earlier && publishable) {
        const bytes = readRegularFile(full, MAX_STORY_FILE_BYTES);
        digest = fileDigest(bytes);
        if (isPictureName(name)) picture = readPicture(bytes, extensionOf(name));
      }
      now[path] = picture ? [sig, digest, picture] : [sig, digest];
      others.push({ path, size: st.size, digest, ...(picture ? { picture } : {}) });
      continue;
    }
    if (st.size > MAX_TEXT_BYTES) {
      refused.push({ path, kind: 'large', size: st.size });
      continue;
    }
    const digest = known ?? readFirst(full);
    now[path] = [sig, digest];
    files.push({
      path,
      digest,
      get text() {
        return readAgain(full, path, digest);
      },
    });
  }
  return { files, others, refused, listed: new Set(entries.map((e) => e.path)), seen: now };
}

/**
 * A string that changes whenever an entry of the content folder is added, removed or written
 * (names, sizes and times), for `astro dev` to know when to read it again. Lists exactly what
 * `readSourceFiles` lists, so it follows no link either.
 */
export function contentSignature(root: string, dir: string): string {
  let key = '';
  try {
    const { entries } = listContent(root, dir);
    for (const e of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const st = lstatSync(e.full);
      key += `${e.path}\0${e.kind}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}\0`;
    }
  } catch {
    // A missing folder: loadArchive reports it.
  }
  return key;
}

/** Thrown when the content has problems: the message lists every one of them. */
export class ContentError extends Error {
  override name = 'ContentError';
  /** The problems, each with its file and line (for the dev server's error overlay). */
  problems: Problem[] = [];
}

/** What the loaders keep between builds: what they learnt of each file, and the results of checking each bulletin file. */
export interface ContentCache extends CheckCache {
  seen: SeenFiles;
}

/**
 * Whether a project-relative path exists, for links and images in bulletins: under the content
 * folder, only what the listing saw (nothing is looked up through a link or in a subfolder); under
 * `public/`, a file there; nothing else.
 */
function existsFor(
  root: string,
  listed: ReadonlySet<string>,
  contentDir: string,
): (path: string) => boolean {
  return (path) => {
    const normal = posix.normalize(path);
    if (normal.startsWith(`${contentDir}/`)) return listed.has(normal);
    return normal.startsWith('public/') && existsSync(resolve(root, normal));
  };
}

/** What reading and checking the content take from the site's settings. */
export type ContentSettings = Pick<Settings, 'contentDir' | 'lang' | 'defaultTimezone'>;

/**
 * Reads and validates the whole archive in `settings.contentDir` as of `now` (epoch ms; later
 * bulletins are held back); throws a ContentError listing every problem.
 */
export function loadArchive(
  root: string,
  settings: ContentSettings,
  now: number,
  cache?: ContentCache,
): { files: SourceFile[]; archive: Archive } {
  const dir = settings.contentDir;
  const read = readSourceFiles(root, dir, cache?.seen);
  if (cache) cache.seen = read.seen;
  const { files } = read;
  // Paths are reported relative to the project root, also for a content folder elsewhere.
  const contentDir = relative(root, resolve(root, dir)).split(sep).join('/');
  const archive = buildArchive(files, contentDir, {
    now,
    exists: existsFor(root, read.listed, contentDir),
    storyFiles: read.others,
    refused: read.refused,
    siteLang: settings.lang,
    defaultTimezone: settings.defaultTimezone,
    ...(cache ? { cache } : {}),
  });
  const { problems } = archive;
  if (problems.length) {
    const error = new ContentError(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in ${dir}/:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    error.problems = problems;
    throw error;
  }
  return { files, archive };
}
