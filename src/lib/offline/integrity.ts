/**
 * What a build publishes so that a reader's service worker can check a page that a mirror serves
 * (src/scripts/sw.ts): the SHA-256 digest of every file of the output, in pieces.
 *
 * - `integrity.json`, the root: `{ "v": 1, "built": <newest content change>, "pieces": { <piece>: <digest> } }`;
 * - `integrity/<digest>.json`, one piece per folder (`pieceOf`): `{ <file>: <digest> }`, named by its
 *   own digest, so that a piece is checked by its name and cached for ever;
 * - `integrity.json.sig`, with a signing key: the root's Ed25519 signature (base64url).
 *
 * A reader reading one page through a mirror fetches the root and one piece, not the digest of every
 * file (about 4 MB at 100,000 bulletins). Pure and the same in Node and in the worker: WebCrypto only.
 */
import { byCodePoint } from '../../core/text.ts';

/** The root's file, at the top of the output. */
export const ROOT_FILE = 'integrity.json';
/** Its signature's file. */
export const SIGNATURE_FILE = 'integrity.json.sig';
/** The folder of the pieces. */
export const PIECES_FOLDER = 'integrity';

export interface IntegrityRoot {
  v: 1;
  /** The newest change of the content the build published (ISO): which of two signed roots is newer. */
  built: string;
  /** Each piece's digest, by piece (`pieceOf`). */
  pieces: Record<string, string>;
}

const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The piece a file's digest is in: its folder, two levels deep (`stories/<slug>`, `tags/<tag>`), a
 * story's day pages by year (`stories/<slug>/2022`), authors' pages by their name's first character
 * (`authors/a`) and the search index's tiers each on its own (`pagefind/part/<key>`): pieces of at most
 * a few hundred files, and few of them (150 at 100,000 bulletins: files count on hosts).
 */
export function pieceOf(file: string): string {
  const folders = file.split('/').slice(0, -1);
  if (folders[0] === 'stories' && folders[2] && DAY_FOLDER.test(folders[2]))
    return `stories/${folders[1]}/${folders[2].slice(0, 4)}`;
  if (folders[0] === 'authors' && folders[1]) return `authors/${[...folders[1]][0]}`;
  return folders.slice(0, folders[0] === 'pagefind' && folders[1] === 'part' ? 3 : 2).join('/');
}

/** The file a site path is served from (`/dateline/stories/x/` → `stories/x/index.html`), or undefined outside the base. */
export function fileOf(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  let file = pathname.slice(base.length);
  try {
    file = decodeURIComponent(file);
  } catch {
    return undefined;
  }
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

const encoder = new TextEncoder();
const toBytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);

/** base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url (or base64) text. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** A file's SHA-256 digest, base64url. */
export async function digestOf(data: string | Uint8Array): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', toBytes(data))));
}

/** A piece's file, named by its digest. */
export const pieceFile = (digest: string): string => `${PIECES_FOLDER}/${digest}.json`;

/**
 * The root and pieces of the digests of `files` (output-relative paths with `/`), each piece's text
 * by its file name. Files and pieces in code-point order: the same files give the same bytes.
 */
export async function buildManifest(
  files: Iterable<readonly [file: string, digest: string]>,
  built: string,
): Promise<{ root: string; pieces: Map<string, string> }> {
  const byPiece = new Map<string, [string, string][]>();
  for (const [file, digest] of files) {
    const piece = pieceOf(file);
    let list = byPiece.get(piece);
    if (!list) byPiece.set(piece, (list = []));
    list.push([file, digest]);
  }
  const pieces = new Map<string, string>();
  const digests: Record<string, string> = {};
  for (const piece of [...byPiece.keys()].sort(byCodePoint)) {
    const entries = byPiece.get(piece)!.sort((a, b) => byCodePoint(a[0], b[0]));
    const text = JSON.stringify(Object.fromEntries(entries));
    const digest = await digestOf(text);
    digests[piece] = digest;
    pieces.set(pieceFile(digest), text);
  }
  const root: IntegrityRoot = { v: 1, built, pieces: digests };
  return { root: JSON.stringify(root), pieces };
}

