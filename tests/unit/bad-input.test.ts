// The bad-input corpus: every malformed input either fails with a message naming the file (and
// line or field), or is made safe. In every case the valid bulletin beside it is either published
// unchanged or the whole build stops: never a site that silently drops or garbles it.
import { describe, expect, test } from 'vitest';
import { bodyOf, type SourceFile } from '../../src/lib/content/check.ts';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { RENDER } from './fixtures.ts';

const STORY = {
  path: 'content/s/index.md',
  text: '---\ntitle: Story\nsummary: A story.\ntimezone: Asia/Almaty\n---\nIntro.\n',
};
const VALID = {
  path: 'content/s/2022-01-05-1200-valid.md',
  text: '---\ntitle: Valid\n---\nThe valid bulletin.\n',
};
const bulletin = (name: string, text: string): SourceFile => ({ path: `content/s/${name}`, text });

/** name, files beside the story and the valid bulletin, and the message expected (or null: made safe). */
const FAILS: [string, SourceFile[], string][] = [
  [
    'broken YAML',
    [bulletin('2022-01-07.md', '---\ntitle: [unclosed\n---\nx')],
    'content/s/2022-01-07.md:2: invalid YAML',
  ],
  [
    'unclosed frontmatter',
    [bulletin('2022-01-07.md', '---\ntitle: x\nbody')],
    'content/s/2022-01-07.md:1: frontmatter starts with --- on line 1 but has no closing --- line',
  ],
  [
    'frontmatter that is a list',
    [bulletin('2022-01-07.md', '---\n- a\n---\nx')],
    'content/s/2022-01-07.md:2: frontmatter must be a list of `field: value` lines',
  ],
  [
    'duplicate YAML keys',
    [bulletin('2022-01-07.md', '---\ntitle: a\ntitle: b\n---\nx')],
    'content/s/2022-01-07.md:3: invalid YAML: duplicated mapping key',
  ],
  [
    'number as headline',
    [bulletin('2022-01-07.md', '---\ntitle: 2022\n---\nx')],
    'content/s/2022-01-07.md:2: field "title": 2022 must be text (put it in quotes if it looks like a number or a date), not a number',
  ],
  [
    'text as boolean',
    [bulletin('2022-01-07.md', '---\nkey: "yes"\n---\nx')],
    'content/s/2022-01-07.md:2: field "key": "yes" must be true or false, not text',
  ],
  [
    'tags not a list',
    [bulletin('2022-01-07.md', '---\ntags: politics\n---\nx')],
    'content/s/2022-01-07.md:2: field "tags": "politics" must be a list, like [a, b] or lines starting with "- ", not text',
  ],
  [
    'source without url',
    [bulletin('2022-01-07.md', '---\nsources:\n  - title: Agency\n---\nx')],
    'content/s/2022-01-07.md:2: field "sources.0.url": is required',
  ],
  [
    'javascript: source',
    [
      bulletin(
        '2022-01-07.md',
        '---\nsources:\n  - title: x\n    url: "javascript:alert(1)"\n---\nx',
      ),
    ],
    'field "sources.0.url": "javascript:alert(1)" must be an absolute http:// or https:// URL',
  ],
  [
    'unknown field',
    [bulletin('2022-01-07.md', '---\nslug: other\n---\nx')],
    'content/s/2022-01-07.md:2: field "slug": unknown field',
  ],
  [
    'impossible date in the name',
    [bulletin('2022-02-30.md', 'x')],
    'content/s/2022-02-30.md: field "file name": 2022-02-30 is not a real calendar date',
  ],
  [
    'impossible time in the name',
    [bulletin('2022-01-07-2460.md', 'x')],
    'content/s/2022-01-07-2460.md: field "file name": 2460 is not a time of day',
  ],
  [
    'name that is not a date',
    [bulletin('notes.md', 'x')],
    'content/s/notes.md: field "file name": file name must be YYYY-MM-DD[-HHMM][-words].md',
  ],
  [
    'impossible date field',
    [bulletin('2022-01-07.md', '---\ndate: 2022-13-01\n---\nx')],
    'field "date": "2022-13-01" is not a real calendar date',
  ],
  [
    'datetime without offset',
    [bulletin('2022-01-07.md', '---\ndate: 2022-01-07T14:30:00\n---\nx')],
    'field "date": "2022-01-07T14:30:00" has no UTC offset',
  ],
  [
    'ambiguous date',
    [bulletin('2022-01-07.md', '---\ndate: 01/07/2022\n---\nx')],
    'field "date": "01/07/2022" is not a date',
  ],
  [
    'name and date disagree',
    [bulletin('2022-01-07.md', '---\ndate: 2022-01-08\n---\nx')],
    'field "date": 2022-01-08 disagrees with the file name\'s 2022-01-07',
  ],
  [
    'time skipped by DST',
    [
      {
        path: 'content/n/index.md',
        text: '---\ntitle: N\nsummary: S\ntimezone: America/New_York\n---\n',
      },
      { path: 'content/n/2024-03-10-0230.md', text: 'x' },
    ],
    'content/n/2024-03-10-0230.md: field "file name": 2024-03-10 02:30 does not exist in America/New_York',
  ],
  [
    'time zone that does not exist',
    [
      {
        path: 'content/m/index.md',
        text: '---\ntitle: M\nsummary: S\ntimezone: Mars/Olympus\n---\n',
      },
    ],
    'content/m/index.md:4: field "timezone": "Mars/Olympus" is not an IANA time zone name',
  ],
  [
    'duplicate update ids',
    [bulletin('2022-01-07-Curfew.md', 'a'), bulletin('2022-01-07-curfew.md', 'b')],
    'gives the same update id "u-2022-01-07-curfew"',
  ],
  [
    'story without index.md',
    [{ path: 'content/orphan/2022-01-07.md', text: 'x' }],
    'content/orphan/2022-01-07.md: its story has no content/orphan/index.md',
  ],
  [
    'story without a summary',
    [{ path: 'content/t/index.md', text: '---\ntitle: T\n---\n' }],
    'content/t/index.md: field "summary": is required',
  ],
  [
    'closed story with no updates',
    [{ path: 'content/c/index.md', text: '---\ntitle: C\nsummary: S\nstatus: closed\n---\n' }],
    'content/c/index.md:4: field "status": a closed story needs at least one update',
  ],
  [
    'non-UTF-8 bytes',
    [
      bulletin(
        '2022-01-07.md',
        new TextDecoder().decode(new Uint8Array([0x4f, 0x6b, 0x0a, 0xff, 0xfe, 0x41])),
      ),
    ],
    'content/s/2022-01-07.md:2: contains bytes that are not UTF-8',
  ],
  [
    'enormous file',
    [bulletin('2022-01-07.md', `Words. ${'x'.repeat(1_200_000)}`)],
    'content/s/2022-01-07.md: is 1.2 MB; a story or bulletin file may hold at most 100 kB of text',
  ],
  [
    'a file just over the limit, in UTF-8 bytes',
    [bulletin('2022-01-07.md', 'ж'.repeat(50_001))],
    'content/s/2022-01-07.md: is 101 kB; a story or bulletin file may hold at most 100 kB of text',
  ],
  [
    'quotes nested 20,000 deep',
    [bulletin('2022-01-07.md', `Text.\n\n${'>'.repeat(20_000)} deep`)],
    'content/s/2022-01-07.md:3: is nested about 20000 levels deep on this line',
  ],
  [
    'HTML nested 2,000 deep across lines',
    [bulletin('2022-01-07.md', `Text.\n\n${'<div>\n'.repeat(2000)}x`)],
    'content/s/2022-01-07.md:103: is nested about 101 levels deep on this line',
  ],
  [
    'emphasis nested 3,000 deep',
    [bulletin('2022-01-07.md', `${'*a '.repeat(3000)}x${' b*'.repeat(3000)}`)],
    'content/s/2022-01-07.md:1: is nested about 3000 levels deep',
  ],
  [
    'a list nested 60 deep by indentation',
    [
      bulletin(
        '2022-01-07.md',
        Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      ),
    ],
    'content/s/2022-01-07.md:51: is nested about 102 levels deep',
  ],
  [
    'a paragraph of 25,000 characters without a blank line',
    [bulletin('2022-01-07.md', '---\ntitle: T\n---\nIntro.\n\n' + 'word '.repeat(5_000))],
    'content/s/2022-01-07.md:6: has a block of more than 20,000 characters without a blank line (lines 6–6)',
  ],
  [
    'frontmatter nested 10,000 deep',
    [bulletin('2022-01-07.md', `---\ntags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nx`)],
    'content/s/2022-01-07.md:2: invalid YAML: nesting exceeded maxDepth (100)',
  ],
  [
    'a link with broken percent-encoding',
    [bulletin('2022-01-07.md', '[map](./%zz.png)')],
    'content/s/2022-01-07.md:1: links to "./%zz.png", which does not exist',
  ],
  [
    'thousands of tags',
    [
      bulletin(
        '2022-01-07.md',
        `---\ntags: [${Array.from({ length: 5000 }, (_, i) => `t${i}`).join(', ')}]\n---\nx`,
      ),
    ],
    'content/s/2022-01-07.md:2: field "tags": holds more than 30 tags; keep the few topics readers would follow',
  ],
  [
    'a tag of a whole paragraph',
    [bulletin('2022-01-07.md', `---\ntags: ["${'word '.repeat(30)}"]\n---\nx`)],
    'content/s/2022-01-07.md:2: field "tags.0": "word word word word word word word word word word word word…" is longer than 100 characters; a tag is a topic of a few words',
  ],
  [
    'a __proto__ field',
    [bulletin('2022-01-07.md', '---\n__proto__: {polluted: true}\n---\nx')],
    'content/s/2022-01-07.md:2: field "__proto__": unknown field',
  ],
  [
    'empty body',
    [bulletin('2022-01-07.md', '---\ntitle: Only a headline\n---\n')],
    'content/s/2022-01-07.md:4: the bulletin has no text',
  ],
  [
    'a translation that is not a story',
    [
      {
        path: 'content/t/index.md',
        text: '---\ntitle: T\nsummary: S\ntranslations: [t-kk]\n---\n',
      },
    ],
    'content/t/index.md:4: field "translations": "t-kk" is not a story (there is no content/t-kk/index.md)',
  ],
  [
    'a tag with no letter or digit',
    [bulletin('2022-01-07.md', '---\ntags: ["!!"]\n---\nx')],
    'content/s/2022-01-07.md:2: field "tags": "!!" has no letter or digit',
  ],
  [
    'a Markdown image without a description',
    [bulletin('2022-01-07.md', 'Text.\n\n![](/images/map.png)\n')],
    'content/s/2022-01-07.md:3: the image "![](/images/map.png)" has no description: write what it shows between the brackets (![Map of the closed roads](/images/map.png)), or ![decorative](/images/map.png) if it only decorates',
  ],
  [
    'an HTML image without alt',
    [bulletin('2022-01-07.md', 'Text.\n\n<img src="/images/map.png">\n')],
    'content/s/2022-01-07.md:3: the image "<img src=\\"/images/map.png\\">" has no alt: add alt="what it shows", or alt="" if it only decorates',
  ],
  [
    'a language that is not a BCP 47 tag',
    [{ path: 'content/l/index.md', text: '---\ntitle: L\nsummary: S\nlang: en_GB\n---\n' }],
    'content/l/index.md:4: field "lang": "en_GB" is not a language tag (BCP 47: for example ru, en-GB, he, ar)',
  ],
  [
    'file outside a story folder',
    [{ path: 'content/2022-01-07.md', text: 'x' }],
    'content/2022-01-07.md: Markdown files belong in content/<story-slug>/',
  ],
  [
    'story folder that is not a slug',
    [{ path: 'content/Big Story/index.md', text: 'x' }],
    'story folder "Big Story" must be lower-case letters',
  ],
  [
    'correction without updated',
    [bulletin('2022-01-07.md', '---\ncorrection: Fixed.\n---\nx')],
    'field "updated": a correction needs `updated:`',
  ],
  [
    'updated without a time',
    [bulletin('2022-01-07.md', '---\nupdated: 2022-01-07\n---\nx')],
    'field "updated": "2022-01-07" needs a time and offset',
  ],
  [
    'year typo',
    [
      bulletin('2022-01-06.md', 'a'),
      bulletin('2022-01-07.md', 'b'),
      bulletin('2021-01-08.md', 'c'),
    ],
    'content/s/2021-01-08.md: field "file name": 2021-01-08 is more than six months from every other update of this story; did you mean 2022-01-08?',
  ],
  [
    'missing image',
    [bulletin('2022-01-07.md', '![chart](chart.png)')],
    'content/s/2022-01-07.md:1: refers to "chart.png", which does not exist',
  ],
];

