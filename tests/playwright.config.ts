import { defineConfig } from '@playwright/test';
import { findHeadlessShell } from '../scripts/chromium.mjs';

// Debian's Chromium (scripts/chromium.mjs finds or installs it); Playwright never downloads a browser here.
// Its headless shell, where installed, for every spec but the editor's (see scripts/chromium.mjs).
const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const shellPath = findHeadlessShell() ?? executablePath;
const args = [
  '--disable-gpu',
  '--disable-quic',
  // Chromium looks up Google hosts by itself; resolve nothing but this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
const port = Number(process.env['PREVIEW_PORT'] ?? 4391);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results/e2e',
  // One browser at a time: npm test runs these beside the build checks, which keep both cores busy.
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: !!process.env['CI'],
  timeout: 30_000,
  // npm test runs these beside the build checks: a page may take longer than alone to settle.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    // A trace of a failed test's retry: recording one for every test cost a fifth of the CPU.
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'pages',
      testIgnore: /editor\.spec\.ts$/,
      use: { launchOptions: { executablePath: shellPath, args } },
    },
    // The browser editor needs the full browser (its file system and file pickers).
    {
      name: 'editor',
      testMatch: /editor\.spec\.ts$/,
      use: { launchOptions: { executablePath, args } },
    },
  ],
  // The built dist/, and the copy built with BASE=/dateline/ (npm test builds both first),
  // each served by a plain static server, as a host would.
  webServer: [
    { command: `node scripts/serve.mjs --dir dist --port ${port}`, url: `${baseURL}/` },
    {
      command: `node scripts/serve.mjs --dir test-results/webroot/dateline --base /dateline/ --port ${port + 1}`,
      url: `http://127.0.0.1:${port + 1}/dateline/`,
    },
    // dist/ again, with the headers of its _headers file (Content-Security-Policy included).
    {
      command: `node scripts/serve.mjs --dir dist --headers --port ${port + 2}`,
      url: `http://127.0.0.1:${port + 2}/`,
    },
    // A generated archive of 2,500 bulletins, whose search index has several partitions.
    {
      command: `node scripts/serve.mjs --dir test-results/scale/dist --headers --port ${port + 3}`,
      url: `http://127.0.0.1:${port + 3}/`,
    },
  ].map((server) => ({
    ...server,
    cwd: '..',
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
