/**
 * A story's embed, framed by another site (src/pages/embed/[story]/index.astro). It tells the page
 * around it its height whenever that changes (the site's script there,
 * src/scripts/story-embed-host.ts, fits the frame to it: no scroll bar inside; or WordPress's, which
 * speaks its own messages), and, while the story is live, checks its `latest.json` as the story's
 * timeline does (src/scripts/poll.ts): a change is offered in a banner, which swaps in the embed as
 * published now; and "12 minutes ago" beside each time, as there. Without this script the embed is
 * a fixed list.
 */
import {
  wordpressSecret,
  type EmbedHeight,
  type WordPressMessage,
} from '../lib/site/story-embed.ts';
import { diffUpdates, type LiveState } from '../lib/site/live.ts';
import type { Strings } from '../lib/site/strings.ts';
import { agoTicker, plural, pollLatest } from './poll.ts';

const root = document.querySelector<HTMLElement>('[data-embed]');

if (root && window.parent !== window) {
  // Framed by WordPress from the story's oEmbed (src/lib/site/story-embed.ts): sandboxed, so its links
  // cannot open in the window and are handed to WordPress's script instead.
  const secret = wordpressSecret(location.hash);
  const wordpress = (message: WordPressMessage['message'], value: number | string) =>
    secret && window.parent.postMessage({ message, value, secret } satisfies WordPressMessage, '*');
  const tell = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    // Its height is no secret; the page around it checks that it comes from this site.
    window.parent.postMessage({ type: 'dateline:height', height } satisfies EmbedHeight, '*');
    wordpress('height', height);
  };
  new ResizeObserver(tell).observe(document.documentElement);
  if (secret)
    document.addEventListener('click', (e) => {
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      e.preventDefault();
      wordpress('link', link.href);
    });
  // The partner's script may run after the frame has spoken: it asks.
  addEventListener('message', (e) => {
    if (
      e.source === window.parent &&
      (e.data as { type?: unknown } | null)?.type === 'dateline:ask'
    )
      tell();
  });
}

if (root?.dataset['live']) {
  const { live, poll, locale, messages } = root.dataset;
  const t = JSON.parse(messages ?? '{}') as Pick<Strings['live'], 'newUpdates'> &
    Pick<Strings['embed'], 'changed'>;
  const banner = root.querySelector<HTMLElement>('.story-embed-banner')!;
  const tick = agoTicker(
    () => root.querySelectorAll<HTMLTimeElement>('.story-embed-meta > time'),
    locale!,
  );
  const src = new URL(live, location.href);
  const shown = () =>
    [...root.querySelectorAll<HTMLElement>('.story-embed-update')].map((a) => ({
      id: a.dataset['id'] ?? '',
      v: a.dataset['v'] ?? '',
    }));

  /** The embed as published now, in place of this one's header and updates. */
  const swap = async (): Promise<void> => {
    const response = await fetch(location.href, { cache: 'no-cache' });
    if (!response.ok) throw new Error(String(response.status));
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const part of ['.story-embed-header', '.story-embed-updates']) {
      const node = fresh.querySelector(part);
      if (node) root.querySelector(part)?.replaceWith(document.importNode(node, true));
    }
    banner.replaceChildren();
    tick();
  };

  const offer = (text: string) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('click', () => {
      swap().then(
        () => root.querySelector<HTMLElement>('.story-embed-heading a')?.focus(),
        () => location.reload(),
      );
    });
    banner.replaceChildren(button);
  };

  const poller = pollLatest(src, Number(poll), (state: LiveState) => {
    if (state.status !== 'live') {
      // Ended: shown as it closed, and no more checks.
      poller.stop();
      void swap().catch(() => undefined);
      return;
    }
    const change = diffUpdates(shown(), state.updates);
    if (change.kind === 'same') return;
    if (change.kind === 'reload') return offer(t.changed);
    offer(plural(t.newUpdates, change.added.length, locale));
  });
}
