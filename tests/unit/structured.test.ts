import { describe, expect, test } from 'vitest';
import { createPaths } from '../../src/core/paths.ts';
import { jsonLd, storyLd } from '../../src/lib/site/structured.ts';
import { storyRoutes } from '../../src/lib/site/routes.ts';
import { buildStoryViews } from '../../src/lib/site/timeline.ts';
import { makeBulletin, makeStory } from './fixtures.ts';

describe('jsonLd', () => {
  test('no text can close the script element or break the JSON', () => {
    const out = jsonLd({ headline: '</script><script>alert(1)</script> & \u2028 "quoted"' });
    expect(out).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(out)).toEqual({
      headline: '</script><script>alert(1)</script> & \u2028 "quoted"',
    });
  });
});

describe('storyLd', () => {
  const ctx = { paths: createPaths('/'), locale: 'en-GB' };
  const abs = (p: string) => `https://news.example${p}`;
  const bulletins = [
    makeBulletin('2022-01-05T12:00'),
    makeBulletin('2022-01-10T18:00', { updated: Date.parse('2022-01-11T00:00:00+06:00') }),
  ];
  test('a closed story ends its coverage with its last update', () => {
    const [route] = storyRoutes(buildStoryViews([makeStory({ status: 'closed' })], bulletins), {
      days: 7,
      bulletins: 60,
      keyEvents: 10,
    });
    const ld = storyLd(
      route!.props,
      route!.props.shown.flatMap((d) => d.bulletins),
      ctx,
      abs,
      'Site',
    );
    expect(ld).toMatchObject({
      '@type': 'LiveBlogPosting',
      coverageStartTime: '2022-01-05T12:00:00+06:00',
      coverageEndTime: '2022-01-10T18:00:00+06:00',
      datePublished: '2022-01-05T12:00:00+06:00',
      dateModified: '2022-01-11T00:00:00+06:00',
    });
    expect(ld['liveBlogUpdate']).toEqual([
      expect.objectContaining({ datePublished: '2022-01-10T18:00:00+06:00' }),
      expect.objectContaining({ datePublished: '2022-01-05T12:00:00+06:00' }),
    ]);
  });
  test('an update says its permalink once, and when it changed only if it was corrected', () => {
    const [route] = storyRoutes(buildStoryViews([makeStory()], bulletins), {
      days: 7,
      bulletins: 60,
      keyEvents: 10,
    });
    const [corrected, unchanged] = storyLd(
      route!.props,
      route!.props.shown.flatMap((d) => d.bulletins),
      ctx,
      abs,
      'Site',
    )['liveBlogUpdate'] as Record<string, unknown>[];
    expect(corrected).toMatchObject({
      url: expect.stringMatching(/^https:\/\/news\.example\/stories\/.+#u-2022-01-10-1800/),
      dateModified: '2022-01-11T00:00:00+06:00',
    });
    expect(unchanged!['url']).toMatch(/#u-2022-01-05-1200/);
    for (const u of [corrected!, unchanged!]) expect(u['@id']).toBeUndefined();
    expect(unchanged!['dateModified']).toBeUndefined();
  });
  test('a live story has no end time', () => {
    const [route] = storyRoutes(buildStoryViews([makeStory({ status: 'live' })], bulletins), {
      days: 7,
      bulletins: 60,
      keyEvents: 10,
    });
    expect(storyLd(route!.props, [], ctx, abs, 'Site')['coverageEndTime']).toBeUndefined();
  });
});
