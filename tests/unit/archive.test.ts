import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { parseBulletinName } from '../../src/lib/content/names.ts';
import { resolveInstant, type SourceFile } from '../../src/lib/content/check.ts';
import { fileDigest } from '../../src/core/cache-keys.ts';

const story = (slug: string, fm = 'title: T\nsummary: S\ntimezone: Asia/Almaty') => ({
  path: `content/${slug}/index.md`,
  text: `---\n${fm}\n---\nIntro.\n`,
});
const file = (path: string, text: string): SourceFile => ({ path: `content/${path}`, text });
const build = (...files: SourceFile[]) => buildArchive(files, 'content');
const messages = (...files: SourceFile[]) => build(...files).problems.map(formatProblem);

describe('parseBulletinName', () => {
  test.each([
    ['2022-01-07.md', { day: '2022-01-07' }],
    ['2022-01-07-1430.md', { day: '2022-01-07', time: '14:30' }],
    ['2022-01-07-1430-curfew-lifted.md', { day: '2022-01-07', time: '14:30' }],
    ['2022-01-07-curfew.md', { day: '2022-01-07' }],
    // Four digits right after the date are always a time: write review-2022, not 2022-review.
    ['2022-01-07-2022-review.md', { day: '2022-01-07', time: '20:22' }],
    ['2022-01-07-review-2022.md', { day: '2022-01-07' }],
    ['2022-01-07-0000.md', { day: '2022-01-07', time: '00:00' }],
    // A time in UTC, as the browser editor names a file.
    ['2026-12-05-2355z-ferries.md', { day: '2026-12-05', time: '23:55', utc: true }],
    ['2026-12-05-2355Z.md', { day: '2026-12-05', time: '23:55', utc: true }],
    // `z` belongs to a time only: after a date alone it starts the words.
    ['2026-12-05-zulu.md', { day: '2026-12-05' }],
  ])('%s', (name, expected) => expect(parseBulletinName(name)).toEqual(expected));

  test.each([
    ['notes.md', 'file name must be'],
    ['2022-1-7.md', 'file name must be'],
    ['2022-02-30.md', 'not a real calendar date'],
    ['2022-01-07-2460.md', 'not a time of day'],
    ['2022-01-07-1299-x.md', 'not a time of day'],
    ['2022-01-07-2400z.md', 'not a time of day'],
  ])('%s is refused', (name, msg) =>
    expect((parseBulletinName(name) as { error: string }).error).toContain(msg),
  );
});

