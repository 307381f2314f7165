// Deterministic synthetic archive in content/'s format, for the benchmark and scale tests.
// Same options, same files, byte for byte: a seeded PRNG drives every choice.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { clockOf, dayOf, instantAt } from '../../src/core/dates.ts';

/** A generated bulletin: its story, its file (`<story>/<name>`), its day and its unique search word. */
export interface GeneratedBulletin {
  story: string;
  file: string;
  day: string;
  token: string;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = [
  'Asia/Almaty',
  'America/New_York',
  'Europe/Kyiv',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Auckland',
];
/** A long introduction (no randomness: the rest of the archive stays as it was). */
const TALL_INTRO = Array.from(
  { length: 4 },
  (_, i) =>
    `Paragraph ${i + 1} of a long introduction: the background a newsroom writes once, at the start of the story, for readers who arrive late.`,
).join('\n\n');

const PLACES = [
  'Almaty',
  'Zhanaozen',
  'Aktau',
  'Kyiv',
  'Kharkiv',
  'Łódź',
  'Zürich',
  'São Paulo',
  'Ñuñoa',
  'Ålesund',
  'Þórshöfn',
  'Reykjavík',
  'Kraków',
  'Köln',
  'Göteborg',
  'İzmir',
  'Shymkent',
  'Sendai',
  'Ōsaka',
  'Lagos',
  'Kolkata',
  'Wellington',
  'Hạ Long',
  'Curaçao',
];
const PEOPLE = [
  'Aigerim Nurlanovna',
  'Dmytro Kovalenko',
  'Zoë Müller',
  'João Conceição',
  'Chiamaka Okafor',
  'Søren Ødegård',
  'Ayşe Çelik',
  'Hiroshi Tanaka',
  'Priya Raghunathan',
  'Łukasz Wróbel',
  'Ngaio Te Rangi',
  'Olga Sérgeyevna',
];
const ROLES = [
  'the interior minister',
  'a police spokesperson',
  'the regional governor',
  'a union organiser',
  'the mayor',
  'a hospital director',
  'an opposition MP',
  'a local resident',
  'the transport authority',
  'an emergency services official',
];
const VERBS = [
  'said',
  'confirmed',
  'told reporters',
  'warned',
  'announced',
  'denied',
  'acknowledged',
  'insisted',
];
const WORDS =
  'the crowd police city government protest road bridge station curfew statement talks offer strike vote power water hospital schools airport border rail port harbour night morning evening officials residents workers volunteers shelter convoy supplies fuel prices market bank internet network messages negotiators agreement deadline ministry council court appeal report figures estimate casualties injured detained released damage repair calm tension barricades checkpoints roadblock traffic ferry bus trucks wind rain flood river levels warning evacuation'.split(
    ' ',
  );
// Every sixth bulletin gets a topic, taken from its number (not the PRNG, so the rest of the archive stays as it was).
const TOPICS = [
  'Transport',
  'Health',
  'Courts',
  'Economy',
  'Weather',
  'Protests',
  'Energy',
  'Education',
];
const HEADLINES = [
  '{place} braces for another night',
  '{role} says talks will resume',
  'Roads into {place} reopen',
  'Curfew extended in {place}',
  'Thousands gather in {place}',
  'Power restored to parts of {place}',
  '{person} arrested in {place}',
  'Water levels fall in {place}',
  'Airport in {place} suspends flights',
  'Agreement reached in {place}',
];

type Random = () => number;
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (rnd: Random, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function sentence(rnd: Random): string {
  const n = int(rnd, 8, 18);
  const words = Array.from({ length: n }, () => pick(rnd, WORDS));
  if (rnd() < 0.5) words.splice(int(rnd, 1, n - 1), 0, pick(rnd, PLACES));
  if (rnd() < 0.35)
    return `${cap(pick(rnd, ROLES))}, ${pick(rnd, PEOPLE)}, ${pick(rnd, VERBS)} that ${words.join(' ')}.`;
  return `${cap(words.join(' '))}.`;
}

/** 80–400 words of prose with paragraphs, and sometimes a list, a link or a subheading. */
function body(rnd: Random, token: string): string {
  const target = int(rnd, 80, 400);
  const parts: string[] = [];
  let words = 0;
  while (words < target) {
    const roll = rnd();
    let block: string;
    if (roll < 0.08 && parts.length) block = `## ${cap(pick(rnd, WORDS))} in ${pick(rnd, PLACES)}`;
    // (Never a list first: a file that starts with "- " is not Markdown to Hugo, the benchmark's peer.)
    else if (roll < 0.18 && parts.length)
      block = Array.from({ length: int(rnd, 2, 5) }, () => `- ${sentence(rnd)}`).join('\n');
    else if (roll < 0.26)
      block = `${sentence(rnd)} [${pick(rnd, ROLES)}](https://example.org/${int(rnd, 1000, 9999)}) ${sentence(rnd)}`;
    else block = Array.from({ length: int(rnd, 2, 4) }, () => sentence(rnd)).join(' ');
    parts.push(block);
    words += block.split(/\s+/).length;
  }
  // A unique word per bulletin, so the benchmark can check that search finds each one.
  parts.push(`Reference ${token}.`);
  return parts.join('\n\n');
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Bulletins per story: one long story (3,000+ at 10k), the rest of very different lengths. */
export function storySizes(stories: number, bulletins: number): number[] {
  const weights = Array.from({ length: stories }, (_, i) => (i === 0 ? 3.2 : 2 / (i + 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / total) * bulletins)));
  sizes[0]! += bulletins - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/**
 * Unique search word of bulletin `n` of story `s`. Fixed width and ending in digits, so that no
 * token is a prefix of another (Pagefind matches prefixes) and no stemmer changes it.
 */
export const tokenOf = (s: number, n: number): string =>
  `zq${String(s).padStart(2, '0')}x${String(n).padStart(6, '0')}`;

/** Reporters of the generated archive (`content/authors/`): every bulletin has one or two. */
const REPORTERS: [name: string, role: string][] = [
  ['Amina Bekova', 'Correspondent'],
  ['Daniel Ortiz', 'Reporter'],
  ['Mei Watanabe', 'Live editor'],
  ['Kwame Mensah', 'Correspondent'],
  ['Ingrid Solberg', 'Reporter'],
  ['Rahul Iyer', 'Data reporter'],
  ['Lucía Ferreira', 'Correspondent'],
  ['Tomasz Nowak', 'Reporter'],
];
const reporterSlug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

/** Whether `minutes` after midnight of `day` is a time the clocks of `zone` show (not skipped by a change). */
function existsIn(zone: string, day: string, minutes: number): boolean {
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  const instant = instantAt(day, time, zone);
  return clockOf(instant, zone) === time && dayOf(instant, zone) === day;
}

/**
 * Writes `stories` story folders with `bulletins` bulletins in total into `dir` (emptied first),
 * and the authors they name (a story gives a default; every fifth bulletin names two of its own,
 * chosen without the PRNG, so the rest of the archive is as it was). Returns a manifest: per
 * bulletin its story, file, day and token.
 */
export function generate({
  dir,
  stories = 10,
  bulletins = 10_000,
  seed = 1,
}: {
  dir: string;
  stories?: number;
  bulletins?: number;
  seed?: number;
}): GeneratedBulletin[] {
  rmSync(dir, { recursive: true, force: true });
  const rnd = prng(seed);
  const manifest: GeneratedBulletin[] = [];
  mkdirSync(join(dir, 'authors'), { recursive: true });
  for (const [name, role] of REPORTERS)
    writeFileSync(
      join(dir, 'authors', `${reporterSlug(name)}.md`),
      `---\nname: ${name}\nrole: ${role}\n---\n\nA generated reporter for the benchmark.\n`,
    );
  const reporter = (i: number) => reporterSlug(REPORTERS[i % REPORTERS.length]![0]);
  storySizes(stories, bulletins).forEach((size, s) => {
    const slug = `story-${String(s + 1).padStart(2, '0')}-${pick(rnd, PLACES)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '')}`;
    const zone = ZONES[s % ZONES.length]!;
    mkdirSync(join(dir, slug), { recursive: true });
    // The third story has the tallest head a timeline can have on a phone (a closed story with a
    // long title, a long introduction and a summary), so the tests hold every kind within bounds.
    const tall = s === 2;
    const title = `Synthetic story ${s + 1}: ${pick(rnd, PLACES)}${tall ? ', a closed story whose title runs to three lines on a phone' : ''}`;
    const intro = `${sentence(rnd)}${tall ? `\n\n${TALL_INTRO}` : ''}`;
    writeFileSync(
      join(dir, slug, 'index.md'),
      `---\ntitle: "${title}"\nsummary: A generated story of ${size} updates for the benchmark.\nstatus: ${s % 3 === 2 ? 'closed' : 'live'}\ntimezone: ${zone}\ntags: [${tall ? 'benchmark, generated, synthetic, archive' : 'benchmark'}]\nauthors: [${reporter(s)}]\n---\n\n${intro}\n`,
    );
    // The first story has a summary, so the benchmark weighs a page with one; the third too.
    if (s === 0 || tall)
      writeFileSync(
        join(dir, slug, 'summary.md'),
        `---\nupdated: "2026-11-20 09:00"\n---\n\n${Array.from({ length: 4 }, (_, i) => `- Generated point ${i + 1} of the summary, a sentence of some length for the benchmark.`).join('\n')}\n`,
      );
    // Walk back from the story's last day: busy days with 10–25 updates, quiet days with one.
    const day = new Date(Date.UTC(2026, 10, 20 - s * 3));
    let left = size;
    let n = 0;
    while (left > 0) {
      const busy = rnd() < 0.4;
      const count = Math.min(left, busy ? int(rnd, 10, 25) : 1);
      const key = dayKey(day);
      // No bulletin between 01:00 and 04:00: daylight-saving gaps fall there in every zone used, and
      // a time that does not exist is (rightly) a content error.
      const minutes = Array.from({ length: count }, () => int(rnd, 0, 1259))
        .map((m) => (m < 60 ? m : m + 180))
        .sort((a, b) => a - b);
      const used = new Set<number>();
      for (let i = 0; i < count; i++) {
        const topic = n % 6 === 0 ? TOPICS[(n / 6) % TOPICS.length] : undefined;
        const token = tokenOf(s, n++);
        const dateOnly = !busy && rnd() < 0.3;
        let m = minutes[i]!;
        // A time the story's clocks skip (Almaty went from 00:00 to 01:00 on 1 April 1981) moves on.
        while (used.has(m) || !existsIn(zone, key, m)) m = m === 59 ? 240 : (m + 1) % 1440;
        used.add(m);
        const hhmm = `${pad(Math.floor(m / 60))}${pad(m % 60)}`;
        const name = dateOnly ? `${key}.md` : `${key}-${hhmm}-${token}.md`;
        const fm: string[] = [];
        if (rnd() < 0.85)
          fm.push(
            `title: "${pick(rnd, HEADLINES)
              .replace('{place}', pick(rnd, PLACES))
              .replace('{role}', cap(pick(rnd, ROLES)))
              .replace('{person}', pick(rnd, PEOPLE))}"`,
          );
        if (rnd() < 0.08) fm.push('key: true');
        if (topic) fm.push(`tags: [${topic}]`);
        if (n % 5 === 0) fm.push(`authors: [${reporter(s + 1)}, ${reporter(n)}]`);
        if (rnd() < 0.2)
          fm.push(
            `sources:\n  - title: ${pick(rnd, ['Agency report', 'Ministry statement', 'Court filing'])}\n    url: https://example.org/src/${int(rnd, 1, 99999)}`,
          );
        writeFileSync(
          join(dir, slug, name),
          `${fm.length ? `---\n${fm.join('\n')}\n---\n\n` : ''}${body(rnd, token)}\n`,
        );
        manifest.push({ story: slug, file: join(slug, name), day: key, token });
      }
      left -= count;
      day.setUTCDate(day.getUTCDate() - (busy ? 1 : int(rnd, 1, 3)));
    }
  });
  return manifest;
}

// ---------------------------------------------------------------- pictures and embeds

/**
 * A JPEG `width` × `height` of seeded noise over a gradient (a camera photo's entropy), at most
 * `maxBytes`: the quality steps down until it fits. Same arguments, same bytes.
 */
export async function photo({
  width,
  height,
  seed,
  maxBytes = 4_950_000,
  amplitude = 48,
}: {
  width: number;
  height: number;
  seed: number;
  maxBytes?: number;
  amplitude?: number;
}): Promise<Buffer> {
  const rnd = prng(seed);
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++)
    raw[i] = 60 + Math.floor(rnd() * amplitude) + (Math.floor(i / 3 / width) % 97);
  for (let quality = 92; ; quality -= 4) {
    const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    if (jpeg.length <= maxBytes || quality <= 40) return jpeg;
  }
}

/**
 * Gives every hundredth bulletin of `manifest` a photo beside it (2,400 × 1,600, about 1 MB, its
 * own bytes), shown with a caption. Returns how many.
 */
export async function addPhotos(
  dir: string,
  manifest: readonly GeneratedBulletin[],
  every = 100,
): Promise<number> {
  const base = await photo({ width: 2400, height: 1600, seed: 11, maxBytes: 1_200_000 });
  let n = 0;
  for (let i = every / 2; i < manifest.length; i += every) {
    const b = manifest[i]!;
    const name = `photo-${b.token}.jpg`;
    // The same picture with its own bytes after the end marker: its own digest, so its own copies.
    writeFileSync(join(dir, b.story, name), Buffer.concat([base, Buffer.from(b.token)]));
    appendFileSync(
      join(dir, b.file),
      `\n![A generated photo for ${b.token}](./${name} "A generated photo. Photo: Benchmark")\n`,
    );
    n++;
  }
  return n;
}

/**
 * A story made to weigh a page of pictures and embeds (Lighthouse's): one day with ten updates, each
 * with a photo and a caption; two with a video (its still kept beside it), three with a post (a
 * snapshot). Returns its slug and day.
 */
export async function addMediaStory(dir: string): Promise<{ slug: string; day: string }> {
  const slug = 'story-media';
  const day = '2026-11-20';
  mkdirSync(join(dir, slug), { recursive: true });
  writeFileSync(
    join(dir, slug, 'index.md'),
    '---\ntitle: "A story told in pictures"\nsummary: Ten photos, two videos and three posts on one day.\nstatus: live\ntimezone: Europe/London\n---\n\nGenerated for the benchmark.\n',
  );
  const still = await photo({ width: 1280, height: 720, seed: 5, maxBytes: 300_000 });
  const posts: [url: string, file: string][] = [
    [
      'https://bsky.app/profile/bench.bsky.social/post/3lbenchpost1a',
      'embed-bluesky-bench.bsky.social-3lbenchpost1a.json',
    ],
    [
      'https://mastodon.example/@bench/113500000000000001',
      'embed-mastodon-mastodon.example-113500000000000001.json',
    ],
    ['https://x.com/Bench/status/1861234567890123001', 'embed-x-1861234567890123001.json'],
  ];
  const videos: [url: string, stem: string][] = [
    ['https://www.youtube.com/watch?v=BenchVideo1', 'embed-youtube-BenchVideo1'],
    ['https://vimeo.com/900000001', 'embed-vimeo-900000001'],
  ];
  for (const [url, file] of posts)
    writeFileSync(
      join(dir, slug, file),
      JSON.stringify({
        url,
        author: { name: 'A generated account', handle: '@bench' },
        text: 'A generated post for the benchmark, with a sentence or two of text.\n\nAnd a second paragraph.',
        published: '2026-11-20T10:00:00Z',
      }),
    );
  for (const [url, stem] of videos) {
    writeFileSync(join(dir, slug, `${stem}.jpg`), Buffer.concat([still, Buffer.from(stem)]));
    writeFileSync(
      join(dir, slug, `${stem}.json`),
      JSON.stringify({ url, title: `A generated video (${stem})`, poster: `${stem}.jpg` }),
    );
  }
  for (let i = 0; i < 10; i++) {
    const name = `scene-${i + 1}.jpg`;
    writeFileSync(
      join(dir, slug, name),
      await photo({ width: 2000, height: 1333, seed: 100 + i, maxBytes: 900_000 }),
    );
    const extra = i < 2 ? videos[i]![0] : i < 5 ? posts[i - 2]![0] : '';
    writeFileSync(
      join(dir, slug, `${day}-${pad(9 + i)}00-scene-${i + 1}.md`),
      `---\ntitle: "Scene ${i + 1}"\n---\n\n${sentence(prng(i + 1))}\n\n![Generated scene ${i + 1}](./${name} "Scene ${i + 1}. Photo: Benchmark")\n${extra ? `\n${extra}\n` : ''}`,
    );
  }
  return { slug, day };
}

// `node scripts/bench/generate.ts --dir DIR [--bulletins 1000] [--stories 10] [--seed 1]`: writes an archive (npm test builds one to search across partitions).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      bulletins: { type: 'string', default: '1000' },
      stories: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
    },
  });
  if (!values.dir) throw new Error('--dir is required');
  const manifest = generate({
    dir: values.dir,
    bulletins: Number(values.bulletins),
    stories: Number(values.stories),
    seed: Number(values.seed),
  });
  console.info(`generated ${manifest.length} bulletins in ${values.dir}`);
}
