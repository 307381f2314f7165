/**
 * What a live story's open pages share (its timeline, src/scripts/live.ts, and its embed,
 * src/scripts/story-embed.ts): checking its `latest.json` every `seconds` or so (with jitter, revalidated,
 * so an unchanged file costs a 304), less often after errors, not while the tab is hidden (once when
 * it comes back), and never again once stopped; "12 minutes ago" beside each update's time; and
 * their words' plural forms.
 */
import { agoParts, nextDelay, type LiveState } from '../lib/site/live.ts';
import type { Plural } from '../lib/site/strings.ts';

/**
 * `forms` (a page's words, given as data) for the count `n` in `locale`, `{n}` filled in: pluralForm
 * of src/lib/site/strings.ts, here so that the pages' scripts need not import the dictionaries.
 */
export const plural = (forms: Plural, n: number, locale: string | undefined): string =>
  (forms[new Intl.PluralRules(locale).select(n)] ?? forms.other).replace('{n}', String(n));

/**
 * Puts "12 minutes ago" (in `locale`) after each `<time>` that `times()` gives, in a `span.ago` (the
 * time itself stays in `<time datetime>`; a day without a time gets none), now and every minute.
 * Returns the function that does it, to call again when updates are added.
 */
export function agoTicker(times: () => Iterable<HTMLTimeElement>, locale: string): () => void {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const tick = () => {
    const now = Date.now();
    for (const time of times()) {
      if (time.dateTime.length < 11) continue;
      let ago = time.nextElementSibling;
      if (!ago?.classList.contains('ago')) {
        ago = document.createElement('span');
        ago.className = 'ago';
        time.after(ago);
      }
      ago.textContent = format.format(...agoParts(Date.parse(time.dateTime), now));
    }
  };
  setInterval(tick, 60_000);
  tick();
  return tick;
}

/** Calls `onState` with each state read, until `stop()`. */
export function pollLatest(
  src: URL,
  seconds: number,
  onState: (state: LiveState) => void,
): { stop(): void } {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && !document.hidden)
      timer = setTimeout(() => void check(), nextDelay(seconds * 1000, failures, Math.random()));
  };
  async function check(): Promise<void> {
    try {
      const response = await fetch(src, { cache: 'no-cache' });
      if (!response.ok) throw new Error(String(response.status));
      const state = (await response.json()) as LiveState;
      failures = 0;
      onState(state);
    } catch {
      failures++;
    }
    schedule();
  }
  document.addEventListener('visibilitychange', () => {
    clearTimeout(timer);
    if (!document.hidden && !stopped) void check();
  });
  schedule();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
