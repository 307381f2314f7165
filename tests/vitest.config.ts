/// <reference types="vitest/config" />
// Vitest through Astro's Vite config, so `astro:content`, `import.meta.env` and .astro files work in tests.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      // A generous time limit: npm test runs these beside builds that keep both cores busy.
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      // Checks over the built site: run after `npm run build`.
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
