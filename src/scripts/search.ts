/**
 * The search page: runs Pagefind in the browser over the per-update index that the build wrote
 * (in partitions: src/scripts/search-index.ts). Loaded only on /search/. Reads `?q=`, `?story=`
 * and `?sort=` on load, keeps them in the URL while the reader types, and renders results as
 * plain DOM (no HTML from the index is trusted beyond Pagefind's <mark> highlights).
 */

import { PartitionedIndex, type Order, type PagefindResult, type ResultData } from './search-index';

/** Results shown at once: each one fetches its own fragment of the index. */
const PAGE_SIZE = 10;

/** Copies Pagefind's excerpt into `target` as text, keeping only its <mark> highlights. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  for (const node of doc.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(node.textContent ?? '');
    }
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(data: ResultData): HTMLLIElement {
  const li = el('li', 'search-result');
  const heading = el('h2', 'search-result-title');
  const link = el('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const meta = el('p', 'search-result-meta');
  meta.append(el('span', 'search-result-story', data.meta.story ?? ''), ' · ', el('span', 'search-result-date', data.meta.date ?? ''));
  const excerpt = el('p', 'search-result-excerpt');
  appendExcerpt(excerpt, data.excerpt);
  li.append(heading, meta, excerpt);
  return li;
}

/** Wires up the search form; call once on the search page. */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const story = document.querySelector<HTMLSelectElement>('#search-story');
  const sort = document.querySelector<HTMLSelectElement>('#search-sort');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !input || !story || !sort || !status || !list || !more) return;
  document.querySelector('#search-no-js')?.remove();

  let index: Promise<PartitionedIndex> | undefined;
  const load = (): Promise<PartitionedIndex> => (index ??= PartitionedIndex.open(form.dataset['bundle'] ?? '/pagefind/'));

  let run = 0;
  let pending: PagefindResult[] = [];

  const showMore = async (mine: number) => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    // Fetch every result's fragment at once, but show each as soon as it and those above it are in.
    const loading = batch.map((r) => r.data());
    for (const item of loading) {
      const data = await item;
      if (mine !== run) return;
      list.append(renderResult(data));
    }
    more.hidden = pending.length === 0;
  };

  const search = async () => {
    const mine = ++run;
    const q = input.value.trim();
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (story.value) params.set('story', story.value);
    if (sort.value) params.set('sort', sort.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    if (!q && !story.value) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const found = await (await load()).search(q || null, story.value ? { story: story.value } : {}, (sort.value || 'best') as Order);
      if (mine !== run) return;
      pending = found;
      list.replaceChildren();
      const n = found.length;
      const where = story.selectedIndex > 0 ? ` in ${story.selectedOptions[0]?.textContent ?? ''}` : '';
      status.textContent = `${n === 0 ? 'No' : n} update${n === 1 ? '' : 's'} found${q ? ` for “${q}”` : ''}${where}.`;
      await showMore(mine);
    } catch (err) {
      if (mine !== run) return;
      status.textContent = 'Search could not be loaded. Please reload the page.';
      console.error(err);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // A short pause for typing to settle: fewer index fetches for half-typed words.
    timer = setTimeout(() => void search(), 50);
  });
  // The index opens once the page is idle (one instance per partition: about a quarter of a second
  // of fetching and setting up), or as soon as the reader heads for the box, whichever is first.
  const preload = () => void load().catch(() => undefined);
  input.addEventListener('focus', preload, { once: true });
  if ('requestIdleCallback' in window) requestIdleCallback(preload);
  else setTimeout(preload, 200);
  story.addEventListener('change', () => void search());
  sort.addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  more.addEventListener('click', () => void showMore(run));

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  story.value = params.get('story') ?? '';
  sort.value = params.get('sort') ?? '';
  if (input.value || story.value) void search();
}
