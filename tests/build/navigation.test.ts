// Reader navigation in the built site: key events, reading from the start, the archive by month,
// tags, the activity chart and the print stylesheet. Expectations come from content/ read on its
// own (file names and a plain YAML parser), not from the site's loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { updateId } from '../../src/core/anchors.ts';
import { tagSlug } from '../../src/lib/content/tags.ts';
import {
  contentBulletins,
  contentStories,
  DIST,
  frontmatterOf,
  page,
  pagedPages,
  pages,
  settings,
} from './dist.ts';

const bulletins = contentBulletins().map((b) => {
  const fm = frontmatterOf(b.file);
  return {
    ...b,
    id: updateId(b.name),
    key: fm['key'] === true,
    tags: (fm['tags'] as string[] | undefined) ?? [],
  };
});
const stories = contentStories().map((slug) => ({
  slug,
  ...frontmatterOf(join('content', slug, 'index.md')),
})) as { slug: string; tags?: string[]; status?: string }[];
const articleIds = (doc: ReturnType<typeof page>) =>
  doc.querySelectorAll('article.bulletin').map((a) => a.id);

describe('key events', () => {
  test('the sample has key events', () =>
    expect(bulletins.filter((b) => b.key).length).toBeGreaterThanOrEqual(4));

  test.each(stories.map((s) => s.slug))(
    '%s: every key bulletin on its key-events pages exactly once, and nothing else',
    (slug) => {
      const own = bulletins.filter((b) => b.story === slug);
      const keyPages = pagedPages(`stories/${slug}/key-events/`);
      const shown = keyPages.flatMap(([, doc]) => articleIds(doc));
      expect(shown.toSorted()).toEqual(
        own
          .filter((b) => b.key)
          .map((b) => b.id)
          .toSorted(),
      );
      for (const [path, doc] of keyPages) {
        // Day sections carry prefixed ids, so no id there repeats the timeline's day ids.
        const dayIds = doc
          .querySelectorAll('section.day')
          .map((s) => s.querySelector('h2')?.id ?? '');
        expect(
          dayIds.every((id) => /^key-\d{4}-\d{2}-\d{2}$/.test(id)),
          path,
        ).toBe(true);
        expect(
          doc.querySelectorAll('[id]').filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.id)),
          path,
        ).toHaveLength(0);
      }
    },
  );

  test.each(stories.map((s) => s.slug))(
    '%s: the timeline lists its newest key events (at most the limit) and links to them all',
    (slug) => {
      const timeline = page(`stories/${slug}/index.html`);
      const keys = bulletins.filter((b) => b.story === slug && b.key);
      const box = timeline.querySelector('section.key-events');
      if (keys.length === 0) {
        expect(box).toBeNull();
        return;
      }
      const links = box!.querySelectorAll('.headlines a').map((a) => a.getAttribute('href'));
      expect(links.length).toBe(Math.min(keys.length, settings.timelineKeyEvents));
      for (const href of links)
        expect(keys.map((b) => `/stories/${slug}/${b.day}/#${b.id}`)).toContain(href);
      // Newest first: the days of the links never increase.
      const days = links.map((h) => /\/(\d{4}-\d{2}-\d{2})\//.exec(h!)![1]!);
      expect(days).toEqual(days.toSorted().reverse());
      expect(box!.querySelector('.key-events-all a')?.getAttribute('href')).toBe(
        `/stories/${slug}/key-events/`,
      );
    },
  );
});

