/**
 * The search page: runs Pagefind in the browser over the index that the build wrote (story-days in
 * tiers, each update a sub-result: src/scripts/search-index.ts), one result per update. Loaded only
 * on /search/; nothing of the index is fetched before the reader moves to the search box. Reads its
 * words, filters and order from the URL on load (`?q=…&story=…&year=…&month=2022-01&tag=…&key=1&sort=…`),
 * keeps them there as the reader changes them, so a filtered search can be shared and reloaded, and
 * renders results as plain DOM (no HTML from the index is trusted beyond Pagefind's <mark>s).
 */

import type { Strings } from '../lib/site/strings.ts';
import { formatDay, formatter, zoneAbbreviation } from '../core/intl.ts';
import { decodeWhen } from '../lib/publish/search-meta.ts';
import {
  hitsOf,
  queryWords,
  TieredIndex,
  type FilterCounts,
  type Order,
  type PagefindResult,
  type UpdateHit,
} from './search-index.ts';

/** Updates shown at once (each story-day they come from fetches its own fragment of the index). */
const PAGE_SIZE = 10;
/** Story-days whose fragments are fetched together while filling a page. */
const DAYS_AT_ONCE = 3;

/** The URL parameter the landing page reads to highlight the searched words (src/scripts/page.ts). */
const HIGHLIGHT = 'highlight';

/** Copies Pagefind's excerpt into `target` as text, keeping only its <mark> highlights; returns the marked words. */
export function appendExcerpt(target: HTMLElement, excerpt: string): string[] {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const marked: string[] = [];
  for (const node of doc.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      marked.push(node.textContent ?? '');
      target.append(mark);
    } else {
      target.append(node.textContent ?? '');
    }
  }
  return marked;
}

