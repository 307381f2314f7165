import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getStoryFeedRoutes } from '../../../lib/content';
import type { StoryFeedProps } from '../../../lib/routes';

export const getStaticPaths = (() => getStoryFeedRoutes()) satisfies GetStaticPaths;

/** One story's RSS feed. */
export const GET: APIRoute<StoryFeedProps> = ({ props }) => feedResponse('rss', props);
