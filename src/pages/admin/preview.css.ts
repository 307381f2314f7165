import type { APIRoute } from 'astro';
import tokens from '../../styles/tokens.css?raw';
import site from '../../styles/global.css?raw';

/** The site's own style sheet, for the editor's preview of a bulletin (src/scripts/admin.ts). */
export const GET: APIRoute = () =>
  new Response(`${tokens}\n${site.replace(/^@import [^;]+;\n/m, '')}`, {
    headers: { 'content-type': 'text/css' },
  });
