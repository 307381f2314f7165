/**
 * Marks a build as running in the cache folder and clears the mark when everything is written
 * (src/cache/guard.ts): a build that finds the mark of one that was killed throws away the state
 * that kill can leave inconsistent, and so still produces exactly what a cold build would.
 * It must be the last integration, so that its `astro:build:done` runs after every other one.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { beginBuild, endBuild } from '../cache/guard';

export function datelineGuard(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'dateline-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        if (beginBuild(cacheDir)) logger.warn('the last build did not finish: building pages from scratch');
      },
      'astro:build:done': () => {
        if (cacheDir) endBuild(cacheDir);
      },
    },
  };
}
