// `npm run new -- <story-slug> [--title "…"] [--key] [--at "2022-01-07 14:30"]` creates a bulletin;
// `npm run new -- --story <slug> --title "…" [--timezone Zone] [--summary "…"]` creates a story.
// Never overwrites a file; prints the path it wrote.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// The hot path of a breaking story: Node runs this file with its own TypeScript support (no loader
// to start: about a tenth of a second), so every import below, and below them, names its `.ts` file.
import { entryAt, fail, requireNoLinks, requireStorySlug } from './cli.ts';
import { clockFrom, settingsFrom } from '../src/config.ts';
import { isValidTimeZone } from '../src/core/dates.ts';
import { splitFrontmatter } from '../src/lib/content/frontmatter.ts';
import { bulletinFileName, slugWords } from '../src/lib/content/names.ts';
import { bulletinTemplate, resolveAt, storyTemplate } from '../src/lib/editor/scaffold.ts';

const settings = settingsFrom(process.env);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    story: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    timezone: { type: 'string' },
    key: { type: 'boolean', default: false },
    at: { type: 'string' },
  },
});
const content = settings.contentDir;
const stories = () =>
  entryAt(content) === 'folder'
    ? readdirSync(content).filter(
        (d) =>
          entryAt(join(content, d)) === 'folder' &&
          entryAt(join(content, d, 'index.md')) === 'file',
      )
    : [];

function write(path: string, text: string): void {
  requireNoLinks([content, 'folder'], [join(path, '..'), 'folder']);
  if (entryAt(path) !== 'none')
    fail(`${path} already exists; nothing was written (choose another title, time or slug)`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  console.info(path);
}

if (values.story !== undefined) {
  const slug = values.story;
  requireStorySlug(slug);
  if (!values.title) fail('a new story needs --title "…"');
  const timezone = values.timezone ?? settings.defaultTimezone;
  if (!isValidTimeZone(timezone))
    fail(
      `--timezone ${timezone} is not an IANA time zone name (for example Asia/Almaty, Europe/London)`,
    );
  write(
    join(content, slug, 'index.md'),
    storyTemplate({ title: values.title, summary: values.summary, timezone }),
  );
  if (!values.summary)
    console.info(
      'Now write its summary (one or two sentences) in the file; `npm run check` reports it until then.',
    );
} else {
  const slug = positionals[0];
  if (!slug)
    fail(
      'usage: npm run new -- <story-slug> [--title "…"] [--key] [--at "2022-01-07 14:30"], or npm run new -- --story <slug> --title "…" --timezone Zone',
    );
  const index = join(content, slug, 'index.md');
  requireNoLinks([content, 'folder'], [join(content, slug), 'folder'], [index, 'file']);
  if (entryAt(index) === 'none') {
    const known = stories();
    fail(
      `there is no story "${slug}" (no ${index}).\n${known.length ? `Stories: ${known.join(', ')}` : 'There are no stories yet.'}\nCreate one with: npm run new -- --story ${slug} --title "…" --timezone Zone`,
    );
  }
  // Only the story's time zone matters here; `npm run check` reports anything else.
  const written = splitFrontmatter(readFileSync(index, 'utf8')).data['timezone'];
  const timezone =
    written === undefined
      ? settings.defaultTimezone
      : typeof written === 'string'
        ? written
        : JSON.stringify(written);
  if (!isValidTimeZone(timezone))
    fail(`${index}: timezone "${timezone}" is not an IANA time zone name; fix it first`);
  const when = resolveAt(values.at, clockFrom(process.env)(), timezone);
  if ('error' in when) fail(when.error);
  const path = join(
    content,
    slug,
    bulletinFileName(when.day, when.time, slugWords(values.title ?? '')),
  );
  write(path, bulletinTemplate({ title: values.title, key: values.key }));
  console.info(
    `Write the update below the frontmatter (${when.day} ${when.time}, ${timezone}); \`npm run check\` reports it until it has text.`,
  );
}
