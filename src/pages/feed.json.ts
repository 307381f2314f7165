import type { APIRoute } from 'astro';
import { feedResponse } from '../astro/pages.ts';

/** The site's json feed: the newest updates of every story. */
export const GET: APIRoute = () => feedResponse('json');
