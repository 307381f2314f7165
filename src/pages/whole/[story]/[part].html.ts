// A story as one file to download, or a part of a long one (src/lib/publish/story-file.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getWholeStoryRoutes, wholeStoryResponse } from '../../../astro/pages.ts';
import type { WholeStoryProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() => getWholeStoryRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<WholeStoryProps> = ({ props }) => wholeStoryResponse(props);
