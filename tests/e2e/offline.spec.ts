// Reading when the network is cut or the site blocked (src/scripts/sw.ts): the copy built with
// BASE=/dateline/, two mirrors (the first on MIRROR_PORT, which scripts/test.mjs gives the build)
// and a signing key (tests/e2e/offline-key.ts), served here on two addresses that each test
// starts and stops itself: the site's own, and its mirror.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  buildManifest,
  digestOf,
  generateSigningKeys,
  parseRoot,
  signText,
} from '../../src/lib/offline/integrity.ts';
import { expect, test, waitForServer } from './fixtures.ts';
import { SIGNING_KEY } from './offline-key.ts';

const SITE = join(process.cwd(), 'test-results', 'webroot', 'dateline');
const WORK = join(process.cwd(), 'test-results', 'offline');
const port = Number(process.env['PREVIEW_PORT'] ?? 4391);
const ORIGIN = `http://127.0.0.1:${port + 4}`;
const MIRROR = `http://127.0.0.1:${port + 5}`;
const DAY = '/dateline/stories/kazakhstan-unrest/2022-01-07/';
const OTHER_DAY = '/dateline/stories/kazakhstan-unrest/2022-01-06/';

test.describe.configure({ mode: 'serial' });

/** A copy of the site to serve (and change): the served folders are never the build's own. */
function copyOf(name: string): string {
  const dir = join(WORK, name, 'dateline');
  rmSync(join(WORK, name), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(SITE, dir, { recursive: true });
  return dir;
}

/** Serves `dir` at `/dateline/` on `origin`'s port, with its `_headers`, as a host would. */
async function serve(dir: string, origin: string): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      'scripts/serve.mjs',
      '--dir',
      dir,
      '--base',
      '/dateline/',
      '--headers',
      '--port',
      new URL(origin).port,
    ],
    { stdio: 'ignore' },
  );
  await waitForServer(`${origin}/dateline/`, 10_000, `the server of ${dir}`);
  return server;
}

const stop = (server: ChildProcess) =>
  new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill();
  });

/** Opens the site once and waits for its worker to control the page. */
async function installWorker(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/dateline/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
  });
}

const note = (page: Page) => page.locator('main > .offline-note');

/** Another reader, in a browser context of their own, whose worker installed from a copy of the site at its address, then stopped. */
async function anotherReader(browser: Browser, name: string): Promise<BrowserContext> {
  origin = await serve(copyOf(name), ORIGIN);
  const reader = await browser.newContext();
  await installWorker(await reader.newPage());
  await stop(origin);
  return reader;
}

let origin: ChildProcess | undefined;
let mirror: ChildProcess | undefined;
let context: BrowserContext;
let page: Page;

test.beforeEach(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
});
test.afterEach(async () => {
  await context.close();
  for (const s of [origin, mirror]) if (s && s.exitCode === null) await stop(s);
  origin = mirror = undefined;
});

