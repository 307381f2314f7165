import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyOf } from '../../src/lib/content/check.ts';
import {
  markdownLimitProblem,
  MAX_BLOCK_SEARCHES,
  MAX_BLOCK_CHARS,
  MAX_NESTING,
  prefixDepth,
} from '../../src/lib/content/limits.ts';

const check = (body: string) => markdownLimitProblem(body, 1);

describe('the depth container markers give a line', () => {
  test.each([
    ['text', 0],
    ['> quote', 1],
    ['> > > quote', 3],
    ['>>> quote', 3],
    ['- item', 2],
    ['1. item', 2],
    ['  - nested item', 4],
    ['> - > - quote', 6],
    ['    code', 4],
    ['\tcode', 4],
    ['-not a marker', 0],
    ['2022. was a year', 2],
  ])('%j: %i', (line, depth) => expect(prefixDepth(line).depth).toBe(depth));
});

describe('what real bulletins hold stays within the limits', () => {
  test.each([
    [
      'a list three levels deep in a quote',
      '> - one\n>   - two\n>     - three *with emphasis* and a [link](https://example.org)',
    ],
    [
      'many emphasised words and links in one paragraph',
      Array.from(
        { length: 300 },
        (_, i) => `*word${i}* [l${i}](https://example.org/${i}) **b** _c_`,
      ).join(' '),
    ],
    [
      'censored words and snake_case names',
      Array.from({ length: 200 }, () => 'f*** s**t some_variable_name a*b').join(' '),
    ],
    [
      'pasted HTML with unclosed paragraphs and list items',
      `<div>\n${Array.from({ length: 150 }, (_, i) => `<p>Paragraph ${i}<li>item`).join('\n')}\n</div>`,
    ],
    [
      'HTML elements opened and closed',
      '<div><section><p><b>a</b><i>b</i></p></section></div>\n'.repeat(200),
    ],
    [
      'a table of 400 rows',
      `| district | votes |\n|---|--:|\n${Array.from({ length: 400 }, (_, i) => `| District ${i} | **${i * 37}** |`).join('\n')}`,
    ],
    [
      'a long report in paragraphs',
      Array.from({ length: 40 }, () => 'A sentence of an ordinary paragraph. '.repeat(50)).join(
        '\n\n',
      ),
    ],
    ['brackets that never close', 'Footnotes [1] [2] [3 and (parenthetical [asides'.repeat(10)],
  ])('%s', (_name, body) => expect(check(body)).toBeUndefined());

  test('every bulletin and story of the sample site', () => {
    for (const story of readdirSync('content')) {
      for (const name of readdirSync(join('content', story)).filter((n) => n.endsWith('.md'))) {
        expect(
          check(bodyOf(readFileSync(join('content', story, name), 'utf8'))),
          `${story}/${name}`,
        ).toBeUndefined();
      }
    }
  });
});

describe('what would exhaust the renderer is refused, at its line', () => {
  test.each([
    ['quotes', `Intro.\n\n${'>'.repeat(5000)} deep`, 3],
    ['quotes with spaces', `${'> '.repeat(MAX_NESTING + 1)}deep`, 1],
    [
      'a list nested by indentation',
      Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      51,
    ],
    ['lists on one line', `${'- '.repeat(60)}item`, 1],
    ['nested links', `${'['.repeat(60)}x${'](u)'.repeat(60)}`, 1],
    ['nested emphasis', `${'*a '.repeat(120)}x${' b*'.repeat(120)}`, 1],
    ['emphasis of two kinds', `${'*a _b '.repeat(60)}x${' c_ d*'.repeat(60)}`, 1],
    ['HTML opened on one line each', `${'<div>\n'.repeat(150)}x`, MAX_NESTING + 1],
    ['HTML tags split over lines', `${'<section\nclass="x">'.repeat(150)}`, MAX_NESTING + 1],
    ['formatting elements never closed', `x ${'<b><i>'.repeat(60)}`, 1],
    [
      'end tags that cannot reach past a table',
      `${'<div><table><td>'.repeat(20)}${'</div>'.repeat(20)}${'<span>'.repeat(50)}`,
      1,
    ],
    ['a lazy line continuing a deep quote', `${'>'.repeat(90)} quote\n${'['.repeat(10)}`, 2],
  ])('%s', (_name, body, line) => {
    const problem = check(body);
    expect(problem?.line).toBe(line);
    expect(problem?.message).toMatch(
      new RegExp(
        `^is nested about \\d+ levels deep on this line .*at most ${MAX_NESTING} are allowed`,
      ),
    );
  });

  test('a block longer than the limit, named by its first and last lines', () => {
    const body = `Intro.\n\n${'A line of a pasted document without blank lines.\n'.repeat(500)}\nAfter.`;
    expect(check(body)).toEqual({
      line: 3,
      message: `has a block of more than 20,000 characters without a blank line (lines 3–411): put blank lines between its paragraphs, or split the update`,
    });
    expect(MAX_BLOCK_CHARS).toBe(20_000);
  });

  test.each([
    ['closing brackets', '](u)'],
    ['HTML comments never closed', 'x <!--'],
    ['declarations and processing instructions', 'x <!doctype x> <?php ?>'],
  ])('a block with more %s than the limit', (_name, unit) => {
    expect(check(`Intro.\n\n${unit.repeat(MAX_BLOCK_SEARCHES + 1)}`)).toEqual({
      line: 3,
      message:
        'has a block with more than 500 links, footnotes and HTML comments (closing brackets, `<!`, `<?`: lines 3–3): put blank lines between its paragraphs, or split the update',
    });
  });

  test('as many links in several blocks are fine', () => {
    expect(
      check(
        Array.from({ length: 10 }, () => '[a](b) '.repeat(MAX_BLOCK_SEARCHES / 2)).join('\n\n'),
      ),
    ).toBeUndefined();
  });

  test('lines are counted from where the body starts in its file', () => {
    expect(markdownLimitProblem(`x\n${'>'.repeat(200)}`, 7)?.line).toBe(8);
  });

  test('escaped markers do not count', () => {
    expect(check(`${'\\['.repeat(200)} ${'\\*'.repeat(200)}`)).toBeUndefined();
  });
});
