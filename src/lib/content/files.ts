import { pictureProblem, type PictureInfo } from './pictures.ts';
/**
 * Files placed next to bulletins in a story's folder (`content/<story>/map.png`): which may be
 * published, and how big. They are published at `/stories/<story>/files/<name>` and a bulletin
 * refers to them by their name (`![Map of the route](./map.png)`).
 */

/** The kinds of file a story folder may hold besides Markdown, by extension, with the type they are served as. */
export const STORY_FILE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

/** The largest file a story folder may publish: pages stay light, and a host's limits are far above it. */
export const MAX_STORY_FILE_BYTES = 5_000_000;

/**
 * The most a story or bulletin file may hold: bulletins are short texts, and the Markdown renderer's
 * cost grows faster than the text for some inputs (src/lib/content/limits.ts), so a larger file is refused
 * by its size, before it is read.
 */
export const MAX_TEXT_BYTES = 100_000;

/** The problem with a Markdown file over `MAX_TEXT_BYTES`. */
export const tooLargeText = (bytes: number): string =>
  `is ${kilobytes(bytes)}; a story or bulletin file may hold at most ${kilobytes(MAX_TEXT_BYTES)} of text (split it into several updates, or link a long document where it lives)`;

const kilobytes = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;

/**
 * An entry of the content folder that is not read at all: a symbolic link, a folder inside a story
 * folder, something that is not a regular file, or a Markdown file over the size limit.
 */
export interface RefusedEntry {
  /** Project-relative path. */
  path: string;
  kind: 'link' | 'folder' | 'other' | 'large';
  /** Bytes, for a file refused by its size. */
  size?: number;
}

/** The problem with each refused entry, naming it and saying what to do. */
export function refusedProblems(
  refused: readonly RefusedEntry[],
): { file: string; field?: string; message: string }[] {
  return refused.map(({ path, kind, size }) => ({
    file: path,
    message:
      kind === 'link'
        ? 'is a symbolic link; links in the content folder are never followed (content may come from anyone who sends a pull request): put the file or folder itself here'
        : kind === 'folder'
          ? 'is a folder inside a story folder; its files are not read: put them directly in the story folder'
          : kind === 'other'
            ? 'is not a regular file (a pipe, socket or device); only files and story folders belong in the content folder'
            : tooLargeText(size ?? 0),
  }));
}

/** A file of a story folder that is not Markdown, as the loader found it. */
export interface StoryFile {
  /** Project-relative path. */
  path: string;
  size: number;
  digest: string;
  /** A picture's size and format, read with its bytes (src/lib/content/pictures.ts), or why it is no picture. */
  picture?: PictureInfo | { error: string };
}

/** The extension of a file name, lower case (`map.PNG` → `png`). */
export const extensionOf = (name: string): string =>
  /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Extensions of pictures: their size is read, and copies are made of them (src/lib/content/pictures.ts). */
export const PICTURE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif']);

/** Whether a file of this name is a picture. */
export const isPictureName = (name: string): boolean => PICTURE_EXTENSIONS.has(extensionOf(name));

/** Whether a file of this name may be published from a story folder. */
export const isStoryFileName = (name: string): boolean =>
  extensionOf(name) in STORY_FILE_TYPES && !name.startsWith('.');

/** The type a published story file is served as. */
export const storyFileType = (name: string): string =>
  STORY_FILE_TYPES[extensionOf(name)] ?? 'application/octet-stream';

/** A file of a story folder that may be published; a picture with its size. */
export type PublishableFile = Omit<StoryFile, 'picture'> & {
  story: string;
  name: string;
  picture?: PictureInfo;
};

/**
 * Splits the non-Markdown files under the content folder (`prefix`, with its slash) into those to
 * publish, by story, and problems: a file of another type, one too large, one outside a story folder
 * or deeper inside it. Hidden files (`.DS_Store`) are ignored.
 */
export function checkStoryFiles(
  files: readonly StoryFile[],
  prefix: string,
): {
  publish: PublishableFile[];
  problems: { file: string; message: string }[];
} {
  const publish: PublishableFile[] = [];
  const problems: { file: string; message: string }[] = [];
  const kinds = Object.keys(STORY_FILE_TYPES).join(', ');
  for (const f of files) {
    const parts = f.path.startsWith(prefix) ? f.path.slice(prefix.length).split('/') : [];
    if (parts.some((p) => p.startsWith('.'))) continue;
    if (parts.length !== 2) {
      problems.push({
        file: f.path,
        message: `files to publish go directly in a story folder (${prefix}<story>/${parts.at(-1) ?? ''})`,
      });
      continue;
    }
    const [story, name] = parts as [string, string];
    if (!isStoryFileName(name))
      problems.push({
        file: f.path,
        message: `a story folder may hold Markdown, snapshots of embeds (embed-*.json, made by npm run embed) and files of these types only: ${kinds}; put other files elsewhere`,
      });
    else if (f.size > MAX_STORY_FILE_BYTES)
      problems.push({
        file: f.path,
        message: `is ${(f.size / 1e6).toFixed(1)} MB; a file next to bulletins may be at most ${MAX_STORY_FILE_BYTES / 1e6} MB (make the image smaller, or link the document where it lives)`,
      });
    else if (f.picture && 'error' in f.picture)
      problems.push({ file: f.path, message: f.picture.error });
    else {
      const { picture, ...file } = f;
      const problem = picture && pictureProblem(picture);
      if (problem) problems.push({ file: f.path, message: problem });
      else publish.push({ ...file, story, name, ...(picture ? { picture } : {}) });
    }
  }
  return { publish, problems };
}