describe('reading from the start', () => {
  test.each(stories.map((s) => s.slug))(
    '%s: every bulletin listed on exactly one page, oldest first across the pages, linking to it on its day page',
    (slug) => {
      const own = bulletins.filter((b) => b.story === slug);
      const fromStart = pagedPages(`stories/${slug}/from-the-start/`);
      expect(fromStart.length).toBeGreaterThan(0);
      const sections = fromStart.flatMap(([, doc]) => doc.querySelectorAll('main section.day'));
      const links = sections.flatMap((section) =>
        section.querySelectorAll('.headlines li').map((li) => {
          const [path, id] = li.querySelector('a')!.getAttribute('href')!.split('#');
          // Each update opens on its own day's page, which holds it.
          expect(path).toBe(`/stories/${slug}/${section.querySelector('h2')!.id}/`);
          const article = page(`${path!.slice(1)}index.html`).querySelector(`article[id="${id}"]`);
          expect(article, id).not.toBeNull();
          // Its time as there, but for a date-only update (the day's heading says it).
          const at = article!.querySelector('.bulletin-meta time')!.getAttribute('datetime')!;
          expect(li.querySelector('time')?.getAttribute('datetime'), id).toBe(
            at.length > 10 ? at : undefined,
          );
          return id!;
        }),
      );
      expect(links.toSorted()).toEqual(own.map((b) => b.id).toSorted());
      // Only headlines: no update's text is published a second time here.
      expect(fromStart.flatMap(([, doc]) => doc.querySelectorAll('article'))).toEqual([]);
      // Chronological: within a day, the times never go back (date-only updates have none).
      for (const section of sections) {
        const times = section
          .querySelectorAll('.headlines time')
          .map((t) => Date.parse(t.getAttribute('datetime')!));
        expect(times).toEqual(times.toSorted((x, y) => x - y));
      }
      const days = sections.map((section) => section.querySelector('h2')!.id);
      expect(days).toEqual(days.toSorted());
      // Pages link to each other in order.
      for (const [i, [path, doc]] of fromStart.entries()) {
        const next = doc.querySelector('.pager a[rel="next"]')?.getAttribute('href');
        expect(next, path).toBe(
          i + 1 < fromStart.length ? `/stories/${slug}/from-the-start/${i + 2}/` : undefined,
        );
      }
    },
  );

  test('the timeline links to it; a closed story prominently', () => {
    for (const s of stories) {
      const timeline = page(`stories/${s.slug}/index.html`);
      const link = timeline.querySelector(
        s.status === 'closed'
          ? '.ended-note a.button-link'
          : '.live-note a[href$="/from-the-start/"]',
      );
      expect(link?.getAttribute('href'), s.slug).toBe(`/stories/${s.slug}/from-the-start/`);
    }
  });
});

describe('archive by month', () => {
  const monthPages = [...pages.keys()].filter((p) =>
    /^archive\/\d{4}\/\d{2}\/index\.html$/.test(p),
  );

  test('every month with updates has a page, listed on /archive/ newest first', () => {
    const months = [...new Set(bulletins.map((b) => b.day.slice(0, 7)))].sort().reverse();
    expect(
      monthPages
        .map((p) => p.slice(8, 15).replace('/', '-'))
        .toSorted()
        .reverse(),
    ).toEqual(months);
    const listed = page('archive/index.html')
      .querySelectorAll('.archive-months a')
      .map((a) => a.getAttribute('href'));
    expect(listed).toEqual(months.map((m) => `/archive/${m.replace('-', '/')}/`));
  });

  test('every bulletin is counted in exactly one month, under its story, linked to its day page', () => {
    const counted = new Map<string, number>();
    for (const path of monthPages) {
      for (const section of page(path).querySelectorAll('section.month-story')) {
        const slug = /\/stories\/([^/]+)\//.exec(
          section.querySelector('h2 a')!.getAttribute('href')!,
        )![1]!;
        let sum = 0;
        for (const li of section.querySelectorAll('.day-chips li')) {
          const day = /\/(\d{4}-\d{2}-\d{2})\/$/.exec(
            li.querySelector('a')!.getAttribute('href')!,
          )![1]!;
          const n = Number(li.querySelector('small')!.text);
          sum += n;
          const key = `${slug} ${day}`;
          expect(counted.has(key), `${key} twice`).toBe(false);
          counted.set(key, n);
          expect(path.slice(8, 15).replace('/', '-'), key).toBe(day.slice(0, 7));
        }
        expect(section.querySelector('.story-kicker')!.text).toContain(`${sum} update`);
      }
    }
    const expected = new Map<string, number>();
    for (const b of bulletins)
      expected.set(`${b.story} ${b.day}`, (expected.get(`${b.story} ${b.day}`) ?? 0) + 1);
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(expected));
  });
});

