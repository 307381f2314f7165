/**
 * The peer a newsroom would use instead: Hugo (a timeline per story, scripts/bench/hugo/) and
 * Pagefind's CLI over its output, from scratch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuTotal, measure } from './measure.ts';

const ROOT = process.cwd();
const HUGO_SITE = join(ROOT, 'scripts', 'bench', 'hugo');

/** Hugo from Debian's package: found on PATH, or installed when we are root on Debian. Returns its version line. */
export function ensureHugo(): string {
  const found = () => {
    try {
      return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  let version = found();
  if (!version && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.info("bench: installing Debian's hugo package for the peer (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['install', '-y', '-qq', 'hugo'], { stdio: 'inherit', env });
    version = found();
  }
  if (!version)
    throw new Error(
      'the benchmark compares Dateline with Hugo + Pagefind: install Hugo (sudo apt-get install hugo) and run again',
    );
  return version;
}

export interface PeerRun {
  wallMs: number;
  hugoMs: number;
  pagefindMs: number;
  cpuMs: number;
  peakRss: number;
}

/** Hugo, then Pagefind's CLI (the project's own dependency), over `scratch`/content, from scratch. */
export async function peer(scratch: string): Promise<PeerRun> {
  const out = join(scratch, 'peer');
  const work = join(scratch, 'peer-work');
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Mount the archive at content/stories; keep Hugo's caches out of the project.
  writeFileSync(
    join(work, 'run.toml'),
    `resourceDir = '${work}/resources'\ncacheDir = '${work}/cache'\n[module]\n[[module.mounts]]\nsource = '${join(scratch, 'content')}'\ntarget = 'content/stories'\nexcludeFiles = ['authors/**']\n`,
  );
  const hugo = await measure('hugo', [
    '--source',
    HUGO_SITE,
    '--config',
    `${join(HUGO_SITE, 'hugo.toml')},${join(work, 'run.toml')}`,
    '--destination',
    out,
    '--noBuildLock',
    '--quiet',
  ]);
  const index = await measure(process.execPath, [
    join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'),
    '--site',
    out,
    '--quiet',
  ]);
  return {
    wallMs: hugo.wallMs + index.wallMs,
    hugoMs: hugo.wallMs,
    pagefindMs: index.wallMs,
    cpuMs: cpuTotal(hugo) + cpuTotal(index),
    peakRss: Math.max(hugo.peakRss, index.peakRss),
  };
}
