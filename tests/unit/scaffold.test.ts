import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { bulletinFileName, slugWords } from '../../src/lib/content/names.ts';
import { bulletinTemplate, resolveAt, storyTemplate } from '../../src/lib/editor/scaffold.ts';

describe('scaffold', () => {
  test.each([
    ['Curfew lifted in Almaty', 'curfew-lifted-in-almaty'],
    ['Ōsaka: «trains» resume — at 06:00!', 'osaka-trains-resume-at-06-00'],
    ['One two three four five six seven', 'one-two-three-four-five-six'],
    ['', ''],
  ])('slugWords(%j)', (title, slug) => expect(slugWords(title)).toBe(slug));

  test('file names', () => {
    expect(bulletinFileName('2022-01-07', '14:30', 'curfew')).toBe('2022-01-07-1430-curfew.md');
    expect(bulletinFileName('2022-01-07', '09:05', '')).toBe('2022-01-07-0905.md');
  });

  test('the time comes from the clock in the story zone, or from --at', () => {
    const now = Date.parse('2022-01-06T20:30:00Z');
    expect(resolveAt(undefined, now, 'Asia/Almaty')).toEqual({ day: '2022-01-07', time: '02:30' });
    expect(resolveAt(undefined, now, 'America/New_York')).toEqual({
      day: '2022-01-06',
      time: '15:30',
    });
    expect(resolveAt('2022-01-07 14:30', now, 'Asia/Almaty')).toEqual({
      day: '2022-01-07',
      time: '14:30',
    });
    expect(resolveAt('7 Jan 14:30', now, 'UTC')).toHaveProperty('error');
    expect(resolveAt('2022-02-30 10:00', now, 'UTC')).toHaveProperty('error');
    expect(resolveAt('2024-03-10 02:30', now, 'America/New_York')).toEqual({
      error: '--at "2024-03-10 02:30" is not a time that exists in America/New_York',
    });
  });

  test('templates are valid frontmatter that the checks accept once text is written', () => {
    const files = [
      {
        path: 'content/s/index.md',
        text: storyTemplate({ title: 'A: story', summary: 'What it is.', timezone: 'Asia/Almaty' }),
      },
      {
        path: 'content/s/2022-01-07-1430-x.md',
        text: `${bulletinTemplate({ title: 'Quote "this": yes', key: true })}The text.`,
      },
    ];
    const a = buildArchive(files, 'content');
    expect(a.problems).toEqual([]);
    expect(a.stories[0]).toMatchObject({
      title: 'A: story',
      timezone: 'Asia/Almaty',
      status: 'live',
    });
    expect(a.bulletins[0]).toMatchObject({ title: 'Quote "this": yes', key: true });
    expect(bulletinTemplate({})).toBe('\n');
  });
});

describe('npm run new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/new.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATELINE_CONTENT: dir, DATELINE_NOW: '2022-01-07T08:30:00Z' },
    });

  test('creates a story, then a bulletin timed by the clock in its zone, and never overwrites', () => {
    const story = run(
      '--story',
      'unrest',
      '--title',
      'Unrest',
      '--summary',
      'What happened.',
      '--timezone',
      'Asia/Almaty',
    );
    expect(story.status).toBe(0);
    expect(story.stdout.split('\n')[0]).toBe(join(dir, 'unrest', 'index.md'));
    const first = run('unrest', '--title', 'Curfew lifted', '--key');
    expect(first.status).toBe(0);
    const path = join(dir, 'unrest', '2022-01-07-1430-curfew-lifted.md');
    expect(first.stdout.split('\n')[0]).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('---\ntitle: Curfew lifted\nkey: true\n---\n\n');
    const again = run('unrest', '--title', 'Curfew lifted');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; nothing was written');
    expect(run('unrest', '--at', '2022-01-05 09:00').stdout.split('\n')[0]).toBe(
      join(dir, 'unrest', '2022-01-05-0900.md'),
    );
  }, 30_000);

  test('an unknown story lists the stories that exist', () => {
    const r = run('unrst');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('there is no story "unrst"');
    expect(r.stderr).toContain('Stories: unrest');
  }, 30_000);

  test('a story folder that is a symbolic link is neither read nor written through', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'dateline-elsewhere-'));
    writeFileSync(join(elsewhere, 'index.md'), '---\ntitle: T\nsummary: S\n---\n');
    symlinkSync(elsewhere, join(dir, 'linked'));
    const r = run('linked', '--title', 'Through the link');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(dir, 'linked')} is a symbolic link; links in the content folder are never followed`,
    );
    expect(readdirSync(elsewhere)).toEqual(['index.md']);
    expect(run('unrst').stderr).not.toContain('linked');
    rmSync(elsewhere, { recursive: true, force: true });
  }, 30_000);

  test('a bad time zone or slug is refused before anything is written', () => {
    expect(run('--story', 'mars', '--title', 'M', '--timezone', 'Mars/Base').stderr).toContain(
      'not an IANA time zone name',
    );
    expect(run('--story', 'Bad Slug', '--title', 'B').stderr).toContain('cannot be a story slug');
    expect(existsSync(join(dir, 'mars'))).toBe(false);
  }, 30_000);
});