/** What a check of a file against a root says: it matches, it does not (refuse it), or it cannot be told. */
export type Verdict = 'ok' | 'mismatch' | 'unknown';

/**
 * Checks `bytes`, served for `file` by a mirror, against `root`: its piece is fetched with
 * `fetchPiece` (from the mirror: its name is its digest, checked here). A piece that does not match
 * its name is a mismatch (the mirror changed the manifest); a file the root does not know, or a
 * piece that cannot be had, is unknown.
 */
export async function checkFile(
  file: string,
  bytes: Uint8Array,
  root: IntegrityRoot,
  fetchPiece: (name: string) => Promise<string | undefined>,
): Promise<Verdict> {
  const pieceDigest = root.pieces[pieceOf(file)];
  if (!pieceDigest) return 'unknown';
  const text = await fetchPiece(pieceFile(pieceDigest));
  if (text === undefined) return 'unknown';
  if ((await digestOf(text)) !== pieceDigest) return 'mismatch';
  let want: unknown;
  try {
    want = (JSON.parse(text) as Record<string, unknown>)[file];
  } catch {
    return 'mismatch';
  }
  if (typeof want !== 'string') return 'unknown';
  return (await digestOf(bytes)) === want ? 'ok' : 'mismatch';
}

/** A root's text read back, or undefined when it is not one. */
export function parseRoot(text: string): IntegrityRoot | undefined {
  try {
    const root = JSON.parse(text) as Partial<IntegrityRoot>;
    return root.v === 1 && typeof root.built === 'string' && typeof root.pieces === 'object'
      ? (root as IntegrityRoot)
      : undefined;
  } catch {
    return undefined;
  }
}

const ED25519 = { name: 'Ed25519' };

/** A new signing key pair: the private key (PKCS #8, base64url: what SIGNING_KEY holds) and the public key (raw, base64url). */
export async function generateSigningKeys(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return {
    privateKey: base64url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))),
    publicKey: base64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))),
  };
}

const importPrivate = (privateKey: string) =>
  crypto.subtle.importKey('pkcs8', fromBase64url(privateKey.trim()), ED25519, true, ['sign']);

/** The public half (raw, base64url) of a private key as SIGNING_KEY holds it; throws when it is not an Ed25519 key. */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const jwk = await crypto.subtle.exportKey('jwk', await importPrivate(privateKey));
  if (!jwk.x) throw new Error('not an Ed25519 private key');
  return jwk.x;
}

/** The Ed25519 signature of `text` (base64url). Ed25519 signs deterministically: the same text gives the same signature. */
export async function signText(text: string, privateKey: string): Promise<string> {
  const key = await importPrivate(privateKey);
  return base64url(new Uint8Array(await crypto.subtle.sign(ED25519, key, toBytes(text))));
}

/** Whether `signature` is the Ed25519 signature of `text` by the public key `publicKey` (raw, base64url). */
export async function verifyText(
  text: string,
  signature: string,
  publicKey: string,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64url(publicKey), ED25519, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(ED25519, key, fromBase64url(signature.trim()), toBytes(text));
  } catch {
    return false;
  }
}

/**
 * The root a mirror offers, when it may be trusted instead of `trusted`: signed with the site's key
 * and at least as new. Without a key, only the site's own address gives roots.
 */
export async function trustedFromMirror(
  text: string,
  signature: string | undefined,
  publicKey: string | undefined,
  trusted: IntegrityRoot | undefined,
): Promise<IntegrityRoot | undefined> {
  if (!publicKey || !signature) return undefined;
  const root = parseRoot(text);
  if (!root || (trusted && root.built < trusted.built)) return undefined;
  return (await verifyText(text, signature, publicKey)) ? root : undefined;
}
