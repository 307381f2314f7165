/**
 * Saved web pages: the article kept as Markdown without the page's furniture, and the updates of
 * pages that mark each one up with its time (WordPress Liveblog, one `<time datetime>` per update).
 */
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { recogniseEmbed } from '../content/embeds.ts';

/**
 * The element that holds the article: its one outermost `<article>`, else `<main>` or `<body>`. A
 * page whose updates are each an `<article>` has several outermost ones: the page is around them.
 */
function pageRoot(doc: HTMLElement): HTMLElement {
  const articles = doc.querySelectorAll('article');
  const inside = (el: HTMLElement, outer: HTMLElement) => {
    for (let p = el.parentNode; p; p = p.parentNode) if (p === outer) return true;
    return false;
  };
  const outermost = articles.filter((a) => !articles.some((o) => o !== a && inside(a, o)));
  if (outermost.length === 1) return outermost[0]!;
  return doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
}

/**
 * The post's own furniture, which is not its text: WordPress's "Posted on … by …" line
 * (`.entry-meta`, `.posted-on`), Jetpack's "Share this:" and "Like this:" widgets (`.sharedaddy`)
 * and related posts; other share bars.
 */
const FURNITURE =
  '.entry-meta, .posted-on, .post-meta, .sharedaddy, .sd-block, .sd-sharing, .jp-relatedposts, .share-buttons, .social-share, .addtoany_share_save_container';

/** A heading that only introduces a widget ("Share this:", "Like this:"). */
const WIDGET_HEADING = /^(?:share|like|follow) (?:this|us)\b/i;

/** How a report of what was left out quotes an element: its first 60 characters of text. */
const opening = (el: HTMLElement): string =>
  el.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60);

/** Removes the post's furniture from `root`, saying what went. */
function removeFurniture(root: HTMLElement, removed: string[]): void {
  const say = (el: HTMLElement, label: string) => removed.push(`${label}: ${opening(el)}`);
  for (const el of root.querySelectorAll(FURNITURE)) {
    if (!el.parentNode) continue;
    say(el, 'page furniture');
    el.remove();
  }
  for (const h of root.querySelectorAll('h2, h3, h4, h5, h6')) {
    if (!WIDGET_HEADING.test(h.textContent.trim())) continue;
    const widget = h.nextElementSibling;
    say(h, 'page furniture');
    h.remove();
    if (widget && /^(ul|ol|div)$/i.test(widget.tagName)) widget.remove();
  }
}

/**
 * A heading or label that names a list of other articles: "Most read", "Related", "More on this
 * story", "Trending", "Read more", "Читайте также"… (the words pages use, not their class names).
 */
