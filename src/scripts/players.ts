/**
 * Click-to-load videos (src/lib/markdown/embeds.ts): a video is a link until the reader
 * activates it; then, and only then, the link gives way to the provider's privacy-enhanced player,
 * which starts playing. Until that click the page asks the provider for nothing.
 */
document.addEventListener('click', (e) => {
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-player]');
  const src = link?.dataset['player'];
  if (!link || !src) return;
  e.preventDefault();
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = link.dataset['title'] ?? link.textContent?.trim() ?? '';
  frame.className = 'player-frame';
  frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
  frame.allowFullscreen = true;
  // YouTube's player refuses to play without knowing the embedding site (its error 153).
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  link.replaceWith(frame);
  frame.focus();
});
