/**
 * The SHA-256 digests of the output's files, kept between builds (src/integrations/offline.ts digests
 * every file for the integrity manifest: 633 MB at 100,000 bulletins). A file's digest is reused
 * while its size, inode, modification and change times (in nanoseconds) are those it was digested
 * with: any write to a file changes its change time, which no program can set back. As git does for
 * its index, a digest taken of a file changed within the last two seconds before the cache was saved
 * is not kept (a write in the same clock tick could leave every time as it was).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A file's or a text's SHA-256 digest, base64url (as src/lib/offline/integrity.ts writes them). */
export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('base64url');

type Entry = [size: string, ino: string, mtime: string, ctime: string, digest: string];

const RACY_NS = 2_000_000_000n;

export class DigestCache {
  private readonly before: Map<string, Entry>;
  private readonly now = new Map<string, Entry>();
  reused = 0;

  /** `racyNs`: how recent a change must be for its digest not to be kept (the tests make it 0). */
  constructor(
    private readonly file: string,
    private readonly racyNs = RACY_NS,
  ) {
    let entries: Record<string, Entry> = {};
    try {
      if (existsSync(file))
        entries = (
          JSON.parse(readFileSync(file, 'utf8')) as { v: 1; entries: Record<string, Entry> }
        ).entries;
    } catch {
      // an unreadable cache is an empty one
    }
    this.before = new Map(Object.entries(entries));
  }

  /** The digest (base64url) of the file at `path`, known as `key`, and its size. */
  digest(key: string, path: string): { digest: string; size: number } {
    const s = statSync(path, { bigint: true });
    const stamp = [String(s.size), String(s.ino), String(s.mtimeNs), String(s.ctimeNs)] as const;
    const known = this.before.get(key);
    let digest: string;
    if (known && stamp.every((v, i) => known[i] === v)) {
      digest = known[4];
      this.reused++;
    } else digest = sha256(readFileSync(path));
    this.now.set(key, [...stamp, digest]);
    return { digest, size: Number(s.size) };
  }

  /** Keeps the digests taken in this build (of the files it saw), but those too recent to trust. */
  save(): void {
    const limit = BigInt(Date.now()) * 1_000_000n - this.racyNs + 1n;
    const entries = Object.fromEntries([...this.now].filter(([, e]) => BigInt(e[3]) < limit));
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ v: 1, entries }));
  }
}
