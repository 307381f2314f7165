import type { APIRoute } from 'astro';
import { editorChunk } from '../../../astro/editor.ts';

/** What the editor loads beside itself to show the site-like preview (src/scripts/admin.ts). */
export const GET: APIRoute = () =>
  new Response(editorChunk(), { headers: { 'content-type': 'text/javascript' } });
