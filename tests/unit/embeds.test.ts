import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/lib/content/archive.ts';
import { recogniseEmbed, snapshotName } from '../../src/lib/content/embeds.ts';
import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { checkSnapshot } from '../../src/lib/content/snapshots.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { htmlText, snowflakeTime } from '../../src/lib/editor/embed.ts';
import { RENDER } from './fixtures.ts';

describe('recogniseEmbed', () => {
  test.each([
    ['https://www.youtube.com/watch?v=Xk3pF9aLm2Q', 'youtube', 'Xk3pF9aLm2Q'],
    ['https://youtu.be/Xk3pF9aLm2Q?si=abc', 'youtube', 'Xk3pF9aLm2Q'],
    ['https://m.youtube.com/watch?v=Xk3pF9aLm2Q&feature=share', 'youtube', 'Xk3pF9aLm2Q'],
    ['https://www.youtube.com/shorts/Xk3pF9aLm2Q', 'youtube', 'Xk3pF9aLm2Q'],
    ['https://www.youtube.com/live/Xk3pF9aLm2Q', 'youtube', 'Xk3pF9aLm2Q'],
    ['https://www.youtube-nocookie.com/embed/Xk3pF9aLm2Q', 'youtube', 'Xk3pF9aLm2Q'],
    ['https://vimeo.com/987654321', 'vimeo', '987654321'],
    ['https://vimeo.com/987654321/a1b2c3d4e5', 'vimeo', '987654321-a1b2c3d4e5'],
    ['https://player.vimeo.com/video/987654321?h=a1b2c3d4e5', 'vimeo', '987654321-a1b2c3d4e5'],
    [
      'https://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2a',
      'bluesky',
      'ann.bsky.social-3lbq2mdw7ks2a',
    ],
    [
      'https://bsky.app/profile/did:plc:abc123/post/3lbq2mdw7ks2a',
      'bluesky',
      'did-plc-abc123-3lbq2mdw7ks2a',
    ],
    [
      'https://mastodon.social/@ann/113502467741235810',
      'mastodon',
      'mastodon.social-113502467741235810',
    ],
    [
      'https://mastodon.social/@ann@other.example/113502467741235810',
      'mastodon',
      'mastodon.social-113502467741235810',
    ],
    ['https://x.com/PortElleryNews/status/1861234567890123456', 'x', '1861234567890123456'],
    [
      'https://twitter.com/PortElleryNews/status/1861234567890123456?s=20',
      'x',
      '1861234567890123456',
    ],
    ['https://mobile.twitter.com/a_b/status/186', 'x', '186'],
    ['https://t.me/portellery_live/482', 'telegram', 'portellery_live-482'],
    ['https://t.me/s/portellery_live/482', 'telegram', 'portellery_live-482'],
  ])('%s → %s %s', (url, provider, id) => {
    expect(recogniseEmbed(url)).toMatchObject({ provider, id });
  });

  test.each([
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/channel/UC123',
    'https://vimeo.com/channels/staffpicks',
    'https://bsky.app/profile/ann.bsky.social',
    'https://x.com/PortElleryNews',
    'https://t.me/portellery_live',
    'https://example.org/@ann/notanumber',
    'https://example.org/news/2022/01/07',
    'javascript:alert(1)',
    'not a url',
  ])('%s is no embed', (url) => {
    expect(recogniseEmbed(url)).toBeUndefined();
  });

  test('players are the privacy-enhanced ones, with the start time kept', () => {
    expect(recogniseEmbed('https://youtu.be/Xk3pF9aLm2Q?t=1m30s')).toMatchObject({
      url: 'https://www.youtube.com/watch?v=Xk3pF9aLm2Q&t=90s',
      player: 'https://www.youtube-nocookie.com/embed/Xk3pF9aLm2Q?autoplay=1&start=90',
    });
    expect(recogniseEmbed('https://vimeo.com/987654321')).toMatchObject({
      player: 'https://player.vimeo.com/video/987654321?dnt=1&autoplay=1',
    });
  });

  test('snapshot names are file names', () => {
    expect(snapshotName(recogniseEmbed('https://t.me/s/Portellery_Live/482')!)).toBe(
      'embed-telegram-portellery_live-482.json',
    );
  });
});

test('an X post id gives its time; HTML paragraphs become text', () => {
  expect(snowflakeTime('1861234567890123456')).toBe('2024-11-26T02:24:35.708Z');
  expect(htmlText('<p>One<br>two</p><p>Three &amp; <a href="#">four</a></p>')).toBe(
    'One\ntwo\n\nThree & four',
  );
});

