/**
 * Writes a social card (src/lib/cards.ts) for every story at `stories/<slug>/card.png` when the
 * build is done, reusing the PNG from Astro's cache folder while its text is unchanged.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardPng, type CardData } from '../lib/cards';
import { createPaths } from '../lib/paths';
import { buildStoryViews } from '../lib/timeline';
import { countLabel, coverageSpan } from '../lib/views';
import { published } from '../render/registry';

export function datelineCards(options: { site: string; locale: string }): AstroIntegration {
  let cache = '';
  let base = '/';
  return {
    name: 'dateline-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'dateline-cards');
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const state = published();
        if (!state) throw new Error('the content loaders published nothing to make cards from');
        const ctx = { paths: createPaths(base), locale: options.locale };
        mkdirSync(cache, { recursive: true });
        let made = 0;
        for (const view of buildStoryViews(state.stories, state.bulletins)) {
          const card: CardData = { site: options.site, title: view.story.title, status: view.story.status, span: coverageSpan(view, ctx), updates: countLabel(view.bulletins.length) };
          const cached = join(cache, `${createHash('sha1').update(JSON.stringify(card)).digest('hex')}.png`);
          if (!existsSync(cached)) {
            writeFileSync(cached, await cardPng(card));
            made++;
          }
          const target = join(fileURLToPath(dir), 'stories', view.story.slug, 'card.png');
          mkdirSync(join(target, '..'), { recursive: true });
          copyFileSync(cached, target);
        }
        logger.info(`social cards: ${made} made, ${state.stories.length - made} from cache`);
      },
    },
  };
}
