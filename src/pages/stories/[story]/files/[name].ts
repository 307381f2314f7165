import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStoryFileRoutes } from '../../../../lib/content';
import type { StoryFilePageProps } from '../../../../lib/routes';

export const getStaticPaths = (() => getStoryFileRoutes()) satisfies GetStaticPaths;

/** A file from the story's folder (`content/<story>/map.png`), as it is: its key is the digest of its bytes. */
export const GET: APIRoute<StoryFilePageProps> = ({ props }) => new Response(readFileSync(resolve(props.file)), { headers: { 'content-type': props.type } });
