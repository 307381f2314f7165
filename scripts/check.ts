// `npm run check`: validates all of content/ without building, prints every problem at once
// (file:line: field: what is wrong and how to fix it), its warnings (published, but probably not
// as meant) and what is held back, and exits 1 on any problem (never on a warning).
// The build runs the same checks (src/lib/content/archive.ts) and fails the same way.
import { relative, resolve } from 'node:path';
import { clockFrom, settingsFrom } from '../src/config.ts';
import { ContentError, loadArchive } from '../src/lib/content/read.ts';
import { formatProblem } from '../src/lib/content/problems.ts';

const root = process.cwd();
const settings = settingsFrom(process.env);
const dir = process.argv[2] ?? settings.contentDir;
const now = clockFrom(process.env)();
try {
  const { archive } = loadArchive(root, { ...settings, contentDir: dir }, now);
  for (const h of archive.held) {
    console.info(
      `${h.file}: ${h.reason === 'draft' ? 'draft, not published' : `scheduled for ${new Date(h.at!).toISOString()}, published by the first build after that`}`,
    );
  }
  for (const w of archive.warnings) console.warn(`warning: ${formatProblem(w)}`);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const warned = archive.warnings.length
    ? `, ${n(archive.warnings.length, 'warning', 'warnings')}`
    : '';
  console.info(
    `${relative(root, resolve(root, dir)) || '.'}/: ${n(archive.stories.length, 'story', 'stories')}, ${n(archive.bulletins.length, 'bulletin', 'bulletins')} to publish, no problems${warned}.`,
  );
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
