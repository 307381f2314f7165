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

/** A saved web page reduced to its article, as Markdown; with the page furniture that was dropped. */
export function htmlToMarkdown(html: string): {
  title: string | undefined;
  markdown: string;
  removed: string[];
} {
  const doc = parseHtml(html);
  const root =
    doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
  const removed: string[] = [];
  for (const el of root.querySelectorAll(
    'nav, header, footer, aside, script, style, noscript, form, iframe, template, svg, button',
  )) {
    const label = el.tagName.toLowerCase();
    if (!['script', 'style', 'noscript', 'template', 'svg'].includes(label))
      removed.push(
        `<${label}> ${el.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60)}`.trim(),
      );
    el.remove();
  }
  for (const el of doc.querySelectorAll('aside, footer, nav')) {
    if (!root.querySelectorAll('*').includes(el))
      removed.push(
        `<${el.tagName.toLowerCase()}> ${el.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60)}`.trim(),
      );
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
  const root =
    doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
  const title = (root.querySelector('h1')?.textContent ?? doc.querySelector('title')?.textContent)
    ?.replace(/\s+/g, ' ')
    .trim();
  const removed: string[] = [];
  for (const el of root.querySelectorAll(
    'script, style, noscript, template, svg, form, iframe, button',
  ))
    el.remove();
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
    for (const meta of c.querySelectorAll('.liveblog-meta, .liveblog-author, .byline, .author')) {
      removed.push(`byline: ${meta.structuredText.replace(/\s+/g, ' ').trim().slice(0, 60)}`);
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
    entries.push({ datetime, ...(headline ? { headline } : {}), body: markdownOf(text.innerHTML) });
  }
  for (const c of containers) c.remove();
  for (const h of root.querySelectorAll('h1')) h.remove();
  return { title, intro: markdownOf(root.innerHTML), entries, removed };
}
