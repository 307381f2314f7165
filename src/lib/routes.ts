/**
 * The routes Astro may take from its page cache between builds: their props and keys. Each page
 * renders from its props alone, and its `cacheKey` is the digest of those props (the rule in
 * src/lib/cache-keys.ts), so the props below are deliberately the least a page needs: a day page
 * does not carry the story's latest update or span, or every new bulletin would render every day
 * of its story again.
 */
import type { BulletinRecord } from '../schemas/bulletin';
import type { StoryRecord } from '../schemas/story';
import { pageKey } from './cache-keys';
import type { DayKey } from './dates';
import { lastChanged, neighbours, splitTimeline, type Day, type DaySummary, type StoryView } from './timeline';

/** What a page about one story shows of the story itself. */
export type StoryHead = Pick<StoryRecord, 'slug' | 'title' | 'summary' | 'status' | 'timezone'>;

/** A route with its props and the key Astro compares with the last build's. */
export interface CachedRoute<P, K extends string = string> {
  params: Record<K, string>;
  props: P;
  cacheKey: string;
}

const head = ({ slug, title, summary, status, timezone }: StoryRecord): StoryHead => ({ slug, title, summary, status, timezone });

const route = <P, K extends string>(params: Record<K, string>, props: P): CachedRoute<P, K> => ({ params, props, cacheKey: pageKey(props) });

// Props are type aliases, not interfaces: Astro requires props assignable to a string-indexed record.

/** A day page: the day's bulletins, its neighbours for the pager, and which bulletin is the story's latest if it is on this day. */
export type DayPageProps = {
  story: StoryHead;
  day: Day;
  latestId?: string;
  newer?: DayKey;
  older?: DayKey;
};

export function dayRoutes(views: readonly StoryView[]): CachedRoute<DayPageProps, 'story' | 'day'>[] {
  return views.flatMap((view) =>
    view.days.map((day) => {
      const latestId = view.latest && view.latest.day === day.day ? view.latest.id : undefined;
      return route({ story: view.story.slug, day: day.day }, { story: head(view.story), day, ...(latestId ? { latestId } : {}), ...neighbours(view.days, day.day) });
    }),
  );
}

/** A story timeline: the newest days in full, a summary of every day, and what its header and JSON-LD say. */
export type StoryPageProps = {
  story: StoryRecord;
  /** Days shown in full, newest first. */
  shown: Day[];
  /** Every day of the story, newest first, for the jump list and the index of days. */
  days: DaySummary[];
  latest?: BulletinRecord;
  first?: BulletinRecord;
  /** The newest publication or correction time of any of its bulletins. */
  modified?: number;
};

/** How much a timeline shows in full (`timelineDays`, `timelineBulletins` in src/config.ts). */
export interface TimelineLimits {
  days: number;
  bulletins: number;
}

export function storyRoutes(views: readonly StoryView[], limits: TimelineLimits): CachedRoute<StoryPageProps, 'story'>[] {
  return views.map((view) => {
    const { full } = splitTimeline(view.days, limits.days, limits.bulletins);
    const modified = view.bulletins.length ? Math.max(...view.bulletins.map(lastChanged)) : undefined;
    return route(
      { story: view.story.slug },
      {
        story: view.story,
        shown: full,
        days: view.days.map(({ day, bulletins }) => ({ day, count: bulletins.length, keyCount: bulletins.filter((b) => b.key).length })),
        ...(view.latest ? { latest: view.latest } : {}),
        ...(view.first ? { first: view.first } : {}),
        ...(modified !== undefined ? { modified } : {}),
      },
    );
  });
}

/** A story's feed: its newest bulletins. */
export type StoryFeedProps = {
  story: StoryHead;
  bulletins: BulletinRecord[];
};

export function storyFeedRoutes(views: readonly StoryView[], limit: number): CachedRoute<StoryFeedProps, 'story'>[] {
  return views.map((view) => route({ story: view.story.slug }, { story: head(view.story), bulletins: view.bulletins.slice(0, limit) }));
}
