/**
 * Runs a command and samples its whole process tree from /proc every 50 ms: wall time, CPU time by
 * process name (Pagefind's and Hugo's binaries, the render processes, Node itself) and peak memory.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { plain } from './format.ts';

/** Clock ticks per second in /proc (USER_HZ). */
const CLK = 100;

export interface Measured {
  wallMs: number;
  /** CPU milliseconds by process name. */
  cpuMs: Record<string, number>;
  /** The largest sum of the tree's resident memory seen, in bytes. */
  peakRss: number;
  log: string;
}

/** Every descendant pid of `pid`, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Runs `command` with `args` and extra environment variables; rejects with the end of its log when it fails. */
export function measure(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const cpu = new Map<number, { name: string; ticks: number }>();
    let peak = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      let rss = 0;
      for (const pid of [child.pid, ...descendants(child.pid)]) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          cpu.set(pid, { name, ticks: Number(f[11]) + Number(f[12]) });
          rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
        } catch {
          // exited between listing and reading
        }
      }
      peak = Math.max(peak, rss);
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) {
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${plain(log).slice(-4000)}`,
          ),
        );
        return;
      }
      const byName: Record<string, number> = {};
      for (const { name, ticks } of cpu.values())
        byName[name] = (byName[name] ?? 0) + (ticks / CLK) * 1000;
      resolve({
        wallMs: performance.now() - started,
        cpuMs: byName,
        peakRss: peak,
        log: plain(log),
      });
    });
  });
}

/** CPU milliseconds of the whole tree. */
export const cpuTotal = (r: Measured): number => Object.values(r.cpuMs).reduce((a, v) => a + v, 0);

/** CPU milliseconds of the processes whose name starts with `prefix`. */
export const cpuOf = (r: Measured, prefix: string): number =>
  Object.entries(r.cpuMs)
    .filter(([n]) => n.startsWith(prefix))
    .reduce((a, [, v]) => a + v, 0);
