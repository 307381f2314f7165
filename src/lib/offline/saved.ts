/**
 * What "Save for offline" keeps of a story (src/scripts/offline.ts): every page of it (timeline,
 * day pages, key events, from the start) and the smallest copy of each of its pictures, with their
 * sizes (shown before saving) and digests (what changed since, for bringing a saved live story up
 * to date). Written per story to `saved/<slug>.json` by src/integrations/offline.ts.
 */

/** The folder of the stories' lists, at the top of the output. */
export const SAVED_FOLDER = 'saved';

export interface SavedStory {
  story: string;
  title: string;
  /** The story's page (its timeline). */
  page: string;
  /** The bytes of every file together. */
  bytes: number;
  /** Each file: its URL, bytes and digest. */
  files: [url: string, bytes: number, digest: string][];
}

/** A picture's copy: `<name>-<width>w.<digest>.webp` (src/core/paths.ts `pictureFile`). */
const COPY = /^(.*)-(\d+)w\.([\w-]+)\.webp$/;

/**
 * The list of the story `slug` from the output's files (relative, with `/`): its pages (served at
 * their folder's URL) and, of each picture, its narrowest copy (what a phone shows).
 */
export function savedStory(
  slug: string,
  title: string,
  base: string,
  files: readonly string[],
  info: (file: string) => [bytes: number, digest: string],
): SavedStory {
  const prefix = `stories/${slug}/`;
  const pages: string[] = [];
  const narrowest = new Map<string, { file: string; width: number }>();
  for (const f of files) {
    if (!f.startsWith(prefix)) continue;
    const rest = f.slice(prefix.length);
    if (rest === 'index.html' || rest.endsWith('/index.html')) pages.push(f);
    else if (rest.startsWith('images/')) {
      const m = COPY.exec(rest.slice('images/'.length));
      if (!m) continue;
      const key = `${m[1]}.${m[3]}`;
      const width = Number(m[2]);
      if ((narrowest.get(key)?.width ?? Infinity) > width) narrowest.set(key, { file: f, width });
    }
  }
  const chosen = [...pages, ...[...narrowest.values()].map((c) => c.file)];
  const list = chosen.map((f): SavedStory['files'][number] => {
    const [bytes, digest] = info(f);
    return [`${base}${f.replace(/index\.html$/, '')}`, bytes, digest];
  });
  return {
    story: slug,
    title,
    page: `${base}${prefix}`,
    bytes: list.reduce((n, [, b]) => n + b, 0),
    files: list,
  };
}

/** The files of `next` that a saved copy made from `kept` lacks or holds in another version, and those it holds that `next` no longer has. */
export function savedChanges(
  kept: Pick<SavedStory, 'files'>,
  next: Pick<SavedStory, 'files'>,
): { fetch: string[]; remove: string[] } {
  const before = new Map(kept.files.map(([url, , digest]) => [url, digest]));
  const after = new Set(next.files.map(([url]) => url));
  return {
    fetch: next.files.filter(([url, , digest]) => before.get(url) !== digest).map(([url]) => url),
    remove: [...before.keys()].filter((url) => !after.has(url)),
  };
}
