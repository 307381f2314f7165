// A story's summary (summary.md): how it is checked, its first point, and its view.
import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/lib/content/archive.ts';
import type { SourceFile } from '../../src/lib/content/check.ts';
import { briefingScope, renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { createPaths } from '../../src/core/paths.ts';
import { BRIEFING_SHOWN_CHARS, viewBriefing } from '../../src/lib/site/views.ts';
import { makeStory } from './fixtures.ts';
import { RENDER } from './fixtures.ts';

const STORY: SourceFile = {
  path: 'content/s/index.md',
  text: '---\ntitle: T\nsummary: S\ntimezone: Europe/London\n---\n',
};
const BULLETIN: SourceFile = { path: 'content/s/2026-03-29-0900.md', text: 'Text.\n' };
const summary = (text: string): SourceFile => ({ path: 'content/s/summary.md', text });
const archive = (...files: SourceFile[]) =>
  buildArchive([STORY, BULLETIN, ...files], 'content', { exists: () => false });

describe('summary.md', () => {
  test('its time is read on the story’s clock; the story record carries it', () => {
    const a = archive(summary('---\nupdated: "2026-03-29 09:30"\n---\n\n- One point.\n'));
    expect(a.problems).toEqual([]);
    expect(a.stories[0]!.briefing).toMatchObject({
      file: 'content/s/summary.md',
      // 09:30 British Summer Time is 08:30 UTC.
      updated: Date.parse('2026-03-29T08:30:00Z'),
    });
    expect(a.bulletins).toHaveLength(1);
  });
  test('a story without one has none', () =>
    expect(archive().stories[0]!.briefing).toBeUndefined());
  test.each([
    ['no updated time', '---\n---\n- x\n', 'content/s/summary.md: field "updated": is required'],
    [
      'a time with an offset',
      '---\nupdated: 2026-03-29T09:30:00+01:00\n---\n- x\n',
      'content/s/summary.md:2: field "updated": "2026-03-29T09:30:00+01:00" must be a day and time on the story\'s clock, in quotes, like "2026-11-24 09:00"',
    ],
    [
      'an impossible day',
      '---\nupdated: "2026-02-30 09:30"\n---\n- x\n',
      'content/s/summary.md:2: field "updated": "2026-02-30 09:30" must be a day and time',
    ],
    [
      'a time the clocks skip',
      '---\nupdated: "2026-03-29 01:30"\n---\n- x\n',
      'content/s/summary.md:2: field "updated": 2026-03-29 01:30 does not exist in Europe/London (clocks skip it)',
    ],
    [
      'no text',
      '---\nupdated: "2026-03-29 09:30"\n---\n\n',
      'content/s/summary.md:4: the summary has no text',
    ],
    [
      'an unknown field',
      '---\nupdated: "2026-03-29 09:30"\ntitle: What we know\n---\n- x\n',
      'content/s/summary.md:3: field "title": unknown field',
    ],
    [
      'an image without a description',
      '---\nupdated: "2026-03-29 09:30"\n---\n![](/images/map.png)\n',
      'content/s/summary.md:4: the image',
    ],
    [
      'a link to a bulletin that does not exist',
      '---\nupdated: "2026-03-29 09:30"\n---\n- [then](./2026-03-28-0900.md)\n',
      'content/s/summary.md:4: links to "./2026-03-28-0900.md"',
    ],
  ])('%s is a content error naming the file and field', (_name, text, message) => {
    const out = archive(summary(text)).problems.map(formatProblem);
    expect(
      out.some((m) => m.startsWith(message)),
      out.join('\n'),
    ).toBe(true);
  });
  test('a summary in a folder without index.md says so', () =>
    expect(
      buildArchive(
        [summary('---\nupdated: "2026-03-29 09:30"\n---\n- x\n')],
        'content',
      ).problems.map(formatProblem),
    ).toEqual([
      'content/s/summary.md: its story has no content/s/index.md; create it with a title and summary',
    ]));
});

describe('its first point', () => {
  test('the first list item, as text', async () => {
    const r = await renderMarkdown(
      '- Ferries run **again**, [see](https://x.example).\n  - a detail\n- Second.\n',
      briefingScope({ slug: 's' }),
      RENDER,
    );
    expect(r.lead).toBe('Ferries run again, see. a detail');
  });
  test('or the first paragraph', async () => {
    const r = await renderMarkdown(
      'Calm returned overnight.\n\n- a point\n',
      briefingScope({ slug: 's' }),
      RENDER,
    );
    expect(r.lead).toBe('Calm returned overnight.');
  });
  test('bulletins do not keep one', async () =>
    expect(
      (await renderMarkdown('Text.', { idPrefix: 'u-1', topHeading: 4 }, RENDER)).lead,
    ).toBeUndefined());
});

describe('viewBriefing', () => {
  const ctx = { paths: createPaths('/'), locale: 'en-GB' };
  const briefing = { updated: Date.parse('2026-11-24T14:15:00Z'), digest: 'abcdefghijklmnop' };
  const story = {
    ...makeStory({ timezone: 'America/New_York' }),
    briefing: { ...briefing, file: 'f' },
  };
  test('its time in the story’s zone, its version, and whether it collapses', () => {
    const short = viewBriefing(story, { html: '<ul><li>x</li></ul>', text: 'x' }, ctx)!;
    expect(short).toEqual({
      updated: {
        iso: '2026-11-24T09:15:00-05:00',
        text: 'Tuesday, 24 November 2026, 09:15 EST',
      },
      html: '<ul><li>x</li></ul>',
      version: 'abcdefghij',
      collapses: false,
    });
    const long = 'word '.repeat(BRIEFING_SHOWN_CHARS / 4);
    expect(viewBriefing(story, { html: '', text: long }, ctx)!.collapses).toBe(true);
  });
  test('none for a story without a summary', () =>
    expect(viewBriefing(makeStory(), { html: '', text: '' }, ctx)).toBeUndefined());
});
