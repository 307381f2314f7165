/**
 * Problems with the content and how they are written: each names its file, its line when known,
 * and its field, and quotes the value it is about, in the one format every tool prints.
 */
import type { z } from 'astro/zod';
import { lineOfField } from './frontmatter.ts';

/** One thing wrong with the content, located as precisely as we can. */
export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
}

/** `content/x/a.md:3: field "date": message`, the one format every tool prints. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
  return `${where}: ${p.field ? `field "${p.field}": ` : ''}${p.message}`;
}

/** A value quoted in a message, as JSON writes a string (so quotes inside stay readable), shortened when long. */
export const quote = (value: string, max = 60): string =>
  JSON.stringify(value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** The value at `path` in the parsed frontmatter, quoted for a message (shortened when long); undefined when absent or a group. */
function quotedValue(data: unknown, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = data;
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  if (v === undefined || (typeof v === 'object' && v !== null)) return undefined;
  return typeof v === 'string' ? quote(v) : quote(JSON.stringify(v)).slice(1, -1);
}

/**
 * The schema's complaints as problems: each names its field and line and quotes the value it is
 * about (`field "timezone": "Mars/Olympus_Mons" is not an IANA time zone name…`), unless the
 * message already does.
 */
export function zodProblems(
  file: string,
  source: string,
  error: z.ZodError,
  data: unknown,
): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : undefined;
    const top = issue.path[0];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      return {
        file,
        line: lineOfField(source, keys[0]!),
        field: keys.join(', '),
        message: `unknown field${keys.length > 1 ? 's' : ''}; check the spelling against the frontmatter reference in docs/writing.md`,
      };
    }
    // zod reports a missing field as a type error against `undefined`.
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
      message = 'is required';
    else if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
      const expected = (issue as { expected?: string }).expected ?? '';
      const received = /received (\w+)/.exec(issue.message)?.[1] ?? '';
      message = `must be ${KINDS[expected] ?? expected}, not ${GOT[received] ?? received}`;
    } else if (issue.code === 'invalid_value') {
      const values = (issue as { values?: unknown[] }).values ?? [];
      message = `must be ${values.map(String).join(' or ')}`;
    }
    const value = quotedValue(data, issue.path);
    if (value !== undefined && message !== 'is required' && !message.includes(value))
      message = `${value} ${message}`;
    return {
      file,
      line: typeof top === 'string' ? lineOfField(source, top) : undefined,
      field,
      message,
    };
  });
}

/** How a YAML value of each kind is written, for messages that say how to fix a field. */
const KINDS: Record<string, string> = {
  string: 'text (put it in quotes if it looks like a number or a date)',
  boolean: 'true or false',
  array: 'a list, like [a, b] or lines starting with "- "',
  object: 'a group of `field: value` lines',
  number: 'a number',
  null: 'empty',
};
const GOT: Record<string, string> = {
  string: 'text',
  boolean: 'true/false',
  array: 'a list',
  object: 'a group of fields',
  number: 'a number',
  null: 'empty',
};
