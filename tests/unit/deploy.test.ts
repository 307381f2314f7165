// The deploy files the README names exist and agree with the build: command, output folder, base path.
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import {
  CSP,
  EDITOR_CSP,
  embedPolicy,
  framePolicy,
  headersFile,
  parseHeadersFile,
} from '../../src/lib/publish/headers.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const readme = readFileSync('README.md', 'utf8');

describe('deploy configuration', () => {
  test('npm run build builds with Astro (Pagefind, sitemap and _headers included), with two malloc arenas', () => {
    // glibc keeps a malloc arena per thread that allocated: two keep a large build's memory down (docs/deploying.md).
    expect(pkg.scripts['build']).toBe('MALLOC_ARENA_MAX=2 astro build');
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

  test('_headers: the CSP on the site, its own on the editor, long caching only for content-hashed files, under the base path', () => {
    const rules = parseHeadersFile(headersFile('/dateline/'));
    expect(rules.map((r) => r.path)).toEqual([
      '/dateline/*',
      '/dateline/',
      '/dateline/index.html',
      '/dateline/404.html',
      '/dateline/_astro/*',
      '/dateline/archive/*',
      '/dateline/authors/*',
      '/dateline/offline/*',
      '/dateline/pagefind/*',
      '/dateline/search/*',
      '/dateline/stories/*',
      '/dateline/tags/*',
      '/dateline/whole/*',
      '/dateline/admin/*',
      '/dateline/embed/*',
      '/dateline/_astro/*',
      '/dateline/embed/*',
      '/dateline/stories/*/latest.json',
      '/dateline/_astro/*',
      '/dateline/pagefind/index/*',
      '/dateline/pagefind/fragment/*',
      '/dateline/pagefind/filter/*',
      '/dateline/pagefind/part/*',
      '/dateline/stories/*/images/*',
      '/dateline/stories/*/latest.json',
      '/dateline/sw.js',
      '/dateline/integrity.json',
      '/dateline/integrity.json.sig',
      '/dateline/saved/*',
      '/dateline/embed.js',
      '/dateline/integrity/*',
    ]);
    // Each path gets one policy: the site's, or under /admin/ the editor's (hosts join the values of every matching rule).
    const policies = (path: string) =>
      rules
        .filter((r) => r.pattern.test(path))
        .map((r) => r.headers['Content-Security-Policy'])
        .filter(Boolean);
    for (const path of ['/dateline/', '/dateline/stories/strike/2026-11-18/', '/dateline/search/'])
      expect(policies(path)).toEqual([CSP]);
    expect(policies('/dateline/admin/')).toEqual([`${EDITOR_CSP}; frame-ancestors 'none'`]);
    expect(EDITOR_CSP).not.toMatch(
      /unsafe-eval|https:\/\/(?!api\.github\.com|www\.githubstatus\.com|avatars\.githubusercontent\.com)/,
    );
    const site = (header: string) => rules.find((r) => r.path === '/dateline/')!.headers[header];
    // What live pages poll is always revalidated.
    expect(
      rules
        .filter((r) => r.pattern.test('/dateline/stories/strike/latest.json'))
        .map((r) => r.headers['Cache-Control'])
        .filter(Boolean),
    ).toEqual(['no-cache']);
    expect(site('Content-Security-Policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(site('Content-Security-Policy')).not.toContain('unsafe-inline');
    // Only a site with mirrors lets other sites' pages (its mirrors' service workers) fetch its files.
    expect(site('Access-Control-Allow-Origin')).toBeUndefined();
    const cors = (file: string) =>
      [
        '/dateline/stories/strike/2026-11-18/',
        '/dateline/_astro/x.css',
        '/dateline/',
        '/dateline/embed/strike/',
        '/dateline/stories/strike/latest.json',
      ].map((path) =>
        parseHeadersFile(file)
          .filter((r) => r.pattern.test(path))
          .map((r) => r.headers['Access-Control-Allow-Origin'])
          .filter(Boolean),
      );
    // Without mirrors, only what a sandboxed embed loads; with them, every file, once.
    expect(cors(headersFile('/dateline/'))).toEqual([[], ['*'], [], ['*'], ['*']]);
    expect(cors(headersFile('/dateline/', { mirrored: true }))).toEqual([
      ['*'],
      ['*'],
      ['*'],
      ['*'],
      ['*'],
    ]);
    // Frames: only the two players, and each page narrows that further (framePolicy).
    expect(site('Content-Security-Policy')).toContain(
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

  test('_headers: only the embeds may be framed (by any site, or by EMBED_ORIGINS); every other page refuses, by policy and X-Frame-Options', () => {
    const headersOf = (file: string, path: string) => {
      const joined: Record<string, string[]> = {};
      for (const rule of parseHeadersFile(file))
        if (rule.pattern.test(path))
          for (const [k, v] of Object.entries(rule.headers)) (joined[k] ??= []).push(v);
      return joined;
    };
    const file = headersFile('/');
    for (const path of [
      '/',
      '/404.html',
      '/stories/strike/',
      '/stories/strike/2026-11-18/',
      '/search/',
      '/offline/',
      '/admin/',
      '/whole/strike/2026-11-18.html',
    ]) {
      const h = headersOf(file, path);
      expect(h['X-Frame-Options'], path).toEqual(['DENY']);
      expect(h['Content-Security-Policy'], path).toHaveLength(1);
      // The story file's policy is `default-src 'none'`, which says nothing of framing: its header does.
      if (!path.startsWith('/whole/'))
        expect(h['Content-Security-Policy']![0], path).toContain("frame-ancestors 'none'");
    }
    const embed = headersOf(file, '/embed/strike/');
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(embed['Content-Security-Policy']).toEqual([embedPolicy([])]);
    expect(embedPolicy([])).toContain('frame-ancestors *');
    // Otherwise as strict as the site's, and it loads no frame itself.
    expect(embedPolicy([]).replace('frame-ancestors *', '')).toBe(
      CSP.replace(/frame-src [^;]+/, "frame-src 'none'").replace("frame-ancestors 'none'", ''),
    );
    const named = headersOf(
      headersFile('/dateline/', {
        embedOrigins: ['https://partner.example', 'https://news.example.org'],
      }),
      '/dateline/embed/strike/',
    );
    expect(named['Content-Security-Policy']![0]).toContain(
      'frame-ancestors https://partner.example https://news.example.org',
    );
    // The partners' script is revalidated, never cached for long under its fixed name.
    expect(headersOf(file, '/embed.js')['Cache-Control']).toEqual(['no-cache']);
  });
});
