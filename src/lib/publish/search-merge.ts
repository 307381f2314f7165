/**
 * Merges Pagefind indexes of consecutive stretches of records ("segments") into one index, as a
 * search engine merges its segments. Pagefind holds every record of an index in memory until it
 * has written it (1.2–1.7 GB for a tier of 3,300 story-days at 100,000 bulletins, growing with the
 * tier), and a tier can hold two thirds of the archive; so a large tier is indexed in segments of
 * bounded size, each in its own Pagefind process, and their files are merged here one index chunk
 * at a time: the memory of a build no longer grows with the archive, and an edit to an old day
 * indexes one segment again and merges, instead of indexing the whole tier.
 *
 * Pagefind's files (1.6), each gzip of `pagefind_dcd` and CBOR:
 * - `pagefind.<hash>.pf_meta`: `[version, pages, chunks, filters, sorts, metadata fields]`, pages
 *   `[[fragment hash, word count, …]]`, chunks `[[from, to, hash]]` (words in UTF-8 order; `from`
 *   is the shortest start of the first word that sorts after the chunk before), filters
 *   `[[name, hash]]`, sorts `[[name, [page]]]` (pages in the sort's order);
 * - `index/<hash>.pf_index`: `[[[word, pages, variants]]]`, pages `[[page, locations, metadata
 *   locations]]` with each page number given as the difference from the one before, variants
 *   `[[spelling, pages]]` (the spellings of a word that differ in diacritics);
 * - `filter/<hash>.pf_filter`: `[name, [[value, [page]]]]`;
 * - `fragment/<hash>.pf_fragment`: one record's text, anchors and filters (gzip of `pagefind_dcd`
 *   and JSON), named by the page's hash; or a *fragment group*, several records' fragments in one
 *   file (a JSON object by page hash), named in the third field of each of its pages in the
 *   metadata, which Pagefind's browser library (1.6) reads. `groupFragments` writes every index's
 *   fragments in groups as soon as Pagefind has written them; the merge links the segments' groups.
 *
 * The merged index holds the same pages, words, locations, filters, sort orders and fragments (in
 * the segments' groups) as the segments, with the pages of each segment after those of the one
 * before; only the cut of the word list into chunks differs from what Pagefind writes for the same
 * records in one index (`tests/unit/search-merge.test.ts` compares the two). The segments must be in the order of every
 * sort (ours: `date`, consecutive stretches of days, oldest first), and be indexed in one
 * language with the same metadata fields.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Decoder, Encoder } from 'cbor-x';
import { byUtf8 } from '../../core/text.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');
// Plain CBOR, as Pagefind's minicbor writes it (a decoded file encodes back to the same bytes).
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });
const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true });

/** About the size of the index chunks Pagefind writes (45–53 kB of CBOR): a query fetches a chunk per word. */
const CHUNK_BYTES = 50_000;

type PageRef = [delta: number, locations: number[], metaLocations: number[]];
type Variant = [spelling: string, pages: PageRef[]];
type Word = [word: string, pages: PageRef[], variants: Variant[]];
type Meta = [
  version: string,
  pages: unknown[][],
  chunks: [from: string, to: string, hash: string][],
  filters: [name: string, hash: string][],
  sorts: [name: string, pages: number[]][],
  fields: unknown,
];
type Filter = [name: string, values: [value: string, pages: number[]][]];
interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
  include_characters?: string[];
}

/** What a Pagefind file holds after its signature: CBOR, or a fragment's JSON. */
function contentOf(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error(`${file} is not a Pagefind index file`);
  return raw.subarray(SIGNATURE.length);
}

const readFile = <T>(file: string): T => decoder.decode(contentOf(file)) as T;

/**
 * Writes CBOR as a Pagefind file named by its digest (`<language>_<hash>`, of `digits` hex digits as
 * Pagefind names them: with longer names of index chunks, Pagefind's browser library crashed the
 * tab now and then, measured); returns the name. `forms` are encodings of the same content: when a
 * name is taken by another file of the folder, the next form is written under its own name.
 */
