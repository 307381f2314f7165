/**
 * The browser editor's files for `/admin/`: Sveltia CMS's script from its npm package (rewritten to
 * load nothing from other hosts), the fonts, languages and modules it would fetch from CDNs, and its
 * configuration made from the published content.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as yaml from 'js-yaml';
import { fileDigest, pageKey } from '../core/cache-keys.ts';
import {
  EDITOR_FONTS,
  EDITOR_MODULES,
  rewriteEditorBundle,
  withoutSourceMap,
} from '../lib/editor/cms-bundle.ts';
import { bulletinCollection, editorConfig } from '../lib/editor/cms-config.ts';
import { EDITOR_CSP } from '../lib/publish/headers.ts';
import tokens from '../styles/tokens.css?raw';
import site from '../styles/global.css?raw';
import { published } from './handoff.ts';
import { absoluteUrl, paths, settings } from './site.ts';

const require = createRequire(import.meta.url);
/** The `@sveltia/cms` package folder (its `exports` name only its entry point). */
const cmsRoot = () => join(dirname(require.resolve('@sveltia/cms')), '..');
/** A package's folder that holds `file` (searched as Node would, from here). */
const packageWith = (name: string, file: string) =>
  (require.resolve.paths(name) ?? [])
    .map((modules) => join(modules, name))
    .find((dir) => existsSync(join(dir, file)));

/** A file under `/admin/`: where it comes from, and what is done to it on the way. */
export type EditorFileProps = {
  /** Its path under `/admin/`. */
  path: string;
  type: string;
  /** The file in `node_modules` it is made from, or its text. */
  from: { file: string } | { text: string };
  /** The editor's script: rewritten to load nothing from other hosts (src/lib/editor/cms-bundle.ts). */
  rewrite?: 'bundle' | 'chunk';
};

/**
 * Every file of the editor but its page, configuration and preview style: each keyed by the digest
 * of what it is made from, so a build writes them again only when an installed package changed.
 */
export function editorFiles(): {
  params: { file: string };
  props: EditorFileProps;
  cacheKey: string;
}[] {
  const root = cmsRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const js = 'text/javascript';
  const files: EditorFileProps[] = [
    {
      path: 'sveltia-cms.js',
      type: js,
      from: { file: join(root, 'dist/sveltia-cms.js') },
      rewrite: 'bundle',
    },
    // What it loads beside itself to show the site-like preview (src/scripts/admin.ts).
    {
      path: 'chunks/react-dom.js',
      type: js,
      from: { file: join(root, 'dist/chunks/react-dom.js') },
      rewrite: 'chunk',
    },
    ...EDITOR_FONTS.map((font) => ({
      path: `fonts/${font.name}`,
      type: 'font/woff2',
      from: { file: require.resolve(font.file) },
    })),
    // Its update check is answered with the version the site runs.
    {
      path: 'unpkg/@sveltia/cms/package.json',
      type: 'application/json',
      from: { text: `${JSON.stringify({ name: '@sveltia/cms', version: pkg.version })}\n` },
    },
    ...EDITOR_MODULES.map(({ name, file }) => {
      const range = pkg.dependencies[name];
      const dir = packageWith(name, file);
      if (!range || !dir)
        throw new Error(
          `the editor's module ${name}/${file} is not installed (src/lib/editor/cms-bundle.ts)`,
        );
      return {
        path: `unpkg/${name}@${range.replace(/^\D/, '')}/${file}`,
        type: js,
        from: { file: join(dir, file) },
      };
    }),
    // Its interface in other languages, for a browser in one of them.
    ...readdirSync(join(root, 'locales'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({
        path: `unpkg/@sveltia/cms@${pkg.version}/locales/${name}`,
        type: 'application/json',
        from: { file: join(root, 'locales', name) },
      })),
  ];
  return files.map((props) => ({
    params: { file: props.path },
    props,
    cacheKey: pageKey({
      ...props,
      from:
        'text' in props.from ? props.from : { digest: fileDigest(readFileSync(props.from.file)) },
    }),
  }));
}

/** A file under `/admin/`, from its props alone. */
export function editorFile(props: EditorFileProps): Uint8Array<ArrayBuffer> | string {
  if ('text' in props.from) return props.from.text;
  const bytes = readFileSync(props.from.file);
  if (props.rewrite === 'bundle')
    return rewriteEditorBundle(bytes.toString('utf8'), paths.editor());
  if (props.rewrite === 'chunk') return withoutSourceMap(bytes.toString('utf8'));
  return new Uint8Array(bytes);
}

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
      contentDir: settings.contentDir,
      repo: settings.editor.repo,
      branch: settings.editor.branch,
      authUrl: settings.editor.authUrl,
      siteUrl: absoluteUrl(paths.home()),
      timezones: [...zones].sort(),
      defaultTimezone: settings.defaultTimezone,
    }),
    { lineWidth: -1, noRefs: true },
  );
}

/** What the editor's page (`/admin/`) needs: its policy, and the collections whose preview is a bulletin as the site shows it. */
export const editorPage = () => ({
  csp: EDITOR_CSP,
  collections: published()
    .views.map((v) => bulletinCollection(v.story.slug))
    .join(' '),
});

/** The site's own style sheet, for the editor's preview of a bulletin (src/scripts/admin.ts). */
export const previewStyleSheet = (): string =>
  `${tokens}\n${site.replace(/^@import [^;]+;\n/m, '')}`;
