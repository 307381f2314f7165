/// <reference types="vitest/config" />
// Vitest through Astro's Vite config, so `astro:content`, `import.meta.env` and .astro files work in tests.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Checks over the built site: run after `npm run build`.
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
