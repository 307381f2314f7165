import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStoryFileRoutes } from '../../../../astro/pages.ts';
import { MAX_STORY_FILE_BYTES } from '../../../../lib/content/files.ts';
import { readRegularFile } from '../../../../lib/content/read.ts';
import type { StoryFilePageProps } from '../../../../lib/site/routes.ts';

export const getStaticPaths = (() => getStoryFileRoutes()) satisfies GetStaticPaths;

/**
 * A file from the story's folder (`content/<story>/map.png`), as it is: its key is the digest of its
 * bytes. Read without following a link, like every content file (src/lib/content/read.ts).
 */
export const GET: APIRoute<StoryFilePageProps> = ({ props }) =>
  new Response(readRegularFile(resolve(props.file), MAX_STORY_FILE_BYTES), {
    headers: { 'content-type': props.type },
  });
