/**
 * The browser editor's files for the `/admin/` routes: Sveltia CMS's script from its npm package
 * (rewritten to load nothing from other hosts), the fonts and interface languages it would fetch,
 * and its configuration made from the published content.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { config } from '../config.ts';
import { EDITOR_FONTS, EDITOR_MODULES, rewriteEditorBundle } from '../lib/editor/cms-bundle.ts';
import { editorConfig } from '../lib/editor/cms-config.ts';
import { published } from './handoff.ts';
import { absoluteUrl, paths } from './site.ts';

const require = createRequire(import.meta.url);
/** The `@sveltia/cms` package folder (its `exports` name only its entry point). */
const cmsRoot = () => join(dirname(require.resolve('@sveltia/cms')), '..');

const cmsPackage = () =>
  JSON.parse(readFileSync(join(cmsRoot(), 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };

/** The version the site runs: what the editor's update check is answered with. */
export const editorVersion = (): string => cmsPackage().version;

/** The dependency modules under `/admin/unpkg/`, by the address the bundle asks for (src/lib/editor/cms-bundle.ts). */
export function editorModules(): { path: string; text: () => string }[] {
  const { dependencies } = cmsPackage();
  return EDITOR_MODULES.map(({ name, file }) => {
    const range = dependencies[name];
    const dir = (require.resolve.paths(name) ?? [])
      .map((modules) => join(modules, name))
      .find((d) => existsSync(join(d, file)));
    if (!range || !dir)
      throw new Error(
        `the editor's module ${name}/${file} is not installed (src/lib/editor/cms-bundle.ts)`,
      );
    return {
      path: `${name}@${range.replace(/^\D/, '')}/${file}`,
      text: () => readFileSync(join(dir, file), 'utf8'),
    };
  });
}

/** `/admin/sveltia-cms.js`. */
export const editorBundle = (): string =>
  rewriteEditorBundle(
    readFileSync(join(cmsRoot(), 'dist', 'sveltia-cms.js'), 'utf8'),
    paths.editor(),
  );

/** `/admin/chunks/react-dom.js`: what the editor loads beside itself for the site-like preview. */
export const editorChunk = (): string =>
  readFileSync(join(cmsRoot(), 'dist', 'chunks', 'react-dom.js'), 'utf8').replace(
    /\n\/\/# sourceMappingURL=\S+\s*$/,
    '\n',
  );

/** The fonts under `/admin/fonts/`. */
export const editorFonts = () =>
  EDITOR_FONTS.map((font) => ({
    name: font.name,
    bytes: () => readFileSync(require.resolve(font.file)),
  }));

/** The interface languages the package ships (`de.json`, `ru.json`…), asked for by a browser in that language. */
export const editorLocales = () => {
  const dir = join(cmsRoot(), 'locales');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, text: () => readFileSync(join(dir, name), 'utf8') }));
};

/** `/admin/config.yml`. */
export function editorConfigYaml(): string {
  const stories = published().views.map(({ story }) => ({
    slug: story.slug,
    title: story.title,
    timezone: story.timezone,
    status: story.status,
  }));
  const zones = new Set([
    'UTC',
    ...Intl.supportedValuesOf('timeZone'),
    ...stories.map((s) => s.timezone),
  ]);
  return yaml.dump(
    editorConfig(stories, {
      contentDir: config.contentDir,
      repo: config.editor.repo,
      branch: config.editor.branch,
      authUrl: config.editor.authUrl,
      siteUrl: absoluteUrl(paths.home()),
      timezones: [...zones].sort(),
      defaultTimezone: config.defaultTimezone,
    }),
    { lineWidth: -1, noRefs: true },
  );
}
