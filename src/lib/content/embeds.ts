/**
 * What a paragraph that is only a URL embeds: a YouTube or Vimeo video (a click-to-load player), or
 * a post on Bluesky, Mastodon, X/Twitter or Telegram (a card made from a snapshot kept beside the
 * bulletin). One home for every form of those addresses, for the renderer, the checks, the importer
 * and `npm run embed`.
 */

export type VideoProvider = 'youtube' | 'vimeo';
export type PostProvider = 'bluesky' | 'mastodon' | 'x' | 'telegram';

/** An address recognised as something to embed. */
export type Embed =
  | {
      kind: 'video';
      provider: VideoProvider;
      /** The video's id, and (Vimeo) the hash of an unlisted one. */
      id: string;
      /** Where it lives for readers (the link without JavaScript). */
      url: string;
      /** The privacy-enhanced player a click loads (no cookies before playing). */
      player: string;
    }
  | {
      kind: 'post';
      provider: PostProvider;
      /** Unique among the provider's posts, safe in a file name. */
      id: string;
      url: string;
      /** Pieces of the address `npm run embed` asks the provider with. */
      parts: Record<string, string>;
    };

/** Names readers know the providers by. */
export const PROVIDER_NAMES: Record<VideoProvider | PostProvider, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  telegram: 'Telegram',
};

/** The hosts a click may load players from: the Content-Security-Policy's `frame-src` on pages with videos. */
export const PLAYER_ORIGINS: Record<VideoProvider, string> = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
};

const YOUTUBE_ID = /^[\w-]{11}$/;

/** `1h2m3s`, `90s` or `90` as seconds. */
function seconds(t: string | null): number | undefined {
  if (!t) return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(t);
  if (!m) return undefined;
  const s = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return s > 0 ? s : undefined;
}

function youtube(u: URL): Embed | undefined {
  const host = u.hostname.replace(/^(www|m|music)\./, '');
  let id: string | undefined;
  if (host === 'youtu.be') id = u.pathname.split('/')[1];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const [first, second] = u.pathname.split('/').slice(1);
    if (first === 'watch') id = u.searchParams.get('v') ?? undefined;
    else if (first && ['shorts', 'live', 'embed', 'v'].includes(first)) id = second;
  }
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  const start = seconds(u.searchParams.get('t') ?? u.searchParams.get('start'));
  return {
    kind: 'video',
    provider: 'youtube',
    id,
    url: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
    player: `${PLAYER_ORIGINS.youtube}/embed/${id}?autoplay=1${start ? `&start=${start}` : ''}`,
  };
}

function vimeo(u: URL): Embed | undefined {
  const host = u.hostname.replace(/^www\./, '');
  const parts = u.pathname.split('/').slice(1).filter(Boolean);
  let id: string | undefined;
  let hash = u.searchParams.get('h') ?? undefined;
  if (host === 'vimeo.com') {
    id = parts[0];
    hash ??= parts[1];
  } else if (host === 'player.vimeo.com' && parts[0] === 'video') id = parts[1];
  if (!id || !/^\d{1,12}$/.test(id) || (hash !== undefined && !/^[\da-f]{6,20}$/.test(hash)))
    return undefined;
  return {
    kind: 'video',
    provider: 'vimeo',
    id: hash ? `${id}-${hash}` : id,
    url: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}`,
    player: `${PLAYER_ORIGINS.vimeo}/video/${id}?dnt=1&autoplay=1${hash ? `&h=${hash}` : ''}`,
  };
}

/** A segment that can stand in a file name: letters, digits, `.`, `_` and `-`. */
const SAFE = /^[\w.-]{1,100}$/;

function post(u: URL): Embed | undefined {
  const host = u.hostname.toLowerCase().replace(/^(www|mobile)\./, '');
  const parts = u.pathname.split('/').slice(1).filter(Boolean);
  const make = (provider: PostProvider, id: string, url: string, p: Record<string, string>) =>
    SAFE.test(id) ? ({ kind: 'post', provider, id, url, parts: p } as const) : undefined;
  if (host === 'bsky.app' && parts[0] === 'profile' && parts[2] === 'post' && parts.length === 4) {
    const [, actor, , rkey] = parts as [string, string, string, string];
    if (!/^[a-z0-9]{2,20}$/i.test(rkey) || !/^([a-z0-9.-]+|did:[a-z]+:[\w.-]+)$/i.test(actor))
      return undefined;
    const who = actor.toLowerCase().replace(/:/g, '-');
    return make('bluesky', `${who}-${rkey}`, `https://bsky.app/profile/${actor}/post/${rkey}`, {
      actor,
      rkey,
    });
  }
  if ((host === 'x.com' || host === 'twitter.com') && parts[1] === 'status' && parts[2]) {
    const [user, , id] = parts as [string, string, string];
    if (!/^\w{1,15}$/.test(user) || !/^\d{1,25}$/.test(id)) return undefined;
    return make('x', id, `https://x.com/${user}/status/${id}`, { user, id });
  }
  if (host === 't.me') {
    const [channel, id] = parts[0] === 's' ? parts.slice(1) : parts;
    if (!channel || !id || !/^\w{4,32}$/.test(channel) || !/^\d{1,12}$/.test(id)) return undefined;
    return make('telegram', `${channel.toLowerCase()}-${id}`, `https://t.me/${channel}/${id}`, {
      channel,
      id,
    });
  }
  // Mastodon runs on any host: https://<host>/@<user>/<id> (a user of another server: @user@server).
  const user = parts[0]?.startsWith('@') ? parts[0].slice(1) : undefined;
  if (
    user &&
    parts.length === 2 &&
    /^\d{1,20}$/.test(parts[1]!) &&
    /^[\w.]+(@[\w.-]+)?$/.test(user)
  )
    return make('mastodon', `${host}-${parts[1]}`, `https://${u.host}/@${user}/${parts[1]}`, {
      host: u.host,
      id: parts[1]!,
    });
  return undefined;
}

/** What an address embeds, if it is a video or post address Dateline knows. */
export function recogniseEmbed(address: string): Embed | undefined {
  let u: URL;
  try {
    u = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  return youtube(u) ?? vimeo(u) ?? post(u);
}

/** The snapshot beside a bulletin that keeps what `embed` shows: `embed-<provider>-<id>.json`. */
export const snapshotName = (embed: Pick<Embed, 'provider' | 'id'>): string =>
  `embed-${embed.provider}-${embed.id}.json`;

/** Whether a story folder's file is a snapshot. */
export const isSnapshotName = (name: string): boolean => /^embed-[\w.-]+\.json$/.test(name);

/**
 * The command that makes a missing snapshot (docs/writing.md, "Videos and posts"): the content
 * checks print it, and the importer's report.
 */
export const embedCommand = (url: string, story: string): string =>
  `npm run embed -- ${url} --story ${story}`;
