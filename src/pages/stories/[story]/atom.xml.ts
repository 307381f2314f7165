import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getStoryFeedRoutes } from '../../../astro/pages.ts';
import type { StoryFeedProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() => getStoryFeedRoutes()) satisfies GetStaticPaths;

/** One story's Atom feed. */
export const GET: APIRoute<StoryFeedProps> = ({ props }) => feedResponse('atom', props);
