import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import {
  bodyForEmbed,
  EMBED_ATTRIBUTE,
  EMBED_HEIGHT,
  embedCode,
  isEmbedHeight,
  oembedOf,
  wordpressSecret,
} from '../../src/lib/site/story-embed.ts';

const code = embedCode({
  frame: 'https://news.example/embed/strike/',
  script: 'https://news.example/embed.js',
  title: 'Strike "live": updates & more',
});

describe("a story's embed code", () => {
  test('a titled frame of the embed, marked for the script, then the site’s script, async', () => {
    const nodes = parse(code).querySelectorAll('*');
    expect(nodes.map((n) => n.tagName)).toEqual(['IFRAME', 'SCRIPT']);
    const attrs = (i: number) => nodes[i]!.attributes;
    expect(attrs(0)).toEqual({
      src: 'https://news.example/embed/strike/',
      title: 'Strike "live": updates & more',
      [EMBED_ATTRIBUTE]: '',
      width: '640',
      height: String(EMBED_HEIGHT),
      loading: 'lazy',
      style: 'display:block;width:100%;border:0',
    });
    expect(attrs(1)).toEqual({ async: '', src: 'https://news.example/embed.js' });
  });

  test('as oEmbed: rich, with the same code and the site as provider', () => {
    expect(
      oembedOf({ code, title: 'Strike', site: 'Dateline', home: 'https://news.example/' }),
    ).toMatchObject({
      version: '1.0',
      type: 'rich',
      html: code,
      provider_name: 'Dateline',
      provider_url: 'https://news.example/',
      height: EMBED_HEIGHT,
    });
  });
});

describe('the messages between an embed and the page around it', () => {
  test.each([
    [{ type: 'dateline:height', height: 812 }, true],
    [{ type: 'dateline:height', height: 0 }, true],
    [{ type: 'dateline:height', height: -1 }, false],
    [{ type: 'dateline:height', height: 1e9 }, false],
    [{ type: 'dateline:height', height: Number.NaN }, false],
    [{ type: 'dateline:height', height: '812' }, false],
    [{ type: 'height', height: 812 }, false],
    [null, false],
    ['dateline:height', false],
  ])('%j is a height: %s', (data, ok) => expect(isEmbedHeight(data)).toBe(ok));
});

describe('WordPress', () => {
  test.each([
    ['#?secret=AbC123xyz0', 'AbC123xyz0'],
    ['#?a=1&secret=AbC123xyz0', 'AbC123xyz0'],
    ['#?secret=AbC123xyz0&b=2', 'AbC123xyz0'],
    ['#?secret=a-b', undefined],
    ['#secret=AbC', undefined],
    ['', undefined],
    ['#u-2026-11-18-0700', undefined],
  ])('the secret in %j: %j', (hash, secret) => expect(wordpressSecret(hash)).toBe(secret));
});

describe('bodies in an embed', () => {
  test('a link to a place in the update leads to it on its day page; others are left alone', () => {
    const html =
      '<p>See<sup><a href="#u-1-fn-1" id="u-1-fnref-1" data-footnote-ref>1</a></sup> and <a href="/stories/x/">x</a> or <a href="https://example.org/#top">y</a>.</p>';
    expect(bodyForEmbed(html, '/stories/strike/2026-11-18/')).toBe(
      '<p>See<sup><a href="/stories/strike/2026-11-18/#u-1-fn-1" id="u-1-fnref-1" data-footnote-ref>1</a></sup> and <a href="/stories/x/">x</a> or <a href="https://example.org/#top">y</a>.</p>',
    );
  });
  test('text that looks like a link is not touched', () =>
    expect(bodyForEmbed('<p>href="#x"</p>', '/d/')).toBe('<p>href="#x"</p>'));
});
