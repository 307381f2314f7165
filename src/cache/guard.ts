/**
 * A build that cannot trust its cache builds cold, and the output holds exactly what this build
 * produced.
 * - Dateline's own caches are content-addressed and written atomically (src/cache/store.ts), so
 *   they survive anything. Astro's page cache and the output folder do not: pages are rewritten in
 *   place during the build and their keys recorded only at its end, so a build killed in between
 *   (power cut, CI timeout) leaves pages whose recorded key is not theirs. A mark in the cache
 *   folder says a build is running; a build that finds the mark of one that never finished throws
 *   Astro's page cache, its content store and the output away first.
 * - The output folder is not emptied at the start of a build (emptying and refilling it with
 *   thousands of unchanged pages took seconds); instead, at the end, whatever this build did not
 *   produce is removed (`sweepOutput`).
 * - Astro's page cache stands for the pages of one output folder: a page whose key is unchanged is
 *   left as it is in the output. A build into another folder than the cache's last one (OUT_DIR)
 *   would keep whatever stale page that folder holds, so it throws Astro's page cache away first.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { byCodePoint } from '../core/text.ts';

const MARK = 'dateline-build-running';
/** The output folder the cache's pages were last written to. */
const OUTPUT = 'dateline-output-folder';

/** What Astro keeps between builds that a killed build can leave inconsistent. */
export const ASTRO_STATE = ['incremental-build.json', 'dist', 'data-store.json'];

/**
 * Marks a build as running in `cacheDir`. Returns why the cache cannot be trusted, if it cannot:
 * an earlier build never finished (its state and the output in `outDir` are then cleared), or the
 * cache's pages were written to another output folder (its state is then cleared).
 */
export function beginBuild(cacheDir: string, outDir: string): 'interrupted' | 'moved' | undefined {
  mkdirSync(cacheDir, { recursive: true });
  const interrupted = existsSync(join(cacheDir, MARK));
  const lastOutput = existsSync(join(cacheDir, OUTPUT))
    ? readFileSync(join(cacheDir, OUTPUT), 'utf8')
    : undefined;
  const moved =
    !interrupted && existsSync(join(cacheDir, ASTRO_STATE[0]!)) && lastOutput !== resolve(outDir);
  if (interrupted || moved)
    for (const name of ASTRO_STATE) rmSync(join(cacheDir, name), { recursive: true, force: true });
  if (interrupted) rmSync(outDir, { recursive: true, force: true });
  writeFileSync(join(cacheDir, OUTPUT), resolve(outDir));
  writeFileSync(join(cacheDir, MARK), `${process.pid}\n`);
  return interrupted ? 'interrupted' : moved ? 'moved' : undefined;
}

/** When the running build began, by the file system's own clock (the mark's modification time). */
export function buildStarted(cacheDir: string): number {
  return statSync(join(cacheDir, MARK)).mtimeMs;
}

/** Clears the mark: everything this build cached and wrote is consistent. */
export function endBuild(cacheDir: string): void {
  rmSync(join(cacheDir, MARK), { force: true });
}

/**
 * Removes from `outDir` every file this build did not produce: a file is kept when it is in
 * `files` (pages Astro took from its cache leave them untouched), under one of `folders` (put in
 * place whole), or written since `since` (everything else the build writes, which Vite, Astro and
 * the integrations write anew each time). Empty folders go too. Returns the paths removed
 * (relative, with `/`).
 */
export function sweepOutput(
  outDir: string,
  keep: { files: ReadonlySet<string>; folders: ReadonlySet<string> },
  since: number,
): string[] {
  const removed: string[] = [];
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(outDir, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (keep.folders.has(rel)) {
          empty = false;
        } else if (walk(full)) {
          rmdirSync(full);
        } else {
          empty = false;
        }
      } else if (keep.files.has(rel) || statSync(full).mtimeMs >= since) {
        empty = false;
      } else {
        rmSync(full, { force: true });
        removed.push(rel);
      }
    }
    return empty;
  };
  if (existsSync(outDir)) walk(outDir);
  return removed;
}

/**
 * Every file under `dir` (none when it does not exist), relative, with `/`, in code-point order: what
 * the sweep counts as a file (anything but a folder).
 */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort(byCodePoint);
}
