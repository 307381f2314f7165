/**
 * The rehype passes of Dateline's own in the Markdown pipeline (src/lib/markdown/pipeline.ts):
 * typography, figures and pictures, links between content files, and the scoping of ids.
 */
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyAnchor } from '../../core/anchors.ts';
import { createPaths, decodePath } from '../../core/paths.ts';
import { DECORATIVE_ALT } from '../content/images.ts';
import { contentLinkUrl, resolveContentLink } from '../content/links.ts';
import { heightAt, pictureSizes, pictureWidths } from '../content/pictures.ts';
import { EMBEDDED, hasClass } from './embeds.ts';
import type { RenderOptions } from './pipeline.ts';

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
        // A list once parsed; a string where a plugin set one.
        const v: unknown = p[attr];
        if (Array.isArray(v)) p[attr] = v.map((x) => scoped(String(x)));
        else if (typeof v === 'string') p[attr] = v.split(/\s+/).map(scoped);
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
export function rehypePictures({ widths, column }: RenderOptions['pictures']) {
  const root = createPaths('/');
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
