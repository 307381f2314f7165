// `npm run dev`: a content error saved while previewing shows in the browser, not only in the terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { copyProject } from '../build/project.ts';
import { waitForServer } from './fixtures.ts';

const ROOT = process.cwd().endsWith('tests') ? join(process.cwd(), '..') : process.cwd();
// Outside the project folder: the dev server's watcher did not see changes under its test-results/.
const WORK = join(tmpdir(), `dateline-dev-${process.pid}`);
const port = Number(process.env['PREVIEW_PORT'] ?? 4391) + 5;
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let log = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A copy of the project, so that the test can break its content (the dev server watches the project's own content/).
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  copyProject(WORK);
  server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: WORK,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await waitForServer(`${origin}/`, 60_000, 'astro dev');
});

test.afterAll(() => {
  server?.kill();
  writeFileSync(join(ROOT, 'test-results', 'dev-server.log'), log);
  rmSync(WORK, { recursive: true, force: true });
});

test('broken frontmatter saved while previewing: the browser shows the file, line and fix; fixing it clears it', async ({
  page,
}) => {
  await page.goto(`${origin}/stories/harbour-ferry-strike/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Demo: the Port Ellery ferry strike',
  );
  // The page's connection to the dev server (which brings the overlay) opens after load.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const file = join(WORK, 'content', 'harbour-ferry-strike', '2026-11-19.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^---\n/, '---\ntitle: [unclosed\n'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeVisible({ timeout: 15_000 });
  await expect(overlay).toContainText(/content\/harbour-ferry-strike\/2026-11-19\.md:\d+/);
  await expect(overlay).toContainText('invalid YAML');
  writeFileSync(file, text);
  await expect(overlay).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Demo: the Port Ellery ferry strike',
  );
});

test('the browser editor is served at /admin/ under the dev server', async ({ page }) => {
  await page.goto(`${origin}/admin/`);
  await expect(page.getByRole('button', { name: 'Work with Local Repository' })).toBeVisible({
    timeout: 15_000,
  });
});
