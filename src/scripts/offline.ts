/**
 * What the reader keeps on their device, beside the service worker (src/scripts/sw.ts), which reads
 * the same caches (src/lib/offline/worker.ts `CACHES`):
 * - `saveStory`: a story's "Save for offline": its size first, then every page and picture of it
 *   (`/saved/<slug>.json`, src/lib/offline/saved.ts) in a cache of its own, with progress;
 * - `refreshSaved`: saved stories brought up to date when the reader is online;
 * - `listSaved`: the offline page's list of what is kept, each story removable.
 */
import { savedChanges, type SavedStory } from '../lib/offline/saved.ts';
import { fill } from '../core/text.ts';
import { CACHES, SAVED_HEADER } from '../lib/offline/worker.ts';
import type { Strings } from '../lib/site/strings.ts';

/** Whether this browser can keep pages (a service worker and its caches; not in `astro dev`). */
export const canKeep = (): boolean =>
  'serviceWorker' in navigator && 'caches' in window && import.meta.env.PROD;

const megabytes = (bytes: number, locale: string): string =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: bytes < 10e6 ? 1 : 0 }).format(bytes / 1e6)} MB`;

/** The saved list of a story (its URL is the key it is kept under, with the list it was saved from). */
async function listOf(url: string): Promise<SavedStory> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as SavedStory;
}

/** Fetches `urls` into `cache`, four at a time, each kept with when it was saved; calls `progress` after each. */
async function fetchInto(cache: Cache, urls: string[], progress: (done: number) => void) {
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const headers = new Headers(response.headers);
      headers.set(SAVED_HEADER, new Date().toISOString());
      await cache.put(url, new Response(await response.blob(), { headers }));
      progress(++done);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/** Saves `list`'s files that `kept` lacks or has in another version, and removes what it no longer has. */
async function save(
  slug: string,
  list: SavedStory,
  listUrl: string,
  kept: SavedStory | undefined,
  progress: (done: number, total: number) => void,
) {
  const cache = await caches.open(CACHES.story(slug));
  const { fetch: wanted, remove } = savedChanges(kept ?? { files: [] }, list);
  await fetchInto(cache, wanted, (done) => progress(done, wanted.length));
  await Promise.all(remove.map((url) => cache.delete(url)));
  // The list last: a story is saved once every file of it is.
  await cache.put(
    listUrl,
    new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } }),
  );
}

/** The list a story was saved from, if it is saved. */
async function keptList(slug: string, listUrl: string): Promise<SavedStory | undefined> {
  if (!(await caches.has(CACHES.story(slug)))) return undefined;
  const kept = await (await caches.open(CACHES.story(slug))).match(listUrl);
  return kept ? ((await kept.json()) as SavedStory) : undefined;
}

/** A story page's "Save for offline" (src/components/SaveStory.astro). */
export function saveStory(root: HTMLElement): void {
  if (!canKeep()) return;
  const t = JSON.parse(root.dataset['messages'] ?? '{}') as Strings['offline']['save'];
  const slug = root.dataset['story']!;
  const listUrl = root.dataset['saved']!;
  const locale = document.documentElement.lang || 'en';
  const details = root.querySelector('details')!;
  const size = root.querySelector<HTMLElement>('.save-story-size')!;
  const saveButton = root.querySelector<HTMLButtonElement>('.save-story-save')!;
  const removeButton = root.querySelector<HTMLButtonElement>('.save-story-remove')!;
  const bar = root.querySelector('progress')!;
  const status = root.querySelector<HTMLElement>('[role=status]')!;
  let list: SavedStory | undefined;
  root.hidden = false;

  const showKept = (kept: boolean) => {
    removeButton.hidden = !kept;
    if (kept) status.textContent = t.saved;
  };
  void keptList(slug, listUrl).then((kept) => showKept(kept !== undefined));

  details.addEventListener('toggle', () => {
    if (!details.open || list) return;
    void listOf(listUrl)
      .then((l) => {
        list = l;
        size.textContent = fill(t.size, { size: megabytes(l.bytes, locale) });
        saveButton.disabled = false;
      })
      .catch(() => (status.textContent = t.failed));
  });
  saveButton.addEventListener('click', () => {
    if (!list) return;
    saveButton.disabled = true;
    bar.hidden = false;
    void (async () => {
      try {
        await save(slug, list, listUrl, await keptList(slug, listUrl), (done, total) => {
          bar.max = Math.max(total, 1);
          bar.value = done;
          status.textContent = fill(t.saving, { n: String(done), total: String(total) });
        });
        showKept(true);
      } catch {
        status.textContent = t.failed;
      } finally {
        bar.hidden = true;
        saveButton.disabled = false;
      }
    })();
  });
  removeButton.addEventListener('click', () => {
    void caches.delete(CACHES.story(slug)).then(() => {
      removeButton.hidden = true;
      status.textContent = t.removed;
    });
  });
}

/** Brings every saved story up to date (the pages that changed, the new ones), quietly: when a page is opened online. */
export async function refreshSaved(base: string): Promise<void> {
  if (!canKeep() || !navigator.onLine) return;
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHES.storyPrefix)) continue;
    const slug = name.slice(CACHES.storyPrefix.length);
    const listUrl = `${base}saved/${encodeURIComponent(slug)}.json`;
    const kept = await keptList(slug, listUrl);
    try {
      const list = await listOf(listUrl);
      if (kept && JSON.stringify(kept) !== JSON.stringify(list))
        await save(slug, list, listUrl, kept, () => undefined);
    } catch {
      // offline again, or the story is gone: the saved copy stays as it is
    }
  }
}

/** The offline page: the stories and pages this device keeps, each story removable. */
export async function listSaved(root: HTMLElement): Promise<void> {
  if (!('caches' in window)) return;
  const t = JSON.parse(root.dataset['messages'] ?? '{}') as Strings['offline']['page'];
  const storiesList = root.querySelector('.saved-stories')!;
  const pagesList = root.querySelector('.saved-pages')!;
  const stories: { slug: string; title: string; url: string }[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHES.storyPrefix)) continue;
    const cache = await caches.open(name);
    const slug = name.slice(CACHES.storyPrefix.length);
    for (const request of await cache.keys()) {
      if (!request.url.endsWith('.json')) continue;
      const list = (await (await cache.match(request))!.json()) as SavedStory;
      stories.push({ slug, title: list.title, url: list.page });
    }
  }
  for (const s of stories) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = s.url;
    link.textContent = s.title;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'saved-remove';
    remove.textContent = fill(t.remove, { title: s.title });
    remove.addEventListener(
      'click',
      () => void caches.delete(CACHES.story(s.slug)).then(() => item.remove()),
    );
    item.append(link, ' ', remove);
    storiesList.append(item);
  }
  const pages = (await caches.has(CACHES.pages))
    ? await (await caches.open(CACHES.pages)).keys()
    : [];
  for (const request of pages) {
    const response = await caches.match(request);
    const title = /<title>([^<]*)<\/title>/.exec((await response?.text()) ?? '')?.[1];
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = request.url;
    // The page's own title, as its HTML wrote it (entities and all): set as markup would be unsafe.
    link.textContent =
      new DOMParser().parseFromString(title ?? request.url, 'text/html').documentElement
        .textContent ?? request.url;
    item.append(link);
    pagesList.append(item);
  }
  storiesList.closest('section')!.hidden = stories.length === 0;
  pagesList.closest('section')!.hidden = pages.length === 0;
  root.querySelector<HTMLElement>('.saved-none')!.hidden = stories.length + pages.length > 0;
}
