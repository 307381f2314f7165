import { defineCollection } from 'astro:content';
import { updateCountsLoader, storiesLoader } from './astro/loader.ts';
import { storyBulletins } from './schemas/bulletin.ts';
import { storyRecord } from './schemas/story.ts';

export const collections = {
  stories: defineCollection({ loader: storiesLoader(), schema: storyRecord }),
  updateCounts: defineCollection({ loader: updateCountsLoader(), schema: storyBulletins }),
};
