/**
 * A story's embed, the page other sites frame (`/embed/<slug>/`): the code a partner pastes, the
 * same as oEmbed, the messages between the frame and the partner's page, and the bodies made fit to
 * be read in a frame. Pure; also bundled for the browser (src/scripts/story-embed.ts, src/scripts/story-embed-host.ts).
 */
import { escapeHtml } from '../../core/text.ts';

/** The frame's height before it says its own (a partner's page without scripts keeps it, and scrolls the frame). */
export const EMBED_HEIGHT = 600;
/** Its width where the code's style is dropped (WordPress drops it): a theme's `max-width: 100%` narrows it. */
export const EMBED_WIDTH = 640;

/** What the embed tells the page around it (`postMessage`): its content's height in CSS pixels. */
export type EmbedHeight = { type: 'dateline:height'; height: number };
/** What the script on the partner's page asks a frame that may have spoken before it ran. */
export type EmbedAsk = { type: 'dateline:ask' };

/** A message is the embed's height (and a sane one: a frame is never made taller than this). */
export const isEmbedHeight = (data: unknown): data is EmbedHeight =>
  typeof data === 'object' &&
  data !== null &&
  (data as EmbedHeight).type === 'dateline:height' &&
  Number.isFinite((data as EmbedHeight).height) &&
  (data as EmbedHeight).height >= 0 &&
  (data as EmbedHeight).height <= 100_000;

/**
 * WordPress makes a frame of an oEmbed from a site it does not know (`wp_filter_oembed_result`):
 * it keeps the `<iframe>` alone (no script, no style), sandboxes it (`allow-scripts` only: no
 * navigation of the page around it, an opaque origin), and adds a secret to its address
 * (`#?secret=…`). Its own script on the post (wp-embed) then takes two messages carrying that
 * secret from the frame: `height` (which it keeps between 200 and 1,000 pixels) and `link`, an
 * address on the frame's host to open in the whole window. The secret of such a frame, if this is one.
 */
export const wordpressSecret = (hash: string): string | undefined =>
  /^#\?(?:.*&)?secret=([A-Za-z0-9]+)(?:&|$)/.exec(hash)?.[1];

/** A message to WordPress's script about the frame whose secret is `secret`. */
export type WordPressMessage = {
  message: 'height' | 'link';
  value: number | string;
  secret: string;
};

/** The attribute that marks a frame as a Dateline embed, for the partner's script to find. */
export const EMBED_ATTRIBUTE = 'data-dateline-embed';

/**
 * The code a partner pastes: the frame (a fixed height and its own scroll bar without scripts) and
 * the site's script that fits it to its content. The frame's style sets what the script sets again,
 * for a partner whose own policy refuses style attributes; its width is for a CMS that drops both.
 */
export function embedCode({
  frame,
  script,
  title,
}: {
  /** The embed's absolute URL. */
  frame: string;
  /** The absolute URL of the partner's script (`/embed.js`). */
  script: string;
  /** The frame's title, which screen readers announce. */
  title: string;
}): string {
  return (
    `<iframe src="${escapeHtml(frame)}" title="${escapeHtml(title)}" ${EMBED_ATTRIBUTE} ` +
    `width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" loading="lazy" ` +
    `style="display:block;width:100%;border:0"></iframe>\n` +
    `<script async src="${escapeHtml(script)}"></script>`
  );
}

/** The story's embed as an oEmbed response (`rich`, https://oembed.com/#section2.3.4). */
export function oembedOf({
  code,
  title,
  site,
  home,
}: {
  code: string;
  title: string;
  site: string;
  home: string;
}) {
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: site,
    provider_url: home,
    html: code,
    width: EMBED_WIDTH,
    height: EMBED_HEIGHT,
    cache_age: 3600,
  };
}

/**
 * A body as the embed shows it: links within it to a place in the update (a footnote) lead to that
 * place on the update's day page, since the frame is as tall as its content and cannot scroll to it.
 * Bodies are sanitized and serialized by rehype: every attribute is double-quoted.
 */
export const bodyForEmbed = (html: string, page: string): string =>
  html.replace(/(<a\b[^>]*?\shref=")#/g, `$1${escapeHtml(page)}#`);