describe('resolveInstant', () => {
  const tz = 'Asia/Almaty';
  test('time from the file name, in the story zone', () => {
    expect(resolveInstant({ day: '2022-01-07', time: '14:30' }, undefined, tz)).toEqual({
      instant: Date.parse('2022-01-07T14:30:00+06:00'),
      day: '2022-01-07',
      hasTime: true,
    });
  });
  test('date only', () => {
    expect(resolveInstant({ day: '2022-01-07' }, undefined, tz)).toEqual({
      instant: Date.parse('2022-01-07T00:00:00+06:00'),
      day: '2022-01-07',
      hasTime: false,
    });
  });
  test('a datetime whose local day matches the file name', () => {
    // 20:00 UTC on the 6th is 02:00 on the 7th in Almaty.
    expect(resolveInstant({ day: '2022-01-07' }, '2022-01-06T20:00:00Z', tz)).toEqual({
      instant: Date.parse('2022-01-06T20:00:00Z'),
      day: '2022-01-07',
      hasTime: true,
    });
  });
  test('a datetime on another local day is refused', () => {
    const r = resolveInstant({ day: '2022-01-06' }, '2022-01-06T20:00:00Z', tz);
    expect(r).toMatchObject({ field: 'date' });
    expect((r as { error: string }).error).toContain('is 2022-01-07 02:00 in Asia/Almaty');
  });
  test('a datetime whose local time differs from HHMM in the name is refused', () => {
    expect(
      resolveInstant({ day: '2022-01-07', time: '14:30' }, '2022-01-07T14:45:00+06:00', tz),
    ).toHaveProperty('error');
  });
  test('a date field must equal the file name', () => {
    expect(resolveInstant({ day: '2022-01-07' }, '2022-01-08', tz)).toHaveProperty('error');
    expect(resolveInstant({ day: '2022-01-07' }, '2022-01-07', tz)).toEqual({
      instant: Date.parse('2022-01-07T00:00:00+06:00'),
      day: '2022-01-07',
      hasTime: false,
    });
  });
  test("a name in UTC: the instant is UTC, the day is the story's", () => {
    // 23:55 UTC on the 5th is 04:55 on the 6th in Almaty (UTC+5 since 2024).
    const name = { day: '2026-12-05', time: '23:55', utc: true as const };
    const instant = Date.parse('2026-12-05T23:55:00Z');
    const day = '2026-12-06';
    expect(resolveInstant(name, undefined, tz)).toEqual({ instant, day, hasTime: true });
    expect(resolveInstant(name, '2026-12-06T04:55:00+05:00', tz)).toEqual({
      instant,
      day,
      hasTime: true,
    });
    expect(resolveInstant(name, '2026-12-06', tz)).toEqual({ instant, day, hasTime: true });
    const r = resolveInstant(name, '2026-12-05', tz);
    expect(r).toMatchObject({ field: 'date' });
    expect((r as { error: string }).error).toContain('2026-12-06 04:55 in Asia/Almaty');
    expect(resolveInstant(name, '2026-12-06T05:55:00+05:00', tz)).toHaveProperty('error');
  });
  test('a name in UTC is never skipped by a clock change', () => {
    const name = { day: '2024-03-10', time: '07:30', utc: true as const };
    expect(resolveInstant(name, undefined, 'America/New_York')).toEqual({
      instant: Date.parse('2024-03-10T07:30:00Z'),
      day: '2024-03-10',
      hasTime: true,
    });
  });
  test('a wall-clock time that DST skips is refused', () => {
    const r = resolveInstant({ day: '2024-03-10', time: '02:30' }, undefined, 'America/New_York');
    expect(r).toMatchObject({ field: 'file name' });
  });
});

