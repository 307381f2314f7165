import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Runs `npm run check` as an editor would (through tsx), on a fixture folder. */
function check(dir: string, now = '2022-01-06T12:00:00Z') {
  const r = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/check.ts', dir],
    {
      encoding: 'utf8',
      env: { ...process.env, DATELINE_NOW: now },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run check', () => {
  test('lists every problem at once with file, line and field, and fails', () => {
    const r = check('tests/fixtures/check-bad');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      '5 problems in tests/fixtures/check-bad/:',
      '  - tests/fixtures/check-bad/orphan/2022-01-05.md: its story has no tests/fixtures/check-bad/orphan/index.md; create it with a title and summary',
      '  - tests/fixtures/check-bad/strike/2022-01-05-0900.md:2: field "tittle": unknown field; check the spelling against the frontmatter reference in docs/writing.md',
      '  - tests/fixtures/check-bad/strike/2022-01-07.md:2: field "date": 2022-01-06T09:00:00Z is 2022-01-06 09:00 in Europe/Lisbon, but the file name says 2022-01-07; make them agree',
      '  - tests/fixtures/check-bad/strike/2022-01-08.md:4: the bulletin has no text: write the update below the frontmatter (or mark it `draft: true`)',
      '  - tests/fixtures/check-bad/strike/2022-01-09.md:1: refers to "chart.png", which does not exist (tests/fixtures/check-bad/strike/chart.png)',
    ]);
  }, 30_000);

  test('reports drafts and scheduled bulletins, and passes', () => {
    const r = check('tests/fixtures/check-ok');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      'tests/fixtures/check-ok/vote/2022-01-06.md: draft, not published',
      'tests/fixtures/check-ok/vote/2022-01-07-1200.md: scheduled for 2022-01-07T12:00:00.000Z, published by the first build after that',
      'tests/fixtures/check-ok/: 1 story, 1 bulletin to publish, no problems.',
    ]);
  }, 30_000);

  test('warns about two spellings of a tag, naming the file, and passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-check-'));
    cpSync('tests/fixtures/check-ok', dir, { recursive: true });
    writeFileSync(
      join(dir, 'vote', 'index.md'),
      readFileSync(join(dir, 'vote', 'index.md'), 'utf8').replace(
        'timezone: UTC',
        'timezone: UTC\ntags: [Vote]',
      ),
    );
    writeFileSync(
      join(dir, 'vote', '2022-01-05-2200.md'),
      '---\ntags: [vote]\n---\nTurnout is high.\n',
    );
    writeFileSync(
      join(dir, 'vote', '2022-01-05-2300.md'),
      '---\ntags: [Vote]\n---\nPolls close.\n',
    );
    const r = check(dir);
    const shown = relative(process.cwd(), dir);
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toEqual([
      `warning: ${shown}/vote/2022-01-05-2200.md:2: field "tags": "vote" shares the page /tags/vote/ with "Vote" (as in ${shown}/vote/index.md), which the page shows; spell it "Vote" to match`,
    ]);
    expect(r.out).toContain('3 bulletins to publish, no problems, 1 warning.');
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  test('names a symbolic link in the content folder, and reads nothing through it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-check-'));
    cpSync('tests/fixtures/check-ok', dir, { recursive: true });
    symlinkSync(join(process.cwd(), 'package.json'), join(dir, 'vote', '2022-01-05-1200-leak.md'));
    const r = check(dir);
    const shown = relative(process.cwd(), dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `1 problem in ${dir}/:`,
      `  - ${shown}/vote/2022-01-05-1200-leak.md: is a symbolic link; links in the content folder are never followed (content may come from anyone who sends a pull request): put the file or folder itself here`,
    ]);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
