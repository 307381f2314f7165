import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EDITOR_FONTS, rewriteEditorBundle } from '../../src/lib/editor/cms-bundle.ts';
import {
  EDITED_FIELDS,
  NO_UNDESCRIBED_PICTURE,
  UTC_SLUG,
  bulletinCollection,
  editorConfig,
} from '../../src/lib/editor/cms-config.ts';
import { readEntry, writeEntry, SOURCE_FIELD } from '../../src/lib/editor/cms-format.ts';
import { parseBulletinName } from '../../src/lib/content/names.ts';
import { bulletinFrontmatter } from '../../src/schemas/bulletin.ts';
import { storyFrontmatter, summaryFrontmatter } from '../../src/schemas/story.ts';
import { authorFrontmatter } from '../../src/schemas/author.ts';

const fields = EDITED_FIELDS;
const save = (text: string, change: Record<string, unknown> = {}) =>
  writeEntry({ ...readEntry(text), ...change }, fields);

describe('the editor file format', () => {
  const file = `---
# reported by phone
authors: [tom-reyes, priya-nair]
title: "Crews accept: ferries run Tuesday"
key: true
date: 2026-11-23T14:50:00-05:00
sources:
  - url: https://example.org/a
    title: Ballot
---

The crews accepted.

More text.
`;

  test('a save without change gives the file back byte for byte', () => {
    expect(save(file)).toBe(file);
    const crlf = file.replace(/\n/g, '\r\n');
    expect(save(crlf)).toBe(crlf);
    expect(save('Just text, no frontmatter.\n')).toBe('Just text, no frontmatter.\n');
  });

  test('values the form hands back in another shape are not changes', () => {
    // The form shows `key: false`, an empty list and the sources' fields in its own order.
    const plain = '---\ntitle: A\n---\n\nText.\n';
    expect(save(plain, { key: false, tags: [], draft: false, correction: '' })).toBe(plain);
    expect(save(file, { sources: [{ title: 'Ballot', url: 'https://example.org/a' }] })).toBe(file);
  });

  test('an edited field replaces its own lines, in its place, and nothing else', () => {
    const out = save(file, { title: 'Crews accept the offer' });
    expect(out).toBe(
      file.replace('title: "Crews accept: ferries run Tuesday"', 'title: Crews accept the offer'),
    );
  });

  test('a field the form does not show (date), comments and flow lists are kept', () => {
    const out = save(file, { key: false });
    expect(out).toContain('# reported by phone\nauthors: [tom-reyes, priya-nair]\n');
    expect(out).toContain('date: 2026-11-23T14:50:00-05:00\n');
    expect(out).not.toContain('key:');
  });

  test('a new field goes at the end of the frontmatter; a changed body keeps the blank line', () => {
    const out = save(file, { tags: ['transport'], body: '\nNew text.' });
    expect(out).toMatch(/ {4}title: Ballot\ntags:\n {2}- transport\n---\n\nNew text\.\n$/);
  });

  test('strings YAML would read as something else are quoted', () => {
    const out = save('---\ntitle: A\n---\n\nText.\n', {
      started: '2026-11-24',
      title: 'yes',
    });
    expect(out).toContain("title: 'yes'\n");
    expect(out).toContain("started: '2026-11-24'\n");
  });

  test('a new file: its fields in the form order, empty ones left out, then the text', () => {
    expect(
      writeEntry(
        { body: 'Text.', key: true, title: 'Night crossing', tags: [], draft: false },
        fields,
      ),
    ).toBe('---\ntitle: Night crossing\nkey: true\n---\n\nText.\n');
    expect(writeEntry({ body: 'Text.' }, fields)).toBe('\nText.\n');
  });

  test('reading keeps the source and the strings as written', () => {
    const data = readEntry(file);
    expect(data['date']).toBe('2026-11-23T14:50:00-05:00');
    expect(data['body']).toBe('\nThe crews accepted.\n\nMore text.\n');
    expect(data[SOURCE_FIELD]).toBe(file);
    expect(() => readEntry('---\ntitle: [\n---\n')).toThrow(/invalid YAML/);
  });
});

