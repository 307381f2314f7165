import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse } from '../../../../astro/files.ts';
import { getStoryFileRoutes } from '../../../../astro/pages.ts';
import type { StoryFilePageProps } from '../../../../lib/site/routes.ts';

export const getStaticPaths = (() => getStoryFileRoutes()) satisfies GetStaticPaths;

/** A file from the story's folder (`content/<story>/map.png`), as it is: its key is the digest of its bytes. */
export const GET: APIRoute<StoryFilePageProps> = ({ props }) => fileResponse(props);
