/**
 * The build's bookkeeping (src/cache/guard.ts): marks a build as running in the cache folder, and
 * at the end removes from the output whatever this build did not produce, then clears the mark.
 * A build that finds the mark of one that was killed starts from scratch, and so still produces
 * exactly what a cold build would. It must be the last integration, so that its
 * `astro:build:done` runs after every other one has written its files; what reads the final output
 * (the offline files: src/integrations/offline.ts) runs in it, after the sweep.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { beginBuild, buildStarted, endBuild, filesUnder, sweepOutput } from '../cache/guard.ts';
import { claimedOutput } from '../astro/handoff.ts';

/**
 * A step that reads the final output (after the sweep) and writes files of its own: the folders
 * and files it owns are left to it by the sweep, and it keeps them right itself.
 */
export interface FinishingStep {
  owns: { files: string[]; folders: string[] };
  /** `cacheDir`: the build's cache folder, for what the step keeps between builds. */
  run(outDir: string, logger: AstroIntegrationLogger, cacheDir: string): Promise<void>;
}

export function datelineGuard(finish: FinishingStep[] = []): AstroIntegration {
  let cacheDir = '';
  let publicDir = '';
  let started = 0;
  return {
    name: 'dateline-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
        const distrust = beginBuild(cacheDir, fileURLToPath(config.outDir));
        if (distrust === 'interrupted')
          logger.warn('the last build did not finish: building everything from scratch');
        if (distrust === 'moved')
          logger.info('the page cache was built for another output folder: rendering every page');
        started = buildStarted(cacheDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!cacheDir) return;
        const out = fileURLToPath(dir);
        // Every page and endpoint Astro built or kept from the last build, and the files of
        // public/ (Astro copies them keeping their times, so they may look older than the build).
        const files = new Set([
          ...[...assets.values()]
            .flat()
            .map((url) => relative(out, fileURLToPath(url)).split(sep).join('/')),
          ...filesUnder(publicDir),
        ]);
        const claimed = claimedOutput();
        const owned = finish.map((step) => step.owns);
        const removed = sweepOutput(
          out,
          {
            files: new Set([...files, ...claimed.files, ...owned.flatMap((o) => o.files)]),
            folders: new Set([...claimed.folders, ...owned.flatMap((o) => o.folders)]),
          },
          started,
        );
        if (removed.length)
          logger.info(`removed ${removed.length} file(s) the content no longer produces`);
        for (const step of finish) await step.run(out, logger, cacheDir);
        endBuild(cacheDir);
      },
    },
  };
}
