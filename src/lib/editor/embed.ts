/**
 * Makes the snapshot of a video or post (src/schemas/embed.ts) from its provider's public API, for
 * `npm run embed`: no account and no key. Each provider's answer is read into the snapshot's shape
 * here; fetching is given (`get`), so the tests run it against a local stand-in server.
 * - Bluesky: the public AppView's `app.bsky.feed.getPostThread`;
 * - Mastodon: the server's own `/api/v1/statuses/<id>`;
 * - X/Twitter: `publish.twitter.com/oembed` (the time comes from the post's id, which encodes it);
 * - Telegram: the post's embed page (`t.me/<channel>/<id>?embed=1`);
 * - YouTube, Vimeo: their oEmbed endpoints (title, channel and still).
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { PostSnapshot, VideoSnapshot } from '../../schemas/embed.ts';
import { snapshotName, type Embed } from '../content/embeds.ts';
import { hasClass } from '../markdown/embeds.ts';

/** Fetches a URL (a stand-in for `fetch` in tests). */
export type Get = (url: string) => Promise<Response>;

/** A picture to download and keep beside the snapshot under `name` (its extension from its type). */
export interface WantedPicture {
  url: string;
  /** The file name without extension: `embed-bluesky-<id>-1`. */
  stem: string;
  alt: string;
}

/** What a provider said: the snapshot (pictures named once downloaded) and the pictures to fetch. */
export interface Fetched {
  snapshot: Omit<PostSnapshot, 'images'> | Omit<VideoSnapshot, 'poster'>;
  pictures: WantedPicture[];
}

async function json(get: Get, url: string): Promise<Record<string, unknown>> {
  const res = await get(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`);
  return (await res.json()) as Record<string, unknown>;
}

async function html(get: Get, url: string): Promise<Root> {
  const res = await get(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`);
  return unified()
    .use(rehypeParse)
    .parse(await res.text());
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** Text of HTML paragraphs: paragraphs apart by a blank line, `<br>` a line break. */
export function htmlText(source: string | Root): string {
  const tree =
    typeof source === 'string'
      ? unified().use(rehypeParse, { fragment: true }).parse(source)
      : source;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'br') Object.assign(node, { type: 'text', value: '\n' });
    else if (node.tagName === 'p') node.children.push({ type: 'text', value: '\n\n' });
  });
  return toString(tree)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first element with class `name`. */
function byClass(tree: Root | Element, name: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (found) return false;
    if (hasClass(node, name)) found = node;
    return undefined;
  });
  return found;
}

/** X's ids carry the time they were made: milliseconds since 2010-11-04 01:42:54.657 UTC, shifted 22 bits. */
export const snowflakeTime = (id: string): string =>
  new Date(Number((BigInt(id) >> 22n) + 1288834974657n)).toISOString();

