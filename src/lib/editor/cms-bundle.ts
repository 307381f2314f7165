/**
 * The browser editor's script, as `/admin/` serves it: Sveltia CMS's one-file bundle from its npm
 * package, with the addresses it would reach on other hosts pointed at the site itself. Pure: the
 * text in, the text out; an upgrade that moves one of these addresses fails the build here, by name,
 * rather than ship an editor that loads fonts from a CDN or is blocked by its own policy.
 */

/** A font the editor's style sheet loads, and the file of an npm package that holds it. */
export interface EditorFont {
  /** The address in the bundle (a jsDelivr copy of a Fontsource font). */
  cdn: string;
  /** The same font in `node_modules`. */
  file: string;
  /** Its name under `/admin/fonts/`. */
  name: string;
}

/** The three fonts of the editor's interface (text, code, icons), self-hosted. */
export const EDITOR_FONTS: readonly EditorFont[] = [
  {
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
    file: '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2',
    name: 'source-sans-3-latin-wght-normal.woff2',
  },
  {
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
    file: '@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2',
    name: 'noto-mono-latin-400-normal.woff2',
  },
  {
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    file: '@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2',
    name: 'material-symbols-outlined-latin-wght-normal.woff2',
  },
];

/**
 * What the bundle would ask unpkg.com for: the package's newest version (an hourly update check,
 * useless for a copy pinned in package.json), its interface in languages other than English, and
 * modules of its own dependencies it loads when first needed. All of it is asked of `/admin/unpkg/`
 * instead, answered by the site from `node_modules` (the version it runs, its languages, the modules
 * below); what the site does not publish (the code highlighter, the map widget, HEIC decoding) is a
 * same-origin 404 the editor handles: a feature that is not there, never a request elsewhere.
 */
const UNPKG = 'https://unpkg.com/';

/**
 * The modules of the editor's own dependencies that Dateline's use of it loads, served from
 * `node_modules` under the address the bundle asks for (`<package>@<version in its package.json>/<file>`):
 * Immutable for the preview (src/scripts/admin.ts), exifr to read a photo's date and place on
 * upload, Turndown to turn pasted HTML into Markdown, SVGO to clean an uploaded SVG.
 */
export const EDITOR_MODULES: readonly { name: string; file: string }[] = [
  { name: 'immutable', file: 'dist/immutable.es.js' },
  { name: 'exifr', file: 'dist/lite.esm.mjs' },
  { name: 'turndown', file: 'lib/turndown.browser.es.js' },
  { name: 'svgo', file: 'dist/svgo.browser.js' },
];

/** A script without its `//# sourceMappingURL=` line: the maps are not published, so devtools would only ask for a 404. */
export const withoutSourceMap = (script: string): string =>
  script.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');

/** The bundle with its fonts and unpkg.com requests moved under `admin` (`/admin/`, or under the base path). */
export function rewriteEditorBundle(bundle: string, admin: string): string {
  let out = bundle;
  for (const font of EDITOR_FONTS) {
    if (!out.includes(font.cdn))
      throw new Error(
        `the editor bundle no longer loads ${font.cdn}: update EDITOR_FONTS in src/lib/editor/cms-bundle.ts for this version of @sveltia/cms`,
      );
    out = out.replaceAll(font.cdn, `${admin}fonts/${font.name}`);
  }
  if (!out.includes(UNPKG))
    throw new Error(
      'the editor bundle no longer mentions unpkg.com: check what it loads now (src/lib/editor/cms-bundle.ts)',
    );
  out = withoutSourceMap(out.replaceAll(UNPKG, `${admin}unpkg/`));
  const left = /https:\/\/cdn\.jsdelivr\.net\/[^\s`'")]*/.exec(out);
  if (left)
    throw new Error(
      `the editor bundle loads ${left[0]}, which is not self-hosted (src/lib/editor/cms-bundle.ts)`,
    );
  return out;
}
