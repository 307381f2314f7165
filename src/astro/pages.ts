/**
 * The one adapter between the content loaders and the pages: it takes the content state the
 * loaders published (src/astro/handoff.ts) and hands out the routes Astro may cache, the rendered
 * bodies by key, and the feeds. What each page shows is built on top of it, in story-pages.ts and
 * site-pages.ts.
 */
import type { BulletinRecord } from '../schemas/bulletin.ts';
import type { StoryRecord } from '../schemas/story.ts';
import { published } from './handoff.ts';
import type { Rendered } from '../lib/markdown/pipeline.ts';
import { atom, buildFeedItems, jsonFeed, rss } from '../lib/publish/feeds.ts';
import { FEEDS, rebaseHtml, rebasePath, type FeedFormat } from '../core/paths.ts';
import {
  authorFeedRoutes,
  authorRoutes,
  archiveRoutes,
  dayRoutes,
  fromStartRoutes,
  keyEventRoutes,
  liveRoutes,
  storyFeedRoutes,
  pictureRoutes,
  storyFileRoutes,
  storyRoutes,
  wholeStoryRoutes,
  tagRoutes,
  type AuthorFeedProps,
  type StoryFeedProps,
  type WholeStoryProps,
} from '../lib/site/routes.ts';
import { storyFile } from '../lib/publish/story-file.ts';
import { formatDayRange } from '../lib/site/views.ts';
import { absoluteUrl, paths, storyLanguage, viewContext, settings } from './site.ts';
import { newestAcross, type StoryView } from '../lib/site/timeline.ts';

/** All stories with their bulletins, front-page order (built once per content state, by the loader). */
export function getStories(): StoryView[] {
  return published().views;
}

/** Day pages, story timelines and story feeds, with their props and cache keys (src/lib/site/routes.ts). */
export const getDayRoutes = () => dayRoutes(getStories());
export const getStoryRoutes = () =>
  storyRoutes(
    getStories(),
    {
      days: settings.timelineDays,
      bulletins: settings.timelineBulletins,
      keyEvents: settings.timelineKeyEvents,
    },
    settings.wholeStoryUpdates,
  );
/** Each story as files to download (one for most stories). */
export const getWholeStoryRoutes = () => wholeStoryRoutes(getStories(), settings.wholeStoryUpdates);
/** Key-events pages, pages of a story from the start, the archive by month, and tags (the same rule). */
export const getKeyEventRoutes = () => keyEventRoutes(getStories(), settings.keyEventsPerPage);
export const getFromStartRoutes = () => fromStartRoutes(getStories(), settings.fromStartUpdates);
export const getArchive = () => archiveRoutes(getStories(), settings.monthKeyEvents);
export const getTags = () => tagRoutes(getStories(), settings.locale, settings.tagUpdates);
/** Authors' pages: their bio and newest updates, and older updates page by page. */
export const getAuthorRoutes = () =>
  authorRoutes(getStories(), published().authors, settings.authorUpdates);
/** Authors' photos. */
export const getAuthorPhotoRoutes = () => storyFileRoutes(published().photos);
/** An author's feed: their newest updates. */
export const getAuthorFeedRoutes = () =>
  authorFeedRoutes(getStories(), published().authors, settings.feedItems);
/** The copies of the pictures next to the bulletins, in the widths the site's pages offer. */
export const getPictureRoutes = () => pictureRoutes(published().files, settings.pictures);
/** Files placed next to the bulletins, published with their stories. */
export const getStoryFileRoutes = () => storyFileRoutes(published().files);
/** Each story's `latest.json`, polled by its open timeline while it is live (src/scripts/live.ts). */
export const getLiveRoutes = () => liveRoutes(getStories(), settings.live.entries);
export const getStoryFeedRoutes = () => storyFeedRoutes(getStories(), settings.feedItems);
/** A story's embed: the same props as its feed (its head and newest bulletins), fewer of them. */
export const getEmbedRoutes = () => storyFeedRoutes(getStories(), settings.embed.updates);
/** Its oEmbed: the story's head alone (no bulletins), so that a new bulletin leaves it as it is. */
export const getOembedRoutes = () => storyFeedRoutes(getStories(), 0);

/** A rendered body by the key its record carries, root-relative URLs under the base path. */
async function renderedBody(record: {
  file: string;
  rendered?: string | undefined;
}): Promise<Rendered> {
  if (!record.rendered)
    throw new Error(
      `${record.file} has no rendered body: the loaders set one on every record they publish`,
    );
  const rendered = await published().body(record.rendered);
  const base = import.meta.env.BASE_URL;
  return {
    ...rendered,
    html: rebaseHtml(rendered.html, base),
    ...(rendered.picture
      ? { picture: { ...rendered.picture, src: rebasePath(rendered.picture.src, base) } }
      : {}),
  };
}

