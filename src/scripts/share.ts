/**
 * A share button beside each update's "Link to this update": the device's share sheet with the
 * update's headline and permalink where there is one (the Web Share API), else the permalink copied
 * to the clipboard, said in a status that screen readers announce; and a copy button under a
 * story's embed code (src/components/EmbedStory.astro). Added by this script, so that without
 * JavaScript there is no button that cannot work (the link remains, the code can be selected).
 * Their words come from the page (`data-share` on `<main>`, `data-copy` on the code's box, in the
 * page's language).
 */

interface Words {
  copied: string;
  failed: string;
}

let status: HTMLElement | undefined;

/** Says `text` in the page's one status line, moved after `near`. */
function say(text: string, near: HTMLElement): void {
  if (!status) {
    status = document.createElement('p');
    status.className = 'share-status';
    status.setAttribute('role', 'status');
  }
  near.after(status);
  status.textContent = text;
}

/** Copies `text` to the clipboard and says whether it was (after `near`). */
function copy(text: string, t: Words, near: HTMLElement): void {
  // The clipboard is there only on pages served over HTTPS (or from this machine).
  if (!('clipboard' in navigator)) return say(t.failed, near);
  void navigator.clipboard.writeText(text).then(
    () => say(t.copied, near),
    () => say(t.failed, near),
  );
}

/** A button saying `label`, that does `action`. */
function button(label: string, className: string, action: () => void): HTMLButtonElement {
  const made = document.createElement('button');
  made.type = 'button';
  made.className = className;
  made.textContent = label;
  made.addEventListener('click', action);
  return made;
}

/** Adds a copy button under each embed code of the page. */
export function addCopyButtons(): void {
  for (const box of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-copy]')) {
    const t = JSON.parse(box.dataset['copy']!) as Words & { copy: string };
    const line = document.createElement('p');
    line.append(
      button(t.copy, 'share-button', () => {
        box.select();
        copy(box.value, t, line);
      }),
    );
    box.after(line);
  }
}

/** Adds a share button to every update of the page. */
export function addShareButtons(): void {
  const main = document.querySelector<HTMLElement>('main[data-share]');
  if (!main) return;
  const t = JSON.parse(main.dataset['share']!) as Words & { button: string };
  for (const link of main.querySelectorAll<HTMLAnchorElement>('article .permalink-link')) {
    const article = link.closest('article')!;
    const title = article.querySelector('.bulletin-title')?.textContent?.trim() ?? document.title;
    const share = button(t.button, 'share-button', () => {
      const url = link.href;
      // A dismissed sheet rejects: nothing to say then.
      if (typeof navigator.share === 'function')
        void navigator.share({ title, url }).catch(() => undefined);
      else copy(url, t, link.parentElement!);
    });
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = `: ${title}`;
    share.append(hidden);
    link.after(' ', share);
  }
}
