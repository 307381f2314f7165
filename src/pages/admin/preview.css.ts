import type { APIRoute } from 'astro';
import { previewStyleSheet } from '../../astro/editor.ts';

/** The site's own style sheet, for the editor's preview of a bulletin (src/scripts/admin.ts). */
export const GET: APIRoute = () =>
  new Response(previewStyleSheet(), { headers: { 'content-type': 'text/css' } });
