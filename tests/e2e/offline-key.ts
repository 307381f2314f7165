/**
 * The signing key of the copy the tests build under /dateline/ (scripts/test.mjs): a key for the
 * tests only, public in this repository, never one to sign a site with (`npm run keys` makes those).
 */
export const SIGNING_KEY = 'MC4CAQAwBQYDK2VwBCIEIIrwEvx_OkRiKl118qMVWPrUO8YrkJPznQAQnN5TM7ZH';
