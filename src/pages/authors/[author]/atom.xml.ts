import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getAuthorFeedRoutes } from '../../../astro/pages.ts';
import type { AuthorFeedProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() => getAuthorFeedRoutes()) satisfies GetStaticPaths;

/** One author's atom feed: their newest updates, across stories. */
export const GET: APIRoute<AuthorFeedProps> = ({ props }) => feedResponse('atom', props);
