/** What the content loader keeps between builds: what it learnt of each file, and each bulletin's check. */
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { CheckedBulletin } from '../lib/content/check.ts';
import type { ContentCache, SeenFiles } from '../lib/content/read.ts';

/**
 * The content cache, kept in one JSON file between builds. Only the entries this build used are
 * written back, so deleted and edited files leave nothing behind.
 */
export function contentCache(file: string, code: string): ContentCache & { save(): void } {
  let earlier: { code?: string; seen: SeenFiles; checked: Record<string, CheckedBulletin> } = {
    seen: {},
    checked: {},
  };
  try {
    earlier = JSON.parse(readFileSync(file, 'utf8')) as typeof earlier;
  } catch {
    // none yet, or unreadable: read and check everything
  }
  // What was learnt of a file by other code (a picture's size by another image-size) is learnt again.
  if (earlier.code !== code) earlier.seen = {};
  const used: Record<string, CheckedBulletin> = {};
  let changed = false;
  const cache = {
    code,
    seen: earlier.seen,
    get: (key: string) => earlier.checked[key],
    set: (key: string, value: CheckedBulletin) => {
      if (earlier.checked[key] !== value) changed = true;
      used[key] = value;
    },
    save() {
      const seenChanged =
        cache.seen !== earlier.seen &&
        (Object.keys(cache.seen).length !== Object.keys(earlier.seen).length ||
          Object.entries(cache.seen).some(([path, [sig]]) => earlier.seen[path]?.[0] !== sig));
      if (
        earlier.code === code &&
        !changed &&
        !seenChanged &&
        Object.keys(used).length === Object.keys(earlier.checked).length
      )
        return;
      // Written in the background: nothing in this build reads it again.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFile(tmp, JSON.stringify({ code, seen: cache.seen, checked: used }))
        .then(() => rename(tmp, file))
        .catch((err: unknown) =>
          console.warn(`dateline: could not write the content cache: ${String(err)}`),
        );
    },
  };
  return cache;
}