describe('tags', () => {
  const allTags = new Map<string, string>();
  for (const t of [...stories.flatMap((s) => s.tags ?? []), ...bulletins.flatMap((b) => b.tags)])
    allTags.set(tagSlug(t), t);

  test('every tag has a page, listed on /tags/', () => {
    expect(allTags.size).toBeGreaterThan(3);
    const listed = page('tags/index.html')
      .querySelectorAll('.tag-index a')
      .map((a) => a.getAttribute('href'));
    expect(listed.toSorted()).toEqual(
      [...allTags.keys()].map((slug) => `/tags/${encodeURIComponent(slug)}/`).toSorted(),
    );
  });

  test.each([...allTags.keys()])('%s: its stories and its newest updates, each linked', (slug) => {
    const doc = page(`tags/${slug}/index.html`);
    const storyLinks = doc.querySelectorAll('.tag-stories a').map((a) => a.getAttribute('href'));
    expect(storyLinks.toSorted()).toEqual(
      stories
        .filter((s) => (s.tags ?? []).some((t) => tagSlug(t) === slug))
        .map((s) => `/stories/${s.slug}/`)
        .toSorted(),
    );
    const tagged = bulletins.filter((b) => b.tags.some((t) => tagSlug(t) === slug));
    const updates = doc.querySelectorAll('.update-list-text a').map((a) => a.getAttribute('href'));
    expect(updates.length).toBe(Math.min(tagged.length, settings.tagUpdates));
    for (const href of updates)
      expect(tagged.map((b) => `/stories/${b.story}/${b.day}/#${b.id}`)).toContain(href);
  });

  test('tags are links on bulletins and story timelines', () => {
    for (const b of bulletins.filter((x) => x.tags.length)) {
      const article = page(`stories/${b.story}/${b.day}/index.html`).querySelector(
        `article[id="${b.id}"]`,
      )!;
      expect(article.querySelectorAll('.tag-list a').map((a) => a.getAttribute('href'))).toEqual(
        b.tags.map((t) => `/tags/${encodeURIComponent(tagSlug(t))}/`),
      );
    }
    for (const s of stories) {
      const links = page(`stories/${s.slug}/index.html`)
        .querySelectorAll('.story-header .tag-list a')
        .map((a) => a.text);
      expect(links).toEqual(s.tags ?? []);
    }
  });
});

describe('activity chart', () => {
  test.each(stories.map((s) => s.slug))(
    '%s: inline SVG, bars linked to day pages, a text alternative naming the busiest days',
    (slug) => {
      const own = bulletins.filter((b) => b.story === slug);
      const figure = page(`stories/${slug}/index.html`).querySelector('figure.activity')!;
      const svg = figure.querySelector('svg')!;
      expect(svg.getAttribute('aria-hidden')).toBe('true');
      // Sized by CSS: no width or height attributes.
      expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual([
        undefined,
        undefined,
      ]);
      const days = [...new Set(own.map((b) => b.day))];
      const hrefs = svg.querySelectorAll('a').map((a) => a.getAttribute('href'));
      expect(hrefs.toSorted()).toEqual(days.map((d) => `/stories/${slug}/${d}/`).toSorted());
      for (const a of svg.querySelectorAll('a')) expect(a.getAttribute('tabindex')).toBe('-1');
      const counts = new Map<string, number>();
      for (const b of own) counts.set(b.day, (counts.get(b.day) ?? 0) + 1);
      const busiest = [...counts.entries()].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      )[0]!;
      const caption = figure.querySelector('figcaption')!;
      expect(caption.text).toContain(
        slug.endsWith('-ru') ? `${own.length} сообщени` : `${own.length} update`,
      );
      expect(caption.querySelector('a')?.getAttribute('href')).toBe(
        `/stories/${slug}/${busiest[0]}/`,
      );
    },
  );

  test('the front page cards show a small version, without links', () => {
    const cards = page('index.html').querySelectorAll('.story-card');
    expect(cards.length).toBe(stories.length);
    for (const card of cards) {
      expect(card.querySelector('svg.activity-chart-small rect')).not.toBeNull();
      expect(card.querySelectorAll('svg a')).toHaveLength(0);
    }
  });
});

describe('every new page is in the sitemap and under the CSP', () => {
  test('the sitemap lists key events, from-the-start pages, the archive and tags', () => {
    const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const expected = [...pages.keys()]
      .filter((p) => /^(stories\/[^/]+\/(key-events|from-the-start)|archive|tags)\//.test(p))
      .map((p) => `/${p.replace(/index\.html$/, '')}`);
    expect(expected.length).toBeGreaterThan(10);
    for (const path of expected) expect(locs).toContain(encodeURI(path));
  });

  test('one stylesheet, with print rules that hide navigation and show permalinks', () => {
    const css = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.css'));
    const text = css.map((f) => readFileSync(join(DIST, '_astro', f), 'utf8')).join('\n');
    expect(text).toMatch(/@media print/);
    const print = text.slice(text.indexOf('@media print'));
    for (const selector of ['.site-header nav', '.day-nav', '.permalink', '.search-form'])
      expect(print).toContain(selector);
    // The chart prints, in greys.
    expect(print).toMatch(/\.activity-chart rect\s*\{[^}]*fill:\s*#777/);
    expect(print).toMatch(/\.print-link\s*\{[^}]*display:\s*inline/);
    expect(print).toMatch(/break-inside:\s*avoid/);
  });

  test('each update carries its permalink for paper, hidden on screen', () => {
    const b = bulletins[0]!;
    const link = page(`stories/${b.story}/${b.day}/index.html`).querySelector(
      `article[id="${b.id}"] .print-link`,
    );
    expect(link?.text).toBe(`localhost:4321/stories/${b.story}/${b.day}/#${b.id}`);
  });
});
