/**
 * Links and images written in bulletins: where each points once resolved from its file's folder,
 * what it becomes on the site, and which would be broken there.
 */
import { updateId, bodyAnchor } from '../../core/anchors.ts';
import { quote, type Problem } from './problems.ts';
import { decodePath, type Paths } from '../../core/paths.ts';
import { isStoryFileName } from './files.ts';

/** A link or image target written in a body, with its line in the file. */
export interface LinkRef {
  target: string;
  image: boolean;
  line: number;
  /** The link is its line's only content (a bare URL, `<URL>` or `[text](URL)`): it may be an embed (src/lib/content/embeds.ts). */
  alone?: true;
}

/** What a relative link in a content file points at, once resolved against the file's folder. */
export type ContentTarget =
  | { kind: 'bulletin'; story: string; name: string; fragment: string }
  | { kind: 'story'; story: string; fragment: string }
  | { kind: 'other'; path: string };

/**
 * Resolves a link written in content file `from` (`<story>/<file>.md`, relative to the content
 * folder) to `target` (`./2022-01-06-1000-airport-seized.md#freight`, `../other/index.md`).
 * Undefined for what is not a relative path (a URL, `/…`, `#…`).
 */
export function resolveContentLink(from: string, target: string): ContentTarget | undefined {
  if (!target || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(target)) return undefined;
  const hash = target.indexOf('#');
  const path = (hash >= 0 ? target.slice(0, hash) : target).split('?')[0]!;
  const fragment = hash >= 0 ? target.slice(hash + 1) : '';
  const parts: string[] = [];
  for (const part of `${from.slice(0, from.lastIndexOf('/') + 1)}${decodePath(path)}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const [story, name, ...rest] = parts;
  if (story && name && rest.length === 0 && /\.md$/i.test(name)) {
    return name.toLowerCase() === 'index.md'
      ? { kind: 'story', story, fragment }
      : { kind: 'bulletin', story, name, fragment };
  }
  return { kind: 'other', path: parts.join('/') };
}

/**
 * The site URL of a link between content files: a bulletin's permalink (with `#heading`, the
 * heading's id inside it), a story's timeline, a file next to a story's bulletins (`<story>/<name>`,
 * of a kind a story folder may publish). Undefined for anything else.
 */
export function contentLinkUrl(paths: Paths, target: ContentTarget): string | undefined {
  if (target.kind === 'story')
    return `${paths.story(target.story)}${target.fragment ? `#${target.fragment}` : ''}`;
  if (target.kind === 'other') {
    const [story, name, ...rest] = target.path.split('/');
    return story && name && rest.length === 0 && isStoryFileName(name)
      ? paths.file(story, name)
      : undefined;
  }
  const id = updateId(target.name);
  const url = paths.permalink(target.story, target.name.slice(0, 10), id);
  return target.fragment ? url.replace(/#.*$/, `#${bodyAnchor(id, target.fragment)}`) : url;
}

/** A line that is only a URL (`https://…` or `<https://…>`): GFM makes it a link. */
const BARE_URL = /^\s{0,3}<?(https?:\/\/[^\s<>]+?)>?\s*$/;

const LINK_TARGETS =
  /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\b(?:src|href)\s*=\s*["']([^"']+)["']/g;

/** Every link and image target written in a body (Markdown or HTML), with its line. */
export function linkRefs(body: string, bodyLine: number): LinkRef[] {
  const out: LinkRef[] = [];
  body.split('\n').forEach((line, i) => {
    const bare = BARE_URL.exec(line);
    if (bare) {
      out.push({ target: bare[1]!, image: false, line: bodyLine + i, alone: true });
      return;
    }
    for (const m of line.matchAll(LINK_TARGETS)) {
      out.push({
        target: m[1] ?? m[2] ?? '',
        image: m[0].startsWith('!') || /^src/i.test(m[0]),
        line: bodyLine + i,
        ...(m[0].length === line.trim().length && m[0].startsWith('[')
          ? { alone: true as const }
          : {}),
      });
    }
  });
  return out;
}

/** What link checks need to know of the archive. */
export interface LinkTargets {
  /** The content folder with its trailing slash (`content/`). */
  prefix: string;
  /** Published bulletins, drafts and scheduled ones, and stories, by project-relative path. */
  published: ReadonlySet<string>;
  held: ReadonlyMap<string, { reason: 'draft' | 'scheduled' }>;
  stories: ReadonlySet<string>;
  /** Files next to bulletins that are published (project-relative paths). */
  files: ReadonlySet<string>;
  exists: (path: string) => boolean;
}

/**
 * Links and images that would be broken on the site. A link to another bulletin or story by its
 * file (`./2022-01-06-1000-airport-seized.md`, `../other/index.md`) becomes its permalink when the
 * page is rendered, so it must be published: not missing, not a draft, not scheduled for later. Any
 * other relative path is refused (content/ is not published: such files go in public/), an
 * image at the site root must be in public/.
 */
export function linkProblems(
  path: string,
  refs: readonly LinkRef[],
  targets: LinkTargets,
): Problem[] {
  const out: Problem[] = [];
  const from = path.startsWith(targets.prefix) ? path.slice(targets.prefix.length) : path;
  for (const { target: written, image, line } of refs) {
    const verb = image ? 'refers to' : 'links to';
    const target = written.split(/[?#]/)[0]!;
    if (!target || /^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target)) continue;
    if (target.startsWith('/')) {
      if (image && !targets.exists(`public${decodePath(target)}`))
        out.push({
          file: path,
          line,
          message: `${verb} ${quote(target)}, which is not in public/ (files in public/ are served from the site root)`,
        });
      continue;
    }
    const resolved = resolveContentLink(from, written)!;
    if (resolved.kind !== 'other' && !image) {
      const file = `${targets.prefix}${resolved.story}/${resolved.kind === 'story' ? 'index.md' : resolved.name}`;
      const held = targets.held.get(file);
      if (targets.published.has(file) || (resolved.kind === 'story' && targets.stories.has(file)))
        continue;
      if (held?.reason === 'draft')
        out.push({
          file: path,
          line,
          message: `links to ${quote(written)}, a draft: it is not published (publish it first, or remove the link)`,
        });
      else if (held)
        out.push({
          file: path,
          line,
          message: `links to ${quote(written)}, which is scheduled for later: the link would be broken until then`,
        });
      else if (!targets.exists(file))
        out.push({
          file: path,
          line,
          message: `links to ${quote(written)}, which does not exist (${file})`,
        });
      // A file that exists but is not published has its own problem reported.
      continue;
    }
    const file = `${targets.prefix}${resolved.kind === 'other' ? resolved.path : `${resolved.story}/${resolved.kind === 'story' ? 'index.md' : resolved.name}`}`;
    // A file next to bulletins is published with its story (a file it refuses is reported on its own).
    if (
      targets.files.has(file) ||
      (targets.exists(file) && resolved.kind === 'other' && /^[^/]+\/[^/]+$/.test(resolved.path))
    )
      continue;
    if (!targets.exists(file))
      out.push({
        file: path,
        line,
        message: `${verb} ${quote(written)}, which does not exist (${file})`,
      });
    else
      out.push({
        file: path,
        line,
        message: `${verb} ${quote(written)}, but only a story's own folder is published: move the file into it (or into public/ and write /${target.split('/').pop()})`,
      });
  }
  return out;
}

/**
 * Pictures from other sites (`![x](https://cdn.example/x.jpg)`): readers' browsers would ask that
 * site for them, and the site's Content-Security-Policy blocks them, so they show as broken. A
 * warning, as the page is safe either way: the picture belongs in the story folder.
 */
export function remotePictures(path: string, refs: readonly LinkRef[]): Problem[] {
  return refs
    .filter((r) => r.image && /^(https?:)?\/\//i.test(r.target))
    .map((r) => ({
      file: path,
      line: r.line,
      message: `shows the picture ${quote(r.target)} from another site, which readers' browsers would load from there (the site's security policy blocks it, so it shows as broken): save it into the story folder and write ./${r.target.split(/[?#]/)[0]!.split('/').pop()}`,
    }));
}
