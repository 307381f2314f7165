/**
 * Every cache key of the build, named in one place. A key is the digest of everything its output
 * is made from, and an output is reused only when its key is equal: a key that missed an input
 * would ship a stale page, so each key below says what it covers. Pure: inputs in, keys out; the
 * caches themselves live in src/cache/.
 *
 * The rule for pages: a page renders from its props alone (plus code and the settings, which
 * Astro's own module-graph hash covers: they reach pages as a module whose text is their values,
 * src/integrations/settings.ts; and `site`/`base`, which its config hash covers), and its key is
 * the digest of those props. A page cannot show an input its key misses.
 */
import { createHash } from 'node:crypto';

/** Bump when what a cache stores changes shape: every cache of an older Dateline is then ignored. */
export const CACHE_FORMAT = 1;

/** A short digest (144 bits, URL- and file-name-safe) of text or bytes. */
export function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url').slice(0, 24);
}

/**
 * The digest of a JSON-serializable value (plain data: no Maps, Dates or NaN). Two values with
 * the same JSON are the same data, so an equal key never stands for different content; the same
 * data built with its fields in another order would only miss the cache, and Dateline's builders
 * always build them in one order.
 */
export const digestOf = (value: unknown): string => digest(JSON.stringify(value));

/** A file's identity: its bytes. */
export const fileDigest = (bytes: string | Uint8Array): string => digest(bytes);

/**
 * A file's checked frontmatter: the checking code's version, what the file is (story or
 * bulletin: different schemas), and its bytes. Nothing else decides whether it is valid.
 */
export function parseKey(code: string, kind: 'story' | 'bulletin', file: string): string {
  return digestOf([CACHE_FORMAT, code, kind, file]);
}

/**
 * A rendered body: the rendering pipeline's code and its options (the settings it uses), how its
 * ids are scoped, where the file is (its relative links resolve from there), what it shows of other
 * files (a picture's size and digest, a post's snapshot), and the bytes of the file it comes from
 * (an edit anywhere in the file renders it again: cheap, and simpler than splitting).
 */
export function renderKey(
  pipeline: string,
  options: unknown,
  scope: {
    idPrefix: string;
    topHeading: number;
    source?: string | undefined;
    lead?: boolean | undefined;
    media?: unknown;
  },
  file: string,
): string {
  return digestOf([
    CACHE_FORMAT,
    pipeline,
    options,
    scope.idPrefix,
    scope.topHeading,
    scope.source ?? '',
    scope.lead === true,
    scope.media ?? {},
    file,
  ]);
}

/** A page: the digest of the props it renders from (see the rule above). */
export const pageKey = (props: unknown): string => digestOf([CACHE_FORMAT, props]);

/** A search tier: the indexer's code and options, and the inputs of each of its records, in order. */
export function tierKey(indexer: string, inputs: readonly unknown[]): string {
  return digestOf([CACHE_FORMAT, indexer, inputs]);
}

/** A social card image: the card code's version and the card's data. */
export function cardKey(code: string, card: unknown): string {
  return digestOf([CACHE_FORMAT, code, card]);
}
