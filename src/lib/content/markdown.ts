/**
 * The Markdown pipeline, built with unified (remark/rehype): GFM, plus
 * - rehype-raw + rehype-sanitize: raw HTML is parsed, then cleaned (no <script>, <iframe>,
 *   event-handler attributes or javascript: URLs survive);
 * - rehypeScopeIds: headings are demoted below the bulletin headline and every id in the body is
 *   prefixed with the update id, so no two bulletins on a page can clash;
 * - rehype-external-links: links off the site get rel="noopener";
 * - rehypeTypography: curly quotes and dashes;
 * - rehypeEmbeds, rehypePictures: videos and posts alone in a paragraph become a click-to-load player
 *   and a card (src/lib/content/rehype-embeds.ts); pictures get their size and copies.
 * It is the chain Astro's own unified processor runs, minus the passes a bulletin does not need
 * (image collection, heading collection, a second raw-HTML pass), because it runs once per
 * bulletin and archives hold tens of thousands (src/render/pool.ts runs it in child processes, and only for bodies not rendered before).
 */
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { RehypePlugins } from '@astrojs/markdown-remark';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { bodyAnchor } from '../../core/anchors.ts';
import { config } from '../../config.ts';
import { DECORATIVE_ALT } from './images.ts';
import type { MediaTable } from './media.ts';
import { EMBEDDED, hasClass, rehypeEmbeds } from './rehype-embeds.ts';
import { heightAt, pictureSizes, pictureWidths } from './pictures.ts';
import { contentLinkUrl, resolveContentLink } from './links.ts';
import { createPaths, decodePath } from '../../core/paths.ts';
import type { BulletinRecord } from '../../schemas/bulletin.ts';
import type { StoryRecord } from '../../schemas/story.ts';
import type { AuthorRecord } from '../../schemas/author.ts';

declare module 'vfile' {
  interface DataMap {
    /** How to scope ids and headings (set per render). */
    scope: ScopeOptions;
    /** Plain text of the rendered document (set by rehypeScopeIds). */
    text: string;
    /** Plain text of its first point, when the scope asks (set by rehypeScopeIds). */
    lead: string;
    /** Its first picture with copies (set by rehypePictures). */
    picture: SharedPicture;
    /** The origins of the players its videos load when clicked (set by rehypeEmbeds). */
    players: string[];
  }
}

/** A body's first picture as a page shares it (its social card image): a copy about 1,200 pixels wide. */
export interface SharedPicture {
  src: string;
  width: number;
  height: number;
  alt: string;
}

/** Per-document options, passed in the VFile's data. */
export interface ScopeOptions {
  /** Prefix for every id in the document (an update id, or `intro`). */
  idPrefix: string;
  /** The file, relative to the content folder (`<story>/<file>.md`): relative links in it resolve from there. */
  source?: string;
  /** Level the document's top headings are moved to (4 under a bulletin's h3). */
  topHeading: number;
  /** Keep the plain text of its first point (first list item or paragraph) as `lead`: a story summary's. */
  lead?: boolean;
  /** What it shows of other content files (pictures), by path in the content folder (src/lib/content/media.ts). */
  media?: MediaTable;
}

/** A rendered body: sanitized HTML and its plain text (for excerpts). */
export interface Rendered {
  html: string;
  text: string;
  /** The first list item's or paragraph's text, when the scope asks for it. */
  lead?: string;
  /** Its first picture, for a page's social card. */
  picture?: SharedPicture;
  /** The origins of its videos' players: the page's Content-Security-Policy allows them as frames. */
  players?: string[];
}

