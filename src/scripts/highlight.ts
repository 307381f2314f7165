/** Marking searched words on the page a search result led to (used by src/scripts/page.ts). */

/** The words of a `?highlight=` value worth marking: letters and digits, two or more, at most ten. */
export function highlightWords(param: string | null | undefined): string[] {
  return (param ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .slice(0, 10);
}

/** Whole words that start with a searched word, in any case (Pagefind finds `protesters` for `protest`). */
export function highlightPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})[\\p{L}\\p{N}]*`, 'giu');
}

/** Wraps every match of `pattern` in the text under `root` in `<mark class="search-hit">`; returns how many. */
export function markMatches(root: Node, pattern: RegExp): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, mark, .visually-hidden, .print-link')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let marked = 0;
  for (const node of nodes) {
    // From the last match back, so the earlier matches' offsets stay valid as the node is split.
    for (const m of [...node.data.matchAll(pattern)].reverse()) {
      const hit = node.splitText(m.index);
      hit.splitText(m[0].length);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      hit.replaceWith(mark);
      mark.append(hit);
      marked++;
    }
  }
  return marked;
}