function writeFile(
  dir: string,
  name: (hash: string) => string,
  language: string,
  digits: number,
  forms: readonly Buffer[],
): string {
  for (const cbor of forms) {
    const hash = `${language}_${createHash('sha256').update(cbor).digest('hex').slice(0, digits)}`;
    const file = join(dir, name(hash));
    if (existsSync(file)) continue;
    writeFileSync(file, gzipSync(Buffer.concat([SIGNATURE, cbor])));
    return hash;
  }
  throw new Error(`no free name for a Pagefind file in ${dir}`);
}

/**
 * A CBOR array's head for `n` items (major type 4), in its shortest form, or with `wide` a
 * longer one that means the same (CBOR allows it, Pagefind's decoder reads it): another name when
 * two chunks' names collide.
 */
function arrayHead(n: number, wide = false): Buffer {
  if (!wide && n < 24) return Buffer.from([0x80 + n]);
  if (!wide && n < 0x100) return Buffer.from([0x98, n]);
  if (!wide && n < 0x10000) return Buffer.from([0x99, n >> 8, n & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = 0x9a;
  head.writeUInt32BE(n, 1);
  return head;
}

/** Encodings of a CBOR array of already encoded `items`: the shortest, and one with a longer head. */
const arrayForms = (items: readonly Buffer[]): Buffer[] =>
  [false, true].map((wide) => Buffer.concat([arrayHead(items.length, wide), ...items]));

/** Encodings of the same JSON (trailing spaces, which JSON allows): other names for a file whose name is taken. */
const jsonForms = (json: string): Buffer[] =>
  Array.from({ length: 8 }, (_, i) => Buffer.from(json + ' '.repeat(i)));

interface Segment {
  dir: string;
  language: string;
  entry: Entry;
  meta: Meta;
  /** The number of the segment's first page in the merged index. */
  offset: number;
}

/** An index of one language as Pagefind wrote it (a segment, or a tier): its entry and metadata. */
function openSegment(dir: string, offset: number): Segment {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1)
    throw new Error(`a search index holds ${languages.length} languages (${dir})`);
  const language = languages[0]!;
  const meta = readFile<Meta>(join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`));
  return { dir, language, entry, meta, offset };
}

/** Writes an index's metadata, named by its digest, and its entry naming it (the rest of `entry` kept). */
function writeMeta(dir: string, entry: Entry, language: string, meta: Meta): void {
  const hash = writeFile(
    dir,
    (h) => `pagefind.${h}.pf_meta`,
    language,
    10,
    arrayForms(meta.map((part) => encoder.encode(part))),
  );
  const written: Entry = {
    ...entry,
    languages: {
      [language]: { ...entry.languages[language]!, hash, page_count: meta[1].length },
    },
  };
  writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify(written));
}

/**
 * Page lists of the same word from consecutive segments, as one list: page numbers shifted by
 * each segment's offset, each written as the difference from the one before.
 */
export function concatPages(lists: readonly { pages: PageRef[]; offset: number }[]): PageRef[] {
  const out: PageRef[] = [];
  let last = 0;
  for (const { pages, offset } of lists) {
    let page = 0;
    for (const [delta, locations, metaLocations] of pages) {
      page += delta;
      out.push([page + offset - last, locations, metaLocations]);
      last = page + offset;
    }
  }
  return out;
}

/** One word's entries from the segments that have it (in segment order), as one entry. */
function mergeWord(parts: readonly { word: Word; offset: number }[]): Word {
  const spellings = new Map<string, { pages: PageRef[]; offset: number }[]>();
  for (const { word, offset } of parts)
    for (const [spelling, pages] of word[2])
      spellings.set(spelling, [...(spellings.get(spelling) ?? []), { pages, offset }]);
  return [
    parts[0]!.word[0],
    concatPages(parts.map(({ word, offset }) => ({ pages: word[1], offset }))),
    [...spellings.entries()]
      .sort(([a], [b]) => byUtf8(a, b))
      .map(([spelling, lists]) => [spelling, concatPages(lists)]),
  ];
}

/** The shortest start of `word` that sorts after `previous` (a chunk's `from`). */
export function chunkFrom(previous: string, word: string): string {
  const points = [...word];
  for (let n = 1; n < points.length; n++) {
    const start = points.slice(0, n).join('');
    if (byUtf8(start, previous) > 0) return start;
  }
  return word;
}

/** A segment's words, one chunk in memory at a time. */
function* wordsOf(segment: Segment): Generator<Word> {
  for (const [, , hash] of segment.meta[2])
    yield* readFile<[Word[]]>(join(segment.dir, 'index', `${hash}.pf_index`))[0];
}

/**
 * Merges the Pagefind indexes in `dirs` (consecutive segments, in order) into `out`: the index of
 * every record they hold, as Pagefind reads it, once the segments' `fragment/` files are placed in
 * `out/fragment/` beside it. Memory: one index chunk of each segment, one chunk being written, and
 * the merged filters (a few numbers per page).
 */
export function mergeIndexes(dirs: readonly string[], out: string): void {
  const segments: Segment[] = [];
  let offset = 0;
  for (const dir of dirs) {
    const segment = openSegment(dir, offset);
    segments.push(segment);
    offset += segment.meta[1].length;
  }
  const [first] = segments;
  if (!first) throw new Error('no search segments to merge');
  const { language } = first;
  for (const s of segments) {
    const same =
      s.language === language &&
      s.meta[0] === first.meta[0] &&
      JSON.stringify(s.meta[5]) === JSON.stringify(first.meta[5]) &&
      JSON.stringify(s.meta[4].map(([name]) => name)) ===
        JSON.stringify(first.meta[4].map(([name]) => name));
    if (!same)
      throw new Error(
        `search segments differ in language, Pagefind version, metadata fields or sorts (${s.dir}, ${first.dir})`,
      );
  }
  for (const sub of ['index', 'filter']) mkdirSync(join(out, sub), { recursive: true });

  // Words: a merge of the segments' sorted word lists, written as chunks of about CHUNK_BYTES.
  const chunks: Meta[2] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let firstWord = '';
  let lastWord = '';
  const flush = () => {
    if (!pending.length) return;
    const forms = arrayForms(pending).flatMap((words) => arrayForms([words]));
    const hash = writeFile(join(out, 'index'), (h) => `${h}.pf_index`, language, 7, forms);
    chunks.push([chunkFrom(chunks.at(-1)?.[1] ?? '', firstWord), lastWord, hash]);
    pending = [];
    pendingBytes = 0;
  };
  const cursors = segments.map((s) => {
    const words = wordsOf(s);
    return { words, current: words.next().value as Word | undefined, offset: s.offset };
  });
  for (;;) {
    let least: string | undefined;
    for (const c of cursors)
      if (c.current && (least === undefined || byUtf8(c.current[0], least) < 0))
        least = c.current[0];
    if (least === undefined) break;
    const parts: { word: Word; offset: number }[] = [];
    for (const c of cursors)
      if (c.current?.[0] === least) {
        parts.push({ word: c.current, offset: c.offset });
        c.current = c.words.next().value as Word | undefined;
      }
    const bytes = encoder.encode(
      parts.length === 1 && !parts[0]!.offset ? parts[0]!.word : mergeWord(parts),
    );
    if (pending.length && pendingBytes + bytes.length > CHUNK_BYTES) flush();
    if (!pending.length) firstWord = least;
    pending.push(bytes);
    pendingBytes += bytes.length;
    lastWord = least;
  }
  flush();

  // Filters: each value's pages, shifted.
  const names = [...new Set(segments.flatMap((s) => s.meta[3].map(([name]) => name)))].sort(byUtf8);
  const filters: Meta[3] = names.map((name) => {
    const values = new Map<string, number[]>();
    for (const s of segments) {
      const hash = s.meta[3].find(([n]) => n === name)?.[1];
      if (!hash) continue;
      const [, list] = readFile<Filter>(join(s.dir, 'filter', `${hash}.pf_filter`));
      for (const [value, pages] of list)
        values.set(value, [...(values.get(value) ?? []), ...pages.map((p) => p + s.offset)]);
    }
    const filter: Filter = [name, [...values.entries()].sort(([a], [b]) => byUtf8(a, b))];
    const forms = arrayForms(filter.map((part) => encoder.encode(part)));
    return [name, writeFile(join(out, 'filter'), (h) => `${h}.pf_filter`, language, 7, forms)];
  });

  // Fragments: the segments' groups, linked as they are (they are never rewritten); a group whose
  // name an earlier segment's group has taken (seven hex digits can meet) is written again under
  // another form of the same JSON, and its pages name it so.
  mkdirSync(join(out, 'fragment'), { recursive: true });
  const pages = segments.flatMap((s) => {
    const renamed = new Map<string, string>();
    for (const file of readdirSync(join(s.dir, 'fragment'))) {
      const from = join(s.dir, 'fragment', file);
      const to = join(out, 'fragment', file);
      if (!existsSync(to)) {
        try {
          linkSync(from, to);
        } catch {
          copyFileSync(from, to);
        }
        continue;
      }
      const json = contentOf(from).toString('utf8');
      const name = writeFile(
        join(out, 'fragment'),
        (h) => `${h}.pf_fragment`,
        s.language,
        7,
        jsonForms(json).slice(1),
      );
      renamed.set(file.replace(/\.pf_fragment$/, ''), name);
    }
    return s.meta[1].map((page) => {
      const group = page[2];
      if (typeof group !== 'string' || !group)
        throw new Error(`search segment ${s.dir} has fragments not in groups`);
      return renamed.has(group) ? [page[0], page[1], renamed.get(group)!, ...page.slice(3)] : page;
    });
  });

  const meta: Meta = [
    first.meta[0],
    pages,
    chunks,
    filters,
    first.meta[4].map(([name], i) => [
      name,
      segments.flatMap((s) => s.meta[4][i]![1].map((p) => p + s.offset)),
    ]),
    first.meta[5],
  ];
  writeMeta(out, first.entry, language, meta);
}

/** At most this many records' fragments to a group, and a group of more than this many bytes (uncompressed) is closed. */
export const GROUP_PAGES = 8;
export const GROUP_BYTES = 96_000;

/**
 * Writes the fragments of the index in `dir` in groups of consecutive pages (at most `GROUP_PAGES`,
 * and closed once past `GROUP_BYTES`), named in the metadata, in place of one file per page: a
 * day page's record is one file of the search index, and with a file per fragment the index was
 * half of `dist/`'s files (13,260 of 32,220 at 100,000 bulletins), where hosts count files.
 * Consecutive pages are consecutive days (the records are in date order), which a reader's results
 * often are. Run on every index Pagefind writes (a tier, or a segment of one, whose groups the
 * merge takes as they are). Only the fragment folder, the metadata file and the entry change:
 * every search finds the same pages, words and locations.
 */
export function groupFragments(dir: string): void {
  const { entry, language, meta } = openSegment(dir, 0);
  const out = join(dir, 'fragment.grouped');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  let members: unknown[][] = [];
  let parts: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (!members.length) return;
    const json = `{${parts.join(',')}}`;
    const name = writeFile(out, (h) => `${h}.pf_fragment`, language, 7, jsonForms(json));
    for (const page of members) page[2] = name;
    members = [];
    parts = [];
    bytes = 0;
  };
  for (const page of meta[1]) {
    const hash = page[0] as string;
    const fragment = contentOf(join(dir, 'fragment', `${hash}.pf_fragment`)).toString('utf8');
    const part = `${JSON.stringify(hash)}:${fragment}`;
    members.push(page);
    parts.push(part);
    bytes += part.length;
    if (members.length >= GROUP_PAGES || bytes > GROUP_BYTES) flush();
  }
  flush();
  rmSync(join(dir, 'fragment'), { recursive: true, force: true });
  renameSync(out, join(dir, 'fragment'));
  rmSync(join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`));
  writeMeta(dir, entry, language, meta);
}

/**
 * The fragments of a written index, in the order of its pages, read as Pagefind's browser library
 * reads them (from the page's group when the metadata names one): what the build's checks and the
 * tests read the published records from.
 */
export function readFragments(dir: string): { page: string; group: string; fragment: unknown }[] {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
  const groups = new Map<string, Record<string, unknown>>();
  const json = (name: string): unknown =>
    JSON.parse(contentOf(join(dir, 'fragment', `${name}.pf_fragment`)).toString('utf8'));
  return Object.values(entry.languages).flatMap(({ hash }) =>
    readFile<Meta>(join(dir, `pagefind.${hash}.pf_meta`))[1].map((p) => {
      const [page, , group = ''] = p as [string, number, string?];
      if (!group) return { page, group, fragment: json(page) };
      if (!groups.has(group)) groups.set(group, json(group) as Record<string, unknown>);
      const fragment = groups.get(group)![page];
      if (fragment === undefined) throw new Error(`${group} does not hold page ${page} (${dir})`);
      return { page, group, fragment };
    }),
  );
}