describe('the editor configuration', () => {
  const settings = {
    contentDir: 'content',
    repo: 'newsroom/site',
    branch: 'main',
    siteUrl: 'https://news.example/',
    timezones: ['America/New_York', 'Asia/Almaty', 'UTC'],
    defaultTimezone: 'UTC',
  };
  const config = editorConfig(
    [
      { slug: 'old-story', title: 'Old', timezone: 'UTC', status: 'closed' },
      { slug: 'harbour', title: 'Harbour', timezone: 'America/New_York', status: 'live' },
    ],
    settings,
  ) as { backend: Record<string, unknown>; collections: Record<string, unknown>[] };
  const named = (name: string) => config.collections.find((c) => c['name'] === name)!;

  test('a collection per story, live ones first, then the stories, summaries and authors', () => {
    expect(config.collections.map((c) => c['name'] ?? 'divider')).toEqual([
      bulletinCollection('harbour'),
      bulletinCollection('old-story'),
      'divider',
      'stories',
      'summaries',
      'authors',
    ]);
    expect(config.backend).toMatchObject({ name: 'github', repo: 'newsroom/site', branch: 'main' });
  });

  test("a story's bulletins: its folder, the files named by a day, names in UTC, pictures beside them", () => {
    const c = named(bulletinCollection('harbour'));
    expect(c).toMatchObject({
      folder: 'content/harbour',
      slug: UTC_SLUG,
      media_folder: '/content/harbour',
      public_folder: '',
    });
    const filter = new RegExp((c['filter'] as { pattern: string }).pattern);
    expect(
      ['2026-12-05-2355z-x', '2026-11-23-1450-result', '2026-11-19'].every((s) => filter.test(s)),
    ).toBe(true);
    expect(['index', 'summary'].some((s) => filter.test(s))).toBe(false);
    // What the slug template writes is a bulletin name in UTC.
    const name = UTC_SLUG.replace('{{year}}', '2026')
      .replace('{{month}}', '12')
      .replace('{{day}}', '05')
      .replace('{{hour}}', '23')
      .replace('{{minute}}', '55')
      .replace('{{slug}}', 'ferries');
    expect(parseBulletinName(`${name}.md`)).toEqual({
      day: '2026-12-05',
      time: '23:55',
      utc: true,
    });
    const fieldNames = (c['fields'] as { name: string }[]).map((f) => f.name);
    expect(fieldNames).toEqual([
      'title',
      'key',
      'body',
      'tags',
      'authors',
      'sources',
      'correction',
      'updated',
      'draft',
    ]);
    expect(fieldNames.every((f) => (EDITED_FIELDS as readonly string[]).includes(f))).toBe(true);
    // `updated` is written on the story's clock, with its offset.
    expect(
      (c['fields'] as Record<string, unknown>[]).find((f) => f['name'] === 'updated'),
    ).toMatchObject({
      input_timezone: 'America/New_York',
      format: 'YYYY-MM-DDTHH:mm:ssZ',
    });
  });

  test('every field of the schemas has its place in a form, but those kept as written', () => {
    const shown = (c: Record<string, unknown>) =>
      (c['fields'] as { name: string }[]).map((f) => f.name).sort();
    const schema = (shape: object, kept: string[]) =>
      [...Object.keys(shape).filter((k) => !kept.includes(k)), 'body'].sort();
    // `date` (the name says when), `lang` and `translations` (rare, set by the desk) are kept as written.
    expect(shown(named(bulletinCollection('harbour')))).toEqual(
      schema(bulletinFrontmatter.shape, ['date']),
    );
    expect(shown(named('stories'))).toEqual(
      schema(storyFrontmatter.shape, ['lang', 'translations']),
    );
    expect(shown((named('summaries')['files'] as Record<string, unknown>[])[0]!)).toEqual(
      schema(summaryFrontmatter.shape, []),
    );
    expect(shown(named('authors'))).toEqual(schema(authorFrontmatter.shape, []));
    // …and the file format knows each field a form shows (what it may rewrite).
    for (const c of config.collections.filter((c) => c['fields']))
      expect(shown(c).filter((f) => !(EDITED_FIELDS as readonly string[]).includes(f))).toEqual([]);
  });

  test('a text with an undescribed picture fails the form', () => {
    const re = new RegExp(NO_UNDESCRIBED_PICTURE);
    expect(re.test('Text\n\n![Map of the route](map.png)')).toBe(true);
    expect(re.test('Text\n\n![](map.png)')).toBe(false);
    expect(re.test('Text ![ ](map.png) more')).toBe(false);
  });

  test('stories are index.md files, new ones too; a summary per story', () => {
    expect(named('stories')).toMatchObject({ folder: 'content', path: '{{slug}}/index' });
    expect((named('summaries')['files'] as { file: string }[]).map((f) => f.file)).toEqual([
      'content/harbour/summary.md',
      'content/old-story/summary.md',
    ]);
  });
});

describe('the editor bundle', () => {
  const bundle = readFileSync('node_modules/@sveltia/cms/dist/sveltia-cms.js', 'utf8');
  const out = rewriteEditorBundle(bundle, '/dateline/admin/');

  test('loads its fonts and modules from the site, nothing from a CDN', () => {
    for (const font of EDITOR_FONTS) expect(out).toContain(`/dateline/admin/fonts/${font.name}`);
    expect(out).not.toMatch(/cdn\.jsdelivr\.net|unpkg\.com/);
    expect(out).toContain('/dateline/admin/unpkg/@sveltia/cms');
    expect(out).not.toContain('sourceMappingURL');
  });

  test('a version that moved an address fails by name', () => {
    expect(() =>
      rewriteEditorBundle(bundle.replaceAll(EDITOR_FONTS[0]!.cdn, 'x'), '/admin/'),
    ).toThrow(/no longer loads https:\/\/cdn\.jsdelivr\.net/);
    expect(() =>
      rewriteEditorBundle(`"https://cdn.jsdelivr.net/npm/other.js";${bundle}`, '/admin/'),
    ).toThrow(/not self-hosted/);
  });
});