/** GitHub's sanitizing rules, minus its id clobbering: rehypeScopeIds prefixes ids instead. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  strip: ['script', 'style'],
  clobber: [],
  clobberPrefix: '',
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'abbr',
    'mark',
    'figure',
    'figcaption',
    'cite',
    'small',
    'time',
  ],
  // Presentational attributes are not wanted (html-validate rejects them; CSP forbids inline style);
  // `name` is dropped rather than clobbered, as it could shadow DOM globals.
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter(
      (a) =>
        ![
          'align',
          'border',
          'cellPadding',
          'cellSpacing',
          'color',
          'width',
          'height',
          'hSpace',
          'vSpace',
          'noWrap',
          'clear',
          'compact',
          'frame',
          'rules',
          'vAlign',
          'charOff',
          'char',
          'axis',
          'accessKey',
          'tabIndex',
          'name',
        ].includes(String(a)),
    ),
    abbr: ['title'],
    time: ['dateTime'],
    td: ['align'],
    th: ['align'],
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'width', 'height'],
  },
};

const LITERAL = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * Typographer's punctuation in text (not in code): curly quotes and apostrophes, — for --, … for ...
 * A small pass of our own: remark-smartypants more than doubled the cost of a render.
 */
export function rehypeTypography() {
  return (tree: Root) => {
    let previous = ' ';
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type === 'element') {
          // Code stays as written, and so do embeds: a post is quoted as it was posted, an address as it is.
          if (!LITERAL.has(child.tagName) && !hasClass(child, 'embed')) walk(child);
          else previous = 'x';
        } else if (child.type === 'text') {
          let out = '';
          const text = child.value.replace(/---?/g, '—').replace(/\.\.\./g, '…');
          for (const ch of text) {
            const opening = /[\s([{\u2014\u2013-]/.test(previous);
            out += ch === '"' ? (opening ? '“' : '”') : ch === "'" ? (opening ? '‘' : '’') : ch;
            previous = ch;
          }
          child.value = out;
        }
      }
    };
    walk(tree);
  };
}

const SHIFTABLE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Publishes decorative images with `alt=""`; demotes headings, gives them slug ids, and prefixes every id (and fragment link) in the document. */
export function rehypeScopeIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (
        node.tagName === 'img' &&
        String(node.properties['alt'] ?? '')
          .trim()
          .toLowerCase() === DECORATIVE_ALT
      )
        node.properties['alt'] = '';
    });
    const opts = file.data.scope;
    if (!opts?.idPrefix) return;
    const scoped = (id: string) => bodyAnchor(opts.idPrefix, id);
    let top = 7;
    visit(tree, 'element', (node: Element) => {
      const rank = headingRank(node);
      if (rank) top = Math.min(top, rank);
    });
    const shift = top < 7 ? Math.max(0, opts.topHeading - top) : 0;
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      const p = node.properties;
      const rank = headingRank(node);
      if (rank && SHIFTABLE.has(node.tagName)) {
        node.tagName = `h${Math.min(6, rank + shift)}`;
        if (typeof p['id'] !== 'string' || !p['id'])
          p['id'] = slugger.slug(toString(node)) || 'section';
      }
      if (typeof p['id'] === 'string' && p['id']) p['id'] = scoped(p['id']);
      for (const attr of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        const v = p[attr];
        if (Array.isArray(v)) p[attr] = v.map((x) => scoped(String(x)));
        else if (typeof v === 'string') p[attr] = v.split(/\s+/).map(scoped).join(' ');
      }
      if (
        node.tagName === 'a' &&
        typeof p['href'] === 'string' &&
        p['href'].startsWith('#') &&
        p['href'].length > 1
      ) {
        p['href'] = `#${scoped(decodePath(p['href'].slice(1)))}`;
      }
      // GFM table alignment arrives as the obsolete `align` attribute; a class keeps it styleable.
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof p['align'] === 'string') {
        p['className'] = [`align-${p['align']}`];
        delete p['align'];
      }
      // Task-list checkboxes have no visible label; name them for screen readers.
      if (node.tagName === 'input' && p['type'] === 'checkbox')
        p['ariaLabel'] = p['checked'] ? 'done' : 'not done';
    });
    file.data.text = toString(tree).replace(/\s+/g, ' ').trim();
    if (file.data.scope?.lead) {
      let lead: Element | undefined;
      visit(tree, 'element', (node: Element) => {
        if (node.tagName !== 'li' && node.tagName !== 'p') return;
        lead = node;
        return false; // the first one in document order: stop
      });
      if (lead) file.data.lead = toString(lead).replace(/\s+/g, ' ').trim();
    }
  };
}

