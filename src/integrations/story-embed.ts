/**
 * `embed.js`, the script partners' pages load beside a story's embed (src/scripts/story-embed-host.ts):
 * written at every build (a step of the guard, src/integrations/guard.ts, before the offline files,
 * whose manifest lists it), at a fixed address, since partners' pages name it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPaths } from '../core/paths.ts';
import { bundleScript } from './bundle.ts';
import type { FinishingStep } from './guard.ts';

/** `embed.js`, where src/core/paths.ts puts it under the base. */
const SCRIPT_FILE = createPaths('/').embedScript().slice(1);

export const embedStep = (): FinishingStep => ({
  owns: { files: [SCRIPT_FILE], folders: [] },
  async run(out) {
    writeFileSync(join(out, SCRIPT_FILE), await bundleScript('story-embed-host.ts'));
  },
});
