import { defineCollection } from 'astro:content';
import { bulletinsLoader, storiesLoader } from './loaders/archive';
import { storyBulletins } from './schemas/bulletin';
import { storyRecord } from './schemas/story';

export const collections = {
  stories: defineCollection({ loader: storiesLoader(), schema: storyRecord }),
  bulletins: defineCollection({ loader: bulletinsLoader(), schema: storyBulletins }),
};
