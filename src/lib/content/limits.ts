/**
 * What one Markdown body may cost to render. The unified pipeline walks its trees recursively, so
 * a body nested a few thousand levels deep (`>>>>…`, `<div><div>…`, `*_*_…_*_*`) exhausts the
 * stack; and the parser's time grows with the square of a block's length for some inputs (a
 * paragraph of 40,000 `]` took 9 s, one of 100,000 `a*` 25 s). So the checks refuse, before
 * anything is rendered:
 * - a block (lines without a blank line between them) longer than `MAX_BLOCK_CHARS`, or with more
 *   than `MAX_BLOCK_SEARCHES` closing brackets and HTML comments: each `]` makes the parser look back
 *   through the block for where its link starts, each `<!--`, `<!…` or `<?` forward for where it
 *   ends (3,000 `](u)` in one paragraph took 2 s, 2,900 unclosed `<!--` after a word 1.3 s);
 * - a line nested deeper than `MAX_NESTING` levels.
 *
 * Depth is estimated in one pass over the text, from above: quote markers, list markers and
 * indentation at the start of lines, open brackets, open emphasis delimiters and open HTML
 * elements (across the whole body, as the HTML parser sees them), counted in code too. Real
 * bulletins stay far below the bound (a list three levels deep in a quote is about 10); the
 * pipeline itself copes with some 2,000 levels.
 */

/** The deepest a line may be nested (see above for what counts). */
export const MAX_NESTING = 100;

/** The longest block of lines without a blank line between them, in characters. */
export const MAX_BLOCK_CHARS = 20_000;

/** The most closing brackets (of links, images, footnotes) and HTML comments (`<!`, `<?`) one block may hold. */
export const MAX_BLOCK_SEARCHES = 500;

/** A limit a body breaks, at its line. */
export interface LimitProblem {
  line: number;
  message: string;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements a new one of the same name right after closes (`<td>a<td>b` is two cells side by side). */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'rtc',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
]);
/** Elements whose start tag closes an open `<p>` (HTML's "close a p element"). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dd',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'ul',
  'xmp',
]);
/** What a new `<li>`, `<dd>` or `<dt>` looks past for an open one to close (anything else stops it). */
const ITEM_REACHES = new Set(['address', 'div', 'p', 'span']);
/** Elements whose end tag only closes themselves (the HTML parser's formatting elements). */
const FORMATTING = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);
/** Elements an end tag does not reach past. */
const SCOPE = new Set([
  'applet',
  'caption',
  'html',
  'table',
  'td',
  'th',
  'marquee',
  'object',
  'template',
  'math',
  'svg',
  'button',
]);

const isSpace = (ch: string | undefined): boolean =>
  ch === undefined || ch === ' ' || ch === '\t' || ch === '\n';
const isWordChar = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The depth the container markers at the start of a line give (`> - > text`: 5): one per quote
 * marker, two per list marker (the list and its item), one per column of indentation (a list
 * nested by indentation needs at least two columns per level); a marker's own space is not
 * indentation. Returns it and where the text starts.
 */
export function prefixDepth(line: string): { depth: number; end: number } {
  let depth = 0;
  let column = 0;
  let i = 0;
  for (;;) {
    const ch = line[i];
    if (ch === ' ') {
      depth++;
      column++;
      i++;
    } else if (ch === '\t') {
      const width = 4 - (column % 4);
      depth += width;
      column += width;
      i++;
    } else if (ch === '>') {
      // The marker, with the one space that may follow it.
      const width = line[i + 1] === ' ' ? 2 : 1;
      depth++;
      column += width;
      i += width;
    } else {
      const marker = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!marker) break;
      depth += 2;
      column += marker[0].length;
      i += marker[0].length;
    }
  }
  return { depth, end: i };
}

/** The open HTML elements of a body, as the HTML parser would nest them (from above). */
class HtmlStack {
  readonly open: string[] = [];

  /** Takes the tag starting at `line[i]` (`<` already seen); returns where to go on scanning. */
  tag(line: string, i: number): number {
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(line.slice(i, i + 64));
    if (!m) return i + 1;
    const name = m[2]!.toLowerCase();
    // Only a tag's own few characters are looked at: a line of `<a <a <a…` stays linear.
    const rest = line.slice(i, i + 1024);
    const close = rest.indexOf('>');
    const selfClosing = close !== -1 && rest[close - 1] === '/';
    if (m[1]) this.end(name);
    else if (!VOID.has(name) && !selfClosing) this.start(name);
    return i + m[0].length;
  }

