import type { APIRoute, GetStaticPaths } from 'astro';
import { getLiveRoutes } from '../../../astro/pages.ts';
import type { LiveState } from '../../../lib/site/live.ts';

export const getStaticPaths = (() => getLiveRoutes()) satisfies GetStaticPaths;

/** A story's status and newest updates, for its open pages to poll (small, so a 304 or a few hundred bytes). */
export const GET: APIRoute<LiveState> = ({ props }) =>
  new Response(JSON.stringify(props), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
