/**
 * A live story's timeline keeps itself current (loaded only there: src/components/LiveUpdates.astro).
 * It checks the story's `latest.json` every minute or so (src/scripts/poll.ts), and never again once
 * the story has ended. New updates are announced in a banner, never inserted under the
 * reader's eyes; the banner adds them, taken whole from the site's own day pages (parsed with
 * DOMParser: only their `article.bulletin` elements are used). A new summary (summary.md) is
 * announced the same way and swapped in place, taken from the story's own page. A change the page
 * cannot patch (a deleted or corrected update) offers a reload instead. Each time also says how long
 * ago it was.
 */
import { diffUpdates, type LiveEntry } from '../lib/site/live.ts';
import type { Strings } from '../lib/site/strings.ts';
import { agoTicker, plural, pollLatest } from './poll.ts';

const root = document.querySelector<HTMLElement>('[data-live]');
if (root) start(root, root.parentElement!);

function start(root: HTMLElement, timeline: HTMLElement): void {
  const { live, story, poll, locale, messages } = root.dataset;
  // The page's language's messages (src/lib/site/strings.ts), given as data; `{n}` in the form for `n`.
  const t = JSON.parse(messages ?? '{}') as Strings['live'];
  const storyUrl = new URL(story!, location.href);
  const src = new URL(live!, storyUrl);
  // Same host only, whatever the markup says.
  if (src.origin !== location.origin || storyUrl.origin !== location.origin) return;
  const title = document.title;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className = '',
    text = '',
  ): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  };
  let pending: LiveEntry[] = [];
  let summaryPending = false;
  const briefing = () => document.querySelector<HTMLElement>('section.briefing');

  const banner = (text: string, action: () => void) => {
    const button = el('button', 'live-banner', text);
    button.type = 'button';
    button.addEventListener('click', action);
    root.replaceChildren(button);
  };
  const reload = (text: string) => {
    poller.stop();
    banner(text, () => location.reload());
  };

  const poller = pollLatest(src, Number(poll), (state) => {
    if (state.status !== 'live') return reload(t.ended);
    const articles = [...timeline.querySelectorAll<HTMLElement>('article.bulletin')];
    const change = diffUpdates(
      articles.map((a) => ({ id: a.id, v: a.dataset['v'] ?? '' })),
      state.updates,
    );
    if (change.kind === 'reload') return reload(t.changed);
    summaryPending = (state.summary ?? '') !== (briefing()?.dataset['v'] ?? '');
    pending = change.kind === 'new' ? change.added : [];
    const n = pending.length;
    if (n > 0 || summaryPending) {
      banner(
        n === 0
          ? t.summary
          : `${plural(t.newUpdates, n, locale)}${summaryPending ? ` · ${t.withSummary}` : ''}`,
        () => void show(),
      );
      if (n > 0) document.title = `(${n}) ${title}`;
    }
  });

  /** The section of `day` on the timeline, made (at the top: new updates are the newest) from its day page's heading if missing. */
  const section = (day: string, page: Document): HTMLElement => {
    const heading = timeline.querySelector(`h2[id="${day}"]`);
    if (heading) return heading.parentElement!;
    const made = el('section', 'day');
    made.setAttribute('aria-labelledby', day);
    const h2 = el('h2', 'day-heading');
    h2.id = day;
    const link = el('a', '', page.querySelector('h2.day-heading')?.textContent ?? day);
    link.href = new URL(`${day}/`, storyUrl).pathname;
    h2.append(link);
    made.append(h2);
    root.after(made);
    return made;
  };

  /** The summary swapped for the one on the story's page as published now (or removed with it). */
  async function showSummary(): Promise<HTMLElement | undefined> {
    const response = await fetch(storyUrl, { cache: 'no-cache' });
    if (!response.ok) throw new Error(String(response.status));
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.querySelector('section.briefing');
    const node = fresh ? document.importNode(fresh, true) : undefined;
    const old = briefing();
    if (old && node) old.replaceWith(node);
    else if (old) old.remove();
    else if (node) document.querySelector('.story-header')?.after(node);
    return node as HTMLElement | undefined;
  }

  async function show(): Promise<void> {
    const added = pending;
    if (summaryPending) {
      summaryPending = false;
      const swapped = await showSummary().catch(() => null);
      if (swapped === null) return reload(t.failed);
      if (added.length === 0) {
        root.replaceChildren();
        if (swapped) {
          swapped.tabIndex = -1;
          swapped.focus();
        }
        return;
      }
    }
    const pages = new Map<string, Document>();
    for (const day of new Set(added.map((e) => e.day))) {
      const response = await fetch(new URL(`${day}/`, storyUrl));
      if (!response.ok) return reload(t.failed);
      pages.set(day, new DOMParser().parseFromString(await response.text(), 'text/html'));
    }
    root.replaceChildren();
    document.title = title;
    for (const old of timeline.querySelectorAll('.is-latest')) old.classList.remove('is-latest');
    for (const badge of timeline.querySelectorAll('.badge-latest')) badge.remove();
    // Oldest first, each to the top of its day: the newest ends up first.
    for (const entry of [...added].reverse()) {
      const article = pages.get(entry.day)!.getElementById(entry.id);
      if (!article?.matches('article.bulletin')) return reload(t.failed);
      const node = document.importNode(article, true);
      node.querySelector('.badge-latest')?.remove();
      section(entry.day, pages.get(entry.day)!).querySelector('h2')!.after(node);
    }
    const top = timeline.querySelector<HTMLElement>('article.bulletin')!;
    top.classList.add('is-latest');
    top.querySelector('.bulletin-meta time')?.after(el('span', 'badge badge-latest', t.latest));
    updateDayNav(added);
    tick();
    top.tabIndex = -1;
    top.focus();
  }

  /** The jump-to-day list: a new day first, and each touched day's count. */
  function updateDayNav(added: readonly LiveEntry[]): void {
    const list = document.querySelector('.day-nav ol');
    if (!list) return;
    for (const day of new Set(added.map((e) => e.day))) {
      let link = list.querySelector<HTMLAnchorElement>(`a[href="#${day}"]`);
      if (!link) {
        link = el(
          'a',
          '',
          new Intl.DateTimeFormat(locale, {
            day: 'numeric',
            month: 'short',
            timeZone: 'UTC',
          }).format(Date.parse(`${day}T00:00:00Z`)),
        );
        link.href = `#${day}`;
        const item = el('li');
        item.append(link);
        list.prepend(item);
      }
      const n = timeline
        .querySelector(`h2[id="${day}"]`)!
        .parentElement!.querySelectorAll('article').length;
      const count = el('span', 'day-nav-count');
      const shown = el('span', '', String(n));
      shown.setAttribute('aria-hidden', 'true');
      count.append(shown, el('span', 'visually-hidden', plural(t.updates, n, locale)));
      link.querySelector('.day-nav-count')?.remove();
      link.append(count);
    }
  }

  const tick = agoTicker(
    () => timeline.querySelectorAll<HTMLTimeElement>('.bulletin-meta > time'),
    locale!,
  );
}