const post = {
  url: 'https://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2a',
  author: { name: 'Ann', handle: '@ann.bsky.social' },
  text: 'Line one\nline "two"\n\nSecond paragraph <script>alert(1)</script>',
  published: '2022-01-07T03:30:00Z',
  images: [{ file: 'embed-bluesky-ann.bsky.social-3lbq2mdw7ks2a-1.jpg', alt: 'A quay' }],
};
const name = 'embed-bluesky-ann.bsky.social-3lbq2mdw7ks2a.json';
const snapFile = (data: unknown, n = name) => ({
  path: `content/s/${n}`,
  text: typeof data === 'string' ? data : JSON.stringify(data),
});

describe('checkSnapshot', () => {
  test('a valid snapshot is media; its pictures must be beside it', () => {
    expect(checkSnapshot(snapFile(post), name, new Set([post.images[0]!.file]))).toMatchObject({
      media: { kind: 'post', snapshot: { text: post.text } },
    });
    const missing = checkSnapshot(snapFile(post), name, new Set());
    expect('problems' in missing && missing.problems.map(formatProblem)).toEqual([
      `content/s/${name}: field "images": names the picture ${post.images[0]!.file}, which is not beside it in the story folder`,
    ]);
  });

  test.each([
    ['not JSON', '{"url": ', /is not valid JSON/],
    ['a field missing', { ...post, author: undefined }, /field "author": is required/],
    [
      'a time without zone',
      { ...post, published: '2022-01-07 03:30' },
      /field "published": "2022-01-07 03:30" must be an ISO 8601 time/,
    ],
    ['an unknown field', { ...post, likes: 3 }, /field "likes": unknown field/],
    [
      'another post',
      { ...post, url: 'https://bsky.app/profile/bob.bsky.social/post/3lbq2mdw7ks2a' },
      /field "url": is about .*whose snapshot is embed-bluesky-bob/,
    ],
    [
      'a javascript: author URL',
      { ...post, author: { name: 'A', url: 'javascript:alert(1)' } },
      /field "author.url"/,
    ],
  ])('%s is a problem naming the file and field', (_what, data, message) => {
    const r = checkSnapshot(snapFile(data), name, new Set([post.images[0]!.file]));
    expect('problems' in r && r.problems.map(formatProblem).join('\n')).toMatch(message);
  });
});

describe('rendering', () => {
  const media = {
    [`s/${name}`]: { kind: 'post' as const, snapshot: post, timezone: 'Asia/Almaty' },
    [`s/${post.images[0]!.file}`]: {
      kind: 'picture' as const,
      width: 1200,
      height: 800,
      format: 'jpg',
      digest: 'digest123',
    },
  };
  const render = (md: string, m: object = media) =>
    renderMarkdown(
      md,
      {
        idPrefix: 'u-1',
        topHeading: 4,
        source: 's/2022-01-07.md',
        media: m as never,
      },
      RENDER,
    );

  test('a post alone in its paragraph is a card: author, text as posted, pictures, its time on the story clock, a link', async () => {
    const { html, text } = await render(`Before.\n\n${post.url}\n\nAfter.`);
    const doc = parse(html);
    const card = doc.querySelector('figure.embed-post')!;
    expect(card.querySelector('.post-name')!.text).toBe('Ann');
    expect(card.querySelector('.post-handle')!.text).toBe('@ann.bsky.social');
    expect(card.querySelectorAll('blockquote > p').map((p) => p.innerHTML)).toEqual([
      '<span class="post-name">Ann</span> <span class="post-handle">@ann.bsky.social</span>',
      'Line one<br>line "two"', // quoted as posted: no typographer's quotes
      'Second paragraph &#x3C;script>alert(1)&#x3C;/script>', // text, never markup
    ]);
    expect(card.querySelector('blockquote')!.getAttribute('cite')).toBe(post.url);
    expect(card.querySelector('img')!.getAttribute('alt')).toBe('A quay');
    expect(card.querySelector('img')!.getAttribute('srcset')).toContain('-400w.digest12.webp 400w');
    const time = card.querySelector('figcaption time')!;
    expect(time.getAttribute('datetime')).toBe('2022-01-07T03:30:00.000Z');
    expect(time.text).toBe('Friday, 7 January 2022, 09:30 GMT+6');
    expect(card.querySelector('figcaption a')!.getAttribute('href')).toBe(post.url);
    expect(text).toContain('Second paragraph'); // searchable with its bulletin
  });

  test('a post without a snapshot is a card of its link and provider; one inside a sentence is only a link', async () => {
    const { html } = await render(`${post.url}\n\nSee ${post.url} for more.`, {});
    expect(html).toContain(`<p class="embed-link embed-bluesky"><a href="${post.url}"`);
    expect(html).toContain('</a> <span class="embed-host">Bluesky</span></p>');
    expect(html).toContain(`<p>See <a href="${post.url}" rel="noopener">`);
  });

  test('a video is a link to it that a click turns into the privacy-enhanced player; its title from the link text', async () => {
    const { html, players } = await render(
      '[Talks collapse](https://youtu.be/Xk3pF9aLm2Q)\n\nhttps://vimeo.com/987654321',
    );
    const [yt, vimeo] = parse(html).querySelectorAll('a.player');
    expect(yt!.attributes).toMatchObject({
      href: 'https://www.youtube.com/watch?v=Xk3pF9aLm2Q',
      'data-player': 'https://www.youtube-nocookie.com/embed/Xk3pF9aLm2Q?autoplay=1',
    });
    expect(yt!.querySelector('.player-title')!.text).toBe('Talks collapse');
    expect(yt!.querySelector('.player-host')!.text).toBe('YouTube');
    expect(vimeo!.querySelector('.player-title')!.text).toBe('vimeo.com/987654321');
    expect(html).not.toContain('<iframe');
    expect(players).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
  });
});

