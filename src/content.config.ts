import { defineCollection } from 'astro:content';
import settings from 'virtual:dateline/settings';
import { updateCountsLoader, storiesLoader, type LoaderInputs } from './astro/loader.ts';
import { clockFrom } from './config.ts';
import { storyBulletins } from './schemas/bulletin.ts';
import { storyRecord } from './schemas/story.ts';

// The build's settings (astro.config.mjs) and its clock (DATELINE_NOW, else now).
const inputs: LoaderInputs = { settings, clock: clockFrom(process.env) };

export const collections = {
  stories: defineCollection({ loader: storiesLoader(inputs), schema: storyRecord }),
  updateCounts: defineCollection({ loader: updateCountsLoader(inputs), schema: storyBulletins }),
};
