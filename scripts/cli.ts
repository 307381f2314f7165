/**
 * Small helpers shared by the editors' commands. Imports carry their `.ts` extension: `npm run new`
 * runs on Node's own TypeScript support (no loader to start), so what it imports must resolve there.
 */
import { lstatSync } from 'node:fs';
import { isStorySlug } from '../src/lib/content/names.ts';

/** Prints the message and exits with status 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Stops unless `slug` can be a story folder. */
export function requireStorySlug(slug: string): void {
  if (!isStorySlug(slug))
    fail(
      `"${slug}" cannot be a story slug: use lower-case letters, digits and hyphens (it becomes the URL)`,
    );
}

/** What is at `path`, without following a symbolic link. */
export function entryAt(path: string): 'none' | 'file' | 'folder' | 'link' | 'other' {
  try {
    const st = lstatSync(path);
    return st.isSymbolicLink()
      ? 'link'
      : st.isDirectory()
        ? 'folder'
        : st.isFile()
          ? 'file'
          : 'other';
  } catch {
    return 'none';
  }
}

/**
 * Stops unless each path is absent or of the kind given: the editors' commands, like the build,
 * never read or write content through a symbolic link (src/lib/content/read.ts).
 */
export function requireNoLinks(...paths: [path: string, kind: 'file' | 'folder'][]): void {
  for (const [path, kind] of paths) {
    const found = entryAt(path);
    if (found === 'link')
      fail(
        `${path} is a symbolic link; links in the content folder are never followed: replace it with the ${kind} itself`,
      );
    if (found !== 'none' && found !== kind) fail(`${path} is not a ${kind}`);
  }
}
