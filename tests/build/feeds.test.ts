import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { updateId } from '../../src/core/anchors.ts';
import { contentBulletins, contentStories, DIST } from './dist.ts';

const SITE = 'http://localhost:4321';
const bulletins = contentBulletins();
const drafts = contentBulletins('content', true);
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const ARRAYS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'feed.entry',
  'feed.entry.link',
]);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});
const permalink = (b: (typeof bulletins)[number]) =>
  `${SITE}/stories/${b.story}/${b.day}/#${updateId(b.name)}`;
const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

const feeds = [
  { name: 'site', prefix: '', expected: bulletins },
  ...contentStories().map((s) => ({
    name: s,
    prefix: `stories/${s}/`,
    expected: bulletins.filter((b) => b.story === s),
  })),
];

describe.each(feeds)('feeds of $name', ({ prefix, expected }) => {
  const links = expected.map(permalink).sort();

  test('RSS 2.0: well-formed, required fields, one item per update with its permalink', () => {
    const text = read(`${prefix}feed.xml`);
    expect(XMLValidator.validate(text)).toBe(true);
    const channel = xml.parse(text).rss.channel;
    expect(channel.title).toBeTruthy();
    expect(channel.description).toBeTruthy();
    expect(channel.link).toBe(`${SITE}/${prefix}`);
    expect(channel.lastBuildDate).toMatch(RFC822);
    const items = channel.item as {
      title: string;
      link: string;
      guid: { '#text': string };
      pubDate: string;
      description: string;
    }[];
    expect(items.map((i) => i.link).sort()).toEqual(links);
    for (const i of items) {
      expect(i.title).toBeTruthy();
      expect(i.guid['#text']).toBe(i.link);
      expect(i.pubDate).toMatch(RFC822);
    }
  });

  test('Atom: well-formed, required fields, absolute links', () => {
    const text = read(`${prefix}atom.xml`);
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed.id).toBe(`${SITE}/${prefix}`);
    expect(feed.updated).toMatch(OFFSET_ISO);
    const entries = feed.entry as {
      id: string;
      title: { '#text': string };
      updated: string;
      published: string;
      link: { '@href': string }[];
      content: { '@type': string };
    }[];
    expect(entries.map((e) => e.id).sort()).toEqual(links);
    for (const e of entries) {
      expect(e.link[0]!['@href']).toBe(e.id);
      expect(e.updated).toMatch(OFFSET_ISO);
      expect(e.published).toMatch(OFFSET_ISO);
      expect(e.content['@type']).toBe('html');
    }
  });

  test('JSON Feed 1.1: valid JSON, required fields, offsets kept', () => {
    const feed = JSON.parse(read(`${prefix}feed.json`)) as {
      version: string;
      title: string;
      feed_url: string;
      items: {
        id: string;
        url: string;
        content_html: string;
        date_published: string;
        date_modified: string;
      }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBeTruthy();
    expect(feed.feed_url).toBe(`${SITE}/${prefix}feed.json`);
    expect(feed.items.map((i) => i.url).sort()).toEqual(links);
    for (const i of feed.items) {
      expect(i.id).toBe(i.url);
      expect(i.content_html).toBeTruthy();
      expect(i.date_published).toMatch(OFFSET_ISO);
      expect(i.date_modified).toMatch(OFFSET_ISO);
    }
  });
});

describe('feed content', () => {
  const json = JSON.parse(read('feed.json')) as {
    items: {
      url: string;
      title: string;
      content_html: string;
      date_published: string;
      date_modified: string;
      tags?: string[];
    }[];
  };
  const item = (fragment: string) => json.items.find((i) => i.url.endsWith(fragment))!;

  test('times keep the story offset; a correction sets dateModified and is in the body', () => {
    const corrected = item('#u-2026-11-20-1130-talks-resume');
    expect(corrected.date_published).toBe('2026-11-20T11:30:00-05:00');
    expect(corrected.date_modified).toBe('2026-11-20T15:00:00-05:00');
    expect(corrected.content_html).toContain('<strong>Correction</strong>');
    expect(item('#u-2022-01-07-1400-buildings-secured').date_published).toBe(
      '2022-01-07T14:00:00+06:00',
    );
  });

  test('an update without a headline is titled by its first words; tags are categories', () => {
    expect(item('#u-2026-11-19').title).toMatch(/^No ferries ran all day/);
    expect(item('#u-2026-11-18-0615-walkout-begins').tags).toEqual(['strike']);
    const rss = xml.parse(read('feed.xml')).rss.channel.item as {
      link: string;
      category?: string[];
    }[];
    expect(rss.find((i) => i.link.endsWith('#u-2026-11-18-0615-walkout-begins'))?.category).toEqual(
      ['strike'],
    );
  });

  test('bodies are the sanitized HTML, with fragment links made absolute', () => {
    const vote = item('#u-2026-11-23-0800-vote').content_html;
    expect(vote).toContain(
      `href="${SITE}/stories/harbour-ferry-strike/2026-11-23/#u-2026-11-23-0800-vote--user-content-fn-allowance"`,
    );
    for (const i of json.items) expect(i.content_html).not.toMatch(/<script|javascript:|onerror=/);
  });

  test('drafts are in no feed', () => {
    for (const d of drafts) expect(read('feed.xml')).not.toContain(updateId(d.name));
  });

  test('every page offers its feeds for auto-discovery', () => {
    const page = read('stories/kazakhstan-unrest/index.html');
    expect(page).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Unrest in Kazakhstan (RSS)" href="/stories/kazakhstan-unrest/feed.xml">',
    );
    expect(read('index.html')).toContain(
      '<link rel="alternate" type="application/feed+json" title="Dateline (JSON Feed)" href="/feed.json">',
    );
  });
});
