import type { APIRoute, GetStaticPaths } from 'astro';
import { getOembedRoutes } from '../../../astro/pages.ts';
import { embedOembed } from '../../../astro/story-pages.ts';
import type { StoryFeedProps } from '../../../lib/site/routes.ts';

export const getStaticPaths = (() => getOembedRoutes()) satisfies GetStaticPaths;

/** The story's embed code as oEmbed: what a CMS given the story's address finds by its discovery link. */
export const GET: APIRoute<StoryFeedProps> = ({ props, locals }) =>
  new Response(JSON.stringify(embedOembed(props, locals)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
