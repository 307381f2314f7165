import { describe, expect, test } from 'vitest';
import {
  checkStoryFiles,
  isStoryFileName,
  MAX_STORY_FILE_BYTES,
  storyFileType,
} from '../../src/lib/content/files.ts';

const f = (path: string, size = 1000) => ({ path, size, digest: `d-${path}` });

describe('files next to bulletins', () => {
  test.each([
    ['map.png', true],
    ['Photo.JPG', true],
    ['chart.webp', true],
    ['report.pdf', true],
    ['figures.csv', true],
    ['notes.docx', false],
    ['page.html', false],
    ['script.js', false],
    ['logo.svg', false],
    ['.DS_Store', false],
    ['README', false],
  ])('%s may be published: %s', (name, ok) => expect(isStoryFileName(name)).toBe(ok));

  test('served as their type', () => {
    expect(storyFileType('map.PNG')).toBe('image/png');
    expect(storyFileType('figures.csv')).toBe('text/csv; charset=utf-8');
  });

  test('published from a story folder; other types, large files and other places are problems; hidden files are ignored', () => {
    const { publish, problems } = checkStoryFiles(
      [
        f('content/s/map.png'),
        f('content/s/notes.docx'),
        f('content/s/huge.jpg', MAX_STORY_FILE_BYTES + 1),
        f('content/s/img/deep.png'),
        f('content/loose.png'),
        f('content/s/.DS_Store'),
        f('content/.git/config'),
      ],
      'content/',
    );
    expect(publish.map((p) => [p.story, p.name])).toEqual([['s', 'map.png']]);
    expect(problems.map((p) => p.file)).toEqual([
      'content/s/notes.docx',
      'content/s/huge.jpg',
      'content/s/img/deep.png',
      'content/loose.png',
    ]);
    expect(problems[0]!.message).toMatch(
      /snapshots of embeds \(embed-\*\.json, made by npm run embed\) and files of these types only: png, jpg/,
    );
    expect(problems[1]!.message).toMatch(/at most 5 MB/);
  });
});
