import type { APIRoute } from 'astro';
import { editorBundle } from '../../astro/editor.ts';

/** Sveltia CMS, from its npm package, loading nothing from other hosts (src/lib/editor/cms-bundle.ts). */
export const GET: APIRoute = () =>
  new Response(editorBundle(), { headers: { 'content-type': 'text/javascript' } });
