import { describe, expect, test } from 'vitest';
import { bodyAnchor, dayAnchor, keyDayAnchor, updateId } from '../../src/core/anchors.ts';
import { contentLinkUrl, resolveContentLink } from '../../src/lib/content/links.ts';
import { createPaths, normaliseBase, rebaseHtml } from '../../src/core/paths.ts';

describe('anchors', () => {
  test('a day anchor is the plain date', () => expect(dayAnchor('2022-01-07')).toBe('2022-01-07'));
  test.each([
    ['2022-01-07.md', 'u-2022-01-07'],
    ['2022-01-07-1430-curfew.md', 'u-2022-01-07-1430-curfew'],
    ['2022-01-07-Curfew_Lifted.md', 'u-2022-01-07-curfew-lifted'],
    ['2022-01-07-Almaty-Ñandú.md', 'u-2022-01-07-almaty-nandu'],
  ])('update id of %s', (name, id) => expect(updateId(name)).toBe(id));
  test('an update id never equals a day id', () =>
    expect(updateId('2022-01-07.md')).not.toBe(dayAnchor('2022-01-07')));
  test('a key-events day id is prefixed: it never equals a timeline day id or an update id', () => {
    expect(keyDayAnchor('2022-01-07')).toBe('key-2022-01-07');
    expect([dayAnchor('2022-01-07'), updateId('2022-01-07.md')]).not.toContain(
      keyDayAnchor('2022-01-07'),
    );
  });
  test('body ids are scoped to their update', () =>
    expect(bodyAnchor('u-2022-01-07', 'freight')).toBe('u-2022-01-07--freight'));
});

describe('paths', () => {
  test.each([
    ['/', '/'],
    ['', '/'],
    ['dateline', '/dateline/'],
    ['/dateline', '/dateline/'],
    ['/dateline/', '/dateline/'],
    ['/a/b/', '/a/b/'],
  ])('normaliseBase(%j) = %j', (base, out) => expect(normaliseBase(base)).toBe(out));

  for (const [base, root] of [
    ['/', '/'],
    ['/dateline/', '/dateline/'],
  ] as const) {
    describe(`under base ${base}`, () => {
      const p = createPaths(base);
      test('every URL starts with the base', () => {
        expect(p.home()).toBe(root);
        expect(p.story('kazakhstan-unrest')).toBe(`${root}stories/kazakhstan-unrest/`);
        expect(p.storyDay('kazakhstan-unrest', '2022-01-07')).toBe(
          `${root}stories/kazakhstan-unrest/#2022-01-07`,
        );
        expect(p.dayPage('kazakhstan-unrest', '2022-01-07')).toBe(
          `${root}stories/kazakhstan-unrest/2022-01-07/`,
        );
        expect(p.permalink('kazakhstan-unrest', '2022-01-07', 'u-2022-01-07')).toBe(
          `${root}stories/kazakhstan-unrest/2022-01-07/#u-2022-01-07`,
        );
        expect(p.search()).toBe(`${root}search/`);
        expect(p.asset('/pagefind/pagefind.js')).toBe(`${root}pagefind/pagefind.js`);
      });
      test('search queries are encoded', () =>
        expect(p.search('tear gas & curfew')).toBe(`${root}search/?q=tear+gas+%26+curfew`));
      test('a filtered search carries its filters in one order, key events as key=1', () => {
        expect(
          p.search({
            tag: 'central-asia',
            key: true,
            month: '2022-01',
            story: 'unrest',
            q: 'airport',
          }),
        ).toBe(`${root}search/?q=airport&story=unrest&month=2022-01&tag=central-asia&key=1`);
        expect(p.search({ key: false, year: '' })).toBe(`${root}search/`);
      });
      test('key events, from the start, archive and tags, page 1 without a number', () => {
        expect(p.keyEvents('strike')).toBe(`${root}stories/strike/key-events/`);
        expect(p.keyEvents('strike', 1)).toBe(`${root}stories/strike/key-events/`);
        expect(p.keyEvents('strike', 3)).toBe(`${root}stories/strike/key-events/3/`);
        expect(p.fromStart('strike')).toBe(`${root}stories/strike/from-the-start/`);
        expect(p.fromStart('strike', 2)).toBe(`${root}stories/strike/from-the-start/2/`);
        expect(p.archive()).toBe(`${root}archive/`);
        expect(p.archive('2022-01')).toBe(`${root}archive/2022/01/`);
        expect(p.tags()).toBe(`${root}tags/`);
        expect(p.tags('центральная-азия')).toBe(
          `${root}tags/%D1%86%D0%B5%D0%BD%D1%82%D1%80%D0%B0%D0%BB%D1%8C%D0%BD%D0%B0%D1%8F-%D0%B0%D0%B7%D0%B8%D1%8F/`,
        );
      });
      test("a story's embed, its oEmbed and the partners' script: outside the story's folder", () => {
        expect(p.embed('strike')).toBe(`${root}embed/strike/`);
        expect(p.oembed('strike')).toBe(`${root}embed/strike/oembed.json`);
        expect(p.embedScript()).toBe(`${root}embed.js`);
        expect(p.embed('strike').startsWith(p.story('strike'))).toBe(false);
      });
    });
  }
});

