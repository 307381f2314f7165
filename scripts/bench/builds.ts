/** One `astro build` of a scratch archive, measured, with the phases Dateline logs. */
import { join } from 'node:path';
import { cpuOf, cpuTotal, measure } from './measure.ts';

const ROOT = process.cwd();

export interface BuildRun {
  label: string;
  wallMs: number;
  cpuMs: number;
  indexCpuMs: number;
  peakRss: number;
  readMs: number;
  rendered: number;
  renderMs: number;
  tiers: number;
  indexed: number;
  indexMs: number;
  indexWaitMs: number;
  /** Search segments in all, tiers merged from them (when they changed), and the merges' time. */
  segments: number;
  merged: number;
  mergeMs: number;
  /** Routes Astro rendered, and routes it took from its cache. */
  pages: number;
  pagesCached: number;
}

/** Builds `scratch`/content into `scratch`/dist with the cache in `scratch`/cache. */
export async function build(label: string, scratch: string): Promise<BuildRun> {
  const r = await measure(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      CI: '1', // Astro turns Node's compile cache off under CI: honest numbers
      MALLOC_ARENA_MAX: '2', // as `npm run build` runs it
      ASTRO_TELEMETRY_DISABLED: '1',
      DATELINE_CONTENT: join(scratch, 'content'),
      OUT_DIR: join(scratch, 'dist'),
      CACHE_DIR: join(scratch, 'cache'),
    },
  );
  const num = (re: RegExp) => Number(re.exec(r.log)?.[1] ?? NaN);
  const search =
    /search: (\d+) story-days in (\d+) tiers, (\d+) indexed in (\d+) ms alongside the pages; waited (\d+) ms/.exec(
      r.log,
    );
  const merges = /\((\d+) segments, (\d+) tiers merged from them in (\d+) ms\)/.exec(r.log);
  return {
    label,
    wallMs: r.wallMs,
    cpuMs: cpuTotal(r),
    indexCpuMs: cpuOf(r, 'pagefind'),
    peakRss: r.peakRss,
    readMs: num(/read and checked in (\d+) ms/),
    rendered: num(/rendered (\d+) bodies/),
    renderMs: num(/rendered \d+ bodies \(\d+ from cache\) in (\d+) ms/),
    tiers: Number(search?.[2] ?? NaN),
    indexed: Number(search?.[3] ?? NaN),
    indexMs: Number(search?.[4] ?? NaN),
    indexWaitMs: Number(search?.[5] ?? NaN),
    segments: Number(merges?.[1] ?? NaN),
    merged: Number(merges?.[2] ?? NaN),
    mergeMs: Number(merges?.[3] ?? NaN),
    // Astro logs each route it renders with its time, each one it takes from its cache as cached or restored.
    pages: (r.log.match(/\(\+\d+(\.\d+)?m?s\)/g) ?? []).length,
    pagesCached: (r.log.match(/\((cached|restored)\)/g) ?? []).length,
  };
}
