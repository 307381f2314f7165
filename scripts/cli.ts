/** Small helpers shared by the editors' commands. */
import { isStorySlug } from '../src/lib/archive';

/** Prints the message and exits with status 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Stops unless `slug` can be a story folder. */
export function requireStorySlug(slug: string): void {
  if (!isStorySlug(slug)) fail(`"${slug}" cannot be a story slug: use lower-case letters, digits and hyphens (it becomes the URL)`);
}
