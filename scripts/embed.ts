// `npm run embed -- <url> --story <slug> [--force]` keeps a video or post beside a story's bulletins:
// asks the provider's public API (no account), writes `embed-<provider>-<id>.json` and the pictures
// it shows into the story folder, and checks them like the build does. A bulletin then shows the
// post or video by having its address alone on a line.
// DATELINE_EMBED_ORIGIN=http://127.0.0.1:PORT sends every request there instead (`/<host>/<path>`),
// for the tests' stand-in server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { entryAt, fail, requireNoLinks, requireStorySlug } from './cli.ts';
import { settingsFrom } from '../src/config.ts';
import { recogniseEmbed, snapshotName } from '../src/lib/content/embeds.ts';
import { extensionOf, MAX_STORY_FILE_BYTES } from '../src/lib/content/files.ts';
import { pictureProblem, readPicture } from '../src/lib/content/pictures.ts';
import { checkSnapshot } from '../src/lib/content/snapshots.ts';
import { formatProblem } from '../src/lib/content/problems.ts';
import { fetchSnapshot, pictureExtension, type Get } from '../src/lib/editor/embed.ts';

const settings = settingsFrom(process.env);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { story: { type: 'string' }, force: { type: 'boolean', default: false } },
});
const [address] = positionals;
if (!address || !values.story) fail('usage: npm run embed -- <url> --story <slug> [--force]');
const slug = values.story;
requireStorySlug(slug);
const embed = recogniseEmbed(address);
if (!embed)
  fail(
    `${address} is not the address of a video (YouTube, Vimeo) or a post (Bluesky, Mastodon, X, Telegram)`,
  );
const dir = join(settings.contentDir, slug);
requireNoLinks([settings.contentDir, 'folder'], [dir, 'folder'], [join(dir, 'index.md'), 'file']);
if (entryAt(join(dir, 'index.md')) !== 'file')
  fail(`there is no story ${slug} (${join(dir, 'index.md')}): create it first with npm run new`);
const name = snapshotName(embed);
requireNoLinks([join(dir, name), 'file']);
if (entryAt(join(dir, name)) === 'file' && !values.force)
  fail(`${join(dir, name)} exists already: add --force to make it again`);

const stand = process.env['DATELINE_EMBED_ORIGIN'];
const get: Get = (url) => {
  const target = stand ? `${stand}/${url.replace(/^https?:\/\//, '')}` : url;
  return fetch(target, {
    headers: { 'user-agent': 'Dateline (npm run embed)', accept: '*/*' },
    signal: AbortSignal.timeout(20_000),
    redirect: 'follow',
  });
};

let fetched;
try {
  fetched = await fetchSnapshot(embed, get, new Date());
} catch (err) {
  fail(
    `nothing written: could not read ${embed.url} from ${embed.provider} (${err instanceof Error ? err.message : String(err)})`,
  );
}

// Its pictures, each checked like the build checks a picture beside bulletins.
const kept: { file: string; alt: string; bytes: Uint8Array }[] = [];
for (const p of fetched.pictures) {
  let res: Response;
  try {
    res = await get(p.url);
  } catch (err) {
    fail(`nothing written: could not download ${p.url} (${String(err)})`);
  }
  const ext = pictureExtension(res.headers.get('content-type'));
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok || !ext) {
    console.warn(
      `left out ${p.url}: ${res.ok ? `a ${res.headers.get('content-type')}, not a picture` : res.status}`,
    );
    continue;
  }
  const info = readPicture(bytes, extensionOf(`x.${ext}`));
  const problem =
    bytes.length > MAX_STORY_FILE_BYTES
      ? 'larger than 5 MB'
      : 'error' in info
        ? info.error
        : pictureProblem(info);
  if (problem) {
    console.warn(`left out ${p.url}: ${problem}`);
    continue;
  }
  const file = `${p.stem}.${ext}`;
  requireNoLinks([join(dir, file), 'file']);
  kept.push({ file, alt: p.alt, bytes });
}
const snapshot =
  embed.kind === 'video'
    ? { ...fetched.snapshot, ...(kept[0] ? { poster: kept[0].file } : {}) }
    : { ...fetched.snapshot, images: kept.map(({ file, alt }) => ({ file, alt })) };
const text = `${JSON.stringify(snapshot, null, 2)}\n`;
const check = checkSnapshot(
  { path: join(dir, name), digest: '', text },
  name,
  new Set(kept.map((k) => k.file)),
);
if ('problems' in check)
  fail(
    `nothing written: the provider's answer does not make a valid snapshot:\n${check.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
  );
for (const k of kept) writeFileSync(join(dir, k.file), k.bytes);
writeFileSync(join(dir, name), text);
console.info(
  `Kept ${embed.url}\n  ${[name, ...kept.map((k) => k.file)].map((f) => join(dir, f)).join('\n  ')}\nPut the address alone on a line of a bulletin to show it.`,
);
