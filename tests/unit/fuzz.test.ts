// Property-based tests (fast-check) over what contributors write: file names, frontmatter and
// Markdown bodies, generated from their grammars and mutated. Every input either builds or is
// refused with a problem naming its file; none crashes the checks or the renderer, and none takes
// long (a case over CASE_MS is a hang). The seed is fixed so that `npm test` is repeatable:
// FUZZ_SEED=random (or a number) and FUZZ_RUNS=5000 explore further (FUZZ_SLOWEST=file keeps the
// slowest input); a failure prints its seed and the smallest input fast-check shrank it to.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Root, RootContent } from 'hast';
import { afterAll, describe, expect, test } from 'vitest';
import { updateId } from '../../src/core/anchors.ts';
import { bodyOf, type SourceFile } from '../../src/lib/content/check.ts';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { parseBulletinName } from '../../src/lib/content/names.ts';
import { isRealDate } from '../../src/core/dates.ts';
import { MAX_NESTING } from '../../src/lib/content/limits.ts';
import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { RENDER } from './fixtures.ts';

const SEED =
  process.env['FUZZ_SEED'] === 'random'
    ? Date.now() % 2 ** 31
    : Number(process.env['FUZZ_SEED'] ?? 20261206);
const runs = (n: number) => ({ seed: SEED, numRuns: Number(process.env['FUZZ_RUNS'] ?? n) });
/**
 * Far longer than any accepted case takes (milliseconds; the slowest of 12,000 explored took 0.6 s,
 * with other tests running beside it): a case over it is a hang, not a slow machine.
 */
const CASE_MS = 5000;

/** The slowest case and its input, printed when exploring (FUZZ_SEED set). */
let slowest = { ms: 0, what: '', input: '' };
const timed = (ms: number, what: string, input: string) => {
  if (ms > slowest.ms) slowest = { ms, what, input };
  expect(ms).toBeLessThan(CASE_MS);
};
afterAll(() => {
  if (process.env['FUZZ_SLOWEST']) writeFileSync(process.env['FUZZ_SLOWEST'], slowest.input);
  if (process.env['FUZZ_SEED'])
    console.info(
      `fuzz: seed ${SEED}, slowest case ${Math.round(slowest.ms)} ms (${slowest.what}): ${JSON.stringify(slowest.input.slice(0, 200))}…`,
    );
});

const STORY: SourceFile = {
  path: 'content/s/index.md',
  text: '---\ntitle: Story\nsummary: A story.\ntimezone: Asia/Almaty\n---\nIntro.\n',
};

/** Checks `files` beside the story; asserts that each is published or named by a problem, within the time bound. */
function checkAll(...files: SourceFile[]) {
  const started = performance.now();
  const archive = buildArchive([STORY, ...files], 'content');
  timed(performance.now() - started, 'checks', files.map((f) => f.text).join('\n'));
  for (const f of files) {
    const published =
      archive.bulletins.some((b) => b.file === f.path) ||
      archive.held.some((h) => h.file === f.path);
    const named = archive.problems.filter((p) => p.file === f.path);
    expect(
      published || named.length > 0,
      `${f.path} is neither published nor named by a problem`,
    ).toBe(true);
    const lines = f.text.split('\n').length + 1;
    for (const p of named.filter((q) => q.line !== undefined)) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines);
    }
  }
  return archive;
}

