import { describe, expect, test } from 'vitest';
import {
  buildManifest,
  checkFile,
  digestOf,
  fileOf,
  generateSigningKeys,
  parseRoot,
  pieceOf,
  publicKeyOf,
  signText,
  trustedFromMirror,
  verifyText,
  type IntegrityRoot,
} from '../../src/lib/offline/integrity.ts';

describe('pieceOf and fileOf', () => {
  test.each([
    ['index.html', ''],
    ['sw.js', ''],
    ['_astro/Base.1OfKSc_h.css', '_astro'],
    ['stories/strike/index.html', 'stories/strike'],
    ['stories/strike/2026-11-18/index.html', 'stories/strike/2026'],
    ['stories/strike/from-the-start/7/index.html', 'stories/strike'],
    ['stories/strike/images/map.png-400w.1a2b3c4d.webp', 'stories/strike'],
    ['authors/amina/2/index.html', 'authors/a'],
    ['authors/files/amina.jpg', 'authors/f'],
    ['authors/index.html', 'authors'],
    [
      'pagefind/part/VSFDqbCMnaSGnFWu5Hd7y338/index/en_1.pf_index',
      'pagefind/part/VSFDqbCMnaSGnFWu5Hd7y338',
    ],
    ['pagefind/pagefind.js', 'pagefind'],
  ])('%s is in the piece "%s"', (file, piece) => {
    expect(pieceOf(file)).toBe(piece);
  });
  test('a site path is the file it is served from, under the base only', () => {
    expect(fileOf('/dateline/', '/dateline/')).toBe('index.html');
    expect(fileOf('/dateline/stories/x/2022-01-07/', '/dateline/')).toBe(
      'stories/x/2022-01-07/index.html',
    );
    expect(fileOf('/dateline/stories/%C3%A9t%C3%A9/feed.xml', '/dateline/')).toBe(
      'stories/été/feed.xml',
    );
    expect(fileOf('/other/', '/dateline/')).toBeUndefined();
    expect(fileOf('/dateline/%zz', '/dateline/')).toBeUndefined();
  });
});

const files: [string, string][] = [
  ['stories/x/2022-01-07/index.html', '<p>Seventh</p>'],
  ['stories/x/2022-01-08/index.html', '<p>Eighth</p>'],
  ['index.html', '<p>Front</p>'],
];
const manifestOf = async (list: [string, string][], built = '2022-01-08T10:00:00Z') =>
  buildManifest(
    await Promise.all(list.map(async ([f, text]) => [f, await digestOf(text)] as const)),
    built,
  );

describe('buildManifest and checkFile', () => {
  test('the same files, in any order, give the same bytes; a piece is named by its digest', async () => {
    const a = await manifestOf(files);
    const b = await manifestOf([...files].reverse());
    expect(b.root).toBe(a.root);
    expect([...b.pieces]).toEqual([...a.pieces]);
    const root = parseRoot(a.root)!;
    expect(Object.keys(root.pieces)).toEqual(['', 'stories/x/2022']);
    for (const [name, text] of a.pieces)
      expect(name).toBe(`integrity/${await digestOf(text)}.json`);
  });

  test('a file as published is ok; changed, refused; unknown or its piece missing, unknown', async () => {
    const { root, pieces } = await manifestOf(files);
    const r = parseRoot(root)!;
    const fetchPiece = async (name: string) => pieces.get(name);
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(await checkFile(files[0]![0], bytes('<p>Seventh</p>'), r, fetchPiece)).toBe('ok');
    expect(await checkFile(files[0]![0], bytes('<p>Seventh!</p>'), r, fetchPiece)).toBe('mismatch');
    expect(await checkFile('stories/x/2022-01-09/index.html', bytes('x'), r, fetchPiece)).toBe(
      'unknown',
    );
    expect(await checkFile('stories/y/index.html', bytes('x'), r, fetchPiece)).toBe('unknown');
    expect(await checkFile(files[0]![0], bytes('<p>Seventh</p>'), r, async () => undefined)).toBe(
      'unknown',
    );
  });

  test('a piece a mirror changed (to let its own copy of a page pass) is refused', async () => {
    const { root, pieces } = await manifestOf(files);
    const r = parseRoot(root)!;
    const forged = async (name: string) =>
      pieces
        .get(name)
        ?.replace(await digestOf('<p>Seventh</p>'), await digestOf('<p>Seventh, rewritten</p>'));
    expect(
      await checkFile(
        files[0]![0],
        new TextEncoder().encode('<p>Seventh, rewritten</p>'),
        r,
        forged,
      ),
    ).toBe('mismatch');
  });
});

describe('signatures', () => {
  test('a root signed with the key verifies with its public half, and nothing else does', async () => {
    const keys = await generateSigningKeys();
    expect(await publicKeyOf(keys.privateKey)).toBe(keys.publicKey);
    const { root } = await manifestOf(files);
    const signature = await signText(root, keys.privateKey);
    expect(await signText(root, keys.privateKey)).toBe(signature); // deterministic: builds are reproducible
    expect(await verifyText(root, signature, keys.publicKey)).toBe(true);
    expect(await verifyText(root.replace('2022', '2023'), signature, keys.publicKey)).toBe(false);
    const other = await generateSigningKeys();
    expect(await verifyText(root, signature, other.publicKey)).toBe(false);
    expect(await verifyText(root, 'not a signature', keys.publicKey)).toBe(false);
    await expect(publicKeyOf('bm90IGEga2V5')).rejects.toThrow();
  });

  test("a mirror's root is trusted only signed, and only when not older than the one trusted", async () => {
    const keys = await generateSigningKeys();
    const older = parseRoot((await manifestOf(files, '2022-01-07T00:00:00Z')).root)!;
    const trusted: IntegrityRoot = parseRoot((await manifestOf(files)).root)!;
    const newer = (
      await manifestOf([...files, ['stories/x/2022-01-09/index.html', 'n']], '2022-01-09T00:00:00Z')
    ).root;
    const sig = await signText(newer, keys.privateKey);
    expect(await trustedFromMirror(newer, sig, keys.publicKey, trusted)).toMatchObject({
      built: '2022-01-09T00:00:00Z',
    });
    expect(await trustedFromMirror(newer, undefined, keys.publicKey, trusted)).toBeUndefined();
    expect(await trustedFromMirror(newer, sig, undefined, trusted)).toBeUndefined();
    const tampered = newer.replace('"v":1', '"v":1 ');
    expect(await trustedFromMirror(tampered, sig, keys.publicKey, trusted)).toBeUndefined();
    const oldText = JSON.stringify(older);
    expect(
      await trustedFromMirror(
        oldText,
        await signText(oldText, keys.privateKey),
        keys.publicKey,
        trusted,
      ),
    ).toBeUndefined();
  });
});
