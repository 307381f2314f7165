/**
 * Splits a Markdown file into frontmatter and body. YAML is parsed with js-yaml's CORE_SCHEMA:
 * with YAML's default schema (Astro's own frontmatter parser uses it), an unquoted
 * `date: 2022-01-14T19:00:00-05:00` arrives as a JavaScript Date in UTC and `date: 2022-01-07` as
 * midnight UTC, so the written offset and the date-only case are lost (a 19:00 New York bulletin
 * would become 00:00 the next day); here dates stay the strings the editor wrote.
 */
import * as yaml from 'js-yaml';

/** A file split into its parts; `bodyLine` is the 1-based line where the body starts. */
export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

/** A problem found while reading a file, with the 1-based line when known. */
export class FrontmatterError extends Error {
  // A plain field, not a parameter property: Node's own TypeScript support (which `npm run new`
  // runs on) only strips types.
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const FENCE = /^---[ \t]*$/;

/** A file cut at its frontmatter fences, YAML not yet parsed (`yaml` is undefined without frontmatter). */
export interface FencedFile {
  yaml: string | undefined;
  body: string;
  bodyLine: number;
}

/** Cuts a file at its `---` fences (cheap: no YAML); throws `FrontmatterError` when the fence is never closed. */
export function splitFence(source: string): FencedFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { yaml: undefined, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1)
    throw new FrontmatterError(
      'frontmatter starts with --- on line 1 but has no closing --- line',
      1,
    );
  return {
    yaml: lines.slice(1, end).join('\n'),
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** Splits and parses; throws `FrontmatterError` for broken YAML or a fence that is never closed. */
export function splitFrontmatter(source: string): SplitFile {
  const fenced = splitFence(source);
  if (fenced.yaml === undefined) return { data: {}, body: fenced.body, bodyLine: fenced.bodyLine };
  let data: unknown;
  try {
    // Nothing but blank lines and comments is no field at all (js-yaml 5 calls it an error).
    data = /^[ \t]*[^\s#]/m.test(fenced.yaml)
      ? yaml.load(fenced.yaml, { schema: yaml.CORE_SCHEMA })
      : {};
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      throw new FrontmatterError(`invalid YAML: ${err.reason}`, (err.mark?.line ?? 0) + 2);
    }
    throw err;
  }
  if (data === undefined || data === null) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('frontmatter must be a list of `field: value` lines', 2);
  }
  return {
    data: fresh(data) as Record<string, unknown>,
    body: fenced.body,
    bodyLine: fenced.bodyLine,
  };
}

/**
 * A copy of parsed YAML with strings of their own: js-yaml gives slices of the file's text, and a
 * slice keeps the whole text in memory as long as it lives (every bulletin record's title kept its
 * file's text for the whole build: the Markdown of the entire archive, measured in a heap snapshot).
 */
function fresh(value: unknown): unknown {
  // A string made anew (JSON.parse allocates it), here and in the browser editor, which parses frontmatter too.
  if (typeof value === 'string') return JSON.parse(JSON.stringify(value)) as string;
  if (Array.isArray(value)) return value.map(fresh);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fresh(v)]));
  return value;
}

/** 1-based line of a top-level `field:` in the frontmatter, for error messages. */
export function lineOfField(source: string, field: string): number | undefined {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const i = lines.findIndex((line, n) => n > 0 && line.startsWith(`${field}:`));
  return i === -1 ? undefined : i + 1;
}
