/**
 * Writes a social card (src/lib/publish/cards.ts) for every story at `stories/<slug>/card.png` when the
 * build is done, reusing the PNG from the cache while the card's text and code are unchanged.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { claimOutput, published } from '../astro/handoff.ts';
import { EntryStore, placeEntry } from '../cache/store.ts';
import { codeVersions } from '../cache/versions.ts';
import { cardKey } from '../core/cache-keys.ts';
import { cardPng, type CardData } from '../lib/publish/cards.ts';
import { createPaths } from '../core/paths.ts';
import { counted, stringsFor } from '../lib/site/strings.ts';
import { coverageSpan } from '../lib/site/views.ts';

export function datelineCards(options: { site: string; locale: string }): AstroIntegration {
  let store: EntryStore | undefined;
  let root = '';
  let base = '/';
  return {
    name: 'dateline-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        store = new EntryStore(join(fileURLToPath(config.cacheDir), 'dateline-cards'));
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const state = published();
        const { versions } = await codeVersions(root);
        const ctx = { paths: createPaths(base), locale: options.locale };
        const ui = stringsFor(options.locale);
        const keys = new Set<string>();
        let made = 0;
        for (const view of state.views) {
          const card: CardData = {
            site: options.site,
            title: view.story.title,
            status: view.story.status,
            statusLabel: view.story.status === 'live' ? ui.status.live : ui.status.closed,
            span: coverageSpan(view.days, ctx),
            updates: counted(view.bulletins.length, ui.updates, options.locale),
          };
          const key = cardKey(versions.cards, card);
          keys.add(key);
          if (!store!.has(key)) {
            store!.write(key, await cardPng(card));
            made++;
          }
          const target = join(fileURLToPath(dir), 'stories', view.story.slug, 'card.png');
          rmSync(target, { force: true });
          placeEntry(store!.path(key), target);
          claimOutput({ files: [`stories/${view.story.slug}/card.png`] });
        }
        store!.prune(keys);
        logger.info(`social cards: ${made} made, ${state.views.length - made} from cache`);
      },
    },
  };
}
