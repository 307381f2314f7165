/**
 * Copies of the project in scratch folders, and `astro build` run in them: what the build tests
 * that change the project (incremental, untrusted content, languages) share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project this test run checks (two folders up from this file). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** What a build reads of the project (node_modules is linked, not copied). */
export const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'public',
  'content',
] as const;

/** Copies the project's files into `dir` and links `node_modules` (the project's own, or `modules`). */
export function copyProject(dir: string, modules = join(ROOT, 'node_modules')): string {
  for (const f of PROJECT_FILES) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A new scratch folder under the system's temporary folder. */
export const scratchFolder = (name: string): string =>
  mkdtempSync(join(tmpdir(), `dateline-${name}-`));

/** A build's log without colours (CI gets them; the tests read route lines as text). */
// eslint-disable-next-line no-control-regex
export const plainLog = (log: string): string => log.replace(/\u001b\[[0-9;]*m/g, '');

export interface Build {
  child: ChildProcess;
  /** The log, once the build exits; `code` is null when it was killed. */
  done: Promise<{ code: number | null; log: string }>;
}

/** Starts `astro build` in `root` (a project copy, or the project itself) with extra environment variables. */
export function startBuild(root: string, env: Record<string, string>): Build {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const done = new Promise<{ code: number | null; log: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, log: plainLog(log) }));
  });
  return { child, done };
}

/** Builds and returns the log; throws with its end when the build fails. */
export async function build(root: string, env: Record<string, string>): Promise<string> {
  const { code, log } = await startBuild(root, env).done;
  if (code !== 0) throw new Error(`the build in ${root} exited with ${code}:\n${log.slice(-3000)}`);
  return log;
}
