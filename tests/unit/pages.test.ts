// "A cached page renders from its props alone", checked on the pages themselves: every route Astro
// may take from its page cache is rendered (Astro's container API) with nothing but its props and
// the bodies they name by key. The content state the loader hands to pages is there, but any read
// of it throws, so a page that looked beyond its props (the story list, the files) fails here;
// the front page, which must read it, shows that the trap springs.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import { publish } from '../../src/astro/handoff.ts';
import { bodyOf } from '../../src/lib/content/check.ts';
import {
  bioScope,
  briefingScope,
  bulletinScope,
  introScope,
  renderMarkdown,
  type Rendered,
} from '../../src/lib/markdown/pipeline.ts';
import { loadArchive } from '../../src/lib/content/read.ts';
import {
  authorFeedRoutes,
  authorRoutes,
  archiveRoutes,
  dayRoutes,
  fromStartRoutes,
  keyEventRoutes,
  liveRoutes,
  storyFeedRoutes,
  storyFileRoutes,
  storyRoutes,
  tagRoutes,
  type CachedRoute,
} from '../../src/lib/site/routes.ts';
import { buildStoryViews, orderStories } from '../../src/lib/site/timeline.ts';
import ArchiveMonth from '../../src/pages/archive/[year]/[month].astro';
import FrontPage from '../../src/pages/index.astro';
import DayPage from '../../src/pages/stories/[story]/[day].astro';
import * as StoryAtom from '../../src/pages/stories/[story]/atom.xml.ts';
import * as StoryJsonFeed from '../../src/pages/stories/[story]/feed.json.ts';
import * as StoryRss from '../../src/pages/stories/[story]/feed.xml.ts';
import * as StoryFile from '../../src/pages/stories/[story]/files/[name].ts';
import FromStart from '../../src/pages/stories/[story]/from-the-start/[...page].astro';
import Timeline from '../../src/pages/stories/[story]/index.astro';
import KeyEvents from '../../src/pages/stories/[story]/key-events/[...page].astro';
import * as Latest from '../../src/pages/stories/[story]/latest.json.ts';
import TagPage from '../../src/pages/tags/[tag].astro';
import AuthorPage from '../../src/pages/authors/[author]/[...page].astro';
import * as AuthorRss from '../../src/pages/authors/[author]/feed.xml.ts';
import * as AuthorAtom from '../../src/pages/authors/[author]/atom.xml.ts';
import * as AuthorJsonFeed from '../../src/pages/authors/[author]/feed.json.ts';
import { RENDER, SETTINGS } from './fixtures.ts';

const OUTSIDE = 'a cached page read the content state outside its props';
const trap = (): never => {
  throw new Error(OUTSIDE);
};

let container: AstroContainer;
const routes: Record<string, CachedRoute<unknown>[]> = {};

beforeAll(async () => {
  const { archive, files } = loadArchive(
    process.cwd(),
    SETTINGS,
    Date.parse('2026-12-01T00:00:00Z'),
  );
  const text = new Map(files.map((f) => [f.path, f.text]));
  // The bodies, by keys of the test's own making: the pages only pass the key on.
  const bodies = new Map<string, Rendered>();
  const stories = await Promise.all(
    archive.stories.map(async (s) => {
      bodies.set(
        `test:${s.file}`,
        await renderMarkdown(bodyOf(text.get(s.file)!), introScope(s), RENDER),
      );
      const b = s.briefing;
      if (b)
        bodies.set(
          `test:${b.file}`,
          await renderMarkdown(bodyOf(text.get(b.file)!), briefingScope(s), RENDER),
        );
      return {
        ...s,
        rendered: `test:${s.file}`,
        ...(b ? { briefing: { ...b, rendered: `test:${b.file}` } } : {}),
      };
    }),
  );
  const bulletins = await Promise.all(
    archive.bulletins.map(async (b) => {
      bodies.set(
        `test:${b.file}`,
        await renderMarkdown(bodyOf(text.get(b.file)!), bulletinScope(b), RENDER),
      );
      return { ...b, rendered: `test:${b.file}` };
    }),
  );
  publish({
    get views() {
      return trap();
    },
    get files() {
      return trap();
    },
    get authors() {
      return trap();
    },
    get photos() {
      return trap();
    },
    body: async (key) => bodies.get(key) ?? trap(),
  });
  const authors = await Promise.all(
    archive.authors.map(async (a) => {
      bodies.set(
        `test:${a.file}`,
        await renderMarkdown(bodyOf(text.get(a.file)!), bioScope(a), RENDER),
      );
      return { ...a, rendered: `test:${a.file}` };
    }),
  );
  const views = orderStories(buildStoryViews(stories, bulletins));
  const limits = {
    days: SETTINGS.timelineDays,
    bulletins: SETTINGS.timelineBulletins,
    keyEvents: SETTINGS.timelineKeyEvents,
  };
  Object.assign(routes, {
    day: dayRoutes(views),
    timeline: storyRoutes(views, limits),
    feed: storyFeedRoutes(views, SETTINGS.feedItems),
    keyEvents: keyEventRoutes(views, SETTINGS.keyEventsPerPage),
    fromStart: fromStartRoutes(views, SETTINGS.fromStartUpdates),
    month: archiveRoutes(views, SETTINGS.monthKeyEvents).months,
    tag: tagRoutes(views, SETTINGS.locale, SETTINGS.tagUpdates).tags,
    file: storyFileRoutes(archive.files),
    latest: liveRoutes(views, SETTINGS.live.entries),
    author: authorRoutes(views, authors, SETTINGS.authorUpdates),
    authorFeed: authorFeedRoutes(views, authors, SETTINGS.feedItems),
  });
  container = await AstroContainer.create();
}, 60_000);

describe('a cached page renders from its props alone', () => {
  const pages = {
    day: DayPage,
    timeline: Timeline,
    keyEvents: KeyEvents,
    fromStart: FromStart,
    month: ArchiveMonth,
    tag: TagPage,
    author: AuthorPage,
  };
  test.each(Object.entries(pages))('%s pages', async (kind, page) => {
    expect(routes[kind]!.length).toBeGreaterThan(0);
    for (const { params, props } of routes[kind]!) {
      const html = await container.renderToString(page, {
        params: params,
        props: props as Record<string, unknown>,
      });
      expect(html).toContain('<main');
    }
  });

  const endpoints = {
    feed: [StoryRss, StoryAtom, StoryJsonFeed],
    file: [StoryFile],
    latest: [Latest],
    authorFeed: [AuthorRss, AuthorAtom, AuthorJsonFeed],
  };
  test.each(Object.entries(endpoints))('%s endpoints', async (kind, modules) => {
    expect(routes[kind]!.length).toBeGreaterThan(0);
    for (const { params, props } of routes[kind]!) {
      for (const endpoint of modules) {
        const response = await container.renderToResponse(endpoint as never, {
          routeType: 'endpoint',
          params: params,
          props: props as Record<string, unknown>,
        });
        expect(response.status).toBe(200);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
    }
  });

  test('the trap springs on a page that reads the content state (the front page, which is never cached)', async () => {
    await expect(container.renderToString(FrontPage)).rejects.toThrow(OUTSIDE);
  });
});
