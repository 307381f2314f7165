import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { excerpt } from '../../src/lib/site/views.ts';
import { RENDER } from './fixtures.ts';

const scope = { idPrefix: 'u-2022-01-07', topHeading: 4 };
const html = async (md: string) => (await renderMarkdown(md, scope, RENDER)).html;

describe('GFM', () => {
  test('tables, strikethrough, autolinks and task lists', async () => {
    const out = await html(
      '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~old~~ www.example.org\n\n- [x] done\n- [ ] open',
    );
    const doc = parse(out);
    expect(doc.querySelector('table')).not.toBeNull();
    expect(doc.querySelector('th')?.getAttribute('class')).toBe('align-left');
    expect(doc.querySelector('td:last-child')?.getAttribute('class')).toBe('align-right');
    expect(out).not.toContain('align=');
    expect(doc.querySelector('del')?.text).toBe('old');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('http://www.example.org');
    expect(
      doc.querySelectorAll('input[type=checkbox]').map((i) => i.getAttribute('aria-label')),
    ).toEqual(['done', 'not done']);
  });
  test.each([
    ['"Old man out" -- he said', '“Old man out” — he said'],
    ["It's the crowd's 'last stand'...", 'It’s the crowd’s ‘last stand’…'],
    ['He said: "*No*."', 'He said: “<em>No</em>.”'],
    ['(“quoted”) and ("x")', '(“quoted”) and (“x”)'],
  ])('typographic punctuation: %s', async (md, out) => expect(await html(md)).toContain(out));
  test('code keeps straight quotes', async () => {
    expect(await html('Run `say "hi" -- now`\n\n```\necho "a" ... \n```')).toContain(
      '<code>say "hi" -- now</code>',
    );
    expect(await html('```\necho "a" ...\n```')).toContain('echo "a" ...');
  });
});

describe('headings are demoted and scoped to the update', () => {
  test('# becomes h4 under a bulletin headline, with a prefixed id', async () => {
    const doc = parse(await html('# Freight\n\n## Rail\n\n### Roads'));
    expect(doc.querySelectorAll('h4,h5,h6').map((h) => [h.tagName, h.id])).toEqual([
      ['H4', 'u-2022-01-07--freight'],
      ['H5', 'u-2022-01-07--rail'],
      ['H6', 'u-2022-01-07--roads'],
    ]);
  });
  test('a body that starts at ### is moved up to h4, deep levels clamp at h6', async () => {
    const doc = parse(await html('### A\n\n###### B'));
    expect(doc.querySelectorAll('h4,h5,h6').map((h) => h.tagName)).toEqual(['H4', 'H6']);
  });
  test('no h1–h3 remain', async () => {
    const out = await html('# a\n\n## b\n\n<h1>raw</h1>');
    expect(out).not.toMatch(/<h[1-3][\s>]/);
  });
  test('duplicate headings get distinct ids', async () => {
    const doc = parse(await html('## Update\n\n## Update'));
    expect(doc.querySelectorAll('h4').map((h) => h.id)).toEqual([
      'u-2022-01-07--update',
      'u-2022-01-07--update-1',
    ]);
  });
  test('two bulletins with the same heading never share an id', async () => {
    const a = parse(
      (await renderMarkdown('## Reaction', { idPrefix: 'u-a', topHeading: 4 }, RENDER)).html,
    );
    const b = parse(
      (await renderMarkdown('## Reaction', { idPrefix: 'u-b', topHeading: 4 }, RENDER)).html,
    );
    expect(a.querySelector('h4')!.id).not.toBe(b.querySelector('h4')!.id);
  });
  test('footnote ids and their links are scoped together', async () => {
    const doc = parse(await html('Claim.[^1]\n\n[^1]: Source.'));
    const ref = doc.querySelector('a[data-footnote-ref]')!;
    const target = ref.getAttribute('href')!.slice(1);
    expect(target.startsWith('u-2022-01-07--')).toBe(true);
    expect(doc.getElementById(target)).not.toBeNull();
    expect(doc.getElementById(ref.getAttribute('aria-describedby')!)).not.toBeNull();
  });
  test('ids in raw HTML are scoped too', async () => {
    expect(await html('<p id="note">x</p>')).toContain('id="u-2022-01-07--note"');
  });
});

