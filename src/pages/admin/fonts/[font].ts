import type { APIRoute, GetStaticPaths } from 'astro';
import { editorFonts } from '../../../astro/editor.ts';

export const getStaticPaths = (() =>
  editorFonts().map((font) => ({
    params: { font: font.name },
    props: font,
  }))) satisfies GetStaticPaths;

/** The editor's fonts, self-hosted from their npm packages. */
export const GET: APIRoute<ReturnType<typeof editorFonts>[number]> = ({ props }) =>
  new Response(new Uint8Array(props.bytes()), { headers: { 'content-type': 'font/woff2' } });
