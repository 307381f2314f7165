/** Types of chromium.mjs, for the tests. */
export function findChromium(): string | undefined;
export function ensureChromium(): string;
export function findHeadlessShell(): string | undefined;
export function ensureHeadlessShell(): string | undefined;