describe('buildArchive', () => {
  test('a valid story with bulletins', () => {
    const a = build(
      story('unrest'),
      file(
        'unrest/2022-01-05-1200-dismissed.md',
        '---\ntitle: Dismissed\ntags: [politics]\n---\nBody',
      ),
      file(
        'unrest/2022-01-07.md',
        '---\nkey: true\nsources:\n  - title: Agency\n    url: https://example.org/a\n---\nBody',
      ),
    );
    expect(a.problems).toEqual([]);
    expect(a.stories).toEqual([
      {
        title: 'T',
        summary: 'S',
        status: 'live',
        timezone: 'Asia/Almaty',
        tags: [],
        translations: [],
        authors: [],
        slug: 'unrest',
        intro: 'Intro.',
        file: 'content/unrest/index.md',
        digest: fileDigest(story('unrest').text),
      },
    ]);
    expect(a.bulletins.map((b) => [b.id, b.day, b.hasTime, b.key, b.title])).toEqual([
      ['u-2022-01-05-1200-dismissed', '2022-01-05', true, false, 'Dismissed'],
      ['u-2022-01-07', '2022-01-07', false, true, undefined],
    ]);
    expect(a.bulletins[1]!.sources).toEqual([{ title: 'Agency', url: 'https://example.org/a' }]);
  });

  test("a bulletin named in UTC is on the story's day of its instant", () => {
    // 20:30 UTC on the 5th is 02:30 on the 6th in Almaty (UTC+6 in 2022).
    const a = build(story('unrest'), file('unrest/2022-01-05-2030z-night.md', 'Body'));
    expect(a.problems).toEqual([]);
    expect(a.bulletins.map((b) => [b.id, b.day, b.instant])).toEqual([
      ['u-2022-01-05-2030z-night', '2022-01-06', Date.parse('2022-01-05T20:30:00Z')],
    ]);
  });

  test('defaults: live status and the configured zone', () => {
    const a = build(story('s', 'title: T\nsummary: S'));
    expect(a.stories[0]).toMatchObject({ status: 'live', timezone: 'UTC', tags: [] });
  });

  test('a bulletin without a story index.md', () => {
    expect(messages(file('orphan/2022-01-07.md', 'x'))).toEqual([
      'content/orphan/2022-01-07.md: its story has no content/orphan/index.md; create it with a title and summary',
    ]);
  });

  test('unknown fields name the field and its line (a slug cannot override the id)', () => {
    expect(
      messages(story('s'), file('s/2022-01-07.md', '---\ntitle: x\nslug: other\n---\n')),
    ).toEqual([
      'content/s/2022-01-07.md:3: field "slug": unknown field; check the spelling against the frontmatter reference in docs/writing.md',
    ]);
  });

  test('a misspelt story field', () => {
    expect(messages(story('s', 'tittle: T\nsummary: S'))).toEqual([
      'content/s/index.md:2: field "tittle": unknown field; check the spelling against the frontmatter reference in docs/writing.md',
      'content/s/index.md: field "title": is required',
    ]);
  });

  test('wrong types and values name the field and quote the value', () => {
    const out = messages(
      story('s', 'title: T\nsummary: S\nstatus: finished\ntimezone: Mars/Base'),
      file('s/2022-01-07.md', '---\nkey: "yes"\n---\n'),
    );
    expect(out).toContain(
      'content/s/index.md:4: field "status": "finished" must be live or closed',
    );
    expect(out.find((m) => m.includes('field "timezone"'))).toContain(
      '"Mars/Base" is not an IANA time zone name',
    );
  });

  test('a long value is shortened in the message', () => {
    const out = messages(story('s', `title: T\nsummary: S\ntimezone: ${'Mars/'.padEnd(200, 'x')}`));
    expect(out[0]).toMatch(/field "timezone": "Mars\/x{54}…" is not an IANA/);
  });

  test('a bulletin of an invalid story is not reported twice', () => {
    const out = messages(story('s', 'title: T'), file('s/2022-01-07.md', 'x'));
    expect(out).toEqual(['content/s/index.md: field "summary": is required']);
  });

  test('impossible dates in the name and in the field', () => {
    expect(messages(story('s'), file('s/2022-02-30.md', 'x'))).toEqual([
      'content/s/2022-02-30.md: field "file name": 2022-02-30 is not a real calendar date',
    ]);
    expect(
      messages(story('s'), file('s/2022-01-07.md', '---\ndate: 2022-01-32\n---\n'))[0],
    ).toContain('field "date": "2022-01-32" is not a real calendar date');
  });

  test('name and date disagreeing fails with both', () => {
    expect(
      messages(
        story('s'),
        file('s/2022-01-07-1430.md', '---\ndate: 2022-01-08T14:30:00+06:00\n---\n'),
      ),
    ).toEqual([
      'content/s/2022-01-07-1430.md:2: field "date": 2022-01-08T14:30:00+06:00 is 2022-01-08 14:30 in Asia/Almaty, but the file name says 2022-01-07 14:30; make them agree',
    ]);
  });

  test('duplicate ids within a story name both files', () => {
    const out = messages(
      story('s'),
      file('s/2022-01-07-Curfew.md', 'a'),
      file('s/2022-01-07-curfew.md', 'b'),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(
      'content/s/2022-01-07-curfew.md: field "file name": gives the same update id "u-2022-01-07-curfew" as content/s/2022-01-07-Curfew.md; rename one of them',
    );
  });

  test('the same file name in two stories is fine', () => {
    const a = build(
      story('a'),
      story('b'),
      file('a/2022-01-07.md', 'x'),
      file('b/2022-01-07.md', 'y'),
    );
    expect(a.problems).toEqual([]);
    expect(a.bulletins).toHaveLength(2);
  });

  test('files in the wrong place and bad folder names', () => {
    expect(messages(file('README.md', 'x'), file('a/b/2022-01-07.md', 'x'))).toEqual([
      'content/README.md: Markdown files belong in content/<story-slug>/ (index.md or YYYY-MM-DD[-HHMM][-words].md)',
      'content/a/b/2022-01-07.md: Markdown files belong in content/<story-slug>/ (index.md or YYYY-MM-DD[-HHMM][-words].md)',
    ]);
    expect(messages({ path: 'content/My Story/index.md', text: 'x' })[0]).toContain(
      'must be lower-case letters',
    );
  });

  test('a correction needs an updated time', () => {
    expect(
      messages(story('s'), file('s/2022-01-07.md', '---\ncorrection: Fixed a name.\n---\n')),
    ).toEqual([
      'content/s/2022-01-07.md: field "updated": a correction needs `updated:` (when it was corrected, e.g. 2022-01-07T18:00:00+06:00)',
    ]);
  });

  test('updated must carry a time and offset', () => {
    expect(
      messages(story('s'), file('s/2022-01-07.md', '---\nupdated: 2022-01-07\n---\n'))[0],
    ).toContain('needs a time and offset');
  });

  test('a source with a javascript: URL is refused', () => {
    const out = messages(
      story('s'),
      file('s/2022-01-07.md', '---\nsources:\n  - title: x\n    url: "javascript:alert(1)"\n---\n'),
    );
    expect(out[0]).toContain(
      'field "sources.0.url": "javascript:alert(1)" must be an absolute http:// or https:// URL',
    );
  });

  test('broken YAML is located', () => {
    expect(messages(story('s'), file('s/2022-01-07.md', '---\ntitle: "open\n---\n'))[0]).toMatch(
      /^content\/s\/2022-01-07\.md:\d+: invalid YAML/,
    );
  });

  test('every problem is reported at once', () => {
    const out = messages(
      story('s'),
      file('s/2022-02-30.md', 'x'),
      file('s/2022-01-07.md', '---\nfoo: 1\n---\n'),
      file('t/2022-01-07.md', 'x'),
    );
    expect(out).toHaveLength(3);
  });
});

describe('drafts, scheduling and other content checks', () => {
  const opts = { now: Date.parse('2022-01-08T00:00:00Z') };
  const withOpts = (...files: SourceFile[]) => buildArchive(files, 'content', opts);

  test('a draft is checked but held back', () => {
    const a = withOpts(
      story('s'),
      file('s/2022-01-07.md', '---\ndraft: true\n---\nWork in progress'),
      file('s/2022-01-06.md', 'Out'),
    );
    expect(a.problems).toEqual([]);
    expect(a.bulletins.map((b) => b.id)).toEqual(['u-2022-01-06']);
    expect(a.held).toEqual([{ file: 'content/s/2022-01-07.md', reason: 'draft' }]);
  });

  test('a draft still gets its other fields checked', () => {
    expect(
      withOpts(story('s'), file('s/2022-01-07.md', '---\ndraft: yes\n---\nx')).problems[0],
    ).toMatchObject({ field: 'draft' });
  });

  test('a bulletin dated after the build clock is scheduled, not published', () => {
    const a = withOpts(
      story('s'),
      file('s/2022-01-07.md', 'Now'),
      file('s/2022-01-09-0900.md', 'Later'),
    );
    expect(a.bulletins.map((b) => b.id)).toEqual(['u-2022-01-07']);
    expect(a.held).toEqual([
      {
        file: 'content/s/2022-01-09-0900.md',
        reason: 'scheduled',
        at: Date.parse('2022-01-09T09:00:00+06:00'),
      },
    ]);
    // The clock is injected: a later build publishes it.
    expect(
      buildArchive([story('s'), file('s/2022-01-09-0900.md', 'Later')], 'content', {
        now: Date.parse('2022-01-09T03:00:00Z'),
      }).bulletins,
    ).toHaveLength(1);
  });

  test('an empty body is a problem, located at the body', () => {
    expect(
      messages(story('s'), file('s/2022-01-07.md', '---\ntitle: Headline only\n---\n\n   \n')),
    ).toEqual([
      'content/s/2022-01-07.md:4: the bulletin has no text: write the update below the frontmatter (or mark it `draft: true`)',
    ]);
  });

  test('a closed story with no updates', () => {
    expect(messages(story('s', 'title: T\nsummary: S\nstatus: closed'))).toEqual([
      'content/s/index.md:4: field "status": a closed story needs at least one update: add its bulletins, or set `status: live`',
    ]);
  });

  test('a year that is probably a typo', () => {
    const out = messages(
      story('s'),
      file('s/2022-01-05.md', 'a'),
      file('s/2022-01-06.md', 'b'),
      file('s/2021-01-07.md', 'c'),
      file('s/2022-01-10.md', 'd'),
    );
    expect(out).toEqual([
      'content/s/2021-01-07.md: field "file name": 2021-01-07 is more than six months from every other update of this story; did you mean 2022-01-07?',
    ]);
  });

  test('a long story spread over years is not flagged', () => {
    expect(
      messages(
        story('s'),
        ...['2020-03-01', '2020-09-01', '2021-03-01', '2021-09-01'].map((d) =>
          file(`s/${d}.md`, 'x'),
        ),
      ),
    ).toEqual([]);
  });

  test('links and images that would be broken on the site', () => {
    const exists = (p: string) => p === 'content/s/map.png' || p === 'public/images/ok.png';
    const a = buildArchive(
      [
        story('s'),
        file(
          's/2022-01-07.md',
          'See ![map](map.png) and ![gone](./photos/gone.jpg).\n\n[earlier](../other/2022-01-01.md) · [site](/stories/x/) · [web](https://example.org) · [anchor](#a) <img src="missing.png" alt="">\n\n![ok](/images/ok.png) ![no](/images/no.png) ![cdn](//cdn.example/x.png)',
        ),
      ],
      'content',
      { exists },
    );
    expect(a.problems.map(formatProblem)).toEqual([
      'content/s/2022-01-07.md:1: refers to "./photos/gone.jpg", which does not exist (content/s/photos/gone.jpg)',
      'content/s/2022-01-07.md:3: links to "../other/2022-01-01.md", which does not exist (content/other/2022-01-01.md)',
      'content/s/2022-01-07.md:3: refers to "missing.png", which does not exist (content/s/missing.png)',
      'content/s/2022-01-07.md:5: refers to "/images/no.png", which is not in public/ (files in public/ are served from the site root)',
    ]);
    expect(a.warnings.map(formatProblem)).toEqual([
      'content/s/2022-01-07.md:5: shows the picture "//cdn.example/x.png" from another site, which readers\' browsers would load from there (the site\'s security policy blocks it, so it shows as broken): save it into the story folder and write ./x.png',
    ]);
  });

  test('files next to bulletins: published with the story and referred to by name; a refused one is reported once', () => {
    const a = buildArchive(
      [
        story('s'),
        file(
          's/2022-01-07.md',
          '![Map of the route](./map.png) [figures](figures.csv) ![Notes](./notes.docx)',
        ),
      ],
      'content',
      {
        storyFiles: [
          { path: 'content/s/map.png', size: 10, digest: 'm' },
          { path: 'content/s/figures.csv', size: 10, digest: 'f' },
          { path: 'content/s/notes.docx', size: 10, digest: 'n' },
        ],
      },
    );
    expect(a.files).toEqual([
      { story: 's', name: 'map.png', file: 'content/s/map.png', digest: 'm' },
      { story: 's', name: 'figures.csv', file: 'content/s/figures.csv', digest: 'f' },
    ]);
    expect(a.problems.map(formatProblem)).toEqual([
      'content/s/notes.docx: a story folder may hold Markdown, snapshots of embeds (embed-*.json, made by npm run embed) and files of these types only: png, jpg, jpeg, gif, webp, avif, pdf, csv; put other files elsewhere',
    ]);
  });

  test('links between bulletins by their files: fine when published; a missing file, a draft or a scheduled one is a problem', () => {
    const a = buildArchive(
      [
        story('s'),
        story('t'),
        file('s/2022-01-05-0900-first.md', 'First.'),
        file('s/2022-01-06.md', '---\ndraft: true\n---\nDraft.'),
        file('s/2030-01-01.md', 'Scheduled.'),
        file('t/2022-01-02.md', 'Other story.'),
        file(
          's/2022-01-07.md',
          '[first](./2022-01-05-0900-first.md) [heading](2022-01-05-0900-first.md#freight) [other](../t/2022-01-02.md) [story](../t/index.md)\n[draft](./2022-01-06.md) [later](./2030-01-01.md) [gone](./2022-01-04.md) [nostory](../u/index.md)',
        ),
      ],
      'content',
      {
        now: Date.parse('2023-01-01T00:00:00Z'),
        exists: (p) => !p.includes('2022-01-04') && !p.includes('/u/'),
      },
    );
    expect(a.problems.map(formatProblem)).toEqual([
      'content/s/2022-01-07.md:2: links to "./2022-01-06.md", a draft: it is not published (publish it first, or remove the link)',
      'content/s/2022-01-07.md:2: links to "./2030-01-01.md", which is scheduled for later: the link would be broken until then',
      'content/s/2022-01-07.md:2: links to "./2022-01-04.md", which does not exist (content/s/2022-01-04.md)',
      'content/s/2022-01-07.md:2: links to "../u/index.md", which does not exist (content/u/index.md)',
    ]);
  });
});
