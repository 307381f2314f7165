// `npm run import -- <file> --story <slug> [--year YYYY] [--timezone Zone] [--trailer "Heading"]… [--dry-run]`
// turns a rolling-coverage article (.txt, .md or a saved .html page) into a story folder with one
// bulletin per dated update. Checks the result like the build does, never overwrites a file, and
// prints what it created (or, with --dry-run, would create).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { entryAt, fail, requireNoLinks, requireStorySlug } from './cli.ts';
import { settingsFrom } from '../src/config.ts';
import { buildArchive } from '../src/lib/content/archive.ts';
import { formatProblem } from '../src/lib/content/problems.ts';
import { formatTime } from '../src/core/dates.ts';
import { MAX_TEXT_BYTES } from '../src/lib/content/files.ts';
import { importArticle, importAuthorFiles, importFiles } from '../src/lib/editor/importer.ts';
import { AUTHORS_FOLDER } from '../src/lib/content/authors.ts';
import { readRegularFile } from '../src/lib/content/read.ts';

const settings = settingsFrom(process.env);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    story: { type: 'string' },
    year: { type: 'string' },
    timezone: { type: 'string' },
    trailer: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
  },
});
const [input] = positionals;
if (!input || !values.story)
  fail(
    'usage: npm run import -- <file> --story <slug> [--year YYYY] [--timezone Zone] [--trailer "Heading"] [--dry-run]',
  );
const slug = values.story;
requireStorySlug(slug);
if (values.year !== undefined && !/^\d{4}$/.test(values.year))
  fail(`--year ${values.year} is not a year`);

let source: string;
try {
  source = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(input));
} catch (err) {
  fail(
    err instanceof TypeError
      ? `${input} is not UTF-8 text; save it as UTF-8 and try again`
      : `cannot read ${input}: ${(err as Error).message}`,
  );
}
const ext = extname(input).toLowerCase();
const kind =
  ext === '.html' || ext === '.htm'
    ? 'html'
    : ext === '.md' || ext === '.markdown'
      ? 'markdown'
      : 'text';
const result = importArticle(source, kind, {
  year: values.year === undefined ? undefined : Number(values.year),
  timezone: values.timezone,
  trailers: values.trailer,
  defaultTimezone: settings.defaultTimezone,
});
if ('error' in result) fail(`${input}: ${result.error}`);

const dir = join(settings.contentDir, slug);
requireNoLinks([settings.contentDir, 'folder'], [dir, 'folder'], [join(dir, 'index.md'), 'file']);
const storyExists = entryAt(join(dir, 'index.md')) === 'file';
const files = importFiles(result).filter((f) => !(storyExists && f.name === 'index.md'));
const conflicts = files.filter((f) => entryAt(join(dir, f.name)) !== 'none');
if (conflicts.length)
  fail(
    `nothing written: these files exist already:\n${conflicts.map((f) => `  ${join(dir, f.name)}`).join('\n')}`,
  );

// Authors the bylines name: an author file that exists is used as it is, the others are written.
const authorsDir = join(settings.contentDir, AUTHORS_FOLDER);
requireNoLinks([authorsDir, 'folder']);
const authorFiles = importAuthorFiles(result).map((a) => {
  const path = join(authorsDir, `${a.slug}.md`);
  requireNoLinks([path, 'file']);
  const exists = entryAt(path) === 'file';
  return {
    ...a,
    path,
    exists,
    text: exists ? readRegularFile(path, MAX_TEXT_BYTES).toString('utf8') : a.text,
  };
});
const newAuthors = authorFiles.filter((a) => !a.exists);

// The same checks as the build, on the files about to be written (with the story's index.md).
const index = storyExists
  ? readRegularFile(join(dir, 'index.md'), MAX_TEXT_BYTES).toString('utf8')
  : files.find((f) => f.name === 'index.md')!.text;
const check = buildArchive(
  [
    { path: `content/${slug}/index.md`, text: index },
    ...files
      .filter((f) => f.name !== 'index.md')
      .map((f) => ({ path: `content/${slug}/${f.name}`, text: f.text })),
    ...authorFiles.map((a) => ({ path: `content/${AUTHORS_FOLDER}/${a.slug}.md`, text: a.text })),
  ],
  'content',
);
if (check.problems.length)
  fail(
    `nothing written: the import does not pass the content checks:\n${check.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
  );

const rows = result.bulletins.map((b) => [
  join(dir, b.fileName),
  b.time ? `${b.day} ${formatTime(b.instant, result.timezone)}` : `${b.day} (no time)`,
  b.title ?? b.body.replace(/\s+/g, ' ').slice(0, 50),
]);
const width = rows.reduce((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), [0, 0, 0]);
const table = [['file', 'when', 'headline or first words'], ...rows].map((r) =>
  r
    .map((c, i) => c.padEnd(width[i] ?? 0))
    .join('  ')
    .trimEnd(),
);
console.info(
  `Story "${result.title}" (${result.status}, ${result.timezone})${storyExists ? ', existing: index.md kept' : ''}`,
);
if (result.closingLine)
  console.info(
    `Closed by the sentence: “${result.closingLine}” (set \`status: live\` in index.md if that is wrong)`,
  );
else
  console.info(
    'No closing sentence found: the story is live (set `status: closed` in index.md once it has ended)',
  );
console.info(table.join('\n'));
if (authorFiles.length)
  console.info(
    `Authors: ${authorFiles.map((a) => `${a.slug}${a.exists ? ' (exists)' : ' (new)'}`).join(', ')}`,
  );
if (result.cut.length) console.info(`Left out: ${result.cut.join('; ')}`);
for (const w of result.warnings) console.info(`Check: ${w}`);
if (values['dry-run']) {
  console.info(
    `Dry run: nothing written (${files.length} files would be${newAuthors.length ? `, and ${newAuthors.length} author files` : ''}).`,
  );
} else {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text, { flag: 'wx' });
  if (newAuthors.length) mkdirSync(authorsDir, { recursive: true });
  for (const a of newAuthors) writeFileSync(a.path, a.text, { flag: 'wx' });
  console.info(
    `Wrote ${files.length} files into ${dir}/${newAuthors.length ? ` and ${newAuthors.length} into ${authorsDir}/` : ''}.`,
  );
}
