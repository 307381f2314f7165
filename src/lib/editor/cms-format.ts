/**
 * How the browser editor reads and writes a content file (a custom file format of Sveltia CMS):
 * as Dateline reads it (YAML's core schema: dates stay the strings written), and written back
 * changing only what was edited. A save with no change gives the file back byte for byte; an edited
 * field replaces its own lines and no other, in its place; fields the form does not show, comments
 * and the order of the frontmatter are kept. Pure, so it is tested here and runs in the browser.
 */
import * as yaml from 'js-yaml';
import { byCodePoint } from '../../core/text.ts';
import { splitFence, splitFrontmatter } from '../content/frontmatter.ts';

/** The format's name in the editor's configuration (a name ending `-frontmatter` is what the editor accepts for `.md` files). */
export const CONTENT_FORMAT = 'dateline-frontmatter';

/**
 * Where an entry keeps the text it was read from, so that writing it can start from there. The
 * editor keeps fields its form does not define and hands them back on save.
 */
export const SOURCE_FIELD = '_dateline_source';

type Data = Record<string, unknown>;

/** A file as the editor's form sees it: its frontmatter's fields, `body`, and where it came from. */
export function readEntry(text: string): Data {
  const { data, body } = splitFrontmatter(text);
  return { ...data, body, [SOURCE_FIELD]: text };
}

/** What a value amounts to: empty text, lists and `false` are what an omitted field means. */
function meaningful(value: unknown): unknown {
  if (value === null || value === undefined || value === '' || value === false) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(meaningful).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Data)
      .map(([k, v]) => [k, meaningful(v)] as const)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byCodePoint(a, b));
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(meaningful(a)) === JSON.stringify(meaningful(b));

/** One `field: value` as YAML; strings that YAML would read as something else are quoted. */
const fieldYaml = (name: string, value: unknown) =>
  yaml.dump({ [name]: meaningful(value) }, { lineWidth: -1, noRefs: true });

/** The top-level fields of a frontmatter, each with its lines (comments above it go with it). */
function blocks(frontmatter: string): { name?: string; above: string; text: string }[] {
  const out: { name?: string; above: string; text: string }[] = [];
  let above = '';
  for (const line of frontmatter.split('\n')) {
    const field = /^([^\s#'"-][^:]*?|'[^']*'|"[^"]*"):(?:\s|$)/.exec(line);
    if (field) {
      out.push({ name: field[1]!.replace(/^['"]|['"]$/g, ''), above, text: `${line}\n` });
      above = '';
    } else if (out.length && !above && /^[\s-]/.test(line) && line.trim()) {
      out.at(-1)!.text += `${line}\n`;
    } else above += `${line}\n`;
  }
  if (above.trim()) out.push({ above, text: '' });
  return out;
}

/**
 * The file for an entry the editor saves. `fields` are those its form shows, in order: a field
 * of the file the form does not show is kept as it is, whatever the editor hands back.
 */
export function writeEntry(entry: Data, fields: readonly string[]): string {
  const { body, [SOURCE_FIELD]: source, ...values } = entry;
  const text = typeof body === 'string' ? body : '';
  const shown = fields.filter((f) => f !== 'body');
  if (typeof source !== 'string') {
    const data = Object.fromEntries(
      shown
        .map((f): [string, unknown] => [f, meaningful(values[f])])
        .filter(([, v]) => v !== undefined),
    );
    const frontmatter = Object.keys(data).length
      ? `---\n${Object.entries(data)
          .map(([k, v]) => fieldYaml(k, v))
          .join('')}---\n`
      : '';
    return `${frontmatter}\n${text.replace(/^\n+/, '').trimEnd()}\n`;
  }
  const original = splitFrontmatter(source);
  const fence = splitFence(source);
  const bodyChanged = text.trimEnd() !== original.body.trimEnd();
  const kept: string[] = [];
  let changed = bodyChanged;
  for (const block of blocks(fence.yaml ?? '')) {
    const name = block.name;
    if (name === undefined || !shown.includes(name) || same(original.data[name], values[name])) {
      kept.push(block.above + block.text);
      continue;
    }
    changed = true;
    // An emptied field goes, with the comment above it; an edited one keeps its comment.
    if (meaningful(values[name]) !== undefined)
      kept.push(block.above + fieldYaml(name, values[name]));
  }
  for (const name of shown)
    if (!(name in original.data) && meaningful(values[name]) !== undefined) {
      kept.push(fieldYaml(name, values[name]));
      changed = true;
    }
  if (!changed) return source;
  const frontmatter = kept.join('').trim() ? `---\n${kept.join('')}---\n` : '';
  const lead = /^\n*/.exec(original.body)![0] || (frontmatter ? '\n' : '');
  return `${frontmatter}${bodyChanged ? `${lead}${text.replace(/^\n+/, '').trimEnd()}\n` : original.body}`;
}