describe('bad input fails with a message naming the file and field, and the build stops', () => {
  test.each(FAILS)('%s', (_name, files, message) => {
    const a = buildArchive([STORY, VALID, ...files], 'content', { exists: () => false });
    const out = a.problems.map(formatProblem);
    expect(
      out.some((m) => m.includes(message)),
      out.join('\n'),
    ).toBe(true);
  });
});

describe('bad input that is made safe', () => {
  const publish = (...files: SourceFile[]) => {
    const a = buildArchive([STORY, VALID, ...files], 'content');
    expect(a.problems).toEqual([]);
    expect(a.bulletins.find((b) => b.file === VALID.path)).toMatchObject({ title: 'Valid' });
    return a;
  };

  test('two spellings of a tag with one page: published on one page, with a warning naming the file', () => {
    const a = publish(
      bulletin('2022-01-05.md', '---\ntags: [Central Asia]\n---\nx'),
      bulletin('2022-01-08.md', '---\ntitle: T\ntags: [central-asia]\n---\nx'),
      bulletin('2022-01-09.md', '---\ntags: [Central Asia]\n---\nx'),
    );
    expect(a.bulletins.map((b) => b.file)).toContain('content/s/2022-01-08.md');
    expect(a.warnings.map(formatProblem)).toEqual([
      'content/s/2022-01-08.md:3: field "tags": "central-asia" shares the page /tags/central-asia/ with "Central Asia" (as in content/s/2022-01-05.md), which the page shows; spell it "Central Asia" to match',
    ]);
  });

  test('CRLF line endings, a byte-order mark and tabs', () => {
    const a = publish(
      bulletin('2022-01-07.md', '\uFEFF---\r\ntitle: Windows\r\n---\r\n\tBody\r\n'),
    );
    expect(a.bulletins.find((b) => b.id === 'u-2022-01-07')?.title).toBe('Windows');
  });

  test('unsafe HTML in a body is published without its dangerous parts', async () => {
    const file = bulletin(
      '2022-01-07.md',
      'Text <script>alert(1)</script><img src=x alt="" onerror=alert(1)><iframe src="https://evil.example"></iframe> [x](javascript:alert(1))',
    );
    publish(file);
    const html = (
      await renderMarkdown(bodyOf(file.text), { idPrefix: 'u-2022-01-07', topHeading: 4 }, RENDER)
    ).html;
    expect(html).toContain('Text');
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:/);
  });

  test('HTML in a headline stays text (Astro escapes it on the page)', () => {
    const a = publish(
      bulletin('2022-01-07.md', '---\ntitle: "<script>alert(1)</script> Curfew"\n---\nx'),
    );
    expect(a.bulletins.find((b) => b.id === 'u-2022-01-07')?.title).toBe(
      '<script>alert(1)</script> Curfew',
    );
  });

  test('a live story with no bulletins yet is valid (its page says "No updates yet")', () => {
    const a = publish({
      path: 'content/new/index.md',
      text: '---\ntitle: New\nsummary: Just started.\n---\n',
    });
    expect(a.stories.map((s) => s.slug)).toContain('new');
  });

  test('a heading-only Markdown body and odd whitespace in names', () => {
    publish(bulletin('2022-01-07-1430-  spaced  .md', '# Only a heading'));
  });
});

