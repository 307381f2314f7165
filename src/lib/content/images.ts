import { quote } from './problems.ts';
/** Images in bulletins: every one is described, or marked as decorative. */

/**
 * The description an editor writes for an image that only decorates (`![decorative](rule.png)`):
 * it is published as `alt=""`, which tells screen readers to skip the image. An image without any
 * description is a content error (src/lib/content/archive.ts), so `alt=""` is always a choice.
 */
export const DECORATIVE_ALT = 'decorative';

/**
 * Images without a description: a Markdown image with empty brackets, or an `<img>` without `alt`.
 * A page with one is invalid HTML and tells a screen-reader user nothing, so each is a content
 * error saying how to describe it, or to mark it decorative (`![decorative](…)` in Markdown,
 * `alt=""` in HTML: published as `alt=""`).
 */
export function imageProblems(body: string, bodyLine: number): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  body.split('\n').forEach((line, i) => {
    // One run of non-`)` characters, taken apart afterwards: quantifiers that overlap inside one
    // pattern backtrack for minutes on a line of `![](![](…`.
    for (const m of line.matchAll(/!\[\s*\]\(([^)]*)\)/g)) {
      const target = /^\s*<?([^\s>]*)/.exec(m[1]!)![1];
      out.push({
        line: bodyLine + i,
        message: `the image ${quote(m[0])} has no description: write what it shows between the brackets (![Map of the closed roads](${target})), or ![${DECORATIVE_ALT}](${target}) if it only decorates`,
      });
    }
    for (const m of line.matchAll(/<img\b[^>]*>/gi)) {
      if (!/\salt\s*=/i.test(m[0]))
        out.push({
          line: bodyLine + i,
          message: `the image ${quote(m[0])} has no alt: add alt="what it shows", or alt="" if it only decorates`,
        });
    }
  });
  return out;
}