describe('file names', () => {
  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const words = fc.string({
    unit: fc.constantFrom(...'abcXYZ-_ .#%?&<>"\'éжß0123456789'.split('')),
    maxLength: 20,
  });
  /** Names near the grammar `YYYY-MM-DD[-HHMM][-words].md`, and anything at all. */
  const name = fc
    .oneof(
      fc
        .tuple(
          digits(4),
          digits(2),
          digits(2),
          fc.option(digits(4)),
          fc.option(words),
          fc.constantFrom('.md', '.MD', '.Md'),
        )
        .map(
          ([y, m, d, t, w, ext]) =>
            `${y}-${m}-${d}${t ? `-${t}` : ''}${w !== null ? `-${w}` : ''}${ext}`,
        ),
      fc.string({ maxLength: 40 }).map((s) => `${s}.md`),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `2022-01-07-${s}.md`),
    )
    .filter((n) => !n.includes('/') && !n.includes('\0') && n !== 'index.md');

  test('a name is read as a real day and time of day, or refused with a reason; its update id is safe in any URL or HTML id', () => {
    fc.assert(
      fc.property(name, (n) => {
        const parsed = parseBulletinName(n);
        if ('error' in parsed) expect(parsed.error.length).toBeGreaterThan(0);
        else {
          const [y, m, d] = parsed.day.split('-').map(Number);
          expect(isRealDate(y!, m!, d!)).toBe(true);
          if (parsed.time) expect(parsed.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        }
        expect(updateId(n)).toMatch(/^u-[a-z0-9]+(-[a-z0-9]+)*$|^u-$/);
      }),
      runs(2000),
    );
  });

  test('a bulletin under any name is published or named by a problem', () => {
    fc.assert(
      fc.property(name, (n) => void checkAll({ path: `content/s/${n}`, text: 'An update.' })),
      runs(500),
    );
  });
});

describe('frontmatter', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '2022-01-07',
      '2022-01-07T14:30:00+06:00',
      '2022-02-30',
      'javascript:alert(1)',
      'https://example.org',
      '__proto__',
      '<script>x</script>',
    ),
  );
  const value = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }),
    fc.array(fc.record({ title: scalar, url: scalar }), { maxLength: 2 }),
  );
  const field = fc.constantFrom(
    'title',
    'date',
    'key',
    'tags',
    'sources',
    'updated',
    'correction',
    'draft',
    'slug',
    'tittle',
    '__proto__',
    'constructor',
  );
  const data = fc.dictionary(field, value, { maxKeys: 6 });
  /** YAML as js-yaml writes it, then mutated: characters inserted, deleted or replaced. */
  const mutation = fc.array(
    fc.tuple(
      fc.nat(),
      fc.constantFrom('insert', 'delete', 'replace'),
      fc.constantFrom(...':-[]{}"\'\n #&*!|>%@`,?'.split('')),
    ),
    { maxLength: 5 },
  );
  const frontmatter = fc.tuple(data, mutation).map(([d, changes]) => {
    let text = yaml.dump(d, { schema: yaml.CORE_SCHEMA });
    for (const [at, op, ch] of changes) {
      const i = text.length ? at % text.length : 0;
      text =
        op === 'insert'
          ? `${text.slice(0, i)}${ch}${text.slice(i)}`
          : op === 'delete'
            ? `${text.slice(0, i)}${text.slice(i + 1)}`
            : `${text.slice(0, i)}${ch}${text.slice(i + 1)}`;
    }
    return text;
  });
  const raw = fc.string({
    unit: fc.constantFrom(...'ab: -[]{}"\'\n\t#&*!|>%@,?'.split('')),
    maxLength: 80,
  });

  test('generated and mutated frontmatter is published or named by a problem, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(frontmatter, raw),
        fc.constantFrom('---\n', '\uFEFF---\r\n', '---  \n'),
        (fm, fence) => {
          checkAll({
            path: 'content/s/2022-01-07-1200-x.md',
            text: `${fence}${fm}\n---\n\nThe update.\n`,
          });
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      runs(1000),
    );
  });
});

