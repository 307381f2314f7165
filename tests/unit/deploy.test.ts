// The deploy files the README names exist and agree with the build: command, output folder, base path.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { framePolicy, headersFile, parseHeadersFile } from '../../src/lib/publish/headers.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const readme = readFileSync('README.md', 'utf8');

describe('deploy configuration', () => {
  test('npm run build builds with Astro (Pagefind, sitemap and _headers included)', () => {
    expect(pkg.scripts['build']).toBe('astro build');
  });

  test('Netlify builds with npm run build and publishes dist/ on Node 24', () => {
    const netlify = parseToml(readFileSync('netlify.toml', 'utf8')) as {
      build: { command: string; publish: string; environment: { NODE_VERSION: string } };
    };
    expect(netlify.build).toMatchObject({ command: 'npm run build', publish: 'dist' });
    expect(netlify.build.environment.NODE_VERSION).toBe('24');
  });

  test('Cloudflare Pages publishes dist/', () => {
    expect(
      (parseToml(readFileSync('wrangler.toml', 'utf8')) as { pages_build_output_dir: string })
        .pages_build_output_dir,
    ).toBe('dist');
  });

  test('the GitHub Pages workflow builds under the repository path and uploads dist/', () => {
    const wf = yaml.load(readFileSync('.github/workflows/deploy.yml', 'utf8')) as {
      jobs: {
        build: {
          steps: {
            run?: string;
            uses?: string;
            with?: Record<string, unknown>;
            env?: Record<string, string>;
          }[];
        };
        deploy: { steps: { uses?: string }[] };
      };
    };
    const steps = wf.jobs.build.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npm run build']);
    expect(steps.find((s) => s.run === 'npm run build')?.env).toEqual({
      SITE: 'https://${{ github.repository_owner }}.github.io',
      BASE: '/${{ github.event.repository.name }}/',
    });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({
      path: 'dist',
    });
    expect(wf.jobs.deploy.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });

  test('the workflow keeps the build cache between runs, restoring it after npm ci (which deletes node_modules)', () => {
    const wf = yaml.load(readFileSync('.github/workflows/deploy.yml', 'utf8')) as {
      jobs: { build: { steps: { run?: string; uses?: string; with?: Record<string, string> }[] } };
    };
    const steps = wf.jobs.build.steps;
    const at = (match: (s: (typeof steps)[number]) => boolean) => steps.findIndex(match);
    const install = at((s) => s.run === 'npm ci');
    const cache = at((s) => s.uses?.startsWith('actions/cache@') === true);
    const build = at((s) => s.run === 'npm run build');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(cache).toBeGreaterThan(install);
    expect(build).toBeGreaterThan(cache);
    // The folder Astro and Dateline keep their caches in (astro.config.mjs: cacheDir), saved under a new key each run.
    expect(steps[cache]!.with!['path']).toBe('node_modules/.astro');
    expect(readFileSync('astro.config.mjs', 'utf8')).toContain(
      "process.env.CACHE_DIR ?? './node_modules/.astro'",
    );
    expect(steps[cache]!.with!['key']).toContain('${{ github.run_id }}');
    expect(steps[cache]!.with!['key']!.startsWith(steps[cache]!.with!['restore-keys']!)).toBe(true);
  });

  test('the README tells operators about each of them', () => {
    for (const name of [
      '.github/workflows/deploy.yml',
      'netlify.toml',
      'wrangler.toml',
      '_headers',
      'BASE=',
    ])
      expect(readme).toContain(name);
  });

  test('_headers: the CSP everywhere, long caching only for content-hashed files, under the base path', () => {
    const rules = parseHeadersFile(headersFile('/dateline/'));
    expect(rules.map((r) => r.path)).toEqual([
      '/dateline/*',
      '/dateline/_astro/*',
      '/dateline/pagefind/index/*',
      '/dateline/pagefind/fragment/*',
      '/dateline/pagefind/filter/*',
      '/dateline/pagefind/part/*',
      '/dateline/stories/*/images/*',
      '/dateline/stories/*/latest.json',
    ]);
    // What live pages poll is always revalidated.
    expect(
      rules
        .filter((r) => r.pattern.test('/dateline/stories/strike/latest.json'))
        .map((r) => r.headers['Cache-Control'])
        .filter(Boolean),
    ).toEqual(['no-cache']);
    expect(rules[0]!.headers['Content-Security-Policy']).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(rules[0]!.headers['Content-Security-Policy']).not.toContain('unsafe-inline');
    // Frames: only the two players, and each page narrows that further (framePolicy).
    expect(rules[0]!.headers['Content-Security-Policy']).toContain(
      'frame-src https://www.youtube-nocookie.com https://player.vimeo.com;',
    );
    expect(framePolicy([])).toBe("frame-src 'none'");
    expect(
      framePolicy([
        'https://player.vimeo.com',
        'https://www.youtube-nocookie.com',
        'https://player.vimeo.com',
      ]),
    ).toBe('frame-src https://player.vimeo.com https://www.youtube-nocookie.com');
    expect(
      rules.some(
        (r) => r.pattern.test('/dateline/pagefind/pagefind.js') && r.headers['Cache-Control'],
      ),
    ).toBe(false);
  });
});
