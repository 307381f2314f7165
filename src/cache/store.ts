/**
 * A content-addressed store on disk: one file (or folder) per key, in 256 shard folders, written
 * to a temporary name and renamed into place. A key names its content (src/core/cache-keys.ts), so
 * an entry is never rewritten with other bytes, and a build killed half-way leaves at most a stray
 * temporary file: whatever the store holds can be trusted, and whatever it lacks is made again.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

let serial = 0;

export class EntryStore {
  /** Shard folders known to exist: a render writes thousands of entries, and each `mkdir` is a system call. */
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {}

  /** Where the entry of `key` lives (it may not exist). */
  path(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  read(key: string): Buffer {
    return readFileSync(this.path(key));
  }

  readJson<T>(key: string): T {
    return JSON.parse(readFileSync(this.path(key), 'utf8')) as T;
  }

  /** Writes an entry: to a temporary file first, so a reader never sees half of it. */
  write(key: string, data: string | Uint8Array): void {
    const target = this.path(key);
    const shard = join(target, '..');
    if (!this.made.has(shard)) {
      mkdirSync(shard, { recursive: true });
      this.made.add(shard);
    }
    const tmp = `${target}.${process.pid}.${serial++}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  }

  /** A fresh temporary folder to build a folder entry in, then `commit` it. */
  scratch(key: string): string {
    const dir = `${this.path(key)}.${process.pid}.${serial++}.tmp`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Moves a folder built in `scratch` into place as the entry of `key`. */
  commit(key: string, scratch: string): void {
    const target = this.path(key);
    // An equal entry may have landed meanwhile (same key, same content): keep it.
    if (existsSync(target)) rmSync(scratch, { recursive: true, force: true });
    else renameSync(scratch, target);
  }

  /** Every name in the shard folders, entries and temporary leftovers alike (none before the first write). */
  private *names(): Generator<{ name: string; path: string }> {
    if (!existsSync(this.dir)) return;
    for (const shard of readdirSync(this.dir))
      for (const name of readdirSync(join(this.dir, shard)))
        yield { name, path: join(this.dir, shard, name) };
  }

  /** Every key the store holds (one directory listing per shard: cheaper than asking for tens of thousands one by one). */
  keys(): Set<string> {
    const out = new Set<string>();
    for (const { name } of this.names()) if (!name.endsWith('.tmp')) out.add(name);
    return out;
  }

  /** Deletes every entry not in `keep`, and any temporary leftovers; returns how many went. */
  prune(keep: ReadonlySet<string>): number {
    let removed = 0;
    for (const { name, path } of this.names()) {
      if (keep.has(name)) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}

/**
 * Puts a stored file or folder at `dest` (into the build output) as hard links: entries are never
 * rewritten, so the output can share their bytes, and linking ten thousand files takes a tenth of
 * the time copying does. Copies where the file system cannot link (another device).
 */
export function placeEntry(src: string, dest: string): void {
  const place = (from: string, to: string) => {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
  if (!statSync(src).isDirectory()) {
    mkdirSync(join(dest, '..'), { recursive: true });
    place(src, dest);
    return;
  }
  const walk = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(from, entry.name), join(to, entry.name));
      else place(join(from, entry.name), join(to, entry.name));
    }
  };
  walk(src, dest);
}
