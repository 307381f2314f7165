/**
 * Splits a Markdown file into frontmatter and body. YAML is parsed with js-yaml's CORE_SCHEMA:
 * Astro's default schema turns `date: 2022-01-07T14:30:00+06:00` into a UTC `Date` and loses the
 * written offset and the date-only case (../shared/perf-notes.md), so dates stay strings here.
 */
import yaml from 'js-yaml';

/** A file split into its parts; `bodyLine` is the 1-based line where the body starts. */
export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

/** A problem found while reading a file, with the 1-based line when known. */
export class FrontmatterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const FENCE = /^---[ \t]*$/;

/** Splits and parses; throws `FrontmatterError` for broken YAML or a fence that is never closed. */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { data: {}, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) throw new FrontmatterError('frontmatter starts with --- on line 1 but has no closing --- line', 1);
  let data: unknown;
  try {
    data = yaml.load(lines.slice(1, end).join('\n'), { schema: yaml.CORE_SCHEMA });
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      throw new FrontmatterError(`invalid YAML: ${err.reason}`, err.mark.line + 2);
    }
    throw err;
  }
  if (data === undefined || data === null) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('frontmatter must be a list of `field: value` lines', 2);
  }
  return { data: data as Record<string, unknown>, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/** 1-based line of a top-level `field:` in the frontmatter, for error messages. */
export function lineOfField(source: string, field: string): number | undefined {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const i = lines.findIndex((line, n) => n > 0 && line.startsWith(`${field}:`));
  return i === -1 ? undefined : i + 1;
}