test('the checks warn of a post without a snapshot, with the command that makes it', () => {
  const a = buildArchive(
    [
      { path: 'content/s/index.md', text: '---\ntitle: S\nsummary: S\n---\n' },
      { path: 'content/s/2022-01-07.md', text: `Text.\n\n${post.url}\n` },
    ],
    'content',
  );
  expect(a.problems).toEqual([]);
  expect(a.warnings.map(formatProblem)).toEqual([
    `content/s/2022-01-07.md:3: the post ${post.url} has no snapshot (${name}), so it is published as a plain link: run \`npm run embed -- ${post.url} --story s\` to keep it`,
  ]);
});

describe('npm run embed, against a stand-in for each provider', () => {
  let server: Server;
  let origin = '';
  const root = mkdtempSync(join(tmpdir(), 'dateline-embed-'));
  const requests: string[] = [];
  beforeAll(async () => {
    const jpeg = await sharp({
      create: { width: 640, height: 360, channels: 3, background: '#468' },
    })
      .jpeg()
      .toBuffer();
    const answers: Record<string, { type: string; body: string | Buffer }> = {
      '/public.api.bsky.app/xrpc/app.bsky.feed.getPostThread': {
        type: 'application/json',
        body: JSON.stringify({
          thread: {
            post: {
              author: { handle: 'ann.bsky.social', displayName: 'Ann Example' },
              record: { text: 'Ferries stopped.', createdAt: '2026-11-18T11:32:00.000Z' },
              embed: { images: [{ fullsize: 'https://cdn.bsky.app/img/1.jpg', alt: 'A quay' }] },
            },
          },
        }),
      },
      '/cdn.bsky.app/img/1.jpg': { type: 'image/jpeg', body: jpeg },
      '/mastodon.example/api/v1/statuses/113502467741235810': {
        type: 'application/json',
        body: JSON.stringify({
          content: '<p>Both sides<br>went in.</p><p>Second.</p>',
          created_at: '2026-11-20T16:05:00.000Z',
          account: {
            display_name: 'Ferry Watch',
            acct: 'ferrywatch',
            url: 'https://mastodon.example/@ferrywatch',
          },
          media_attachments: [],
        }),
      },
      '/publish.twitter.com/oembed': {
        type: 'application/json',
        body: JSON.stringify({
          author_name: 'Port Ellery News',
          author_url: 'https://twitter.com/PortElleryNews',
          html: '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Crews vote to accept.</p>&mdash; Port Ellery News (@PortElleryNews) <a href="https://twitter.com/x">November 26, 2024</a></blockquote>',
        }),
      },
      '/t.me/portellery_live/482': {
        type: 'text/html',
        body: '<div class="tgme_widget_message_owner_name"><span>Port Ellery Live</span></div><div class="tgme_widget_message_text">06:10 — the first ferry is away.<br>Applause.</div><a class="tgme_widget_message_photo_wrap" style="width:100px;background-image:url(\'https://cdn4.telesco.pe/file/p.jpg\')"></a><time datetime="2026-11-24T11:12:00+00:00">11:12</time>',
      },
      '/cdn4.telesco.pe/file/p.jpg': { type: 'image/jpeg', body: jpeg },
      '/www.youtube.com/oembed': {
        type: 'application/json',
        body: JSON.stringify({
          title: 'Union leader speaks',
          author_name: 'Gazette',
          author_url: 'https://www.youtube.com/@gazette',
          thumbnail_url: 'https://i.ytimg.com/vi/Xk3pF9aLm2Q/hqdefault.jpg',
        }),
      },
      '/i.ytimg.com/vi/Xk3pF9aLm2Q/hqdefault.jpg': { type: 'image/jpeg', body: jpeg },
      '/vimeo.com/api/oembed.json': {
        type: 'application/json',
        body: JSON.stringify({ title: 'The mediator arrives' }),
      },
    };
    server = createServer((req, res) => {
      requests.push(req.url!);
      const answer = answers[req.url!.split('?')[0]!];
      if (!answer) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': answer.type }).end(answer.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mkdirSync(join(root, 's'), { recursive: true });
    writeFileSync(
      join(root, 's/index.md'),
      '---\ntitle: S\nsummary: S\ntimezone: Asia/Almaty\n---\n',
    );
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...args], {
        env: { ...process.env, DATELINE_CONTENT: root, DATELINE_EMBED_ORIGIN: origin },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += String(d)));
      child.stderr.on('data', (d: Buffer) => (err += String(d)));
      child.on('close', (code) => resolve({ code, out, err }));
    });

  test('keeps each kind of post and video, with its pictures, and the content then passes the checks', async () => {
    const urls = [
      'https://bsky.app/profile/ann.bsky.social/post/3lbq2mdw7ks2a',
      'https://mastodon.example/@ferrywatch/113502467741235810',
      'https://x.com/PortElleryNews/status/1861234567890123456',
      'https://t.me/portellery_live/482',
      'https://www.youtube.com/watch?v=Xk3pF9aLm2Q',
      'https://vimeo.com/987654321',
    ];
    for (const url of urls) {
      const r = await run('scripts/embed.ts', url, '--story', 's');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    const snap = (n: string) =>
      JSON.parse(readFileSync(join(root, 's', n), 'utf8')) as Record<string, unknown>;
    expect(snap('embed-bluesky-ann.bsky.social-3lbq2mdw7ks2a.json')).toMatchObject({
      author: { name: 'Ann Example', handle: '@ann.bsky.social' },
      text: 'Ferries stopped.',
      published: '2026-11-18T11:32:00.000Z',
      images: [{ file: 'embed-bluesky-ann.bsky.social-3lbq2mdw7ks2a-1.jpg', alt: 'A quay' }],
    });
    expect(snap('embed-mastodon-mastodon.example-113502467741235810.json')).toMatchObject({
      author: { handle: '@ferrywatch@mastodon.example' },
      text: 'Both sides\nwent in.\n\nSecond.',
    });
    expect(snap('embed-x-1861234567890123456.json')).toMatchObject({
      text: 'Crews vote to accept.',
      author: { handle: '@PortElleryNews' },
      published: '2024-11-26T02:24:35.708Z',
    });
    expect(snap('embed-telegram-portellery_live-482.json')).toMatchObject({
      author: { name: 'Port Ellery Live' },
      text: '06:10 — the first ferry is away.\nApplause.',
      published: '2026-11-24T11:12:00.000Z',
      images: [{ file: 'embed-telegram-portellery_live-482-1.jpg' }],
    });
    expect(snap('embed-youtube-Xk3pF9aLm2Q.json')).toMatchObject({
      title: 'Union leader speaks',
      poster: 'embed-youtube-Xk3pF9aLm2Q.jpg',
    });
    expect(snap('embed-vimeo-987654321.json')).toMatchObject({ title: 'The mediator arrives' });
    expect(readdirSync(join(root, 's')).filter((f) => f.endsWith('.jpg'))).toHaveLength(3);
    // Each provider was asked the right question.
    expect(requests).toContain(
      `/public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?depth=0&parentHeight=0&uri=${encodeURIComponent('at://ann.bsky.social/app.bsky.feed.post/3lbq2mdw7ks2a')}`,
    );
    writeFileSync(join(root, 's/2022-01-07.md'), `Text.\n\n${urls.join('\n\n')}\n`);
    const check = await run('scripts/check.ts', root);
    expect(check.err).toBe('');
    expect(check.code).toBe(0);
  }, 60_000);

  test('refuses to overwrite without --force, and names what is not an embed', async () => {
    const again = await run('scripts/embed.ts', 'https://vimeo.com/987654321', '--story', 's');
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists already: add --force to make it again');
    const other = await run('scripts/embed.ts', 'https://example.org/x', '--story', 's');
    expect(other.err).toContain('is not the address of a video (YouTube, Vimeo) or a post');
    const gone = await run('scripts/embed.ts', 'https://gone.example/@a/1', '--story', 's');
    expect(gone.code).toBe(1);
    expect(gone.err).toContain(
      'nothing written: could not read https://gone.example/@a/1 from mastodon',
    );
    expect(gone.err).toContain('answered 404');
  }, 60_000);
});
