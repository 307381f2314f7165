/**
 * The script a partner's page loads beside a story's embed (`/embed.js`, bundled by
 * src/integrations/story-embed.ts). It fits each of the site's embed frames on the page to its column's
 * width and to the height of its content, which the frame tells it (src/scripts/story-embed.ts): no
 * scroll bar inside the frame, none left empty below. It takes messages from the site's own origin
 * only, and from one of its frames only. A classic script: the site's origin is its own address.
 */
import { EMBED_ATTRIBUTE, isEmbedHeight, type EmbedAsk } from '../lib/site/story-embed.ts';

const me = document.currentScript;
if (me instanceof HTMLScriptElement && me.src) {
  const origin = new URL(me.src).origin;
  const ours = (frame: HTMLIFrameElement) => {
    try {
      return new URL(frame.src, location.href).origin === origin;
    } catch {
      return false;
    }
  };
  const frames = () =>
    [...document.querySelectorAll<HTMLIFrameElement>(`iframe[${EMBED_ATTRIBUTE}]`)].filter(ours);
  // Set again here, for a page whose own policy refuses the code's style attribute.
  const fit = (frame: HTMLIFrameElement) => {
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
  };
  addEventListener('message', (e) => {
    if (e.origin !== origin || !isEmbedHeight(e.data)) return;
    const frame = frames().find((f) => f.contentWindow === e.source);
    if (!frame) return;
    fit(frame);
    frame.style.height = `${Math.ceil(e.data.height)}px`;
  });
  for (const frame of frames()) {
    fit(frame);
    frame.contentWindow?.postMessage({ type: 'dateline:ask' } satisfies EmbedAsk, origin);
  }
}