/** The credit at the end of a caption: `Photo: Agency`, `Map: Ordnance Survey`, `Фото: ТАСС`. */
const CREDIT =
  /\s*(?<![\p{L}\p{N}])((?:photo(?:graph)?|picture|image|video|illustration|map|graphic|chart|фото|иллюстрация|карта|видео)s?\s*:\s*\S.*)$/iu;

/**
 * A picture with a title (`![Crowds at the square](./photo.jpg "Crowds at the square. Photo:
 * Agency")`), alone in its paragraph, becomes a `<figure>` whose `<figcaption>` is the title, its
 * credit (`Photo: Agency`) set apart; the title attribute goes (a caption says it once, to everyone).
 * Pictures decode off the main thread (`decoding="async"`).
 */
export function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'img') node.properties['decoding'] = 'async';
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const kids = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
      const img = kids[0];
      if (kids.length !== 1 || img?.type !== 'element' || img.tagName !== 'img') return;
      const title = img.properties['title'];
      if (typeof title !== 'string' || !title.trim()) return;
      delete img.properties['title'];
      img.properties['decoding'] = 'async';
      const m = CREDIT.exec(title.trim());
      const caption = m ? title.trim().slice(0, m.index).trim() : title.trim();
      const children: Element['children'] = [];
      if (caption) children.push({ type: 'text', value: caption });
      if (m)
        children.push(...(caption ? [{ type: 'text' as const, value: ' ' }] : []), {
          type: 'element',
          tagName: 'span',
          properties: { className: ['credit'] },
          children: [{ type: 'text', value: m[1]! }],
        });
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: [img, { type: 'element', tagName: 'figcaption', properties: {}, children }],
      };
    });
  };
}

/**
 * A picture next to bulletins gets its size (`width`, `height`: the page reserves its space before it
 * loads), its WebP copies as `srcset` with the `sizes` of the text column (a phone downloads a
 * phone-sized copy; `src` is the copy nearest 800 pixels, for feeds and old readers) and
 * `loading="lazy"` (a page takes it off the first update it shows: src/components/Bulletin.astro).
 * A picture the scope's media does not know (a GIF, a file in `public/`) keeps its own URL.
 */
export function rehypePictures() {
  const root = createPaths('/');
  const { widths, column } = config.pictures;
  return (tree: Root, file: VFile) => {
    const { source, media } = file.data.scope ?? {};
    if (!source || !media) return;
    visit(tree, 'element', (node: Element) => {
      const value = node.tagName === 'img' ? node.properties['src'] : undefined;
      const target = typeof value === 'string' ? resolveContentLink(source, value) : undefined;
      const picture = target?.kind === 'other' ? media[target.path] : undefined;
      if (picture?.kind !== 'picture' || target?.kind !== 'other') return;
      const p = node.properties;
      p['width'] = picture.width;
      p['height'] = picture.height;
      p['loading'] = 'lazy';
      const copies = pictureWidths(picture, widths);
      if (!copies.length) return;
      const [story, name] = target.path.split('/') as [string, string];
      const url = (w: number) => root.picture(story, name, picture.digest, w);
      p['src'] = url(copies.findLast((w) => w <= 800) ?? copies[0]!);
      p['srcSet'] = copies.map((w) => `${url(w)} ${w}w`).join(', ');
      p['sizes'] = pictureSizes(picture, column);
      // A page's social card shows the bulletin's own first described picture, not a post's or a poster.
      const own = !hasClass(node, EMBEDDED) && p['alt'];
      const shared = copies.findLast((w) => w <= 1200) ?? copies[0]!;
      if (own)
        file.data.picture ??= {
          src: url(shared),
          width: shared,
          height: heightAt(picture, shared),
          alt: String(p['alt'] ?? ''),
        };
    });
  };
}