describe('rebaseHtml', () => {
  const html =
    '<a href="/stories/x/">x</a><img src="/images/map.png" alt=""><a href="//cdn.example/y">y</a><a href="#f">f</a><a href="https://e.org/">e</a>';
  test('root-relative links and images go under the base', () => {
    expect(rebaseHtml(html, '/dateline/')).toBe(
      '<a href="/dateline/stories/x/">x</a><img src="/dateline/images/map.png" alt=""><a href="//cdn.example/y">y</a><a href="#f">f</a><a href="https://e.org/">e</a>',
    );
  });
  test('nothing changes at the root', () => expect(rebaseHtml(html, '/')).toBe(html));
});

describe('links between content files', () => {
  const p = createPaths('/dateline/');
  test.each([
    [
      './2022-01-06-1000-airport-seized.md',
      '/dateline/stories/unrest/2022-01-06/#u-2022-01-06-1000-airport-seized',
    ],
    [
      '2022-01-06-1000-airport-seized.md#foreign-troops',
      '/dateline/stories/unrest/2022-01-06/#u-2022-01-06-1000-airport-seized--foreign-troops',
    ],
    ['../strike/2022-02-01.md', '/dateline/stories/strike/2022-02-01/#u-2022-02-01'],
    ['../strike/index.md', '/dateline/stories/strike/'],
    ['./index.md#background', '/dateline/stories/unrest/#background'],
    ['./2022-01-06%20x.md', '/dateline/stories/unrest/2022-01-06/#u-2022-01-06-x'],
  ])('%s → %s', (target, url) => {
    expect(contentLinkUrl(p, resolveContentLink('unrest/2022-01-07.md', target)!)).toBe(url);
  });
  test.each(['https://example.org/a.md', '/stories/x/', '#freight', 'mailto:a@b.c', ''])(
    '%j is not a content link',
    (target) => {
      expect(resolveContentLink('unrest/2022-01-07.md', target)).toBeUndefined();
    },
  );
  test('a file next to bulletins is served from its story; other files and deeper paths are not pages', () => {
    expect(resolveContentLink('unrest/2022-01-07.md', './map.png')).toEqual({
      kind: 'other',
      path: 'unrest/map.png',
    });
    expect(contentLinkUrl(p, resolveContentLink('unrest/2022-01-07.md', './map.png')!)).toBe(
      '/dateline/stories/unrest/files/map.png',
    );
    expect(
      contentLinkUrl(p, resolveContentLink('unrest/2022-01-07.md', '../strike/Report%202024.pdf')!),
    ).toBe('/dateline/stories/strike/files/Report%202024.pdf');
    expect(
      contentLinkUrl(p, resolveContentLink('unrest/2022-01-07.md', './notes.docx')!),
    ).toBeUndefined();
    expect(
      contentLinkUrl(p, resolveContentLink('unrest/2022-01-07.md', './sub/2022-01-01.md')!),
    ).toBeUndefined();
  });
});
