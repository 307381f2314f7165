import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../astro/site.ts';

/** Everything may be crawled; the sitemap lists the stories and their days. */
export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(paths.asset('sitemap-index.xml'))}\n`,
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