/**
 * Links between content files become site URLs: `[earlier](./2022-01-06-1000-airport-seized.md)`
 * the update's permalink, `#heading` the heading inside it, `../other/index.md` that story's
 * timeline, `./map.png` the file published next to the story (the content checks refuse a link to
 * a missing file or a draft). Root-relative, so the
 * base path is added like for any other link (`rebaseHtml`).
 */
export function rehypeContentLinks() {
  const root = createPaths('/');
  return (tree: Root, file: VFile) => {
    const source = file.data.scope?.source;
    if (!source) return;
    visit(tree, 'element', (node: Element) => {
      const attr = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
      const value = attr && node.properties[attr];
      if (typeof value !== 'string') return;
      const target = resolveContentLink(source, value);
      const url = target && contentLinkUrl(root, target);
      if (url) node.properties[attr!] = url;
    });
  };
}

const externalLinks = { rel: ['noopener'], protocols: ['http', 'https'] };

/** The rehype plugins of the pipeline, also given to Astro's own Markdown processor in astro.config.mjs. */
export const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  rehypeFigures,
  rehypeEmbeds,
  rehypeTypography,
  rehypePictures,
  rehypeContentLinks,
  rehypeScopeIds,
  [rehypeExternalLinks, externalLinks],
];

const chain = (raw: boolean) => {
  const p = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: raw });
  if (raw) p.use(rehypeRaw);
  return p
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFigures)
    .use(rehypeEmbeds)
    .use(rehypeTypography)
    .use(rehypePictures)
    .use(rehypeContentLinks)
    .use(rehypeScopeIds)
    .use(rehypeExternalLinks, externalLinks)
    .use(rehypeStringify)
    .freeze();
};
/** Parsing raw HTML (rehype-raw) is a fifth of the cost, so it runs only where a tag may be. */
const withHtml = chain(true);
const withoutHtml = chain(false);
const MAY_HAVE_HTML = /<[a-zA-Z!/?]/;

/** Renders Markdown with ids scoped to `idPrefix` and headings starting at `topHeading`. */
export async function renderMarkdown(markdown: string, scope: ScopeOptions): Promise<Rendered> {
  const file = new VFile({ value: markdown, data: { scope } });
  const html = String(await (MAY_HAVE_HTML.test(markdown) ? withHtml : withoutHtml).process(file));
  const { lead, picture, players } = file.data;
  return {
    html,
    text: file.data.text ?? '',
    ...(lead !== undefined ? { lead } : {}),
    ...(picture ? { picture } : {}),
    ...(players?.length ? { players: [...new Set(players)] } : {}),
  };
}

/** How a bulletin's body is scoped: ids under its update id, headings below its h3 headline. */
export const bulletinScope = (b: BulletinRecord, media?: MediaTable): ScopeOptions => ({
  idPrefix: b.id,
  topHeading: 4,
  source: `${b.story}/${b.file.slice(b.file.lastIndexOf('/') + 1)}`,
  ...(media ? { media } : {}),
});

/** How a story's introduction is scoped: under the page's h1. */
export const introScope = (story: Pick<StoryRecord, 'slug'>): ScopeOptions => ({
  idPrefix: 'intro',
  topHeading: 2,
  source: `${story.slug}/index.md`,
});

/** How a story's summary (`summary.md`) is scoped: under its own h2, its first point kept for the story's card. */
export const briefingScope = (
  story: Pick<StoryRecord, 'slug'>,
  media?: MediaTable,
): ScopeOptions => ({
  idPrefix: 'summary',
  topHeading: 3,
  source: `${story.slug}/summary.md`,
  lead: true,
  ...(media ? { media } : {}),
});

/** How an author's bio (`content/authors/<slug>.md`) is scoped: under their page's h1. */
export const bioScope = (author: Pick<AuthorRecord, 'slug'>): ScopeOptions => ({
  idPrefix: 'bio',
  topHeading: 2,
  source: `authors/${author.slug}.md`,
});
