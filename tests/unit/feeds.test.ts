import { describe, expect, test } from 'vitest';
import { atom, buildFeedItems, jsonFeed, rss, ZonedDate } from '../../src/lib/publish/feeds.ts';
import { createPaths } from '../../src/core/paths.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

const ctx = { paths: createPaths('/'), locale: 'en-GB' };
const absolute = (p: string) => `https://news.example${p}`;
const story = makeStory({ slug: 'unrest', title: 'Unrest' });
const entries = [
  {
    story,
    bulletin: makeBulletin('2022-01-05T12:00', {
      story: 'unrest',
      title: 'First',
      tags: ['politics'],
    }),
  },
  {
    story,
    bulletin: makeBulletin('2022-01-07T14:00', {
      story: 'unrest',
      updated: Date.parse('2022-01-07T18:00:00+06:00'),
      correction: 'Name <fixed>.',
    }),
  },
];
const body = () => ({
  html: '<p>Text<sup><a href="#u-x--fn-1">1</a></sup></p>',
  text: 'Text of the update that goes on for a while',
});
const bodyWithImage = () => ({
  html: '<p><img src="/images/map.png" alt=""> <a href="/stories/x/">x</a></p>',
  text: 'Map',
});
const items = buildFeedItems(entries, body, ctx, absolute, 50);
const meta = {
  title: 'Unrest',
  description: 'A story.',
  home: 'https://news.example/stories/unrest/',
  links: {
    rss: 'https://news.example/r',
    atom: 'https://news.example/a',
    json: 'https://news.example/j',
  },
  language: 'en',
};

describe('ZonedDate', () => {
  test('prints its own offset for Atom/JSON and RSS', () => {
    const d = new ZonedDate(Date.parse('2024-11-06T06:15:00Z'), 'America/New_York');
    expect(d.toISOString()).toBe('2024-11-06T01:15:00-05:00');
    expect(d.toUTCString()).toBe('Wed, 06 Nov 2024 01:15:00 -0500');
    expect(new ZonedDate(Date.parse('2022-01-01T00:00:00Z'), 'Asia/Kolkata').toUTCString()).toBe(
      'Sat, 01 Jan 2022 05:30:00 +0530',
    );
  });
});

describe('buildFeedItems', () => {
  test('newest first, ids and links are absolute permalinks', () => {
    expect(items.map((i) => i.id)).toEqual([
      'https://news.example/stories/unrest/2022-01-07/#u-2022-01-07-1400',
      'https://news.example/stories/unrest/2022-01-05/#u-2022-01-05-1200',
    ]);
  });
  test('a headline, or the first words', () => {
    expect(items.map((i) => i.title)).toEqual([
      'Text of the update that goes on for a while',
      'First',
    ]);
  });
  test('fragment links point at the day page; a correction is appended, escaped', () => {
    expect(items[0]!.html).toBe(
      '<p>Text<sup><a href="https://news.example/stories/unrest/2022-01-07/#u-x--fn-1">1</a></sup></p><p><strong>Correction</strong> (Friday, 7 January 2022, 18:00 GMT+6): Name &lt;fixed&gt;.</p>',
    );
  });
  test('root-relative links and images become absolute', () => {
    expect(buildFeedItems(entries, bodyWithImage, ctx, absolute, 1)[0]!.html).toContain(
      '<img src="https://news.example/images/map.png" alt=""> <a href="https://news.example/stories/x/">',
    );
  });
  test('published and modified', () => {
    expect(items[0]!.published.toISOString()).toBe('2022-01-07T14:00:00+06:00');
    expect(items[0]!.modified.toISOString()).toBe('2022-01-07T18:00:00+06:00');
    expect(items[1]!.modified.toISOString()).toBe(items[1]!.published.toISOString());
  });
  test('the limit keeps the newest', () => {
    expect(buildFeedItems(entries, body, ctx, absolute, 1).map((i) => i.title)).toEqual([
      'Text of the update that goes on for a while',
    ]);
  });
});

describe('formats', () => {
  test('the feed time is the newest item time, not the clock: builds are reproducible', () => {
    expect(rss(meta, items)).toContain(
      '<lastBuildDate>Fri, 07 Jan 2022 18:00:00 +0600</lastBuildDate>',
    );
    expect(atom(meta, items)).toContain('<updated>2022-01-07T18:00:00+06:00</updated>');
    expect(rss(meta, items)).toBe(rss(meta, items));
  });
  test('JSON Feed 1.1', () => {
    const f = JSON.parse(jsonFeed(meta, items));
    expect(f.version).toBe('https://jsonfeed.org/version/1.1');
    expect(f.items[1]).toMatchObject({
      id: items[1]!.id,
      title: 'First',
      tags: ['politics'],
      date_published: '2022-01-05T12:00:00+06:00',
    });
    expect(f.items[0].tags).toBeUndefined();
  });
  test("every format names the same feed at the site's mirrors, and only when it has some", () => {
    const mirrored = { ...meta, mirrors: ['https://m.example.net/r', 'https://b.example.com/r'] };
    for (const xml of [rss(mirrored, items), atom(mirrored, items)]) {
      expect(xml).toMatch(
        /rel="self"[^>]*\/>\s*<(atom:)?link href="https:\/\/m\.example\.net\/r" rel="related"/,
      );
      expect(xml).toContain('href="https://b.example.com/r" rel="related" title="Mirror"');
    }
    expect(JSON.parse(jsonFeed(mirrored, items))._dateline).toEqual({
      mirrors: mirrored.mirrors,
    });
    expect(rss(meta, items)).not.toContain('related');
    expect(atom(meta, items)).not.toContain('related');
    expect(JSON.parse(jsonFeed(meta, items))._dateline).toBeUndefined();
  });
  test('an empty feed is still valid', () => {
    expect(JSON.parse(jsonFeed(meta, [])).items).toEqual([]);
    expect(rss(meta, [])).toContain('<channel>');
  });
});