describe('Markdown bodies', () => {
  const text = fc.constantFrom(
    'word',
    'two words',
    'Almaty',
    'жанаозен',
    'a_b',
    '5 * 3',
    'x',
    '1.',
    'it\'s "quoted"',
    '...',
    '--',
    '&amp;',
    '&#0;',
    '\\*',
    '`code`',
  );
  const url = fc.constantFrom(
    'https://example.org/a',
    './2022-01-07-1200-x.md',
    '/images/a.png',
    '#h',
    'javascript:alert(1)',
    '%zz',
    '<u>',
    'u "t"',
  );
  /** Inline Markdown from its grammar, nested. */
  const { inline } = fc.letrec<{ inline: string }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      tie('inline').map((s) => `*${s}*`),
      tie('inline').map((s) => `**${s}**`),
      tie('inline').map((s) => `_${s}_`),
      tie('inline').map((s) => `~~${s}~~`),
      fc.tuple(tie('inline'), url).map(([s, u]) => `[${s}](${u})`),
      url.map((u) => `![a picture](${u})`),
      tie('inline').map((s) => `<span>${s}</span>`),
      tie('inline').map((s) => `<b>${s}`),
      fc.constantFrom(
        '[^1]',
        '<br>',
        '<img src="/x.png" alt="x">',
        '<!-- c',
        '-->',
        'www.example.org',
        '<https://example.org>',
        '<script>alert(1)</script>',
        '<a href="javascript:x">j</a>',
        '<div',
        '</div>',
        '</p>',
      ),
      fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a} ${b}`),
    ),
  }));
  /** A block: a paragraph, heading, quote, list item, table, code or HTML, possibly nested. */
  const { block } = fc.letrec<{ block: string }>((tie) => ({
    block: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      inline,
      inline.map((s) => `# ${s}`),
      tie('block').map((s) => s.replace(/^/gm, '> ')),
      tie('block').map((s) => `- ${s.replace(/\n/g, '\n  ')}`),
      tie('block').map((s) => `1. ${s.replace(/\n/g, '\n   ')}`),
      fc.tuple(inline, inline).map(([a, b]) => `| ${a} | b |\n|---|:-:|\n| ${b} | 2 |`),
      inline.map((s) => `\`\`\`\n${s}\n\`\`\``),
      tie('block').map((s) => `<div>\n\n${s}\n\n</div>`),
      fc.constantFrom(
        '[^1]: A note.',
        '---',
        '- [ ] a task',
        '<details><summary>More</summary>',
        '    indented code',
      ),
    ),
  }));
  /** A construct repeated many times, nested or side by side: what would exhaust a recursive renderer. */
  const repeated = fc
    .tuple(
      fc.constantFrom(
        '>',
        '> ',
        '- ',
        '  ',
        '[',
        '*',
        '_',
        '*a ',
        '<div>',
        '<b>',
        '<div>\n',
        '](u)',
        '<!--',
        '`',
        '|',
        '~~',
        '![',
        '[^1]',
      ),
      fc.integer({ min: 1, max: 3000 }),
    )
    .map(([unit, n]) => unit.repeat(n));
  const body = fc.oneof(
    fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n')),
    fc.tuple(repeated, inline, repeated).map(([a, s, b]) => `${a}${s}${b}`),
    fc.string({ unit: fc.constantFrom(...'ab >-*_[]()!<>/`|~#\n\\&;'.split('')), maxLength: 400 }),
  );

  /** Depth of the rendered HTML, counted without recursion. */
  function depthOf(html: string): number {
    let deepest = 0;
    const stack: [RootContent | Root, number][] = [
      [unified().use(rehypeParse, { fragment: true }).parse(html), 0],
    ];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
    }
    return deepest;
  }

  test('a body is refused before rendering, or renders in time with no deeper nesting than the checks allow', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (markdown) => {
        const file = {
          path: 'content/s/2022-01-07-1200-x.md',
          text: `---\ntitle: T\n---\n${markdown}\n`,
        };
        const archive = checkAll(file);
        if (!archive.bulletins.some((b) => b.file === file.path)) return;
        const started = performance.now();
        const { html } = await renderMarkdown(
          bodyOf(file.text),
          {
            idPrefix: 'u-x',
            topHeading: 4,
            source: 's/2022-01-07-1200-x.md',
          },
          RENDER,
        );
        timed(performance.now() - started, 'render', markdown);
        // The checks' estimate is from above: what they let through is no deeper than they say.
        expect(depthOf(html)).toBeLessThanOrEqual(MAX_NESTING + 10);
      }),
      runs(300),
    );
  }, 120_000);
});
