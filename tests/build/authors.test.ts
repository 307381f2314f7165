// Authors in the built site: a byline on every update, each author's page with every one of their
// updates, their feeds, and authors in the structured data. Expectations come from content/ read on
// its own (file names and a plain YAML parser), not from the site's loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { updateId } from '../../src/core/anchors.ts';
import {
  contentBulletins,
  contentStories,
  DIST,
  frontmatterOf,
  page,
  pages,
  settings,
} from './dist.ts';

const names = new Map(
  readdirSync(join('content', 'authors'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f.slice(0, -3), frontmatterOf(join('content', 'authors', f))['name'] as string]),
);
const storyAuthors = new Map(
  contentStories().map((slug) => [
    slug,
    (frontmatterOf(join('content', slug, 'index.md'))['authors'] as string[] | undefined) ?? [],
  ]),
);
const bulletins = contentBulletins().map((b) => ({
  ...b,
  id: updateId(b.name),
  authors:
    (frontmatterOf(b.file)['authors'] as string[] | undefined) ?? storyAuthors.get(b.story) ?? [],
}));

describe('authors', () => {
  test('the sample has authors, one with a photo, and bulletins with more than one', () => {
    expect(names.size).toBeGreaterThanOrEqual(2);
    expect(bulletins.every((b) => b.authors.length > 0)).toBe(true);
    expect(bulletins.some((b) => b.authors.length > 1)).toBe(true);
  });

  test('every update shows its authors’ names, linked to their pages, on its day page', () => {
    for (const b of bulletins) {
      const article = page(`stories/${b.story}/${b.day}/index.html`).querySelector(`#${b.id}`)!;
      const links = article.querySelectorAll('.byline a');
      expect(
        links.map((a) => a.text),
        b.file,
      ).toEqual(b.authors.map((a) => names.get(a)));
      expect(links.map((a) => a.getAttribute('href'))).toEqual(
        b.authors.map((a) => `/authors/${a}/`),
      );
      // It reads as a byline without a photo.
      expect(article.querySelector('.byline')!.text).toMatch(/^(By|Автор:|Авторы:) /);
    }
  });

  test.each([...names.keys()])(
    '%s: every one of their updates is on their pages, newest first',
    (slug) => {
      const own = [...pages.entries()]
        .filter(([path]) => path.startsWith(`authors/${slug}/`))
        .sort(([a], [b]) => a.split('/').length - b.split('/').length || b.localeCompare(a));
      const linked = own.flatMap(([, doc]) =>
        doc.querySelectorAll('.update-list-text a').map((a) => a.getAttribute('href')!),
      );
      const expected = bulletins.filter((b) => b.authors.includes(slug));
      expect(linked.toSorted()).toEqual(
        expected.map((b) => `/stories/${b.story}/${b.day}/#${b.id}`).toSorted(),
      );
      const first = page(`authors/${slug}/index.html`);
      expect(first.querySelector('h1')!.text).toBe(names.get(slug));
      const times = first
        .querySelectorAll('.update-list-meta time')
        .map((t) => Date.parse(t.getAttribute('datetime')!));
      expect(times).toEqual(times.toSorted((a, b) => b - a));
      expect(first.querySelector('.author-feeds a[href$="feed.xml"]')).not.toBeNull();
    },
  );

  test('a photo is published byte for byte and shown on its author’s page', () => {
    for (const [slug] of names) {
      const photo = frontmatterOf(join('content', 'authors', `${slug}.md`))['photo'] as
        string | undefined;
      const img = page(`authors/${slug}/index.html`).querySelector('img.author-photo');
      if (!photo) {
        expect(img).toBeNull();
        continue;
      }
      expect(img!.getAttribute('src')).toBe(`/authors/files/${photo}`);
      expect(readFileSync(join(DIST, 'authors', 'files', photo))).toEqual(
        readFileSync(join('content', 'authors', photo)),
      );
    }
  });

  test('each author has feeds of their newest updates, items naming their authors', () => {
    for (const [slug, name] of names) {
      const feed = JSON.parse(readFileSync(join(DIST, 'authors', slug, 'feed.json'), 'utf8')) as {
        title: string;
        items: { url: string; authors?: { name: string; url: string }[] }[];
      };
      const expected = bulletins.filter((b) => b.authors.includes(slug));
      expect(feed.title).toContain(name);
      expect(feed.items).toHaveLength(Math.min(expected.length, settings.feedItems));
      for (const item of feed.items) expect(item.authors?.map((a) => a.name)).toContain(name);
      const rss = readFileSync(join(DIST, 'authors', slug, 'feed.xml'), 'utf8');
      expect(rss).toContain(`<dc:creator>`);
      const atom = readFileSync(join(DIST, 'authors', slug, 'atom.xml'), 'utf8');
      expect(atom).toContain(`<name>${name}</name>`);
    }
  });

  test('the site’s feeds carry each item’s authors', () => {
    const feed = JSON.parse(readFileSync(join(DIST, 'feed.json'), 'utf8')) as {
      items: { url: string; authors?: { name: string; url: string }[] }[];
    };
    for (const item of feed.items) {
      const b = bulletins.find(
        (x) => item.url.endsWith(`#${x.id}`) && item.url.includes(`/${x.story}/`),
      )!;
      expect(item.authors?.map((a) => a.name)).toEqual(b.authors.map((a) => names.get(a)));
      expect(item.authors?.[0]?.url).toMatch(/^https?:\/\/[^/]+\/authors\/[a-z0-9-]+\/$/);
    }
  });

  test('JSON-LD gives each update its authors as Persons with a name and URL', () => {
    for (const b of bulletins) {
      const ld = JSON.parse(
        page(`stories/${b.story}/${b.day}/index.html`).querySelector(
          'script[type="application/ld+json"]',
        )!.text,
      ) as {
        hasPart: { url: string; author?: { '@type': string; name: string; url: string }[] }[];
      };
      const posting = ld.hasPart.find((p) => p.url.endsWith(`#${b.id}`))!;
      expect(posting.author).toEqual(
        b.authors.map((a) => ({
          '@type': 'Person',
          name: names.get(a),
          url: expect.stringMatching(new RegExp(`/authors/${a}/$`)),
        })),
      );
    }
  });

  test('author pages are in the sitemap', () => {
    const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    for (const slug of names.keys())
      expect(xml).toMatch(new RegExp(`<loc>[^<]*/authors/${slug}/</loc>`));
  });
});

test('an author’s page is a ProfilePage about a Person with their role', () => {
  const [slug, name] = [...names][0]!;
  const ld = JSON.parse(
    page(`authors/${slug}/index.html`).querySelector('script[type="application/ld+json"]')!.text,
  ) as { '@type': string; mainEntity: { '@type': string; name: string; jobTitle?: string } };
  expect(ld['@type']).toBe('ProfilePage');
  expect(ld.mainEntity).toMatchObject({ '@type': 'Person', name });
  expect(ld.mainEntity.jobTitle).toBe(
    frontmatterOf(join('content', 'authors', `${slug}.md`))['role'],
  );
});
