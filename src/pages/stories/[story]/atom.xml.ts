import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getStories } from '../../../lib/content';

export const getStaticPaths = (async () => (await getStories()).map((v) => ({ params: { story: v.story.slug } }))) satisfies GetStaticPaths;

/** One story's atom feed. */
export const GET: APIRoute = ({ params }) => feedResponse('atom', params['story']);