test("the worker is installed with the site's scope, and answers no request for the editor", async () => {
  origin = await serve(copyOf('scope'), ORIGIN);
  await installWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${ORIGIN}/dateline/`);
  await stop(origin);
  // With the site gone, the editor is not answered by the worker (no saved copy, no offline page).
  const response = await page.goto(`${ORIGIN}/dateline/admin/`).catch(() => null);
  expect(response).toBeNull();
});

test('a page read before opens with the site stopped, saying it is the copy saved on this device', async () => {
  origin = await serve(copyOf('kept'), ORIGIN);
  await installWorker(page);
  await page.goto(`${ORIGIN}${DAY}`);
  const heading = await page.locator('h1').textContent();
  await stop(origin);
  await page.goto(`${ORIGIN}${DAY}`);
  await expect(page.locator('h1')).toHaveText(heading!);
  await expect(note(page)).toHaveText(
    /could not be reached: this is the copy saved on this device on .+\d/,
  );
  await expect(page.locator('article.bulletin').first()).toBeVisible();
  // Its stylesheet came from the worker's shell: the page is styled.
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position),
  ).toBe('absolute');
});

test("a page never read answers with the offline page, in the site's words", async () => {
  origin = await serve(copyOf('never'), ORIGIN);
  await installWorker(page);
  await stop(origin);
  await page.goto(`${ORIGIN}${OTHER_DAY}`);
  await expect(page.locator('h1')).toHaveText('Offline');
  await expect(note(page)).toHaveText(/this page was not saved on this device/);
  expect(new URL(page.url()).pathname).toBe(OTHER_DAY);
});

test('with the site stopped and its mirror up, a page never read comes from the mirror, checked', async () => {
  origin = await serve(copyOf('mirror-origin'), ORIGIN);
  mirror = await serve(copyOf('mirror'), MIRROR);
  await installWorker(page);
  await stop(origin);
  await page.goto(`${ORIGIN}${OTHER_DAY}`);
  await expect(page.locator('article.bulletin').first()).toBeVisible();
  await expect(note(page)).toHaveText(
    new RegExp(`comes from its copy at ${new URL(MIRROR).host}, checked`),
  );
  expect(new URL(page.url()).origin).toBe(ORIGIN);
});

test('a page a mirror altered is refused, and so is a manifest it altered to match', async ({
  browser,
}) => {
  origin = await serve(copyOf('tamper-origin'), ORIGIN);
  const copy = copyOf('tamper');
  const file = join(copy, OTHER_DAY.replace('/dateline/', ''), 'index.html');
  const genuine = readFileSync(file);
  const altered = genuine.toString().replace('<main', '<p>Inserted by the mirror</p><main');
  writeFileSync(file, altered);
  mirror = await serve(copy, MIRROR);
  await installWorker(page);
  await stop(origin);
  await page.goto(`${ORIGIN}${OTHER_DAY}`);
  await expect(note(page)).toHaveText(/did not match the site’s own: it is not shown/);
  await expect(page.getByText('Inserted by the mirror')).toHaveCount(0);

  // A mirror that also rewrote the digest in the manifest's piece (under the piece's own name, which
  // the trusted root names): the piece no longer matches its name, and the page is refused still.
  const root = parseRoot(readFileSync(join(copy, 'integrity.json'), 'utf8'))!;
  const pieceFile = join(
    copy,
    'integrity',
    `${root.pieces['stories/kazakhstan-unrest/2022']}.json`,
  );
  writeFileSync(
    pieceFile,
    readFileSync(pieceFile, 'utf8').replace(await digestOf(genuine), await digestOf(altered)),
  );
  const reader = await anotherReader(browser, 'tamper-origin');
  const fresh = reader.pages()[0]!;
  await fresh.goto(`${ORIGIN}${OTHER_DAY}`);
  await expect(note(fresh)).toHaveText(/did not match the site’s own: it is not shown/);
  await expect(fresh.getByText('Inserted by the mirror')).toHaveCount(0);
  await reader.close();
});

/** A copy of the site one build newer: a day page the site's manifest does not know, and the manifest of the whole, signed with `key`. */
async function newerBuild(name: string, key: string): Promise<string> {
  const copy = copyOf(name);
  const fresh = join(copy, 'stories/kazakhstan-unrest/2022-01-09/index.html');
  mkdirSync(join(fresh, '..'), { recursive: true });
  writeFileSync(
    fresh,
    readFileSync(join(copy, OTHER_DAY.replace('/dateline/', ''), 'index.html'), 'utf8').replace(
      '<main',
      '<p id="fresh">A newer build</p><main',
    ),
  );
  const root = parseRoot(readFileSync(join(copy, 'integrity.json'), 'utf8'))!;
  const files: [string, string][] = [];
  for (const digest of Object.values(root.pieces)) {
    const piece = JSON.parse(
      readFileSync(join(copy, 'integrity', `${digest}.json`), 'utf8'),
    ) as Record<string, string>;
    files.push(...Object.entries(piece));
  }
  files.push([
    'stories/kazakhstan-unrest/2022-01-09/index.html',
    await digestOf(readFileSync(fresh)),
  ]);
  const newer = await buildManifest(files, '2030-01-01T00:00:00.000Z');
  for (const [file, text] of newer.pieces) writeFileSync(join(copy, file), text);
  writeFileSync(join(copy, 'integrity.json'), newer.root);
  writeFileSync(join(copy, 'integrity.json.sig'), await signText(newer.root, key));
  return copy;
}

test("a newer manifest signed with the site's key is trusted from a mirror; signed with another key it is not", async ({
  browser,
}) => {
  const NEW_PAGE = '/dateline/stories/kazakhstan-unrest/2022-01-09/';
  origin = await serve(copyOf('signed-origin'), ORIGIN);
  await installWorker(page);
  await stop(origin);
  mirror = await serve(await newerBuild('signed', SIGNING_KEY), MIRROR);
  await page.goto(`${ORIGIN}${NEW_PAGE}`);
  await expect(page.locator('#fresh')).toHaveText('A newer build');
  await expect(note(page)).toHaveText(/comes from its copy at/);

  // The same newer build, its manifest signed with a key the site did not build into its worker.
  await stop(mirror);
  mirror = await serve(
    await newerBuild('forged', (await generateSigningKeys()).privateKey),
    MIRROR,
  );
  const reader = await anotherReader(browser, 'signed-origin');
  const other = reader.pages()[0]!;
  await other.goto(`${ORIGIN}${NEW_PAGE}`);
  await expect(note(other)).toHaveText(
    /could not be checked against the site’s own list of its files, so it is not shown/,
  );
  await expect(other.locator('#fresh')).toHaveCount(0);
  await reader.close();
});

test("a saved story's day never opened opens with the site stopped; the offline page lists it", async () => {
  origin = await serve(copyOf('saved'), ORIGIN);
  await installWorker(page);
  await page.goto(`${ORIGIN}/dateline/stories/kazakhstan-unrest/`);
  const save = page.locator('.save-story');
  await save.getByText('Save for offline').first().click();
  await expect(save.locator('.save-story-size')).toHaveText(
    /Every page of this story: [\d.]+ MB\./,
  );
  await save.getByRole('button', { name: 'Save for offline' }).click();
  await expect(save.getByRole('status')).toHaveText(/Saved on this device/);
  await stop(origin);
  await page.goto(`${ORIGIN}${OTHER_DAY}`);
  await expect(page.locator('article.bulletin').first()).toBeVisible();
  await expect(note(page)).toHaveText(/copy saved on this device/);
  await page.goto(`${ORIGIN}/dateline/offline/`);
  await expect(page.locator('.saved-stories li')).toHaveCount(1);
  await page.getByRole('button', { name: /^Remove .* from this device$/ }).click();
  await expect(page.locator('.saved-stories li')).toHaveCount(0);
});

test('after a new build, the first load online shows the new bulletin', async () => {
  const copy = copyOf('rebuilt');
  origin = await serve(copy, ORIGIN);
  await installWorker(page);
  await page.goto(`${ORIGIN}${DAY}`);
  // A new build published: the page has a new update.
  const file = join(copy, DAY.replace('/dateline/', ''), 'index.html');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('<main', '<p id="newer">A new bulletin</p><main'),
  );
  await page.goto(`${ORIGIN}${DAY}`);
  await expect(page.locator('#newer')).toHaveText('A new bulletin');
  await expect(note(page)).toHaveCount(0);
});

test('the one-file story, opened from disk with every request refused, holds every update, styled', async () => {
  const story = 'kazakhstan-unrest';
  const dir = join(process.cwd(), 'dist', 'whole', story);
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') && url.includes('/whole/')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  let updates = 0;
  for (const name of readdirSync(dir)) {
    await page.goto(`file://${join(dir, name)}`);
    updates += await page.locator('article').count();
    await expect(page.locator('main h2').first()).toHaveAttribute('id', /^\d{4}-\d{2}-\d{2}$/);
    // Its own stylesheet applies (the file's policy allows it by its digest).
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('672px');
  }
  const bulletins = readdirSync(join(process.cwd(), 'content', story)).filter(
    (f) =>
      /^\d{4}-\d\d-\d\d.*\.md$/.test(f) &&
      !/^draft:\s*true/m.test(readFileSync(join(process.cwd(), 'content', story, f), 'utf8')),
  );
  expect(updates).toBe(bulletins.length);
  expect(refused).toEqual([]);
});
