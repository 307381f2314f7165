import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getStoryFeedRoutes } from '../../../astro/pages.ts';
import type { StoryFeedProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() => getStoryFeedRoutes()) satisfies GetStaticPaths;

/** One story's JSON Feed. */
export const GET: APIRoute<StoryFeedProps> = ({ props }) => feedResponse('json', props);
