/**
 * What a build renders: every record that shows a Markdown body (a story's introduction and
 * summary, an author's bio, a bulletin) gets the key of its rendered body, which covers the
 * pipeline's code and packages, its options, the body's scope and its file's bytes; the bodies the
 * store lacks become jobs. Records carry their key (`rendered`), so the props of every page that
 * shows a body, and the inputs of its search record, change whenever the body would
 * (src/lib/site/routes.ts).
 */
import { renderKey } from '../core/cache-keys.ts';
import type { Archive } from '../lib/content/archive.ts';
import {
  bioScope,
  briefingScope,
  bulletinScope,
  introScope,
  type RenderOptions,
  type ScopeOptions,
} from '../lib/markdown/pipeline.ts';
import type { AuthorRecord } from '../schemas/author.ts';
import type { BulletinRecord } from '../schemas/bulletin.ts';
import type { StoryRecord } from '../schemas/story.ts';
import type { Job } from './job.ts';

/** A body the build shows: where it comes from and how it is rendered. */
export interface Wanted {
  key: string;
  file: string;
  /** The digest of its file's text. */
  digest: string;
  scope: ScopeOptions;
}

export interface RenderPlan {
  /** The records, each with its body's key in `rendered`. */
  stories: StoryRecord[];
  authors: AuthorRecord[];
  bulletins: BulletinRecord[];
  /** Every body of this content state, bulletins oldest first (the search index is built in tiers of consecutive time and can start on the first as soon as its bodies are in). */
  wanted: Wanted[];
}

/** Gives every record its body's key; `pipeline` is the pipeline code's version (src/cache/versions.ts). */
export function planRenders(
  archive: Archive,
  pipeline: string,
  options: RenderOptions,
): RenderPlan {
  const wanted: Wanted[] = [];
  const want = (file: string, digest: string, scope: ScopeOptions): string => {
    const key = renderKey(pipeline, options, scope, digest);
    wanted.push({ key, file, digest, scope });
    return key;
  };
  const stories = archive.stories.map(({ briefing, ...s }) => ({
    ...s,
    rendered: want(s.file, s.digest, introScope(s)),
    ...(briefing
      ? {
          briefing: {
            ...briefing,
            rendered: want(
              briefing.file,
              briefing.digest,
              briefingScope(s, archive.media[briefing.file]),
            ),
          },
        }
      : {}),
  }));
  const authors = archive.authors.map((a) => ({
    ...a,
    rendered: want(a.file, a.digest, bioScope(a)),
  }));
  const byKey = new Map<BulletinRecord, string>();
  for (const b of archive.bulletins.toSorted((x, y) => x.instant - y.instant))
    byKey.set(b, want(b.file, b.digest, bulletinScope(b, archive.media[b.file])));
  const bulletins = archive.bulletins.map((b) => ({ ...b, rendered: byKey.get(b)! }));
  return { stories, authors, bulletins, wanted };
}

/**
 * The jobs for the wanted bodies whose key is not in the store, without their texts: the render
 * pool reads each text when it sends the job (`JobText`), so that a build holds the texts of the
 * batches being rendered, not of every body it renders (at 100,000 bulletins, hundreds of
 * megabytes for the whole of a cold build).
 */
export function jobsFor(
  wanted: readonly Wanted[],
  present: ReadonlySet<string>,
  options: RenderOptions,
): PlannedJob[] {
  return wanted
    .filter((w) => !present.has(w.key))
    .map((w) => ({ key: w.key, file: w.file, digest: w.digest, scope: w.scope, options }));
}

/** A job before its text is read. */
export type PlannedJob = Omit<Job, 'markdown'> & { digest: string };

/** Reads the Markdown body of a planned job (the loader's reads its file again and checks its digest). */
export type JobText = (job: PlannedJob) => string;
