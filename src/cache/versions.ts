/**
 * The version of each piece of code whose output is cached across builds: the bundle of its
 * modules (everything they import from src/) and the exact versions of the packages, as the
 * lockfile and the installed tree record them. A change to any of them is a new version, and its
 * cached outputs are made again; a change elsewhere (a component, a style) leaves them alone. The
 * settings are not code: each cache keys on the settings it is given (src/core/cache-keys.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The cached pieces: the Markdown pipeline, the content checks, the search index (records and how its tiers are written), the social cards. */
const ENTRIES = {
  render: '../lib/markdown/pipeline.ts',
  archive: '../lib/content/archive.ts',
  search: '../integrations/pagefind.ts',
  cards: '../lib/publish/cards.ts',
  // Not a version: the code of the render worker (which also holds the store's code).
  worker: '../render/worker.ts',
} as const;

export type CodePiece = Exclude<keyof typeof ENTRIES, 'worker'>;

export interface CodeVersions {
  /** A version per piece. */
  versions: Record<CodePiece, string>;
  /** The render worker's bundled code (it runs in child processes, which cannot load TypeScript), and its version (its file name). */
  workerCode: string;
  workerVersion: string;
}

let memo: Promise<CodeVersions> | undefined;

/** Bundles every piece, once per module instance (about 20 ms with esbuild). `root` is the project root, for the lockfile. */
export function codeVersions(root: string): Promise<CodeVersions> {
  memo ??= (async () => {
    const result = await build({
      entryPoints: Object.fromEntries(
        Object.entries(ENTRIES).map(([name, path]) => [
          name,
          fileURLToPath(new URL(path, import.meta.url)),
        ]),
      ),
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      outdir: 'out',
      logLevel: 'silent',
    });
    // The packages: the lockfile says what should be installed, npm's record of the installed tree
    // (node_modules/.package-lock.json) what is (they differ after an `npm install pkg` that did not
    // save, or on a machine that installed without the lockfile).
    const lock = ['package-lock.json', 'package.json'].map((f) => join(root, f)).find(existsSync);
    const deps = [lock, join(root, 'node_modules', '.package-lock.json')]
      .filter((f): f is string => f !== undefined && existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\0');
    const code = Object.fromEntries(
      Object.keys(ENTRIES).map((name) => [
        name,
        result.outputFiles.find((f) => f.path.endsWith(`/${name}.js`))!.text,
      ]),
    ) as Record<keyof typeof ENTRIES, string>;
    const versions = Object.fromEntries(
      Object.entries(code).map(([name, text]) => [
        name,
        createHash('sha256')
          .update(text)
          .update('\0')
          .update(deps)
          .digest('base64url')
          .slice(0, 16),
      ]),
    ) as Record<keyof typeof ENTRIES, string>;
    return { versions, workerCode: code.worker, workerVersion: versions.worker };
  })();
  return memo;
}