describe('raw HTML is sanitized', () => {
  test.each([
    ['<script>alert(1)</script>', /<script|alert/],
    ['<img src="x.png" onerror="alert(1)">', /onerror/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['<iframe src="https://example.org"></iframe>', /<iframe/],
    ['<object data="x.swf"></object>', /<object/],
    ['<embed src="x.swf">', /<embed/],
    ['<style>body{display:none}</style>', /<style|display:none/],
    ['<p style="color:red">x</p>', /style=/],
    ['<form action="https://evil.example"><input name=q></form>', /<form|name=|evil/],
    ['<svg><script>alert(1)</script></svg>', /<svg|<script/],
    ['<div onclick="alert(1)">x</div>', /onclick/],
    ['[x](javascript:alert(1))', /javascript:/],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta/],
    ['<base href="https://evil.example/">', /<base/],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', /data:/],
  ])('%s', async (md, bad) => {
    expect(await html(md)).not.toMatch(bad);
  });

  test('harmless inline HTML survives', async () => {
    const out = await html(
      '<abbr title="Collective Security Treaty Organization">CSTO</abbr> and <mark>this</mark>, <sup>1</sup>',
    );
    expect(out).toContain('<abbr title="Collective Security Treaty Organization">CSTO</abbr>');
    expect(out).toContain('<mark>this</mark>');
    expect(out).toContain('<sup>1</sup>');
  });
});

describe('links', () => {
  test('external links get rel="noopener"', async () => {
    const doc = parse(await html('[Agency](https://example.org/report) and [local](/stories/x/)'));
    const [ext, local] = doc.querySelectorAll('a');
    expect(ext!.getAttribute('rel')).toBe('noopener');
    expect(local!.getAttribute('rel')).toBeUndefined();
  });
});

describe('text', () => {
  test('plain text comes with the HTML', async () => {
    expect((await renderMarkdown('# Title\n\nSome **bold** text.', scope, RENDER)).text).toBe(
      'Title Some bold text.',
    );
  });
  test('excerpt cuts at a word count', () => {
    expect(excerpt('a b c d', 3)).toBe('a b c…');
    expect(excerpt('a  b', 3)).toBe('a b');
    // Cut at punctuation, the ellipsis takes its place.
    expect(excerpt('One. Two, three', 2)).toBe('One. Two…');
  });
});

