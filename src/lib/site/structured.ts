/**
 * schema.org JSON-LD: a LiveBlogPosting for a story, its updates as BlogPostings, a
 * CollectionPage for a day, a WebSite (with its search) for the front page. Built from the same
 * view models as the pages, and serialized so that no text can close the <script> element.
 */
import { viewBulletin, type StoryPlace, type ViewContext } from './views.ts';
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import { isoIn } from '../../core/dates.ts';
import { lastChanged } from './timeline.ts';

type Json = Record<string, unknown>;

/** Serializes for a `<script type="application/ld+json">`: `<`, `>`, `&` and line separators escaped. */
export function jsonLd(data: Json): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The updates of `bulletins` as BlogPostings: headline, permalink, times, keywords and authors. Their text is
 * on the page already; repeated here it made up some 40 % of a day page's bytes. Nothing said twice
 * either: the permalink is the `url` (an `@id` beside it was the same 100 bytes again), and
 * `dateModified` is there only for a corrected update (schema.org takes its absence as unchanged).
 */
function postings(
  story: StoryPlace,
  bulletins: readonly BulletinRecord[],
  ctx: ViewContext,
  absolute: (p: string) => string,
): Json[] {
  return bulletins.map((b) => {
    const v = viewBulletin(b, story, ctx);
    return {
      '@type': 'BlogPosting',
      url: absolute(v.permalink),
      headline: v.heading,
      datePublished: isoIn(b.instant, story.timezone),
      ...(lastChanged(b) !== b.instant
        ? { dateModified: isoIn(lastChanged(b), story.timezone) }
        : {}),
      ...(b.tags.length ? { keywords: b.tags.join(', ') } : {}),
      ...(b.authors.length
        ? {
            author: b.authors.map((a) => ({
              '@type': 'Person',
              name: a.name,
              url: absolute(ctx.paths.author(a.slug)),
            })),
          }
        : {}),
    };
  });
}

/** What a story's JSON-LD says of the whole story: its first and latest bulletins, and its newest change (`modified`). */
export interface StoryCoverage {
  story: StoryRecord;
  first?: BulletinRecord | undefined;
  latest?: BulletinRecord | undefined;
  modified?: number | undefined;
}

/** A story timeline: its coverage span, its summary's text (what it is about), and the updates the page shows. */
export function storyLd(
  { story, first, latest, modified: newest }: StoryCoverage,
  shown: readonly BulletinRecord[],
  ctx: ViewContext,
  absolute: (p: string) => string,
  site: string,
  summary?: string,
): Json {
  const tz = story.timezone;
  const url = absolute(ctx.paths.story(story.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': url,
    url,
    headline: story.title,
    description: story.summary,
    ...(summary ? { abstract: summary } : {}),
    ...(story.tags.length ? { keywords: story.tags.join(', ') } : {}),
    publisher: { '@type': 'Organization', name: site },
    ...(first
      ? { coverageStartTime: isoIn(first.instant, tz), datePublished: isoIn(first.instant, tz) }
      : {}),
    ...(story.status === 'closed' && latest ? { coverageEndTime: isoIn(latest.instant, tz) } : {}),
    ...(newest !== undefined ? { dateModified: isoIn(newest, tz) } : {}),
    liveBlogUpdate: postings(story, shown, ctx, absolute),
  };
}

/** A day page: part of its story's live blog, holding that day's updates. */
export function dayLd(
  story: StoryPlace & { title: string },
  day: { day: string; bulletins: readonly BulletinRecord[] },
  ctx: ViewContext,
  absolute: (p: string) => string,
  name: string,
): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': absolute(ctx.paths.dayPage(story.slug, day.day)),
    url: absolute(ctx.paths.dayPage(story.slug, day.day)),
    name,
    isPartOf: {
      '@type': 'LiveBlogPosting',
      '@id': absolute(ctx.paths.story(story.slug)),
      headline: story.title,
    },
    hasPart: postings(story, day.bulletins, ctx, absolute),
  };
}

/** An author's page: a ProfilePage about them, a Person with their role and photo. */
export function authorLd(
  author: { slug: string; name: string; role?: string | undefined; photo?: string | undefined },
  ctx: ViewContext,
  absolute: (p: string) => string,
): Json {
  const url = absolute(ctx.paths.author(author.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    '@id': url,
    url,
    mainEntity: {
      '@type': 'Person',
      '@id': `${url}#person`,
      name: author.name,
      url,
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(author.photo ? { image: absolute(ctx.paths.authorPhoto(author.photo)) } : {}),
    },
  };
}

/** The front page: the site and its search. */
export function siteLd(
  name: string,
  description: string,
  ctx: ViewContext,
  absolute: (p: string) => string,
): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absolute(ctx.paths.home()),
    url: absolute(ctx.paths.home()),
    name,
    description,
    potentialAction: {
      '@type': 'SearchAction',
      target: `${absolute(ctx.paths.search())}?q={search_term_string}`,
      'query-input': 'required name=search_term_string',
    },
  };
}
