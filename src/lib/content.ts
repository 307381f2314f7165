/**
 * The one adapter between Astro's content collections and the rest of the site: it calls
 * getCollection and hands out plain view models. Pages call these functions and nothing else.
 */
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { config } from '../config';
import type { BulletinRecord } from '../schemas/bulletin';
import type { StoryRecord } from '../schemas/story';
import { splitFrontmatter } from './frontmatter';
import { published, renderKey } from '../render/registry';
import { renderOnce, type Rendered } from './markdown';
import { atom, buildFeedItems, jsonFeed, rss } from './feeds';
import { rebaseHtml, type FeedFormat } from './paths';
import { absoluteUrl, paths, viewContext } from './site';
import { buildStoryViews, compareNewestFirst, orderStories, type StoryView } from './timeline';

async function loadStories(): Promise<StoryView[]> {
  const [stories, bulletins] = await Promise.all([getCollection('stories'), getCollection('bulletins')]);
  return orderStories(buildStoryViews(stories.map((e) => e.data), bulletins.map((e) => e.data)));
}

let views: Promise<StoryView[]> | undefined;

/** All stories with their bulletins, front-page order; built once per build (every page asks). */
export function getStories(): Promise<StoryView[]> {
  // In `astro dev` content changes while the server runs: never keep a copy there.
  if (import.meta.env.DEV) return loadStories();
  return (views ??= loadStories());
}

/**
 * A bulletin's body: sanitized HTML with ids scoped to its update id. The content loader has
 * rendered it already in this process; rendering here is the fallback for other contexts.
 */
export async function renderBulletin(b: BulletinRecord): Promise<Rendered> {
  const key = renderKey(b.story, b.id);
  const rendered = (await published()?.rendered)?.get(key) ?? (await renderOnce(key, splitFrontmatter(readFileSync(b.file, 'utf8')).body, { idPrefix: b.id, topHeading: 4 }));
  return { ...rendered, html: rebaseHtml(rendered.html, import.meta.env.BASE_URL) };
}

/** Several bodies at once, by bulletin: what story, day and feed pages need. */
export async function renderBulletins(list: readonly BulletinRecord[]): Promise<Map<BulletinRecord, Rendered>> {
  return new Map(await Promise.all(list.map(async (b) => [b, await renderBulletin(b)] as const)));
}

/** A story's introduction (the body of its index.md). */
export async function renderIntro(story: StoryRecord): Promise<Rendered> {
  const key = renderKey(story.slug, 'index');
  return (await published()?.rendered)?.get(key) ?? renderOnce(key, story.intro, { idPrefix: 'intro', topHeading: 2 });
}


const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** A feed of the whole site, or of one story, as an HTTP response for an endpoint. */
export async function feedResponse(format: FeedFormat, storySlug?: string): Promise<Response> {
  const views = await getStories();
  const chosen = storySlug ? views.filter((v) => v.story.slug === storySlug) : views;
  const entries = chosen
    .flatMap((v) => v.bulletins.map((bulletin) => ({ story: v.story, bulletin })))
    .sort((a, b) => compareNewestFirst(a.bulletin, b.bulletin))
    .slice(0, config.feedItems);
  const bodies = await renderBulletins(entries.map((e) => e.bulletin));
  const items = buildFeedItems(entries, (b) => bodies.get(b)!, viewContext, absoluteUrl, config.feedItems);
  const story = chosen[0]?.story;
  const meta = {
    title: storySlug && story ? `${story.title} · ${config.title}` : config.title,
    description: storySlug && story ? story.summary : config.description,
    home: absoluteUrl(storySlug ? paths.story(storySlug) : paths.home()),
    links: {
      rss: absoluteUrl(paths.feed('rss', storySlug)),
      atom: absoluteUrl(paths.feed('atom', storySlug)),
      json: absoluteUrl(paths.feed('json', storySlug)),
    },
    language: config.lang,
  };
  const body = format === 'rss' ? rss(meta, items) : format === 'atom' ? atom(meta, items) : jsonFeed(meta, items);
  return new Response(body, { headers: { 'content-type': CONTENT_TYPES[format] } });
}

