/**
 * The rehype pass that turns a paragraph that is only a video's or post's address into what it
 * embeds (src/lib/content/embeds.ts), from the snapshots in the body's media:
 * - a video: a box linking to it (its poster, its title, the provider), which the page's script
 *   turns into the provider's privacy-enhanced player on a click (src/scripts/players.ts); without
 *   JavaScript it stays a link, and nothing is asked of the provider before the click;
 * - a post: a card made at build time (author, handle, text, pictures kept beside it, its time on
 *   the story's clock, a link to it), a quotation any reader, feed reader or printer shows;
 * - a post without a snapshot: a card of the link as written and the provider's name.
 * It runs after sanitizing: what it builds is Dateline's markup, every value from a snapshot a text node or an attribute.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { dayOf, formatDay, formatTime } from '../../core/dates.ts';
import {
  PLAYER_ORIGINS,
  PROVIDER_NAMES,
  recogniseEmbed,
  snapshotName,
  type Embed,
} from '../content/embeds.ts';
import type { PostMedia, VideoMedia } from '../content/media.ts';

const el = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = [],
): Element => ({ type: 'element', tagName, properties, children });
const txt = (value: string): ElementContent => ({ type: 'text', value });

/**
 * A picture kept beside the snapshot (src/lib/content/pictures.ts gives it its size and copies).
 * Marked as embedded: it is the provider's or the poster's, never a page's social card image.
 */
const picture = (name: string, alt: string) =>
  el('img', { src: `./${name}`, alt, decoding: 'async', className: [EMBEDDED] });

/** Whether a hast element has the class `name` (hast keeps classes as a list in `className`). */
export const hasClass = (node: Element, name: string): boolean => {
  const c = node.properties['className'];
  return Array.isArray(c) && c.map(String).includes(name);
};

/** The class of pictures that belong to an embed. Sanitizing drops classes written in content, so no bulletin can forge it. */
export const EMBEDDED = 'embedded';

/** The one link a paragraph holds and nothing else, if so. */
function onlyLink(p: Element): Element | undefined {
  const kids = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const a = kids[0];
  return kids.length === 1 && a?.type === 'element' && a.tagName === 'a' ? a : undefined;
}

/** The address without its scheme, as a title of last resort. */
const bare = (url: string) => url.replace(/^https?:\/\/(www\.)?/, '');

function video(embed: Extract<Embed, { kind: 'video' }>, title: string, media?: VideoMedia) {
  const poster = media?.snapshot.poster;
  const label = title || media?.snapshot.title || bare(embed.url);
  return el('figure', { className: ['embed', 'embed-video'] }, [
    el(
      'a',
      {
        className: ['player'],
        href: embed.url,
        dataPlayer: embed.player,
        dataTitle: label,
      },
      [
        ...(poster ? [picture(poster, '')] : []),
        el('span', { className: ['player-label'] }, [
          el('span', { className: ['player-title'] }, [txt(label)]),
          txt(' '),
          el('span', { className: ['player-host'] }, [txt(PROVIDER_NAMES[embed.provider])]),
        ]),
      ],
    ),
  ]);
}

function post(embed: Extract<Embed, { kind: 'post' }>, media: PostMedia, locale: string) {
  const { snapshot: s, timezone } = media;
  const at = Date.parse(s.published);
  const when = `${formatDay(dayOf(at, timezone), media.locale ?? locale)}, ${formatTime(at, timezone)}`;
  const paragraphs = s.text
    .trim()
    .split(/\n\s*\n/)
    .filter((para) => para.trim())
    .map((para) =>
      el(
        'p',
        {},
        para
          .trim()
          .split('\n')
          .flatMap((line, i) => (i ? [el('br', {}), txt(line)] : [txt(line)])),
      ),
    );
  return el('figure', { className: ['embed', 'embed-post', `embed-${embed.provider}`] }, [
    el('blockquote', { className: ['post'], cite: embed.url }, [
      el('p', { className: ['post-author'] }, [
        el('span', { className: ['post-name'] }, [txt(s.author.name)]),
        ...(s.author.handle
          ? [txt(' '), el('span', { className: ['post-handle'] }, [txt(s.author.handle)])]
          : []),
      ]),
      ...paragraphs,
      ...s.images.map((i) => picture(i.file, i.alt)),
    ]),
    el('figcaption', {}, [
      el('a', { href: embed.url }, [txt(PROVIDER_NAMES[embed.provider])]),
      txt(' · '),
      el('time', { dateTime: new Date(at).toISOString() }, [txt(when)]),
    ]),
  ]);
}

/** Videos and posts alone in their paragraph become what they embed (see above); a post's time is written in `locale` unless its story has a language of its own. */
export function rehypeEmbeds({ locale }: { locale: string }) {
  return (tree: Root, file: VFile) => {
    const source = file.data.scope?.source;
    const media = file.data.scope?.media ?? {};
    const story = source?.slice(0, source.indexOf('/'));
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const a = onlyLink(node);
      const href = a?.properties['href'];
      const embed = typeof href === 'string' ? recogniseEmbed(href) : undefined;
      if (!a || !embed) return;
      const text = toString(a).trim();
      const title = text === href || bare(text) === bare(String(href)) ? '' : text;
      const kept = story ? media[`${story}/${snapshotName(embed)}`] : undefined;
      if (embed.kind === 'video') {
        parent.children[index] = video(embed, title, kept?.kind === 'video' ? kept : undefined);
        (file.data.players ??= []).push(PLAYER_ORIGINS[embed.provider]);
      } else if (kept?.kind === 'post') parent.children[index] = post(embed, kept, locale);
      else {
        node.properties['className'] = ['embed-link', `embed-${embed.provider}`];
        node.children.push(
          txt(' '),
          el('span', { className: ['embed-host'] }, [txt(PROVIDER_NAMES[embed.provider])]),
        );
      }
    });
  };
}
