/**
 * On every page, and small (under 1 kB compressed): `/` focuses the page's search box, a page
 * reached from a search result (`?highlight=words`) marks those words in the update it was sent
 * to, a video's link becomes its player when clicked (src/scripts/players.ts), each update gets a
 * share button and a story's embed code a copy button (src/scripts/share.ts), and the service
 * worker is registered.
 */
import { highlightPattern, highlightWords, markMatches } from './highlight.ts';
import './players.ts';
import { addCopyButtons, addShareButtons } from './share.ts';

addShareButtons();
addCopyButtons();

/** Whether an event's target takes typing itself (then `/` is a character, not a shortcut). */
const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  // The page's own search box first (the search page's), else the one in the site header.
  const box =
    document.querySelector<HTMLInputElement>('main input[type=search]') ??
    document.querySelector<HTMLInputElement>('input[type=search]');
  if (!box) return;
  e.preventDefault();
  box.focus();
  box.select();
});

const words = highlightWords(new URLSearchParams(location.search).get('highlight'));
if (words.length) {
  // The update the result linked to (its id is the URL's fragment), else the page's main text.
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // a broken escape (`#%zz`): look the fragment up as written
  }
  const target = document.getElementById(id) ?? document.querySelector('main');
  if (target) markMatches(target, highlightPattern(words));
}

// The service worker (src/scripts/sw.ts): pages read stay readable offline, mirrors when the site
// is blocked. Registered once the page has loaded (its shell is fetched after the page's own
// files); its scope is the site's base; it updates itself at each load (never from the HTTP cache).
// Saved stories are brought up to date then.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const start = () =>
    void navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base, updateViaCache: 'none' })
      .then(() => import('./offline.ts'))
      .then(({ refreshSaved }) => refreshSaved(base))
      .catch(() => undefined);
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
