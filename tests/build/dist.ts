/** Reads the built site in dist/ for the checks in this folder. Run `npm run build` first. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load } from 'js-yaml';
import { parse, type HTMLElement } from 'node-html-parser';
import { settingsFrom } from '../../src/config.ts';
import { resolveInstant } from '../../src/lib/content/check.ts';
import { parseBulletinName } from '../../src/lib/content/names.ts';

export const DIST = join(process.cwd(), 'dist');

/** The settings dist/ was built with (npm test builds it with the environment it runs in). */
export const settings = settingsFrom(process.env);

if (!existsSync(join(DIST, 'index.html'))) {
  throw new Error('dist/ has no index.html: run `npm run build` before the build checks');
}

/** Every HTML page of dist/, parsed, keyed by its path relative to dist (`stories/x/index.html`). */
export const pages: Map<string, HTMLElement> = new Map(
  readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    // Not the stories as files to download: files, not pages of the site (tests/build/offline.test.ts).
    .filter((f) => f.endsWith('.html') && !f.startsWith(`whole${sep}`))
    .map((f) => [f.split(sep).join('/'), parse(readFileSync(join(DIST, f), 'utf8'))]),
);

/** The parsed page at a dist-relative path. */
export function page(path: string): HTMLElement {
  const p = pages.get(path);
  if (!p) throw new Error(`dist/${path} does not exist`);
  return p;
}

/** A bulletin as the content folder defines it, read without the site's own loader. */
export interface ExpectedBulletin {
  file: string;
  story: string;
  day: string;
  name: string;
}

/** A bulletin file marked `draft: true` (read with a plain pattern, not the site's own parser). */
export const isDraft = (path: string) =>
  /^---\n(?:.*\n)*?draft:\s*true\s*\n(?:.*\n)*?---/m.test(readFileSync(path, 'utf8'));

/**
 * Every bulletin file in content/ (drafts apart), with its story and its day on the story's clock,
 * as the project's own file-name grammar reads it (a name in UTC, `…-0355z-…`, may fall on the
 * story's previous day).
 */
export function contentBulletins(root = 'content', drafts = false): ExpectedBulletin[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => /\/\d{4}-\d\d-\d\d[^/]*\.md$/.test(f) && isDraft(join(root, f)) === drafts)
    .map((f) => {
      const [story, name] = f.split('/') as [string, string];
      const parsed = parseBulletinName(name);
      if ('error' in parsed) throw new Error(`${f}: ${parsed.error}`);
      const zone = frontmatterOf(join(root, story, 'index.md'))['timezone'];
      // The name decides the day (the build refuses a `date:` that disagrees with it).
      const when = resolveInstant(
        parsed,
        undefined,
        typeof zone === 'string' ? zone : settings.defaultTimezone,
      );
      if ('error' in when) throw new Error(`${f}: ${when.error}`);
      return { file: relative(process.cwd(), join(root, f)), story, name, day: when.day };
    });
}

/** Story slugs in content/. */
export function contentStories(root = 'content'): string[] {
  return readdirSync(root).filter((d) => existsSync(join(root, d, 'index.md')));
}

/** The frontmatter of a content file, read with a plain YAML parser (not the site's own checker). */
export function frontmatterOf(path: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
  return m ? ((load(m[1]!) as Record<string, unknown> | undefined) ?? {}) : {};
}

/** The pages of dist/ under a folder (`stories/x/from-the-start/`), in page order (page 1 first). */
export function pagedPages(folder: string): [string, HTMLElement][] {
  const number = (path: string) => Number(/\/(\d+)\/index\.html$/.exec(path)?.[1] ?? 1);
  return [...pages.entries()]
    .filter(([path]) => path.startsWith(folder) && path.endsWith('index.html'))
    .sort(([a], [b]) => number(a) - number(b));
}
