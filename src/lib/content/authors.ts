/**
 * Authors: `content/authors/<slug>.md` (a name, an optional role and photo, a short bio), named by
 * bulletins and stories with `authors: [slug]`. The folder's name is reserved: no story is called
 * `authors`. A photo is an image file beside the author files, published with them.
 */
import { authorFrontmatter, type AuthorRecord, type Byline } from '../../schemas/author.ts';
import { fileDigest } from '../../core/cache-keys.ts';
import { parseFile, type SourceFile } from './check.ts';
import { lineOfField } from './frontmatter.ts';
import { imageProblems } from './images.ts';
import { isStorySlug } from './names.ts';
import { quote, type Problem } from './problems.ts';

/** The folder of author files, inside the content folder. */
export const AUTHORS_FOLDER = 'authors';

/** The image types an author's photo may be. */
const PHOTO = /\.(png|jpe?g|gif|webp|avif)$/i;

/**
 * Checks one author file; `photos` are the publishable files of the authors' folder, by name.
 * Gives its record, or its problems.
 */
export function checkAuthor(
  file: SourceFile,
  name: string,
  photos: ReadonlySet<string>,
): { author: AuthorRecord } | { problems: Problem[] } {
  const slug = name.replace(/\.md$/i, '');
  if (name === 'index.md' || name === 'summary.md')
    return {
      problems: [
        {
          file: file.path,
          message: `${AUTHORS_FOLDER}/ holds author files (<slug>.md), so no story can be called "${AUTHORS_FOLDER}": give the story another folder name`,
        },
      ],
    };
  if (!isStorySlug(slug) || !name.endsWith('.md'))
    return {
      problems: [
        {
          file: file.path,
          field: 'file name',
          message: `an author file is named <slug>.md in lower-case letters, digits and hyphens (it becomes the URL /authors/<slug>/), like aigerim-sadykova.md`,
        },
      ],
    };
  const parsed = parseFile(file, authorFrontmatter);
  if ('problems' in parsed) return { problems: parsed.problems };
  const { name: shown, role, photo } = parsed.data;
  const problems: Problem[] = imageProblems(parsed.body, parsed.bodyLine).map((p) => ({
    file: file.path,
    ...p,
  }));
  if (photo !== undefined && (!PHOTO.test(photo) || !photos.has(photo)))
    problems.push({
      file: file.path,
      line: lineOfField(file.text, 'photo'),
      field: 'photo',
      message: PHOTO.test(photo)
        ? `${quote(photo)} is not a file beside it in ${file.path.slice(0, file.path.lastIndexOf('/') + 1)}; put the picture there, or correct the name`
        : `${quote(photo)} is not an image (png, jpg, gif, webp or avif)`,
    });
  if (problems.length) return { problems };
  return {
    author: {
      slug,
      name: shown,
      ...(role !== undefined ? { role } : {}),
      ...(photo !== undefined ? { photo } : {}),
      file: file.path,
      digest: file.digest ?? fileDigest(file.text),
    },
  };
}

/**
 * The bylines of `slugs` (each once, in the order written), and a problem quoting each slug that
 * names no author file. `text` gives the file's text, read only for a problem's line (a file not
 * changed since the last build is otherwise never read).
 */
export function resolveAuthors(
  slugs: readonly string[],
  authors: ReadonlyMap<string, AuthorRecord>,
  where: { file: string; prefix: string; text: () => string },
): { bylines: Byline[]; problems: Problem[] } {
  const bylines: Byline[] = [];
  const problems: Problem[] = [];
  for (const slug of new Set(slugs)) {
    const author = authors.get(slug);
    if (author) bylines.push({ slug, name: author.name });
    else
      problems.push({
        file: where.file,
        line: lineOfField(where.text(), 'authors'),
        field: 'authors',
        message: `${quote(slug)} is not an author: there is no ${where.prefix}${AUTHORS_FOLDER}/${slug}.md (write it with a name, or correct the slug)`,
      });
  }
  return { bylines, problems };
}