describe('images', () => {
  test('an image marked decorative is published with an empty alt; a described one keeps its description', async () => {
    const { html } = await renderMarkdown(
      '![decorative](/images/rule.png) ![Map of the closed roads](/images/map.png) <img src="/images/x.png" alt="Decorative">',
      { idPrefix: 'u-1', topHeading: 4 },
      RENDER,
    );
    expect(html).toContain('<img src="/images/rule.png" alt="" decoding="async">');
    expect(html).toContain('alt="Map of the closed roads"');
    expect(html).toContain('<img src="/images/x.png" alt="" decoding="async">');
  });

  test('a picture with a title, alone in its paragraph, is a figure captioned by the title, its credit set apart', async () => {
    const doc = parse(
      await html(
        '![Crowds at the square](/images/a.jpg "Crowds at Republic Square. Photo: Agency")',
      ),
    );
    const figure = doc.querySelector('figure')!;
    expect(doc.querySelector('p figure')).toBeNull(); // not inside a <p>
    expect(figure.querySelector('img')!.getAttribute('alt')).toBe('Crowds at the square');
    expect(figure.querySelector('img')!.hasAttribute('title')).toBe(false);
    expect(figure.querySelector('figcaption')!.text).toBe(
      'Crowds at Republic Square. Photo: Agency',
    );
    expect(figure.querySelector('figcaption .credit')!.text).toBe('Photo: Agency');
  });

  test.each([
    ['a credit alone', '![Map](/m.png "Map: Harbour board")', '', 'Map: Harbour board'],
    [
      'a Russian credit',
      '![Площадь](/p.jpg "Площадь Республики. Фото: ТАСС")',
      'Площадь Республики.',
      'Фото: ТАСС',
    ],
    [
      'no credit, typographic quotes',
      '![x](/x.png "The \'old\' route")',
      'The ‘old’ route',
      undefined,
    ],
  ])('%s', async (_name, md, caption, credit) => {
    const figcaption = parse(await html(md)).querySelector('figcaption')!;
    expect(figcaption.querySelector('.credit')?.text).toBe(credit);
    expect(figcaption.childNodes[0]?.text.trim() ?? '').toBe(caption || (credit ?? ''));
  });

  test('a picture inside text, or without a title, stays as it is', async () => {
    expect(await html('Before ![x](/a.png "T") after.')).toBe(
      '<p>Before <img src="/a.png" alt="x" title="T" decoding="async"> after.</p>',
    );
    expect(await html('![y](/b.png)')).toBe('<p><img src="/b.png" alt="y" decoding="async"></p>');
  });

  test('a picture next to bulletins gets its size, its copies as srcset, and loads lazily', async () => {
    const media = {
      's/photo.jpg': {
        kind: 'picture' as const,
        width: 3000,
        height: 2000,
        format: 'jpg',
        digest: 'abcdefgh12345',
      },
      's/anim.gif': {
        kind: 'picture' as const,
        width: 300,
        height: 200,
        format: 'gif',
        digest: 'g',
      },
    };
    const doc = parse(
      (
        await renderMarkdown(
          '![Crowds](./photo.jpg "Crowds. Photo: A")\n\n![Spinner](./anim.gif)',
          {
            idPrefix: 'u-1',
            topHeading: 4,
            source: 's/2022-01-07.md',
            media,
          },
          RENDER,
        )
      ).html,
    );
    const [photo, gif] = doc.querySelectorAll('img');
    const copy = (w: number) => `/stories/s/images/photo.jpg-${w}w.abcdefgh.webp`;
    expect(photo!.attributes).toMatchObject({
      width: '3000',
      height: '2000',
      loading: 'lazy',
      decoding: 'async',
      src: copy(800),
      srcset: [400, 800, 1200, 1600].map((w) => `${copy(w)} ${w}w`).join(', '),
      sizes: '(min-width: 672px) 640px, calc(100vw - 2rem)',
    });
    expect(photo!.parentNode?.tagName).toBe('FIGURE');
    // A GIF may be animated: no copies, its own URL, but its size all the same.
    expect(gif!.attributes).toMatchObject({ src: '/stories/s/files/anim.gif', width: '300' });
    expect(gif!.hasAttribute('srcset')).toBe(false);
  });

  test('a picture the media do not know (in public/, or no media given) keeps its URL and has no size', async () => {
    expect(await html('![y](/b.png)')).not.toContain('width=');
  });

  test('a caption is searchable text of its bulletin', async () => {
    const { text } = await renderMarkdown(
      '![x](/a.png "Crowds at the square. Photo: Agency")',
      scope,
      RENDER,
    );
    expect(text).toBe('Crowds at the square. Photo: Agency');
  });
});

describe('links between bulletins', () => {
  test('a link to another bulletin by its file becomes its permalink; other links stay as written', async () => {
    const { html } = await renderMarkdown(
      '[earlier](./2022-01-06-1000-airport-seized.md#foreign-troops) [timeline](./index.md) [web](https://example.org/x.md) [here](#a)',
      { idPrefix: 'u-2022-01-07', topHeading: 4, source: 'unrest/2022-01-07.md' },
      RENDER,
    );
    expect(html).toContain(
      'href="/stories/unrest/2022-01-06/#u-2022-01-06-1000-airport-seized--foreign-troops"',
    );
    expect(html).toContain('href="/stories/unrest/"');
    expect(html).toContain('href="https://example.org/x.md"');
    expect(html).toContain('href="#u-2022-01-07--a"');
  });
  test('a file next to the bulletin, as an image or a link, is served from the story', async () => {
    const { html } = await renderMarkdown(
      '![Map of the route](./map.png) [the figures](figures.csv) [a note](./notes.docx)',
      { idPrefix: 'u-1', topHeading: 4, source: 'unrest/2022-01-07.md' },
      RENDER,
    );
    expect(html).toContain('src="/stories/unrest/files/map.png"');
    expect(html).toContain('href="/stories/unrest/files/figures.csv"');
    // A type a story may not publish is left alone (the content checks refuse it).
    expect(html).toContain('href="./notes.docx"');
  });
  test('without a source (a page Astro renders itself) nothing is rewritten', async () => {
    const { html } = await renderMarkdown(
      '[earlier](./2022-01-06.md)',
      {
        idPrefix: 'u-1',
        topHeading: 4,
      },
      RENDER,
    );
    expect(html).toContain('href="./2022-01-06.md"');
  });
});
