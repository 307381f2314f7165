import { spawnSync } from 'node:child_process';
import {
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
import { closingSentence } from '../../src/lib/editor/closing.ts';
import {
  importArticle,
  importAuthorFiles,
  importFiles,
  type ImportResult,
} from '../../src/lib/editor/importer.ts';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { parseDateHeading } from '../../src/lib/editor/headings.ts';
import { timedEntries } from '../../src/lib/editor/saved-pages.ts';

const fixture = (name: string) => readFileSync(join('tests/fixtures/import', name), 'utf8');
const ok = (r: ImportResult | { error: string }): ImportResult => {
  if ('error' in r) throw new Error(r.error);
  return r;
};
const iso = (r: ImportResult) => r.bulletins.map((b) => `${b.day}${b.time ? ` ${b.time}` : ''}`);

describe('parseDateHeading: the forms newsrooms use', () => {
  test.each([
    ['Latest, January 10', { month: 1, day: 10 }],
    ['Update: January 6', { month: 1, day: 6 }],
    ['January 7', { month: 1, day: 7 }],
    ['14 February 2025, 18:05', { month: 2, day: 14, year: 2025, time: '18:05' }],
    [
      'Update 3 — Nov. 5, 2024, 11:40 p.m. ET',
      { month: 11, day: 5, year: 2024, time: '23:40', zone: 'ET' },
    ],
    ['UPDATE (Tuesday 31 December):', { month: 12, day: 31, weekday: 2 }],
    ['## 13 February 2025', { month: 2, day: 13, year: 2025 }],
    ['**March 12: Talks resume**', { month: 3, day: 12, headline: 'Talks resume' }],
    ['Sept. 3 at 7 a.m. BST', { month: 9, day: 3, time: '07:00', zone: 'BST' }],
    ['Update 12 - Dec 1st, 2023, 12:15 am', { month: 12, day: 1, year: 2023, time: '00:15' }],
    [
      'Wed, March 6 — Night shift walks out',
      { month: 3, day: 6, weekday: 3, headline: 'Night shift walks out' },
    ],
  ])('%s', (text, expected) => expect(parseDateHeading(text)).toEqual(expected));

  test.each([
    'The stoppage began on Wednesday March 6 when the night shift walked out',
    'March 12 5',
    'Marching orders',
    'Related Reading',
    '13:00 14 February',
    'Update 3 — 2024',
    'Nov. 5, 2024, 13:40 p.m.',
  ])('not a date heading: %s', (text) => {
    expect(parseDateHeading(text)).toBeUndefined();
  });
});

describe('the shared fixtures', () => {
  test('plain text: year from --year, trailer left out, closing sentence closes the story', () => {
    const r = ok(
      importArticle(fixture('harbour-strike.txt'), 'text', { year: 2024, defaultTimezone: 'UTC' }),
    );
    expect(r.title).toBe('Valmora Harbour Strike');
    expect(iso(r)).toEqual(['2024-03-14', '2024-03-12', '2024-03-10']);
    expect(r.status).toBe('closed');
    expect(r.cut).toEqual(['Related Reading', 'About Us']);
    expect(r.bulletins.map((b) => b.body).join('\n')).not.toMatch(
      /Ports of the Northern Sea|Northgate Logistics Review|Posted by/,
    );
    expect(r.bulletins[2]!.body).toContain('The stoppage began on Wednesday March 6');
  });

  test('plain text without a year says how to give one', () => {
    expect(
      importArticle(fixture('harbour-strike.txt'), 'text', { defaultTimezone: 'UTC' }),
    ).toEqual({
      error: 'the headings give no year: pass --year YYYY (the year of the newest update)',
    });
  });

  test('Markdown: several updates a day with times, a date-only update, "All times GMT"', () => {
    const r = ok(
      importArticle(fixture('flood-watch.md'), 'markdown', { defaultTimezone: 'Asia/Tokyo' }),
    );
    expect(r.title).toBe('River Aske flood watch');
    expect(r.timezone).toBe('UTC');
    expect(iso(r)).toEqual([
      '2025-02-14 18:05',
      '2025-02-14 09:30',
      '2025-02-13',
      '2025-02-12 16:45',
    ]);
    expect(r.bulletins[0]!.body).toContain('- Schools reopen on Monday');
    expect(r.bulletins[2]!.body).toContain(
      '[Millbridge library](https://example.org/millbridge-library)',
    );
    expect(r.status).toBe('live');
  });

  test('HTML: the article only, no scripts, page furniture reported; times in ET', () => {
    const r = ok(importArticle(fixture('election-night.html'), 'html', { defaultTimezone: 'UTC' }));
    expect(r.title).toBe('Harwick County election night');
    expect(r.timezone).toBe('America/New_York');
    expect(iso(r)).toEqual([
      '2024-11-06 01:15',
      '2024-11-05 23:40',
      '2024-11-05 21:05',
      '2024-11-05 19:00',
    ]);
    expect(r.bulletins[1]!.instant).toBe(Date.parse('2024-11-06T04:40:00Z'));
    const all = r.bulletins.map((b) => b.body).join('\n');
    expect(all).not.toMatch(/trackPageview|Most read|Harwick Courier|By the County Desk|Politics/);
    expect(r.bulletins[1]!.body).toContain(
      '> "We will wait for every vote," said challenger Miles Brant.',
    );
    expect(r.cut.map((c) => c.split(' ')[0])).toEqual(['<nav>', '<aside>', '<footer>']);
  });

  test('a zone given on the command line wins, and times are refiled in it', () => {
    const r = ok(
      importArticle(fixture('election-night.html'), 'html', {
        timezone: 'Europe/London',
        defaultTimezone: 'UTC',
      }),
    );
    expect(iso(r)[0]).toBe('2024-11-06 06:15');
  });
});

describe('years, weekdays, trailers, collisions', () => {
  const article = (body: string) => `A story: live updates\n\n${body}`;

  test('dates run back across New Year', () => {
    const r = ok(
      importArticle(
        article('January 2\n\nNew year.\n\nDecember 31\n\nOld year.\n\nDecember 30\n\nOlder.'),
        'text',
        { year: 2025, defaultTimezone: 'UTC' },
      ),
    );
    expect(iso(r)).toEqual(['2025-01-02', '2024-12-31', '2024-12-30']);
  });

  test('a weekday that does not match the date is reported', () => {
    const r = ok(
      importArticle(article('UPDATE (Monday 31 December):\n\nText.'), 'text', {
        year: 2024,
        defaultTimezone: 'UTC',
      }),
    );
    expect(r.warnings).toEqual([
      '"UPDATE (Monday 31 December):" says Monday, but 2024-12-31 is a Tuesday: check the date',
    ]);
  });

  test('trailing sections are configurable', () => {
    const r = ok(
      importArticle(article('March 2\n\nText.\n\nFurther coverage\n\nSomething else.'), 'text', {
        year: 2024,
        trailers: ['Further coverage'],
        defaultTimezone: 'UTC',
      }),
    );
    expect(r.bulletins[0]!.body).toBe('Text.');
    expect(r.cut).toEqual(['Further coverage']);
  });

  test('two undated updates on one day get different file names', () => {
    const r = ok(
      importArticle(article('March 2\n\nSame words.\n\nMarch 2\n\nSame words.'), 'text', {
        year: 2024,
        defaultTimezone: 'UTC',
      }),
    );
    expect(r.bulletins.map((b) => b.fileName)).toEqual([
      '2024-03-02-same-words.md',
      '2024-03-02-same-words-2.md',
    ]);
  });

  test('no dated headings is an error', () => {
    expect(
      importArticle('Title\n\nJust prose.', 'text', { defaultTimezone: 'UTC' }),
    ).toHaveProperty('error');
  });

  test('the files are a story index and one file per bulletin', () => {
    const r = ok(importArticle(fixture('flood-watch.md'), 'markdown', { defaultTimezone: 'UTC' }));
    const files = importFiles(r);
    expect(files.map((f) => f.name)[0]).toBe('index.md');
    expect(files[0]!.text).toContain('title: River Aske flood watch\n');
    expect(files).toHaveLength(5);
  });
});

describe('npm run import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATELINE_CONTENT: dir },
    });

  test('--dry-run prints the table and writes nothing; a real run writes; a second run overwrites nothing', () => {
    const dry = run('tests/fixtures/import/flood-watch.md', '--story', 'aske', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(
      '2025-02-14-1805-the-environment-office-lowered-the.md  2025-02-14 18:05 UTC',
    );
    expect(dry.stdout).toContain('Dry run: nothing written (5 files would be).');
    expect(readdirSync(dir)).toEqual([]);
    const real = run('tests/fixtures/import/flood-watch.md', '--story', 'aske');
    expect(real.status).toBe(0);
    expect(readdirSync(join(dir, 'aske')).sort()).toHaveLength(5);
    const again = run('tests/fixtures/import/flood-watch.md', '--story', 'aske');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('nothing written: these files exist already');
  }, 30_000);

  test('the authors the bylines name get their files; an author file that exists is kept as it is', () => {
    const first = run('tests/fixtures/import/article-updates.html', '--story', 'kelso');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Authors: hana-ito (new), joe-marr (new)');
    expect(readdirSync(join(dir, 'authors')).sort()).toEqual(['hana-ito.md', 'joe-marr.md']);
    expect(readFileSync(join(dir, 'authors', 'hana-ito.md'), 'utf8')).toMatch(
      /^---\nname: Hana Ito\n---\n/,
    );
    const kept = '---\nname: Hana Ito\nrole: Rivers correspondent\n---\nBio.\n';
    writeFileSync(join(dir, 'authors', 'hana-ito.md'), kept);
    rmSync(join(dir, 'authors', 'joe-marr.md'));
    const second = run('tests/fixtures/import/article-updates.html', '--story', 'kelso-2');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('Authors: hana-ito (exists), joe-marr (new)');
    expect(readFileSync(join(dir, 'authors', 'hana-ito.md'), 'utf8')).toBe(kept);
  }, 30_000);

  test('a story folder that is a symbolic link is not written through', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'dateline-elsewhere-'));
    symlinkSync(elsewhere, join(dir, 'linked'));
    const r = run('tests/fixtures/import/flood-watch.md', '--story', 'linked');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(dir, 'linked')} is a symbolic link; links in the content folder are never followed`,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    rmSync(elsewhere, { recursive: true, force: true });
  }, 30_000);

  test('failures are clear and exit non-zero', () => {
    expect(run('tests/fixtures/import/missing.txt', '--story', 'x').stderr).toContain(
      'cannot read tests/fixtures/import/missing.txt',
    );
    expect(run('tests/fixtures/import/harbour-strike.txt', '--story', 'x').stderr).toContain(
      'pass --year YYYY',
    );
    expect(run('README.md', '--story', 'x').stderr).toContain('no dated update headings found');
  }, 30_000);
});

describe('closing sentences', () => {
  test.each([
    'This bulletin is the last in this thread. Should matters develop we will feature them in new articles.',
    'This live blog is now closed.',
    "We're ending our live coverage here.",
    "That's it from us — our coverage continues in a new blog.",
    'This bulletin closes our coverage. Further developments will appear as separate articles.',
    'Our live coverage of the strike has now ended.',
    'This is our final update.',
    'We are wrapping up this live blog for good.',
    'Our coverage continues on a separate page.',
  ])('closes: %s', (text) => {
    const sentence = closingSentence(`Crowds dispersed by evening. ${text}`);
    expect(sentence).toBeDefined();
    expect(text).toContain(sentence!.replace(/\s+/g, ' '));
  });

  test.each([
    'The last train left at 9pm.',
    'Coverage continues tomorrow.',
    "That's it from us for today; we'll be back at 7am.",
    'Polls have closed. Results will be posted here as precincts report.',
    'The A614 remains closed between Hatton and Ferrow.',
    'The final update from the ministry came at noon.',
    'Talks ended without agreement.',
  ])('does not close: %s', (text) => expect(closingSentence(text)).toBeUndefined());

  test('the import says which sentence closed the story', () => {
    const text =
      'Unrest\n\nJanuary 5\n\nProtests spread.\n\nJanuary 10\n\nCalm returns. This bulletin is the last in this thread. Should matters develop we will feature them in new articles.\n';
    const r = ok(importArticle(text, 'text', { year: 2022, defaultTimezone: 'Asia/Almaty' }));
    expect(r.status).toBe('closed');
    expect(r.closingLine).toBe('This bulletin is the last in this thread.');
    const live = ok(
      importArticle(text.replace(/This bulletin[^\n]*/, 'Coverage continues tomorrow.'), 'text', {
        year: 2022,
        defaultTimezone: 'Asia/Almaty',
      }),
    );
    expect([live.status, live.closingLine]).toEqual(['live', undefined]);
  });
});

describe('pages that give each update its time in their markup', () => {
  test('WordPress with the Liveblog plugin: exact times from data-timestamp, not "2 hours ago"; bylines dropped; closed', () => {
    const r = ok(
      importArticle(fixture('wordpress-liveblog.html'), 'html', { defaultTimezone: 'UTC' }),
    );
    expect(r.title).toBe('Dunmore Bridge closure');
    expect(r.timezone).toBe('UTC'); // "All times GMT"
    expect(iso(r)).toEqual(['2024-11-18 18:00', '2024-11-18 14:15', '2024-11-17 17:00']);
    expect(r.bulletins.map((b) => b.title)).toEqual([
      'Bridge to reopen on Thursday',
      undefined,
      'Crack found in a support',
    ]);
    expect(r.bulletins[1]!.body).toContain('Buses will use the bridge from **Wednesday**.');
    expect(r.bulletins[1]!.body).toContain('- Pedestrians: open now');
    expect(r.bulletins[2]!.body).toContain('[Kelso Road](https://example.org/diversions)');
    const all = r.bulletins.map((b) => b.body).join('\n');
    expect(all).not.toMatch(/Sam Okafor|Priya Shah|hours ago|yesterday/);
    expect([r.status, r.closingLine]).toEqual(['closed', 'This live blog is now closed.']);
    expect(r.intro).toContain('A fictional story written for');
    expect(r.intro).not.toMatch(/Most read|Dunmore Courier/);
    // The post's own "Posted on … by News Desk" line and its share and like widgets are not its text.
    expect(r.intro).not.toMatch(/Posted on|News Desk|Share this|Twitter|Like this|Loading/);
    // Its one <time datetime> (the post's date) is not an update.
    expect(r.bulletins).toHaveLength(3);
  });

  test('WordPress Liveblog: the authors each entry names are kept, with their files', () => {
    const r = ok(
      importArticle(fixture('wordpress-liveblog.html'), 'html', { defaultTimezone: 'UTC' }),
    );
    expect(r.authors).toEqual([
      { slug: 'sam-okafor', name: 'Sam Okafor' },
      { slug: 'priya-shah', name: 'Priya Shah' },
    ]);
    expect(r.bulletins.map((b) => b.authors)).toEqual([
      ['sam-okafor'],
      ['priya-shah', 'sam-okafor'],
      ['sam-okafor'],
    ]);
    const files = importFiles(r);
    expect(files[2]!.text).toMatch(/^---\nauthors:\n {2}- priya-shah\n {2}- sam-okafor\n---\n/);
    expect(importAuthorFiles(r).map((a) => [a.slug, a.text.split('\n')[1]])).toEqual([
      ['sam-okafor', 'name: Sam Okafor'],
      ['priya-shah', 'name: Priya Shah'],
    ]);
  });

  test('each update its own <article> with a <time datetime> and a byline: every update, with its time and authors', () => {
    const r = ok(
      importArticle(fixture('article-updates.html'), 'html', { defaultTimezone: 'UTC' }),
    );
    expect(r.title).toBe('Kelso flood warning');
    expect(iso(r)).toEqual(['2025-02-14 18:05', '2025-02-14 09:30', '2025-02-13 21:10']);
    expect(r.bulletins.map((b) => b.title)).toEqual([
      'Warning lifted',
      undefined,
      'Flood warning issued',
    ]);
    expect(r.bulletins[1]!.body).toBe('Sandbags are available at the leisure centre until noon.');
    expect(r.bulletins.map((b) => b.authors)).toEqual([
      ['hana-ito', 'joe-marr'],
      ['joe-marr'],
      ['hana-ito'],
    ]);
    expect(r.authors.map((a) => a.name)).toEqual(['Hana Ito', 'Joe Marr']);
    const all = r.bulletins.map((b) => b.body).join('\n');
    expect(all).not.toMatch(/By |6\.05pm|9\.30am/);
    expect(r.intro).toContain('A fictional story written for');
    expect(r.status).toBe('closed');
  });

  test('embedded videos and posts become their address alone on a line; a figure caption becomes the picture title', () => {
    const page = `<html><body><main><h1>Embeds</h1>
      <article><time datetime="2025-02-14T18:05:00Z">6.05pm</time><h2>Video</h2>
        <p>The minister spoke.</p>
        <iframe width="560" height="315" src="https://www.youtube.com/embed/Xk3pF9aLm2Q?si=x" allowfullscreen></iframe>
        <iframe src="https://player.vimeo.com/video/987654321?h=a1b2c3d4e5"></iframe>
        <iframe src="https://maps.example/embed?x=1"></iframe>
      </article>
      <article><time datetime="2025-02-14T17:00:00Z">5pm</time><h2>Posts</h2>
        <blockquote class="twitter-tweet"><p lang="en">Water rising.</p>&mdash; Ann (@ann) <a href="https://twitter.com/ann/status/1861234567890123456?ref_src=twsrc">November 26, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>
        <blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3lbq2mdw7ks2a"><p>Roads shut.</p>&mdash; Bob (<a href="https://bsky.app/profile/did:plc:abc?ref_src=embed">@bob</a>) <a href="https://bsky.app/profile/did:plc:abc/post/3lbq2mdw7ks2a?ref_src=embed">Feb 14</a></blockquote>
        <iframe src="https://mastodon.social/@cat/113502467741235810/embed" class="mastodon-embed"></iframe>
        <script async src="https://telegram.org/js/telegram-widget.js" data-telegram-post="floodnews/482"></script>
        <figure><img src="https://cdn.example/a.jpg" alt="Sandbags"><figcaption>Sandbags at the centre. Photo: Agency</figcaption></figure>
      </article></main></body></html>`;
    const r = ok(importArticle(page, 'html', { defaultTimezone: 'UTC' }));
    const [video, posts] = r.bulletins.map((b) => b.body.split('\n\n'));
    expect(video).toEqual([
      'The minister spoke.',
      '<https://www.youtube.com/watch?v=Xk3pF9aLm2Q>',
      '<https://vimeo.com/987654321/a1b2c3d4e5>',
    ]);
    expect(posts).toEqual([
      '<https://x.com/ann/status/1861234567890123456>',
      '<https://bsky.app/profile/did:plc:abc/post/3lbq2mdw7ks2a>',
      '<https://mastodon.social/@cat/113502467741235810>',
      '<https://t.me/floodnews/482>',
      '![Sandbags](https://cdn.example/a.jpg "Sandbags at the centre. Photo: Agency")',
    ]);
  });

  test('the files it writes pass the content checks, authors included', () => {
    const r = ok(
      importArticle(fixture('article-updates.html'), 'html', { defaultTimezone: 'UTC' }),
    );
    const a = buildArchive(
      [
        ...importFiles(r).map((f) => ({ path: `content/kelso/${f.name}`, text: f.text })),
        ...importAuthorFiles(r).map((f) => ({
          path: `content/authors/${f.slug}.md`,
          text: f.text,
        })),
      ],
      'content',
    );
    expect(a.problems).toEqual([]);
    expect(a.bulletins.find((b) => b.title === 'Warning lifted')!.authors).toEqual([
      { slug: 'hana-ito', name: 'Hana Ito' },
      { slug: 'joe-marr', name: 'Joe Marr' },
    ]);
  });

  test('<time datetime> updates: the markup wins over the visible time (23:41, not "11:40pm"); read in the story zone', () => {
    const r = ok(
      importArticle(fixture('timed-updates.html'), 'html', {
        timezone: 'America/New_York',
        defaultTimezone: 'UTC',
      }),
    );
    expect(r.title).toBe('Harwick mayoral count');
    expect(iso(r)).toEqual(['2024-11-06 01:12', '2024-11-05 23:41', '2024-11-05 21:05']);
    expect(r.bulletins[0]!.instant).toBe(Date.parse('2024-11-06T01:12:30-05:00'));
    expect(r.bulletins.map((b) => b.title)).toEqual([
      'Marsh declared the winner',
      undefined,
      'Turnout 44%',
    ]);
    expect(r.bulletins[1]!.body).toBe('A recount in the Eastgate ward was refused.');
    expect(r.bulletins.map((b) => b.body).join('\n')).not.toMatch(/1:12am|11:40pm|9:05pm/);
    expect([r.status, r.closingLine]).toEqual(['closed', "We're ending our live coverage here."]);
    expect(r.bulletins.map((b) => b.fileName)).toEqual([
      '2024-11-06-0112-marsh-declared-the-winner.md',
      '2024-11-05-2341-a-recount-in-the-eastgate.md',
      '2024-11-05-2105-turnout-44.md',
    ]);
  });

  test('without a zone the exact times name files in the default zone, and the import says so', () => {
    const r = ok(importArticle(fixture('timed-updates.html'), 'html', { defaultTimezone: 'UTC' }));
    expect(iso(r)[0]).toBe('2024-11-06 06:12');
    expect(r.warnings.join(' ')).toMatch(/pass --timezone/);
  });

  test('reading lists beside the updates are left out, whatever their class names; the sources an update lists stay', () => {
    const r = ok(
      importArticle(fixture('reading-lists.html'), 'html', { defaultTimezone: 'Europe/London' }),
    );
    expect(iso(r)).toEqual(['2025-03-03 16:20', '2025-03-03 09:05']);
    expect(r.intro).toBe(
      'The old river bridge is shut after engineers found cracks in two piers.\n\n- Buses run via the ring road\n- Pedestrians use the ferry',
    );
    const all = [r.intro, ...r.bulletins.map((b) => b.body)].join('\n');
    expect(all).not.toMatch(/Most read|More on this story|Trending|Related|\/news\/|\/topics\//);
    expect(r.bulletins[0]!.body).toContain(
      '- [Inspection report](https://lowfield.example.gov/bridge-report)\n- [Council notice](https://lowfield.example.gov/notice)',
    );
    expect(r.bulletins[1]!.body).toBe('The bridge closed at dawn after the overnight inspection.');
    expect(r.cut.filter((c) => c.startsWith('reading list:')).map((c) => c.split(' ')[2])).toEqual([
      'Most',
      'Transport',
      'More',
      'Related:',
      'Trending',
    ]);
  });

  test('a reading list inside an article read by its headings is left out too', () => {
    const r = ok(
      importArticle(
        `<article><h1>Harwick count</h1>
          <h3>Update 2 — Nov. 5, 2024, 9:00 p.m. ET</h3><p>Turnout is high.</p>
          <div class="z"><h4>Read more</h4><ul><li><a href="/a">Polling day in pictures</a></li><li><a href="/b">How the count works</a></li></ul></div>
          <h3>Update 1 — Nov. 5, 2024, 7:00 p.m. ET</h3><p>Polls have closed.</p>
          <p>Sources: <a href="https://elections.example.gov">the county's results</a>, read at 7pm.</p>
        </article>`,
        'html',
        { defaultTimezone: 'UTC' },
      ),
    );
    expect(r.bulletins.map((b) => b.body)).toEqual([
      'Turnout is high.',
      "Polls have closed.\n\nSources: [the county's results](https://elections.example.gov), read at 7pm.",
    ]);
    expect(r.cut).toContain('reading list: Read more Polling day in pictures How the count works');
  });

  test('a page with one timed element is read by its headings as before', () => {
    expect(
      timedEntries(
        '<main><h1>T</h1><p><time datetime="2024-11-05T21:05:00Z">9pm</time></p></main>',
      ),
    ).toBeUndefined();
  });
});
