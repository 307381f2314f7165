import type { APIRoute, GetStaticPaths } from 'astro';
import { editorLocales, editorModules, editorVersion } from '../../../astro/editor.ts';

/**
 * What the editor would ask unpkg.com for, answered by the site (src/lib/editor/cms-bundle.ts): its
 * version (so its update check finds the one it runs), its interface in other languages, and the
 * modules of its dependencies it loads when needed.
 */
export const getStaticPaths = (() => {
  const version = editorVersion();
  return [
    {
      params: { path: '@sveltia/cms/package.json' },
      props: {
        text: () => `${JSON.stringify({ name: '@sveltia/cms', version })}\n`,
        type: 'application/json',
      },
    },
    ...editorModules().map((module) => ({
      params: { path: module.path },
      props: { text: module.text, type: 'text/javascript' },
    })),
    ...editorLocales().map((locale) => ({
      params: { path: `@sveltia/cms@${version}/locales/${locale.name}` },
      props: { text: locale.text, type: 'application/json' },
    })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string; type: string }> = ({ props }) =>
  new Response(props.text(), { headers: { 'content-type': props.type } });