  private start(name: string): void {
    if (CLOSES_P.has(name)) this.closeFrom(this.reachable('p'));
    if (name === 'li' || name === 'dd' || name === 'dt') {
      const items = name === 'li' ? ['li'] : ['dd', 'dt'];
      for (let at = this.open.length - 1; at >= 0; at--) {
        const open = this.open[at]!;
        if (items.includes(open)) {
          this.closeFrom(at);
          break;
        }
        if (!ITEM_REACHES.has(open) && !FORMATTING.has(open)) break;
      }
    }
    if (!(OPTIONAL_END.has(name) && this.open.at(-1) === name)) this.open.push(name);
  }

  /** Where the nearest open `name` is, unless a scope boundary lies above it (-1 then, or when none is open). */
  private reachable(name: string): number {
    const at = this.open.lastIndexOf(name);
    return at === -1 || this.open.slice(at + 1).some((n) => SCOPE.has(n)) ? -1 : at;
  }

  private closeFrom(at: number): void {
    if (at !== -1) this.open.length = at;
  }

  private end(name: string): void {
    const at = this.reachable(name);
    if (at === -1) return;
    if (FORMATTING.has(name)) this.open.splice(at, 1);
    else this.closeFrom(at);
  }
}

/**
 * Open brackets and emphasis delimiters in one block. A closing run of `*`, `_` or `~` closes what
 * the same character opened; `_` inside a word neither opens nor closes (CommonMark).
 */
class InlineStack {
  brackets = 0;
  emphasis: Record<string, number> = { '*': 0, _: 0, '~': 0 };

  get depth(): number {
    return this.brackets * 2 + this.emphasis['*']! + this.emphasis['_']! + this.emphasis['~']!;
  }

  /** Takes the run of `ch` starting at `line[i]`; returns its end. */
  run(line: string, i: number, ch: string): number {
    let end = i;
    while (line[end] === ch) end++;
    const before = line[i - 1];
    const after = line[end];
    const opens = !isSpace(after);
    const closes = !isSpace(before);
    if (ch === '_' && isWordChar(before) && isWordChar(after)) return end;
    const length = end - i;
    if (closes && this.emphasis[ch]! > 0)
      this.emphasis[ch] = Math.max(0, this.emphasis[ch]! - length);
    else if (opens) this.emphasis[ch]! += length;
    return end;
  }
}

/**
 * The first limit `body` breaks (its lines counted from `bodyLine`), or undefined. Linear in the
 * body's length.
 */
export function markdownLimitProblem(body: string, bodyLine: number): LimitProblem | undefined {
  const lines = body.split('\n');
  const html = new HtmlStack();
  let inline = new InlineStack();
  let blockStart = 0;
  let blockChars = 0;
  let blockDepth = 0;
  let blockSearches = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.trim()) {
      inline = new InlineStack();
      blockChars = 0;
      blockDepth = 0;
      blockSearches = 0;
      continue;
    }
    if (blockChars === 0) blockStart = n;
    blockChars += line.length + 1;
    const prefix = prefixDepth(line);
    // A line without markers may continue the block's deepest container (a lazy continuation).
    blockDepth = Math.max(blockDepth, prefix.depth);
    let deepest = inline.depth + html.open.length;
    for (let i = prefix.end; i < line.length;) {
      const ch = line[i]!;
      if (ch === '\\') i += 2;
      else if (ch === '[') {
        inline.brackets++;
        i++;
      } else if (ch === ']') {
        if (inline.brackets > 0) inline.brackets--;
        blockSearches++;
        i++;
      } else if (ch === '*' || ch === '_' || ch === '~') i = inline.run(line, i, ch);
      else if (ch === '<') {
        if (line[i + 1] === '!' || line[i + 1] === '?') blockSearches++;
        i = html.tag(line, i);
      } else {
        i++;
        continue;
      }
      deepest = Math.max(deepest, inline.depth + html.open.length);
    }
    const depth = blockDepth + deepest;
    if (depth > MAX_NESTING) {
      return {
        line: bodyLine + n,
        message: `is nested about ${depth} levels deep on this line (quotes, lists, indentation, brackets, emphasis and HTML elements counted together); at most ${MAX_NESTING} are allowed: the renderer would run out of stack`,
      };
    }
    if (blockSearches > MAX_BLOCK_SEARCHES) {
      return {
        line: bodyLine + blockStart,
        message: `has a block with more than ${MAX_BLOCK_SEARCHES} links, footnotes and HTML comments (closing brackets, \`<!\`, \`<?\`: lines ${bodyLine + blockStart}–${bodyLine + n}): put blank lines between its paragraphs, or split the update`,
      };
    }
    if (blockChars > MAX_BLOCK_CHARS) {
      return {
        line: bodyLine + blockStart,
        message: `has a block of more than ${MAX_BLOCK_CHARS.toLocaleString('en')} characters without a blank line (lines ${bodyLine + blockStart}–${bodyLine + n}): put blank lines between its paragraphs, or split the update`,
      };
    }
  }
  return undefined;
}
