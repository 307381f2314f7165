// ESLint flat config: typescript-eslint with type information for .ts, eslint-plugin-astro for
// .astro; `npm run lint` allows no warning. The layers of src/ (README, "Where things are") are
// rules here: a module imports only from its own layer and those below it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What only the build's own glue may import. */
const TOP = ['astro', 'render', 'cache', 'integrations', 'pages', 'components', 'layouts'];

/** A rule per folder: its modules may not import from the named folders or files (relative paths, at any depth). */
function layers(forbidden) {
  return Object.entries(forbidden).map(([files, names]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: names.map((name) => ({
            regex: `^(\\.\\./)+(lib/)?${name.replaceAll('.', '\\.')}(/|$)`,
            message: `${files.replace('/**', '/')} sits below ${name}: import in the other direction, or move the code down.`,
          })),
        },
      ],
    },
  }));
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'reports/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // One import-specifier convention: a relative import names its file with its extension (what
  // Node's own type stripping needs, which `npm run new` runs on).
  {
    files: ['**/*.ts', '**/*.astro', '**/*.mjs'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportDeclaration[source.value=/^\\.\\.?\\/(?!.*\\.(ts|mts|astro|mjs|js|css|json)(\\?raw)?$)/], ImportExpression[source.value=/^\\.\\.?\\/(?!.*\\.(ts|mts|astro|mjs|js|css|json)(\\?raw)?$)/]',
          message: 'Name the imported file with its extension (./dates.ts).',
        },
      ],
    },
  },
  // The layers: core → schemas → lib/content → lib/markdown → lib/site → lib/publish → lib/offline (lib/editor beside them) →
  // astro, render, cache, integrations → pages, components. No module imports from a layer above.
  ...layers({
    'src/core/**': ['lib', 'schemas', 'config.ts', ...TOP],
    'src/schemas/**': ['lib', ...TOP],
    'src/lib/content/**': ['markdown', 'site', 'publish', 'offline', 'editor', ...TOP],
    'src/lib/markdown/**': ['site', 'publish', 'offline', 'editor', ...TOP],
    'src/lib/site/**': ['publish', 'offline', 'editor', ...TOP],
    'src/lib/publish/**': ['offline', 'editor', ...TOP],
    // What readers' devices keep and check (the service worker's rules, the integrity manifest).
    'src/lib/offline/**': ['editor', ...TOP],
    'src/lib/editor/**': ['site', 'publish', 'offline', ...TOP],
    // Components and layouts render what they are given: the content state is not theirs to read.
    'src/components/**': [
      'astro/pages.ts',
      'astro/handoff.ts',
      'astro/loader.ts',
      'render',
      'cache',
      'integrations',
    ],
    'src/layouts/**': [
      'astro/pages.ts',
      'astro/handoff.ts',
      'astro/loader.ts',
      'render',
      'cache',
      'integrations',
    ],
  }),
  // Pages are routes: they take what they show from src/astro/ (the one adapter to the content
  // state and the site's logic) and render it with components; they import types from anywhere.
  {
    files: ['src/pages/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+(lib|core|schemas|render|cache|integrations|styles)/|^(\\.\\./)+config\\.ts$',
              allowTypeImports: true,
              message:
                'A page imports only from src/astro/ (and types): give it a function there that builds what it shows.',
            },
          ],
        },
      ],
    },
  },
  // Tests read parsed feeds and JSON (untyped by nature) and fake async interfaces.
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  // Type information for TypeScript modules only; .astro and plain JavaScript are linted without it.
  { files: ['**/*.astro', '**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
);
