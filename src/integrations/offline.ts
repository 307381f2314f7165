/**
 * The files that make the site readable when the network is cut or the site blocked, written once
 * the output is final (a step of the guard, src/integrations/guard.ts, after its sweep):
 * - `sw.js`, the service worker (src/scripts/sw.ts) bundled with its settings: the site's base,
 *   mirrors, signing key's public half, words, and the shell it keeps;
 * - the integrity manifest of every file of the output (src/lib/offline/integrity.ts), signed when
 *   SIGNING_KEY is set;
 * - `saved/<story>.json`, what "Save for offline" keeps of each story (src/lib/offline/saved.ts).
 * All made anew at every build from the output itself, so an incremental build writes what a cold
 * one does.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { published } from '../astro/handoff.ts';
import { DigestCache, sha256 } from '../cache/digests.ts';
import { filesUnder } from '../cache/guard.ts';
import { byCodePoint } from '../core/text.ts';
import type { Settings } from '../config.ts';
import {
  buildManifest,
  PIECES_FOLDER,
  publicKeyOf,
  ROOT_FILE,
  SIGNATURE_FILE,
  signText,
} from '../lib/offline/integrity.ts';
import { EMBED_FOLDER } from '../lib/publish/headers.ts';
import { savedStory, SAVED_FOLDER } from '../lib/offline/saved.ts';
import type { WorkerConfig } from '../lib/offline/worker.ts';
import { stringsFor } from '../lib/site/strings.ts';
import { newestChange } from '../lib/site/timeline.ts';
import { bundleScript } from './bundle.ts';
import type { FinishingStep } from './guard.ts';

/** How long the site's own address has to answer before mirrors and kept copies are tried. */
const TIMEOUT_MS = 4000;
const WORKER_FILE = 'sw.js';

/** The worker bundled with its settings (it is fetched by every reader: at most 25 kB compressed). */
const bundleWorker = (config: WorkerConfig): Promise<string> =>
  bundleScript('sw.ts', {
    __DATELINE__: JSON.stringify(config),
    // Workbox logs only in development builds.
    'process.env.NODE_ENV': '"production"',
  });

/** Writes `files` (name → text) into `folder` and removes what else it holds. */
function replaceFolder(folder: string, files: Map<string, string>): void {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder))
    if (!files.has(name)) rmSync(join(folder, name), { recursive: true, force: true });
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
}

export function offlineStep(
  settings: Settings,
  base: string,
  env: NodeJS.ProcessEnv,
): FinishingStep {
  const signingKey = env['SIGNING_KEY']?.trim() ?? '';
  return {
    owns: {
      files: [WORKER_FILE, ROOT_FILE, SIGNATURE_FILE],
      folders: [PIECES_FOLDER, SAVED_FOLDER],
    },
    async run(out, logger, cacheDir) {
      const started = performance.now();
      const { views } = published();
      rmSync(join(out, SIGNATURE_FILE), { force: true });

      // What each story's "Save for offline" keeps, from its pages and pictures in the output.
      const all = filesUnder(out).filter(
        (f) =>
          f !== WORKER_FILE &&
          f !== ROOT_FILE &&
          !f.startsWith(`${PIECES_FOLDER}/`) &&
          !f.startsWith(`${SAVED_FOLDER}/`),
      );
      const sizes = new Map<string, number>();
      const digests = new Map<string, string>();
      const known = new DigestCache(join(cacheDir, 'dateline-digests.json'));
      for (const f of all) {
        const { digest, size } = known.digest(f, join(out, f));
        sizes.set(f, size);
        digests.set(f, digest);
      }
      known.save();
      const saved = new Map<string, string>();
      for (const { story } of views) {
        const text = JSON.stringify(
          savedStory(story.slug, story.title, base, all, (f) => [sizes.get(f)!, digests.get(f)!]),
        );
        saved.set(`${story.slug}.json`, text);
        digests.set(`${SAVED_FOLDER}/${story.slug}.json`, sha256(text));
      }
      replaceFolder(join(out, SAVED_FOLDER), saved);

      // The worker, with the shell it keeps: Astro's bundles (named by their content), the offline
      // page and the icon (by their digest). Not the embeds' own stylesheet and script: embeds are
      // read in other sites' frames, not offline (what they import, the site's pages share).
      const embed = all.find((f) => f.startsWith(`${EMBED_FOLDER}/`) && f.endsWith('/index.html'));
      const embedOnly = new Set(
        embed
          ? [...readFileSync(join(out, embed), 'utf8').matchAll(/ (?:href|src)="([^"]+)"/g)]
              .map((m) => m[1]!.slice(base.length))
              .filter((f) => f.startsWith('_astro/'))
          : [],
      );
      const ui = stringsFor(settings.lang);
      const config: WorkerConfig = {
        base,
        mirrors: settings.mirrors,
        publicKey: signingKey
          ? await publicKeyOf(signingKey).catch(() => {
              throw new Error(
                'SIGNING_KEY is not an Ed25519 private key as `npm run keys` prints it (PKCS #8, base64url)',
              );
            })
          : '',
        locale: settings.locale,
        strings: ui.offline.worker,
        precache: all
          .filter(
            (f) =>
              (/^_astro\/[^/]+\.(css|js)$/.test(f) && !embedOnly.has(f)) ||
              f === 'offline/index.html' ||
              f === 'favicon.svg',
          )
          .map((f) =>
            f.startsWith('_astro/')
              ? { url: `${base}${f}`, revision: null }
              : {
                  url: `${base}${f.replace(/index\.html$/, '')}`,
                  revision: digests.get(f)!.slice(0, 16),
                },
          ),
        timeout: TIMEOUT_MS,
      };
      const worker = await bundleWorker(config);
      writeFileSync(join(out, WORKER_FILE), worker);
      digests.set(WORKER_FILE, sha256(worker));

      // The integrity manifest of every file but itself; its time is the content's newest change,
      // not the clock's, so that two builds of the same content write the same bytes.
      const newest = Math.max(0, ...views.map((v) => newestChange(v.bulletins)));
      const { root, pieces } = await buildManifest(
        [...digests].sort((a, b) => byCodePoint(a[0], b[0])),
        new Date(newest).toISOString(),
      );
      replaceFolder(
        join(out, PIECES_FOLDER),
        new Map([...pieces].map(([name, text]) => [name.slice(PIECES_FOLDER.length + 1), text])),
      );
      writeFileSync(join(out, ROOT_FILE), root);
      if (signingKey) writeFileSync(join(out, SIGNATURE_FILE), await signText(root, signingKey));
      logger.info(
        `offline: sw.js ${(worker.length / 1024).toFixed(1)} kB, ${digests.size} files' digests (${known.reused} from the last build) in ${pieces.size} pieces${signingKey ? ', signed' : ''}, ${saved.size} stories to save, in ${Math.round(performance.now() - started)} ms`,
      );
    },
  };
}
