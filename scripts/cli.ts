/**
 * Small helpers shared by the editors' commands. Imports carry their `.ts` extension: `npm run new`
 * runs on Node's own TypeScript support (no loader to start), so what it imports must resolve there.
 */
import { isStorySlug } from '../src/lib/anchors.ts';

/** Prints the message and exits with status 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Stops unless `slug` can be a story folder. */
export function requireStorySlug(slug: string): void {
  if (!isStorySlug(slug)) fail(`"${slug}" cannot be a story slug: use lower-case letters, digits and hyphens (it becomes the URL)`);
}