/** Asks the provider about `embed` and reads its answer into a snapshot. */
export async function fetchSnapshot(embed: Embed, get: Get, now: Date): Promise<Fetched> {
  const fetched = now.toISOString();
  const stem = snapshotName(embed).replace(/\.json$/, '');
  if (embed.kind === 'video') {
    const endpoint =
      embed.provider === 'youtube'
        ? `https://www.youtube.com/oembed?format=json&url=${encodeURIComponent(embed.url)}`
        : `https://vimeo.com/api/oembed.json?url=${encodeURIComponent(embed.url)}`;
    const o = await json(get, endpoint);
    const still = str(o['thumbnail_url']);
    return {
      snapshot: {
        url: embed.url,
        title: str(o['title']) || embed.url,
        ...(str(o['author_name'])
          ? {
              author: {
                name: str(o['author_name']),
                ...(str(o['author_url']) ? { url: str(o['author_url']) } : {}),
              },
            }
          : {}),
        fetched,
      },
      pictures: still ? [{ url: still, stem, alt: '' }] : [],
    };
  }
  const p = embed.parts;
  const pictures = (list: { url: string; alt: string }[]) =>
    list.slice(0, 4).map((x, i) => ({ ...x, stem: `${stem}-${i + 1}` }));
  if (embed.provider === 'bluesky') {
    const uri = `at://${p['actor']}/app.bsky.feed.post/${p['rkey']}`;
    const o = await json(
      get,
      `https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?depth=0&parentHeight=0&uri=${encodeURIComponent(uri)}`,
    );
    const post = obj(obj(o['thread'])['post']);
    const author = obj(post['author']);
    const record = obj(post['record']);
    const images = (obj(post['embed'])['images'] as unknown[] | undefined) ?? [];
    return {
      snapshot: {
        url: embed.url,
        author: {
          name: str(author['displayName']) || str(author['handle']),
          handle: `@${str(author['handle'])}`,
          url: `https://bsky.app/profile/${str(author['handle'])}`,
        },
        text: str(record['text']),
        published: str(record['createdAt']) || str(post['indexedAt']),
        fetched,
      },
      pictures: pictures(
        images.map((i) => ({ url: str(obj(i)['fullsize']), alt: str(obj(i)['alt']) })),
      ),
    };
  }
  if (embed.provider === 'mastodon') {
    const o = await json(get, `https://${p['host']}/api/v1/statuses/${p['id']}`);
    const account = obj(o['account']);
    const acct = str(account['acct']);
    const media = ((o['media_attachments'] as unknown[] | undefined) ?? [])
      .map(obj)
      .filter((m) => m['type'] === 'image');
    return {
      snapshot: {
        url: embed.url,
        author: {
          name: str(account['display_name']) || str(account['username']),
          handle: `@${acct.includes('@') ? acct : `${acct}@${p['host']}`}`,
          ...(str(account['url']) ? { url: str(account['url']) } : {}),
        },
        text: htmlText(str(o['content'])),
        published: str(o['created_at']),
        fetched,
      },
      pictures: pictures(media.map((m) => ({ url: str(m['url']), alt: str(m['description']) }))),
    };
  }
  if (embed.provider === 'x') {
    const o = await json(
      get,
      `https://publish.twitter.com/oembed?omit_script=1&dnt=true&url=${encodeURIComponent(embed.url)}`,
    );
    const tree = unified().use(rehypeParse, { fragment: true }).parse(str(o['html']));
    let text = '';
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'p' && !text) text = htmlText(node as unknown as Root);
    });
    const authorUrl = str(o['author_url']);
    return {
      snapshot: {
        url: embed.url,
        author: {
          name: str(o['author_name']) || `@${p['user']}`,
          handle: `@${authorUrl.split('/').pop() || p['user']}`,
          ...(authorUrl ? { url: authorUrl } : {}),
        },
        // t.co links stay as they were posted: the card is a quotation.
        text,
        published: snowflakeTime(p['id']!),
        fetched,
      },
      pictures: [],
    };
  }
  // Telegram: the public embed page of a channel's post.
  const page = await html(get, `https://t.me/${p['channel']}/${p['id']}?embed=1&mode=tme`);
  const textNode = byClass(page, 'tgme_widget_message_text');
  const owner = byClass(page, 'tgme_widget_message_owner_name');
  let published = '';
  visit(page, 'element', (node: Element) => {
    if (node.tagName === 'time' && !published) published = str(node.properties['dateTime']);
  });
  const photos: { url: string; alt: string }[] = [];
  visit(page, 'element', (node: Element) => {
    if (!hasClass(node, 'tgme_widget_message_photo_wrap')) return;
    const m = /background-image:\s*url\('([^']+)'\)/.exec(str(node.properties['style']));
    if (m) photos.push({ url: m[1]!, alt: '' });
  });
  return {
    snapshot: {
      url: embed.url,
      author: {
        name: owner ? toString(owner).trim() : `@${p['channel']}`,
        handle: `@${p['channel']}`,
        url: `https://t.me/${p['channel']}`,
      },
      text: textNode ? htmlText(textNode as unknown as Root) : '',
      published: published ? new Date(published).toISOString() : '',
      fetched,
    },
    pictures: pictures(photos),
  };
}

/** The extension a downloaded picture is kept under, from its type; undefined for what is not a picture Dateline publishes. */
export const pictureExtension = (type: string | null): string | undefined =>
  ({
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
    'image/gif': 'gif',
    'image/avif': 'avif',
  })[(type ?? '').split(';')[0]!.trim().toLowerCase()];
