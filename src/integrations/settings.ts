/**
 * Hands the build's settings (src/config.ts) to the code Astro bundles, as the module
 * `virtual:dateline/settings` whose text is their values. Astro keys a cached page on the text of
 * every module it imports, so a page made with one setting is never reused under another; the
 * caches of Dateline's own (bodies, checks, search, cards) key on the settings they are given.
 */
import type { AstroIntegration } from 'astro';
import type { Settings } from '../config.ts';

const ID = 'virtual:dateline/settings';

export function datelineSettings(settings: Settings): AstroIntegration {
  return {
    name: 'dateline-settings',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dateline-settings',
                resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
                load: (id) =>
                  id === `\0${ID}` ? `export default ${JSON.stringify(settings)};` : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