const READING_LIST =
  /^(?:most\s+(?:read|popular|viewed|shared|watched|commented)|(?:popular|trending)(?:\s+(?:now|today|stories|articles))?|related(?:\s+(?:stories|articles|coverage|content|posts|links|reading))?|read\s+(?:more|next|also)|also\s+read|more\s+(?:on\s+this(?:\s+story)?|about\s+this|stories|news|coverage|to\s+read|from\s+\S.*)|recommended(?:\s+(?:stories|for\s+you))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|top\s+stories|latest\s+(?:news|stories|headlines)|see\s+also|what\s+to\s+read\s+next|editor['’]?s\s+picks|читайте\s+также|самое\s+(?:читаемое|популярное)|популярное|ещ[её]\s+по\s+теме|по\s+теме|смотрите\s+также)\s*:?$/iu;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Links to other pages in `el` (not to a place on this one, nor to an e-mail address or a script). */
const pageLinks = (el: HTMLElement): HTMLElement[] =>
  el
    .querySelectorAll('a[href]')
    .filter((a) => !/^(?:#|javascript:|mailto:|tel:)/i.test(a.getAttribute('href')!.trim()));

/**
 * Whether `el` is a list of links to other articles: two links or more (`min`), whose text is
 * nearly all of its text once its headings are left out.
 */
function isLinkList(el: HTMLElement, min = 2): boolean {
  const links = pageLinks(el);
  if (links.length < min) return false;
  const headings = el.querySelectorAll('h1, h2, h3, h4, h5, h6');
  const text =
    squeeze(el.textContent).length -
    headings.reduce((n, h) => n + squeeze(h.textContent).length, 0);
  const linked = links.reduce((n, a) => n + squeeze(a.textContent).length, 0);
  return linked > 0 && linked >= 0.75 * text;
}

/**
 * Removes the page's reading lists from `root`, saying what went: recognised by what they are, a
 * list of links to other articles in an `<aside>` or a `<nav>`, or under a heading that names one
 * ("Most read" above a list of links), or a line that is such a label and its links ("Related:
 * …"). A list of links inside an update with no such heading (its sources) is its text and stays.
 */
function removeReadingLists(root: HTMLElement, removed: string[]): void {
  const cut = (els: HTMLElement[]) => {
    if (els.some((el) => !el.parentNode)) return;
    removed.push(`reading list: ${opening(els[0]!)}`);
    for (const el of els) el.remove();
  };
  for (const el of root.querySelectorAll('aside, nav')) if (isLinkList(el, 1)) cut([el]);
  for (const h of root.querySelectorAll('h2, h3, h4, h5, h6, p, strong, b')) {
    if (!h.parentNode) continue;
    const text = squeeze(h.textContent);
    const label = /^([^:]{2,40}):/.exec(text)?.[1];
    // "Related: <a>…</a>" on one line: the label, then nothing but links.
    if (h.tagName === 'P' && label && READING_LIST.test(label) && pageLinks(h).length) {
      const rest = text.length - label.length - 1;
      const linked = pageLinks(h).reduce((n, a) => n + squeeze(a.textContent).length, 0);
      if (linked >= 0.75 * rest) cut([h]);
      continue;
    }
    if (!READING_LIST.test(text)) continue;
    // The block the heading opens, when it is a list of links; else the list right after it.
    const parent = h.parentNode;
    if (parent !== root && parent.childNodes.length > 0 && isLinkList(parent)) cut([parent]);
    else {
      const next = h.nextElementSibling;
      if (next && isLinkList(next)) cut([h, next]);
    }
  }
}

/** The address an embedding element shows, if Dateline embeds it (src/lib/content/embeds.ts). */
function embeddedAddress(el: HTMLElement): string | undefined {
  const tag = el.tagName.toLowerCase();
  const known = (url: string | undefined) => (url ? recogniseEmbed(url)?.url : undefined);
  // A Mastodon post's iframe is the post's address followed by /embed.
  if (tag === 'iframe') return known(el.getAttribute('src')?.replace(/\/embed\/?$/, ''));
  if (tag === 'script') {
    const post = el.getAttribute('data-telegram-post');
    return post ? known(`https://t.me/${post}`) : undefined;
  }
  // X's, Bluesky's and Mastodon's blockquotes end with a link to the post.
  return el
    .querySelectorAll('a[href]')
    .map((a) => known(a.getAttribute('href')))
    .findLast(Boolean);
}

/**
 * Turns what a page embeds into Dateline's forms, before scripts and frames are dropped: a YouTube
 * or Vimeo player, an X, Bluesky or Mastodon blockquote, a Telegram widget become the address alone
 * in a paragraph (a click-to-load player, or a post's card once `npm run embed` keeps it); a
 * picture's `<figcaption>` becomes its Markdown title (its caption and credit).
 */
function keepEmbeds(root: HTMLElement): void {
  for (const el of root.querySelectorAll(
    'iframe[src], script[data-telegram-post], blockquote.twitter-tweet, blockquote.bluesky-embed, blockquote.mastodon-embed',
  )) {
    const url = embeddedAddress(el);
    if (url) el.replaceWith(`<p><a href="${url}">${url}</a></p>`);
  }
  for (const figure of root.querySelectorAll('figure')) {
    const img = figure.querySelectorAll('img');
    const caption = figure.querySelector('figcaption');
    if (img.length !== 1 || !caption) continue;
    img[0]!.setAttribute('title', caption.textContent.replace(/\s+/g, ' ').trim());
    caption.remove();
  }
}

/** A saved web page reduced to its article, as Markdown; with the page furniture that was dropped. */
export function htmlToMarkdown(html: string): {
  title: string | undefined;
  markdown: string;
  removed: string[];
} {
  const doc = parseHtml(html);
  const root = pageRoot(doc);
  const removed: string[] = [];
  keepEmbeds(root);
  removeReadingLists(root, removed);
  removeFurniture(root, removed);
  for (const el of root.querySelectorAll(
    'nav, header, footer, aside, script, style, noscript, form, iframe, template, svg, button',
  )) {
    const label = el.tagName.toLowerCase();
    if (!['script', 'style', 'noscript', 'template', 'svg'].includes(label))
      removed.push(`<${label}> ${opening(el)}`.trim());
    el.remove();
  }
  for (const el of doc.querySelectorAll('aside, footer, nav')) {
    if (!root.querySelectorAll('*').includes(el))
      removed.push(`<${el.tagName.toLowerCase()}> ${opening(el)}`.trim());
  }
  const title = (root.querySelector('h1')?.textContent ?? doc.querySelector('title')?.textContent)
    ?.replace(/\s+/g, ' ')
    .trim();
  const tree = unified().use(rehypeParse, { fragment: true }).parse(root.innerHTML);
  const mdast = unified().use(rehypeRemark).runSync(tree);
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_' })
    .stringify(mdast);
  return { title, markdown: String(markdown), removed };
}

/** An update of a page that marks each one up with its time. */
export interface TimedEntry {
  /** The time as the markup gives it: ISO 8601, with or without an offset, or a Unix time. */
  datetime: string;
  headline?: string;
  /** The names its byline gives, as written. */
  authors?: string[];
  /** Its text as Markdown. */
  body: string;
}

const markdownOf = (html: string): string =>
  String(
    unified()
      .use(remarkGfm)
      .use(remarkStringify, { bullet: '-', emphasis: '_' })
      .stringify(
        unified()
          .use(rehypeRemark)
          .runSync(unified().use(rehypeParse, { fragment: true }).parse(html)),
      ),
  ).trim();

/** A datetime with a time of day: `2024-11-05T23:40`, with seconds, with `Z` or an offset. */
const TIMED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The updates of a saved page whose markup gives each one its time, or undefined when it does not:
 * - the WordPress Liveblog plugin: `.liveblog-entry` elements with `data-timestamp` (Unix seconds)
 *   or a `<time datetime>`, their text in `.liveblog-entry-text`, their byline in `.liveblog-meta`;
 * - any page where each update is an element holding one `<time datetime>` with a time of day:
 *   the update is the largest element around that `<time>` holding no other.
 * Times come from the markup, never from the visible text ("2 hours ago", "11:40pm").
 */
export function timedEntries(
  html: string,
):
  | { title: string | undefined; intro: string; entries: TimedEntry[]; removed: string[] }
  | undefined {
  const doc = parseHtml(html);
  const root = pageRoot(doc);
  const title = (root.querySelector('h1')?.textContent ?? doc.querySelector('title')?.textContent)
    ?.replace(/\s+/g, ' ')
    .trim();
  const removed: string[] = [];
  keepEmbeds(root);
  for (const el of root.querySelectorAll(
    'script, style, noscript, template, svg, form, iframe, button',
  ))
    el.remove();
  removeReadingLists(root, removed);
  // Before times are counted: "Posted on" carries the post's own <time datetime>.
  removeFurniture(root, removed);
  const timeOf = (el: HTMLElement): string | undefined =>
    el
      .querySelectorAll('time[datetime]')
      .map((t) => t.getAttribute('datetime')!.trim())
      .find((d) => TIMED.test(d));
  let containers: HTMLElement[];
  const wordpress = root.querySelectorAll('.liveblog-entry');
  if (wordpress.length) {
    containers = wordpress;
  } else {
    const times = root
      .querySelectorAll('time[datetime]')
      .filter((t) => TIMED.test(t.getAttribute('datetime')!.trim()));
    if (times.length < 2) return undefined;
    const count = (el: HTMLElement) =>
      el
        .querySelectorAll('time[datetime]')
        .filter((t) => TIMED.test(t.getAttribute('datetime')!.trim())).length;
    containers = times.map((t) => {
      let el = t;
      while (el.parentNode && el.parentNode !== root && count(el.parentNode) === 1)
        el = el.parentNode;
      return el;
    });
    if (new Set(containers).size !== containers.length || containers.some((c) => c === root))
      return undefined;
  }
  const entries: TimedEntry[] = [];
  for (const c of containers) {
    const stamp = c.getAttribute('data-timestamp');
    const datetime = stamp && /^\d{9,11}$/.test(stamp) ? stamp : timeOf(c);
    if (!datetime) return undefined;
    const authors = bylineNames(c);
    for (const meta of c.querySelectorAll('.liveblog-meta, .liveblog-author, .byline, .author')) {
      if (!meta.parentNode) continue;
      removed.push(`byline: ${opening(meta)}`);
      meta.remove();
    }
    for (const t of c.querySelectorAll('time')) {
      // The visible time goes with its element; a wrapper left empty goes too.
      const parent = t.parentNode;
      t.remove();
      if (parent && parent !== c && !parent.structuredText.trim()) parent.remove();
    }
    const text = c.querySelector('.liveblog-entry-text') ?? c;
    const heading = text.querySelector('h1, h2, h3, h4, h5, h6');
    const headline = heading?.textContent.replace(/\s+/g, ' ').trim();
    heading?.remove();
    entries.push({
      datetime,
      ...(headline ? { headline } : {}),
      ...(authors.length ? { authors } : {}),
      body: markdownOf(text.innerHTML),
    });
  }
  for (const c of containers) c.remove();
  for (const h of root.querySelectorAll('h1')) h.remove();
  // A byline of the page itself, outside every update and its furniture.
  for (const el of root.querySelectorAll('.byline, .author, [rel="author"]')) {
    if (!el.parentNode) continue;
    removed.push(`byline: ${opening(el)}`);
    el.remove();
  }
  return { title, intro: markdownOf(root.innerHTML), entries, removed };
}

/**
 * The names an update's byline gives: WordPress Liveblog's author names (one element each), else
 * links marked `rel="author"`, else a `.byline` or `.author` read as "By A, B and C".
 */
export function bylineNames(entry: HTMLElement): string[] {
  const text = (el: HTMLElement) => el.textContent.replace(/\s+/g, ' ').trim();
  const named = entry.querySelectorAll('.liveblog-author-name, [rel="author"]').map(text);
  if (named.length) return [...new Set(named.filter(Boolean))];
  const line = entry.querySelector('.byline, .author');
  if (!line) return [];
  return [
    ...new Set(
      text(line)
        .replace(/^(?:posted\s+)?by\s+/i, '')
        .split(/\s*(?:,|\band\b|&)\s*/i)
        .map((n) => n.trim())
        .filter((n) => n && n.length <= 80),
    ),
  ];
}
