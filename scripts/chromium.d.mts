/** Types of chromium.mjs, for the tests. */
export function findChromium(): string | undefined;
export function ensureChromium(): string;
