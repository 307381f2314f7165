import { describe, expect, test } from 'vitest';
import { bodyAnchor, dayAnchor, updateId } from '../../src/lib/anchors';
import { createPaths, normaliseBase, rebaseHtml } from '../../src/lib/paths';

describe('anchors', () => {
  test('a day anchor is the plain date', () => expect(dayAnchor('2022-01-07')).toBe('2022-01-07'));
  test.each([
    ['2022-01-07.md', 'u-2022-01-07'],
    ['2022-01-07-1430-curfew.md', 'u-2022-01-07-1430-curfew'],
    ['2022-01-07-Curfew_Lifted.md', 'u-2022-01-07-curfew-lifted'],
    ['2022-01-07-Almaty-Ñandú.md', 'u-2022-01-07-almaty-nandu'],
  ])('update id of %s', (name, id) => expect(updateId(name)).toBe(id));
  test('an update id never equals a day id', () => expect(updateId('2022-01-07.md')).not.toBe(dayAnchor('2022-01-07')));
  test('body ids are scoped to their update', () => expect(bodyAnchor('u-2022-01-07', 'freight')).toBe('u-2022-01-07--freight'));
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
        expect(p.storyDay('kazakhstan-unrest', '2022-01-07')).toBe(`${root}stories/kazakhstan-unrest/#2022-01-07`);
        expect(p.dayPage('kazakhstan-unrest', '2022-01-07')).toBe(`${root}stories/kazakhstan-unrest/2022-01-07/`);
        expect(p.permalink('kazakhstan-unrest', '2022-01-07', 'u-2022-01-07')).toBe(`${root}stories/kazakhstan-unrest/2022-01-07/#u-2022-01-07`);
        expect(p.search()).toBe(`${root}search/`);
        expect(p.asset('/pagefind/pagefind.js')).toBe(`${root}pagefind/pagefind.js`);
      });
      test('search queries are encoded', () => expect(p.search('tear gas & curfew')).toBe(`${root}search/?q=tear%20gas%20%26%20curfew`));
    });
  }
});

describe('rebaseHtml', () => {
  const html = '<a href="/stories/x/">x</a><img src="/images/map.png" alt=""><a href="//cdn.example/y">y</a><a href="#f">f</a><a href="https://e.org/">e</a>';
  test('root-relative links and images go under the base', () => {
    expect(rebaseHtml(html, '/dateline/')).toBe('<a href="/dateline/stories/x/">x</a><img src="/dateline/images/map.png" alt=""><a href="//cdn.example/y">y</a><a href="#f">f</a><a href="https://e.org/">e</a>');
  });
  test('nothing changes at the root', () => expect(rebaseHtml(html, '/')).toBe(html));
});
