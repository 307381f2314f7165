import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/content';

/** The site's json feed: the newest updates of every story. */
export const GET: APIRoute = () => feedResponse('json');
