/**
 * The Markdown pipeline, built with unified (remark/rehype): GFM, plus
 * - rehype-raw + rehype-sanitize: raw HTML is parsed, then cleaned (no <script>, <iframe>,
 *   event-handler attributes or javascript: URLs survive);
 * - rehypeScopeIds: headings are demoted below the bulletin headline and every id in the body is
 *   prefixed with the update id, so no two bulletins on a page can clash;
 * - rehype-external-links: links off the site get rel="noopener";
 * - rehypeTypography: curly quotes and dashes;
 * - rehypeEmbeds, rehypePictures: videos and posts alone in a paragraph become a click-to-load player
 *   and a card (./embeds.ts); pictures get their size and copies (./plugins.ts).
 * It is the chain Astro's own unified processor runs, minus the passes a bulletin does not need
 * (image collection, heading collection, a second raw-HTML pass), because it runs once per
 * bulletin and archives hold tens of thousands (src/render/pool.ts runs it in child processes, and only for bodies not rendered before).
 */
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { RehypePlugins } from '@astrojs/markdown-remark';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Settings } from '../../config.ts';
import type { MediaTable } from '../content/media.ts';
import { rehypeEmbeds } from './embeds.ts';
import {
  rehypeContentLinks,
  rehypeFigures,
  rehypePictures,
  rehypeScopeIds,
  rehypeTypography,
} from './plugins.ts';
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

/**
 * What the pipeline takes from the site's settings (src/config.ts): given as an argument, and part
 * of every rendered body's key (src/core/cache-keys.ts), so a body is never reused under others.
 */
export interface RenderOptions {
  /** Formats a post card's time (a story in another language uses its own). */
  locale: string;
  /** The widths of a picture's copies, and the text column's width (for `sizes`). */
  pictures: { widths: readonly number[]; column: number };
}

/** The pipeline's options from the site's settings. */
export const renderOptions = (settings: Pick<Settings, 'locale' | 'pictures'>): RenderOptions => ({
  locale: settings.locale,
  pictures: { widths: settings.pictures.widths, column: settings.pictures.column },
});

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

const externalLinks = { rel: ['noopener'], protocols: ['http', 'https'] };

/** The rehype plugins of the pipeline, also given to Astro's own Markdown processor in astro.config.mjs. */
export const rehypePlugins = (options: RenderOptions): RehypePlugins => [
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  rehypeFigures,
  [rehypeEmbeds, options],
  rehypeTypography,
  [rehypePictures, options.pictures],
  rehypeContentLinks,
  rehypeScopeIds,
  [rehypeExternalLinks, externalLinks],
];

const chain = (raw: boolean, options: RenderOptions): Processor => {
  const p = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: raw });
  if (raw) p.use(rehypeRaw);
  return p
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFigures)
    .use(rehypeEmbeds, options)
    .use(rehypeTypography)
    .use(rehypePictures, options.pictures)
    .use(rehypeContentLinks)
    .use(rehypeScopeIds)
    .use(rehypeExternalLinks, externalLinks)
    .use(rehypeStringify)
    .freeze() as unknown as Processor;
};
/** The two chains for one set of options (a build renders with one). */
const chains = new Map<string, { withHtml: Processor; withoutHtml: Processor }>();
/** Parsing raw HTML (rehype-raw) is a fifth of the cost, so it runs only where a tag may be. */
const MAY_HAVE_HTML = /<[a-zA-Z!/?]/;

/** Renders Markdown with ids scoped to `idPrefix` and headings starting at `topHeading`. */
export async function renderMarkdown(
  markdown: string,
  scope: ScopeOptions,
  options: RenderOptions,
): Promise<Rendered> {
  const id = JSON.stringify(options);
  let chosen = chains.get(id);
  if (!chosen)
    chains.set(
      id,
      (chosen = { withHtml: chain(true, options), withoutHtml: chain(false, options) }),
    );
  const file = new VFile({ value: markdown, data: { scope } });
  const processor = MAY_HAVE_HTML.test(markdown) ? chosen.withHtml : chosen.withoutHtml;
  const html = String(await processor.process(file));
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
