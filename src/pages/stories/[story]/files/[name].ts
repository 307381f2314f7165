import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStoryFileRoutes } from '../../../../lib/content';
import { MAX_STORY_FILE_BYTES } from '../../../../lib/files';
import { readRegularFile } from '../../../../loaders/read';
import type { StoryFilePageProps } from '../../../../lib/routes';

export const getStaticPaths = (() => getStoryFileRoutes()) satisfies GetStaticPaths;

/**
 * A file from the story's folder (`content/<story>/map.png`), as it is: its key is the digest of its
 * bytes. Read without following a link, like every content file (src/loaders/read.ts).
 */
export const GET: APIRoute<StoryFilePageProps> = ({ props }) => new Response(readRegularFile(resolve(props.file), MAX_STORY_FILE_BYTES), { headers: { 'content-type': props.type } });
