/**
 * Live story pages (src/scripts/live.ts): what the build publishes for a story's open pages to
 * poll, and the pure decisions the script makes from it. No DOM and no clock here: the script
 * passes in what it read.
 * Also bundled for the browser (src/scripts/live.ts): no Node APIs.
 */
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';

/** One update as `latest.json` lists it: its id, its story-local day, and its version (a change to its file changes it). */
export type LiveEntry = {
  id: string;
  day: string;
  v: string;
};

/** `/stories/<slug>/latest.json`: the story's status and its newest updates, newest first. (Type aliases: Astro takes them as props.) */
export type LiveState = {
  status: StoryRecord['status'];
  updates: LiveEntry[];
  /** The version of its summary (summary.md), when it has one. */
  summary?: string;
};

/** A bulletin's (or a summary's) version as pages carry it (`data-v`): a short digest of its file. */
export const liveVersion = (b: Pick<BulletinRecord, 'digest'>): string => b.digest.slice(0, 10);

/** The state published for a story: its newest `limit` bulletins (`bulletins` newest first), and its summary's version. */
export function liveState(
  story: Pick<StoryRecord, 'status' | 'briefing'>,
  bulletins: readonly BulletinRecord[],
  limit: number,
): LiveState {
  return {
    status: story.status,
    updates: bulletins.slice(0, limit).map((b) => ({ id: b.id, day: b.day, v: liveVersion(b) })),
    ...(story.briefing ? { summary: liveVersion(story.briefing) } : {}),
  };
}

/** What the page should do about a new state. */
export type LiveChange =
  /** Nothing new. */
  | { kind: 'same' }
  /** Updates newer than the page's newest, in `latest.json`'s order (newest first): the page can add them at the top. */
  | { kind: 'new'; added: LiveEntry[] }
  /** An update on the page was deleted or changed, or one appeared among older ones, or too many to patch: offer a reload. */
  | { kind: 'reload' };

/**
 * Compares the updates on the page (`page`: id and version, newest first, as in the document) with
 * the published ones (`latest`, newest first, perhaps only the newest few). New updates must all be
 * newer than everything on the page; after them, the published list and the page must agree, id
 * for id and version for version, as far as both go.
 */
export function diffUpdates(
  page: readonly { id: string; v: string }[],
  latest: readonly LiveEntry[],
): LiveChange {
  const onPage = new Set(page.map((p) => p.id));
  let k = 0;
  while (k < latest.length && !onPage.has(latest[k]!.id)) k++;
  // Nothing in common: fine when the page had no updates at all, else too much happened to patch
  // (or every update was deleted).
  if (k === latest.length && page.length > 0) return { kind: 'reload' };
  const overlap = Math.min(latest.length - k, page.length);
  for (let i = 0; i < overlap; i++) {
    const a = latest[k + i]!;
    const b = page[i]!;
    if (a.id !== b.id || a.v !== b.v) return { kind: 'reload' };
  }
  return k === 0 ? { kind: 'same' } : { kind: 'new', added: latest.slice(0, k) };
}

/**
 * Milliseconds until the next check: `base` with ±10 % jitter (`random` in [0, 1)), so that readers
 * who opened the page together do not poll together; after `failures` errors in a row, doubled for
 * each, up to `max`.
 */
export function nextDelay(base: number, failures: number, random: number, max = 600_000): number {
  return Math.min(max, base * 2 ** failures) * (0.9 + 0.2 * random);
}

/** How long ago, in the largest whole unit that fits (`12 minutes`, `3 hours`, `2 days`), for `Intl.RelativeTimeFormat`. */
export function agoParts(then: number, now: number): [number, 'minute' | 'hour' | 'day'] {
  const minutes = Math.max(0, Math.floor((now - then) / 60_000));
  if (minutes < 60) return [-minutes, 'minute'];
  if (minutes < 1440) return [-Math.floor(minutes / 60), 'hour'];
  return [-Math.floor(minutes / 1440), 'day'];
}