test('a __proto__ field pollutes nothing', () => {
  buildArchive(
    [STORY, bulletin('2022-01-07.md', '---\n__proto__: {polluted: true}\n---\nx')],
    'content',
  );
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('authors', () => {
  const author = (name: string, text: string): SourceFile => ({
    path: `content/authors/${name}`,
    text,
  });
  const A = author('tom-reyes.md', '---\nname: Tom Reyes\nrole: Transport reporter\n---\nBio.\n');
  const check = (...files: SourceFile[]) =>
    buildArchive([STORY, A, ...files], 'content', { exists: () => false });
  test('a bulletin names its authors; a story gives the default; each byline carries the name', () => {
    const story: SourceFile = {
      path: 'content/t/index.md',
      text: '---\ntitle: T\nsummary: S\nauthors: [tom-reyes]\n---\n',
    };
    const a = check(
      story,
      { path: 'content/t/2022-01-07.md', text: 'Default.\n' },
      { path: 'content/t/2022-01-08.md', text: '---\nauthors: []\n---\nNobody.\n' },
      {
        path: 'content/s/2022-01-09.md',
        text: '---\nauthors: [tom-reyes, tom-reyes]\n---\nOwn.\n',
      },
    );
    expect(a.problems).toEqual([]);
    const by = (file: string) => a.bulletins.find((b) => b.file === file)!.authors;
    expect(by('content/t/2022-01-07.md')).toEqual([{ slug: 'tom-reyes', name: 'Tom Reyes' }]);
    expect(by('content/t/2022-01-08.md')).toEqual([]);
    expect(by('content/s/2022-01-09.md')).toEqual([{ slug: 'tom-reyes', name: 'Tom Reyes' }]);
    expect(a.authors.map((x) => x.slug)).toEqual(['tom-reyes']);
    expect(a.stories.map((s) => s.slug)).not.toContain('authors');
  });
  test.each([
    [
      'an unknown author in a bulletin',
      [{ path: 'content/s/2022-01-09.md', text: '---\nauthors: [tom-reyes, ghost]\n---\nx\n' }],
      'content/s/2022-01-09.md:2: field "authors": "ghost" is not an author: there is no content/authors/ghost.md',
    ],
    [
      'an unknown author in a story',
      [{ path: 'content/t/index.md', text: '---\ntitle: T\nsummary: S\nauthors: [nobody]\n---\n' }],
      'content/t/index.md:4: field "authors": "nobody" is not an author',
    ],
    [
      'an author without a name',
      [author('ann.md', '---\nrole: Editor\n---\n')],
      'content/authors/ann.md: field "name": is required',
    ],
    [
      'a photo that is not there',
      [author('ann.md', '---\nname: Ann\nphoto: ann.jpg\n---\n')],
      'content/authors/ann.md:3: field "photo": "ann.jpg" is not a file beside it in content/authors/',
    ],
    [
      'a photo that is not an image',
      [author('ann.md', '---\nname: Ann\nphoto: ann.pdf\n---\n')],
      'content/authors/ann.md:3: field "photo": "ann.pdf" is not an image',
    ],
    [
      'an author file with a name that cannot be a URL',
      [author('Ann Lee.md', '---\nname: Ann Lee\n---\n')],
      'content/authors/Ann Lee.md: field "file name": an author file is named <slug>.md',
    ],
    [
      'a story called "authors"',
      [author('index.md', '---\ntitle: Authors\nsummary: S\n---\n')],
      'content/authors/index.md: authors/ holds author files (<slug>.md), so no story can be called "authors"',
    ],
    [
      'an unknown field',
      [author('ann.md', '---\nname: Ann\nemail: ann@example.org\n---\n')],
      'content/authors/ann.md:3: field "email": unknown field',
    ],
  ])('%s is a content error quoting it', (_name, files, message) => {
    const out = check(...files).problems.map(formatProblem);
    expect(
      out.some((m) => m.startsWith(message)),
      out.join('\n'),
    ).toBe(true);
  });
  test('a photo beside the author files is published with them', () => {
    const a = buildArchive(
      [STORY, author('ann.md', '---\nname: Ann\nphoto: ann.jpg\n---\n')],
      'content',
      { storyFiles: [{ path: 'content/authors/ann.jpg', size: 1000, digest: 'd' }] },
    );
    expect(a.problems).toEqual([]);
    expect(a.authors[0]!.photo).toBe('ann.jpg');
    expect(a.photos).toEqual([
      { story: 'authors', name: 'ann.jpg', file: 'content/authors/ann.jpg', digest: 'd' },
    ]);
    expect(a.files).toEqual([]);
  });
});