/** A result's link: its permalink, carrying the searched words for the landing page to highlight. */
export function resultHref(url: string, words: readonly string[], base: string): string {
  if (words.length === 0) return url;
  const href = new URL(url, base);
  href.searchParams.set(HIGHLIGHT, words.join(' '));
  return href.pathname + href.search + href.hash;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What a result shows of its story: its title, and the zone its times are told in. */
export interface StoryInfo {
  title: string;
  timezone: string;
}

/**
 * A result's moment for readers, in its story's zone and written as the pages write it:
 * `Friday, 7 January 2022, 14:30 GMT+6`, or the day alone for an update without a time.
 */
export function formatWhen(
  when: ReturnType<typeof decodeWhen>,
  timezone: string,
  locale: string,
): string {
  if (!when) return '';
  if ('day' in when) return formatDay(when.day, locale);
  const t = when.instant;
  const date = formatter(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: timezone,
  }).format(t);
  const clock = formatter('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  }).format(t);
  return `${date}, ${clock} ${zoneAbbreviation(t, timezone)}`;
}

function renderResult(
  hit: UpdateHit,
  words: readonly string[],
  stories: ReadonlyMap<string, StoryInfo>,
  locale: string,
): HTMLLIElement {
  const li = el('li', 'search-result');
  const heading = el('h2', 'search-result-title');
  const link = el('a', undefined, hit.title || hit.url);
  heading.append(link);
  const meta = el('p', 'search-result-meta');
  const story = stories.get(hit.story);
  const moment = decodeWhen(hit.when);
  const when = el(
    'time',
    'search-result-date',
    formatWhen(moment, story?.timezone ?? 'UTC', locale),
  );
  if (moment) when.dateTime = 'day' in moment ? moment.day : new Date(moment.instant).toISOString();
  meta.append(el('span', 'search-result-story', story?.title ?? ''), ' · ', when);
  const excerpt = el('p', 'search-result-excerpt');
  // The landing page marks the words as typed and as found (another form of them: `протестами` finds `протестов`).
  const found = appendExcerpt(excerpt, hit.excerpt).flatMap((w) => queryWords(w));
  link.href = resultHref(
    hit.url,
    words.length ? [...new Set([...words, ...found])] : [],
    location.href,
  );
  li.append(heading, meta, excerpt);
  return li;
}

/**
 * Puts each filter value's count of days among the current results in its label (`days` writes
 * one); values of a filter in use show none (choosing one replaces it).
 */
function showCounts(
  selects: readonly HTMLSelectElement[],
  key: HTMLInputElement,
  keyLabel: HTMLElement,
  counts: FilterCounts,
  days: (n: number) => string,
): void {
  for (const select of selects) {
    const name = select.dataset['filter']!;
    for (const option of select.options) {
      if (!option.value) continue;
      const n = counts[name]?.[option.value] ?? 0;
      option.textContent =
        select.value && option.value !== select.value
          ? option.dataset['label']!
          : `${option.dataset['label']} (${days(n)})`;
    }
  }
  keyLabel.textContent = `${key.dataset['label']} (${days(counts['key']?.['1'] ?? 0)})`;
}

/** Wires up the search form; call once on the search page. */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const sort = document.querySelector<HTMLSelectElement>('#search-sort');
  const key = document.querySelector<HTMLInputElement>('#search-key');
  const keyLabel = document.querySelector<HTMLElement>('#search-key-label');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  if (!form || !input || !sort || !key || !keyLabel || !status || !list || !more) return;
  document.querySelector('#search-no-js')?.remove();
  // The page's language's messages (src/lib/site/strings.ts), given as data.
  const t = JSON.parse(form.dataset['messages'] ?? '{}') as Strings['searchScript'];
  const fill = (text: string, values: Record<string, string>) =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  const locale = form.dataset['locale'] ?? document.documentElement.lang;
  const stories = new Map<string, StoryInfo>(
    [...document.querySelectorAll<HTMLOptionElement>('#search-story option[value]')]
      .filter((o) => o.value)
      .map((o) => [
        o.value,
        { title: o.dataset['label'] ?? o.value, timezone: o.dataset['timezone'] ?? 'UTC' },
      ]),
  );

  const bundle = form.dataset['bundle'] ?? '/pagefind/';
  let index: Promise<TieredIndex> | undefined;
  const load = (): Promise<TieredIndex> => (index ??= TieredIndex.open(bundle));
  // The filter counts come from instances of their own, all in a second Pagefind worker: Pagefind
  // counts every filter it has loaded for every query, which in the results' instances would slow
  // every later search (measured at 100,000 bulletins: a second per query), and in their worker
  // would hold up the next query until counted.
  let counter: Promise<TieredIndex> | undefined;
  const loadCounter = (): Promise<TieredIndex> =>
    (counter ??= TieredIndex.open(bundle, 'all').then(async (c) => {
      await c.loadFilters();
      return c;
    }));
  const plural = (forms: typeof t.found, n: number) =>
    fill(forms[new Intl.PluralRules(locale).select(n)] ?? forms.other, { n: String(n) });

  let run = 0;
  /** The story-days found and not shown yet, and the words and filters they were found with. */
  let pending: PagefindResult[] = [];
  let asked: { term: string | null; filters: Record<string, string>; order: Order } = {
    term: null,
    filters: {},
    order: 'best',
  };
  let words: string[] = [];

  /** Shows the updates of the next story-days until a page's worth is on screen; returns how many it showed. */
  const showMore = async (mine: number): Promise<number> => {
    let shown = 0;
    // Busy while results are being added (assistive technology waits; so can a test).
    list.setAttribute('aria-busy', 'true');
    while (pending.length && shown < PAGE_SIZE) {
      // A few days' fragments at a time (a day holds one update found or many), shown in order.
      const batch = pending.slice(0, DAYS_AT_ONCE);
      pending = pending.slice(batch.length);
      const loading = batch.map((r) => r.data());
      for (const item of loading) {
        const data = await item;
        if (mine !== run) return shown;
        for (const hit of hitsOf(data, asked.term, asked.filters, asked.order)) {
          list.append(renderResult(hit, words, stories, locale));
          shown++;
        }
      }
    }
    more.hidden = pending.length === 0;
    list.setAttribute('aria-busy', 'false');
    return shown;
  };

  /** The filters in use, by Pagefind filter name. */
  const filters = (): Record<string, string> => {
    const chosen: Record<string, string> = {};
    for (const s of selects) if (s.value) chosen[s.dataset['filter']!] = s.value;
    if (key.checked) chosen['key'] = '1';
    return chosen;
  };

  /**
   * Searches, trying once more with a freshly opened index if the first attempt fails (a
   * WebAssembly trap in Pagefind's worker has been seen about once in thirty fresh pages).
   */
  const find = async (term: string | null, chosen: Record<string, string>, order: Order) => {
    try {
      return await (await load()).search(term, chosen, order);
    } catch (err) {
      console.warn('search failed, opening the index again', err);
      index = undefined;
      return (await load()).search(term, chosen, order);
    }
  };

  const search = async () => {
    const mine = ++run;
    const q = input.value.trim();
    const chosen = filters();
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [name, value] of Object.entries(chosen)) params.set(name, value);
    if (sort.value) params.set('sort', sort.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    const filtered = Object.keys(chosen).length > 0;
    if (!q && !filtered) {
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = t.searching;
    list.setAttribute('aria-busy', 'true');
    try {
      // Browsing by filters alone lists the newest matching updates first.
      const order = (sort.value || (q ? 'best' : 'newest')) as Order;
      const found = await find(q || null, chosen, order);
      if (mine !== run) return;
      pending = found.pages;
      asked = { term: q || null, filters: chosen, order };
      words = q ? queryWords(q) : [];
      list.replaceChildren();
      const days = found.pages.length;
      const within = [
        ...selects
          .filter((s) => s.value)
          .map((s) => s.selectedOptions[0]?.dataset['label'] ?? s.value),
        ...(key.checked ? [t.keyOnly] : []),
      ];
      const say = (count: string) => {
        const text = `${count}${q ? fill(t.forWords, { q }) : ''}${within.length ? fill(t.within, { list: within.join(', ') }) : ''}.`;
        // Said again only when it changes: a live region reads every change aloud.
        if (status.textContent !== text) status.textContent = text;
      };
      // The days found at once, before their updates are read: the first result shows as soon as
      // its day's fragment arrives, not once the whole page's have.
      // The plural rule inline, like pluralForm in src/lib/site/strings.ts: importing it would give both page scripts a shared chunk to fetch.
      say(days === 0 ? t.none : plural(t.foundDays, days));
      const shown = await showMore(mine);
      if (mine !== run) return;
      // Exact once every day found has been read, else the days (reading them all would fetch them all).
      say(
        shown === 0 && pending.length === 0
          ? t.none
          : pending.length === 0
            ? plural(t.found, shown)
            : plural(t.foundDays, days),
      );
    } catch (err) {
      if (mine !== run) return;
      list.setAttribute('aria-busy', 'false');
      status.textContent = t.failed;
      console.error(err);
      return;
    }
    // Counts after the results: they need every filter's index, which the results do not. Counts
    // that cannot be had leave the results as they are.
    try {
      const counted = await (await loadCounter()).search(q || null, chosen, 'best');
      if (mine !== run) return;
      showCounts(selects, key, keyLabel, counted.counts, (n) => plural(t.days, n));
    } catch (err) {
      counter = undefined;
      console.warn('filter counts failed', err);
    }
  };
  // Pagefind (its library, WebAssembly and instances: about 75 kB) and each tier's metadata are
  // fetched as soon as the reader heads for the box, as Pagefind's own UI does; the rest of the
  // index (the chunks of the words, the fragments of the days found), at the first search.
  input.addEventListener(
    'focus',
    () =>
      void load()
        .then((i) => i.prepare())
        .catch(() => undefined),
    {
      once: true,
    },
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // The words' index chunks at once; the search itself after a short pause.
    const q = input.value.trim();
    if (q)
      void load()
        .then((i) => i.preload(q))
        .catch(() => undefined);
    // A short pause for typing to settle: fewer index fetches for half-typed words.
    timer = setTimeout(() => void search(), 50);
  });
  for (const control of [...selects, sort, key])
    control.addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  more.addEventListener('click', () => {
    // One page at a time: two at once would interleave their results.
    if (list.getAttribute('aria-busy') !== 'true') void showMore(run);
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const s of selects) {
    const value = params.get(s.dataset['filter']!) ?? '';
    // A value the page does not list (an old link): offer it anyway, so the URL is honoured.
    if (value && ![...s.options].some((o) => o.value === value)) {
      const extra = new Option(value, value);
      extra.dataset['label'] = value;
      s.add(extra);
    }
    s.value = value;
  }
  key.checked = params.get('key') === '1';
  sort.value = params.get('sort') ?? '';
  if (input.value || Object.keys(filters()).length) void search();
}
