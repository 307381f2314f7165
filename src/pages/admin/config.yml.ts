import type { APIRoute } from 'astro';
import { editorConfigYaml } from '../../astro/editor.ts';

/** The editor's configuration, made from the content (src/lib/editor/cms-config.ts). */
export const GET: APIRoute = () =>
  new Response(editorConfigYaml(), { headers: { 'content-type': 'application/yaml' } });
