/**
 * The browser editor at /admin/ (Sveltia CMS), driven as a reporter would on a phone, with the
 * browser's private file system (OPFS) standing in for the repository ("Work with Local
 * Repository"): the files it writes are read back and checked against the content contract.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { resolveInstant } from '../../src/lib/content/check.ts';
import { parseBulletinName, type BulletinName } from '../../src/lib/content/names.ts';
import { clockOf, dayOf } from '../../src/core/dates.ts';
import { expect, recordViolations, test, withHeaders } from './fixtures.ts';

const STORY = 'harbour-ferry-strike'; // told in America/New_York
const ZONE = 'America/New_York';
const EXISTING = `content/${STORY}/2026-11-23-1450-result.md`;
const SEED = [
  `content/${STORY}/index.md`,
  `content/${STORY}/summary.md`,
  EXISTING,
  'content/authors/tom-reyes.md',
  'content/authors/priya-nair.md',
];
const PICTURE = `content/${STORY}/route-map.png`;
// GitHub's status page, which the editor asks whether GitHub is up: allowed by its policy on
// purpose, answered here.
const STATUS = 'https://www.githubstatus.com';

test.use({
  allowedHosts: [STATUS],
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  // The reporter's phone is in neither the story's zone nor UTC.
  timezoneId: 'Asia/Almaty',
});

/** Opens /admin/ with the headers of `_headers`, on a repository of the seed files, at a collection. */
async function openEditor(
  page: Page,
  baseURL: string | undefined,
  collection = 'Demo: the Port Ellery ferry strike',
): Promise<() => Promise<string[]>> {
  await page.route(`${STATUS}/**`, (route) =>
    route.fulfill({ json: { status: { indicator: 'none' } } }),
  );
  const violations = await recordViolations(page);
  await page.addInitScript(
    (files: [string, string][]) => {
      // The folder picker, answered with the browser's private file system holding the seed files.
      (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker =
        async () => {
          const root = await navigator.storage.getDirectory();
          await root.getDirectoryHandle('.git', { create: true });
          for (const [path, text] of files) {
            const parts = path.split('/');
            let dir = root;
            for (const d of parts.slice(0, -1))
              dir = await dir.getDirectoryHandle(d, { create: true });
            const w = await (
              await dir.getFileHandle(parts.at(-1)!, { create: true })
            ).createWritable();
            await w.write(text);
            await w.close();
          }
          return root;
        };
    },
    SEED.map((p) => [p, readFileSync(p, 'utf8')] as [string, string]),
  );
  await page.goto(`${withHeaders(baseURL)}/admin/`);
  await page.getByRole('button', { name: 'Work with Local Repository' }).click();
  await page.getByText(collection, { exact: true }).first().click();
  return violations;
}

/** Every file of the repository the editor wrote to, by path (text, or base64 for pictures). */
const repository = (page: Page) =>
  page.evaluate(async () => {
    const files: Record<string, string> = {};
    async function walk(dir: FileSystemDirectoryHandle, prefix: string): Promise<void> {
      for await (const [name, handle] of (
        dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
      ).entries()) {
        if (handle.kind === 'directory')
          await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else if (!name.endsWith('.crswap')) {
          // A file being saved is replaced when its writer closes: skip it, the caller polls.
          try {
            const file = await (handle as FileSystemFileHandle).getFile();
            files[`${prefix}${name}`] = /\.(png|jpe?g|webp)$/.test(name)
              ? btoa(String.fromCharCode(...new Uint8Array(await file.arrayBuffer())))
              : await file.text();
          } catch {
            continue;
          }
        }
      }
    }
    await walk(await navigator.storage.getDirectory(), '');
    return files;
  });

/** `npm run check` over the site's content with `files` added: its exit code and output. */
function check(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-editor-'));
  try {
    cpSync('content', dir, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      const target = join(dir, path.replace(/^content\//, ''));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, /\.png$/.test(path) ? Buffer.from(text, 'base64') : text);
    }
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts'], {
      env: { ...process.env, DATELINE_CONTENT: dir },
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const newFiles = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([p]) => !SEED.includes(p)));

test('a reporter files a key event from a phone: named and timed in the story zone, as the contract says', async ({
  page,
  baseURL,
}) => {
  // 03:55 UTC on the 6th is 22:55 on the 5th in New York, and 08:55 on the 6th on the phone.
  await page.clock.install({ time: new Date('2026-12-06T03:55:00Z') });
  const violations = await openEditor(page, baseURL);
  // Usable one-handed at 390 px: nothing wider than the screen, and targets a thumb can hit.
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const size = async (name: string) => {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    return Math.min(box.width, box.height);
  };
  expect(await fits()).toBe(true);
  expect(await size('Create New Entry')).toBeGreaterThanOrEqual(40);
  await page.getByRole('button', { name: 'Create New Entry' }).click();
  expect(await fits()).toBe(true);
  expect(await size('Save')).toBeGreaterThanOrEqual(40);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Night crossing cancelled');
  await page.locator('[contenteditable=true]').first().click();
  await page.keyboard.type('The 23:30 crossing will not sail tonight.');
  await page.getByRole('switch', { name: 'Key event' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Create New Entry' })).toBeVisible();

  const written = newFiles(await repository(page));
  const path = `content/${STORY}/2026-12-06-0355z-night-crossing-cancelled.md`;
  expect(Object.keys(written)).toEqual([path]);
  expect(written[path]).toBe(
    '---\ntitle: Night crossing cancelled\nkey: true\n---\n\nThe 23:30 crossing will not sail tonight.\n',
  );
  // Its name says when it was written; its day and time are the story's.
  const name = parseBulletinName(path.split('/').at(-1)!) as BulletinName;
  const when = resolveInstant(name, undefined, ZONE) as { instant: number };
  expect([dayOf(when.instant, ZONE), clockOf(when.instant, ZONE)]).toEqual(['2026-12-05', '22:55']);
  const checked = check(written);
  expect(checked.output).not.toMatch(/error/i);
  expect(checked.status).toBe(0);
  expect(await violations()).toEqual([]);
});

test('an edit changes only what was edited; a save without change leaves the file as it was', async ({
  page,
  baseURL,
}) => {
  const violations = await openEditor(page, baseURL);
  const before = readFileSync(EXISTING, 'utf8');
  await page.getByText('Crews accept the offer').first().click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Create New Entry' })).toBeVisible();
  expect((await repository(page))[EXISTING]).toBe(before);

  await page.getByText('Crews accept the offer').first().click();
  await page
    .getByRole('textbox', { name: 'Headline' })
    .fill('Crews accept the offer by 61 votes to 23');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Create New Entry' })).toBeVisible();
  const after = (await repository(page))[EXISTING]!;
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toEqual(['title: Crews accept the offer by 61 votes to 23']);
  expect(after.split('\n').length).toBe(before.split('\n').length);
  expect(await violations()).toEqual([]);
});

test('a picture is uploaded beside the bulletins of its story, and not saved without its description', async ({
  page,
  baseURL,
}) => {
  const violations = await openEditor(page, baseURL);
  await page.getByRole('button', { name: 'Create New Entry' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('The ferry route');
  await page.locator('[contenteditable=true]').first().click();
  await page.keyboard.type('Crossings resume on this route.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Image' }).click();
  await page.locator('input[type=file]').first().setInputFiles(PICTURE);
  await expect(page.getByText('route-map.png')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace' })).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Describe every picture').first()).toBeVisible();
  expect(newFiles(await repository(page))).toEqual({});

  await page.getByRole('textbox', { name: 'Alt Text' }).fill('Map of the ferry route');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Create New Entry' })).toBeVisible();
  const written = newFiles(await repository(page));
  const bulletin = Object.keys(written).find((p) => p.endsWith('.md'))!;
  expect(written[bulletin]).toContain('![Map of the ferry route](route-map.png)');
  expect(Buffer.from(written[PICTURE]!, 'base64').equals(readFileSync(PICTURE))).toBe(true);
  expect(check(written).status).toBe(0);
  expect(await violations()).toEqual([]);
});

test('a new story: its folder and index.md, which `npm run check` accepts', async ({
  page,
  baseURL,
}) => {
  const violations = await openEditor(page, baseURL, 'Stories');
  await page.getByRole('button', { name: 'Create New Entry' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Bridge closure');
  await page
    .getByRole('textbox', { name: 'Summary' })
    .fill('The harbour bridge is closed for repairs.');
  await page.locator('[contenteditable=true]').first().click();
  await page.keyboard.type('Repairs began on Monday.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Create New Entry' })).toBeVisible();
  const written = newFiles(await repository(page));
  expect(Object.keys(written)).toEqual(['content/bridge-closure/index.md']);
  expect(written['content/bridge-closure/index.md']).toBe(
    '---\ntitle: Bridge closure\nsummary: The harbour bridge is closed for repairs.\nstatus: live\ntimezone: UTC\n---\n\nRepairs began on Monday.\n',
  );
  const checked = check(written);
  expect(checked.output).not.toMatch(/error/i);
  expect(checked.status).toBe(0);
  expect(await violations()).toEqual([]);
});

test("a story's summary: brought up to date on the story's clock, the rest of the file kept", async ({
  page,
  baseURL,
}) => {
  // 14:05 UTC is 09:05 in New York.
  await page.clock.install({ time: new Date('2026-11-25T14:05:00Z') });
  const violations = await openEditor(page, baseURL, 'Summaries');
  const file = `content/${STORY}/summary.md`;
  const before = readFileSync(file, 'utf8');
  await page.getByText('Demo: the Port Ellery ferry strike').first().click();
  await page.getByRole('button', { name: 'Now' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  // The file is written once the save is done (the editor then goes back to the list, or not).
  await expect
    .poll(async () => (await repository(page).catch(() => undefined))?.[file], { timeout: 10_000 })
    .toBe(before.replace('updated: "2026-11-24 09:15"', 'updated: 2026-11-25 09:05'));
  expect(check(newFiles(await repository(page))).status).toBe(0);
  expect(await violations()).toEqual([]);
});
