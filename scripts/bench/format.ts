/** How the benchmark writes numbers: kilobytes, megabytes, seconds, ratios and counts. */
export const kib = (n: number): string => `${(n / 1024).toFixed(1)} kB`;
export const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
/** A file's size to a tenth of a megabyte (a photo's: 4.1 MB, as the report says it). */
export const mb1 = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
export const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
export const fmt = (n: number): string => n.toLocaleString('en');
/** A log without its colours. */
// eslint-disable-next-line no-control-regex
export const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');
