/**
 * Content-layer loaders for stories and bulletins. They read `content/` themselves (not Astro's
 * glob loader) so that frontmatter dates keep their written offsets, the checks in
 * `src/lib/archive.ts` run over all files at once, and only metadata goes into the data store:
 * bulletin bodies are rendered when a page needs them (../shared/perf-notes.md: a store holding
 * every body and its HTML makes large archives build several times slower).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { config } from '../config';
import { buildArchive, formatProblem, type Archive, type SourceFile } from '../lib/archive';

/** Every `.md` file below `dir`, with paths relative to `root` written with `/`. */
export function readSourceFiles(root: string, dir: string): SourceFile[] {
  const base = join(root, dir);
  let names: string[];
  try {
    names = readdirSync(base, { recursive: true, encoding: 'utf8' });
  } catch {
    throw new Error(`Dateline: the content folder ${dir}/ does not exist (set contentDir in src/config.ts)`);
  }
  return names
    .filter((name) => name.toLowerCase().endsWith('.md') && statSync(join(base, name)).isFile())
    .map((name) => {
      const full = join(base, name);
      return { path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
    });
}

/** Thrown when the content has problems: the message lists every one of them. */
export class ContentError extends Error {
  override name = 'ContentError';
}

let last: { key: string; files: SourceFile[]; archive: Archive } | undefined;

/** Reads and validates the whole archive; both loaders share one read per content state. */
export function loadArchive(root: string, dir: string = config.contentDir): { files: SourceFile[]; archive: Archive } {
  const files = readSourceFiles(root, dir);
  const key = files.map((f) => `${f.path}\0${f.text}`).join('\0\0');
  if (last?.key !== key) last = { key, files, archive: buildArchive(files, dir) };
  const { problems } = last.archive;
  if (problems.length) {
    throw new ContentError(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in ${dir}/:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
  }
  return last;
}

function archiveLoader(name: string, fill: (ctx: LoaderContext, data: ReturnType<typeof loadArchive>, stale: Set<string>) => Promise<void>): Loader {
  return {
    name,
    async load(ctx) {
      const root = fileURLToPath(ctx.config.root);
      const sync = async () => {
        const before = new Set(ctx.store.keys());
        await fill(ctx, loadArchive(root), before);
        // Whatever was not set again has been deleted or renamed.
        for (const id of before) ctx.store.delete(id);
      };
      await sync();
      ctx.watcher?.on('all', (_event, path) => {
        if (relative(root, path).split(sep)[0] === config.contentDir && path.endsWith('.md')) {
          sync().catch((err: unknown) => ctx.logger.error(err instanceof Error ? err.message : String(err)));
        }
      });
    },
  };
}

/** Stories: one entry per `content/<slug>/index.md`. */
export const storiesLoader = () =>
  archiveLoader('dateline-stories', async ({ store, parseData, generateDigest }, { files, archive }, stale) => {
    for (const story of archive.stories) {
      stale.delete(story.slug);
      const data = await parseData({ id: story.slug, data: story, filePath: story.file });
      store.set({ id: story.slug, data, filePath: story.file, digest: generateDigest(files.find((f) => f.path === story.file)!.text) });
    }
  });

/** Bulletins: metadata only, keyed `<story>/<update-id>`; the digest covers the whole file, body included. */
export const bulletinsLoader = () =>
  archiveLoader('dateline-bulletins', async ({ store, parseData, generateDigest }, { files, archive }, stale) => {
    const texts = new Map(files.map((f) => [f.path, f.text]));
    for (const b of archive.bulletins) {
      const id = `${b.story}/${b.id}`;
      stale.delete(id);
      const data = await parseData({ id, data: b, filePath: b.file });
      store.set({ id, data, filePath: b.file, digest: generateDigest(texts.get(b.file)!) });
    }
  });

