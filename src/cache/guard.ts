/**
 * A build that cannot trust its cache builds cold. Dateline's own caches are content-addressed
 * and written atomically (src/cache/store.ts), so they survive anything; Astro's page cache is
 * not: it overwrites cached pages in place during the build and records their keys only at the
 * end, so a build killed in between (power cut, CI timeout) leaves pages whose recorded key is
 * not theirs. A mark in the cache folder says a build is running; a build that finds the mark of
 * one that never finished throws Astro's page cache and content store away first.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MARK = 'dateline-build-running';

/** What Astro keeps between builds that a killed build can leave inconsistent. */
export const ASTRO_STATE = ['incremental-build.json', 'dist', 'data-store.json'];

/** Marks a build as running in `cacheDir`; returns true when an earlier build never finished (its state is then cleared). */
export function beginBuild(cacheDir: string): boolean {
  mkdirSync(cacheDir, { recursive: true });
  const interrupted = existsSync(join(cacheDir, MARK));
  if (interrupted) for (const name of ASTRO_STATE) rmSync(join(cacheDir, name), { recursive: true, force: true });
  writeFileSync(join(cacheDir, MARK), `${process.pid}\n`);
  return interrupted;
}

/** Clears the mark: everything this build cached is consistent. */
export function endBuild(cacheDir: string): void {
  rmSync(join(cacheDir, MARK), { force: true });
}
