/** Small builders for test data. */
import { settingsFrom } from '../../src/config.ts';
import { renderOptions } from '../../src/lib/markdown/pipeline.ts';
import type { BulletinRecord } from '../../src/schemas/bulletin.ts';
import type { StoryRecord } from '../../src/schemas/story.ts';

export function makeStory(over: Partial<StoryRecord> = {}): StoryRecord {
  return {
    title: 'Story',
    summary: 'Summary.',
    status: 'live',
    timezone: 'Asia/Almaty',
    tags: [],
    translations: [],
    authors: [],
    slug: 'story',
    intro: '',
    file: 'content/story/index.md',
    digest: 'story-digest',
    ...over,
  };
}

/** A bulletin at a local `YYYY-MM-DDTHH:MM` in Almaty (UTC+6 in 2022), or date-only with just a day. */
export function makeBulletin(local: string, over: Partial<BulletinRecord> = {}): BulletinRecord {
  const day = local.slice(0, 10);
  const hasTime = local.length > 10;
  const instant = Date.parse(`${hasTime ? local : `${day}T00:00`}:00+06:00`);
  const stem = hasTime ? `${day}-${local.slice(11, 13)}${local.slice(14, 16)}` : day;
  return {
    id: `u-${stem}`,
    story: 'story',
    day,
    instant,
    hasTime,
    key: false,
    tags: [],
    authors: [],
    sources: [],
    file: `content/story/${stem}.md`,
    digest: `digest-${stem}`,
    ...over,
  };
}

/** The settings of a site built with no DATELINE_* variable set. */
export const SETTINGS = settingsFrom({});

/** The Markdown pipeline's options with those settings. */
export const RENDER = renderOptions(SETTINGS);

/** Those settings, reading content from `contentDir`. */
export const contentIn = (contentDir: string) => ({ ...SETTINGS, contentDir });