/** A bulletin's body: sanitized HTML with ids scoped to its update id, root-relative URLs under the base path. */
export const renderBulletin = (b: BulletinRecord): Promise<Rendered> => renderedBody(b);

/** Several bodies at once, by bulletin: what story, day and feed pages need. */
export async function renderBulletins(
  list: readonly BulletinRecord[],
): Promise<Map<BulletinRecord, Rendered>> {
  return new Map(await Promise.all(list.map(async (b) => [b, await renderBulletin(b)] as const)));
}

/** An author's bio (the body of their file), root-relative URLs under the base path. */
export const renderBio = (author: { file?: string; rendered?: string | undefined }) =>
  renderedBody({ file: author.file ?? '', rendered: author.rendered });

/** A story's introduction (the body of its index.md), root-relative URLs under the base path. */
export const renderIntro = (story: StoryRecord): Promise<Rendered> => renderedBody(story);

/** A story's summary (its summary.md), if it has one, root-relative URLs under the base path. */
export const renderBriefing = async (story: StoryRecord): Promise<Rendered | undefined> =>
  story.briefing ? renderedBody(story.briefing) : undefined;

/** The newest `n` bulletins across all stories, with their stories (the front page, the site's feeds). */
export function getLatestAcross(n: number): { story: StoryRecord; bulletin: BulletinRecord }[] {
  const stories = getStories();
  const bySlug = new Map(stories.map((v) => [v.story.slug, v.story]));
  return newestAcross(stories, n).map((bulletin) => ({
    story: bySlug.get(bulletin.story)!,
    bulletin,
  }));
}

/** A story's feed or an author's (from its route's props), or the whole site's, as an HTTP response for an endpoint. */
export async function feedResponse(
  format: FeedFormat,
  source?: StoryFeedProps | AuthorFeedProps,
): Promise<Response> {
  const entries = !source
    ? getLatestAcross(settings.feedItems)
    : 'bulletins' in source
      ? source.bulletins.map((bulletin) => ({ story: source.story, bulletin }))
      : source.updates;
  const bodies = await renderBulletins(entries.map((e) => e.bulletin));
  const items = buildFeedItems(
    entries,
    (b) => bodies.get(b)!,
    viewContext,
    absoluteUrl,
    settings.feedItems,
  );
  const story = source && 'story' in source ? source.story : undefined;
  const author = source && 'author' in source ? source.author : undefined;
  const feedOf = (f: FeedFormat) =>
    absoluteUrl(author ? paths.authorFeed(f, author.slug) : paths.feed(f, story?.slug));
  const meta = {
    title: `${story?.title ?? author?.name ?? ''}${source ? ' · ' : ''}${settings.title}`,
    description: story ? story.summary : author ? author.name : settings.description,
    home: absoluteUrl(
      author ? paths.author(author.slug) : story ? paths.story(story.slug) : paths.home(),
    ),
    links: { rss: feedOf('rss'), atom: feedOf('atom'), json: feedOf('json') },
    // A story told in another language says so in its feeds.
    language: story?.lang ?? settings.lang,
    mirrors: settings.mirrors.map((m) => `${m}${new URL(feedOf(format)).pathname}`),
  };
  const body =
    format === 'rss'
      ? rss(meta, items)
      : format === 'atom'
        ? atom(meta, items)
        : jsonFeed(meta, items);
  return new Response(body, {
    headers: { 'content-type': `${FEEDS[format].type}; charset=utf-8` },
  });
}

/** A story, or a part of a long one, as one file to download (src/lib/publish/story-file.ts). */
export async function wholeStoryResponse(props: WholeStoryProps): Promise<Response> {
  const { story, days, span, earlier, later } = props;
  const language = storyLanguage(story);
  const ctx = language?.ctx ?? viewContext;
  const words = (language?.ui ?? viewContext.ui!).whole;
  const bodies = await renderBulletins(days.flatMap((d) => d.bulletins));
  const storyPath = paths.story(story.slug);
  const text = storyFile({
    story,
    days,
    body: (b) => bodies.get(b)!,
    ctx,
    absolute: absoluteUrl,
    addresses: [
      absoluteUrl(storyPath),
      ...settings.mirrors.map((m) => `${m}${storyPath}`),
      ...(settings.onion ? [`${settings.onion}${storyPath}`] : []),
    ],
    words,
    lang: language?.lang ?? settings.lang,
    ...(span ? { range: formatDayRange(span.first, span.last, ctx.locale) } : {}),
    ...(earlier ? { earlier: absoluteUrl(paths.wholeStory(story.slug, earlier.first)) } : {}),
    ...(later ? { later: absoluteUrl(paths.wholeStory(story.slug, later.first)) } : {}),
  });
  return new Response(text, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
