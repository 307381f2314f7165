import type { APIRoute, GetStaticPaths } from 'astro';
import { editorFile, editorFiles, type EditorFileProps } from '../../astro/editor.ts';

/**
 * The editor's script, fonts, languages and modules, from `node_modules` (src/astro/editor.ts):
 * nothing of the editor comes from another host. Each is keyed by the digest of its source.
 */
export const getStaticPaths = (() => editorFiles()) satisfies GetStaticPaths;

export const GET: APIRoute<EditorFileProps> = ({ props }) =>
  new Response(editorFile(props), { headers: { 'content-type': props.type } });
