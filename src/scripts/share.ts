/**
 * A share button beside each update's "Link to this update" (issue: share an update in one tap): the
 * device's share sheet with the update's headline and permalink where there is one (the Web Share
 * API), else the permalink copied to the clipboard, said in a status that screen readers announce.
 * Added by this script, so that without JavaScript there is no button that cannot work (the link
 * remains). Its words come from the page (`data-share` on `<main>`, in the page's language).
 */

interface Words {
  button: string;
  copied: string;
  failed: string;
}

/** Adds a share button to every update of the page. */
export function addShareButtons(root: Document = document): void {
  const main = root.querySelector<HTMLElement>('main[data-share]');
  if (!main) return;
  const t = JSON.parse(main.dataset['share']!) as Words;
  let status: HTMLElement | undefined;
  const say = (text: string, near: HTMLElement) => {
    if (!status) {
      status = root.createElement('p');
      status.className = 'share-status';
      status.setAttribute('role', 'status');
    }
    near.after(status);
    status.textContent = text;
  };
  for (const link of main.querySelectorAll<HTMLAnchorElement>('article .permalink-link')) {
    const article = link.closest('article')!;
    const title = article.querySelector('.bulletin-title')?.textContent?.trim() ?? document.title;
    const button = root.createElement('button');
    button.type = 'button';
    button.className = 'share-button';
    button.textContent = t.button;
    const hidden = root.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = `: ${title}`;
    button.append(hidden);
    button.addEventListener('click', () => {
      const url = link.href;
      if (typeof navigator.share === 'function') {
        // A dismissed sheet rejects: nothing to say then.
        void navigator.share({ title, url }).catch(() => undefined);
        return;
      }
      // The clipboard is there only on pages served over HTTPS (or from this machine).
      if (!('clipboard' in navigator)) return say(t.failed, link.parentElement!);
      void navigator.clipboard
        .writeText(url)
        .then(() => say(t.copied, link.parentElement!))
        .catch(() => say(t.failed, link.parentElement!));
    });
    link.after(' ', button);
  }
}
