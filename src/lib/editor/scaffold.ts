/** What `npm run new` writes: file names and frontmatter for a new bulletin or story. Pure. */
import * as yaml from 'js-yaml';
// `.ts`: `npm run new` loads this module with Node's own TypeScript support (scripts/new.ts).
import { clockOf, dayOf, instantAt, type DayKey } from '../../core/dates.ts';

/**
 * The story-local day and time of a new bulletin: `at` ("2022-01-07 14:30") read in the story's
 * zone, or else the clock `now`. Returns an error message for an impossible or skipped time.
 */
export function resolveAt(
  at: string | undefined,
  now: number,
  tz: string,
): { day: DayKey; time: string } | { error: string } {
  if (at === undefined) return { day: dayOf(now, tz), time: clockOf(now, tz) };
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/.exec(at.trim());
  if (!m) return { error: `--at "${at}" must look like "2022-01-07 14:30" (local time in ${tz})` };
  const [, day, hh, mm] = m as unknown as [string, string, string, string];
  const instant = instantAt(day, `${hh}:${mm}`, tz);
  if (
    Number.isNaN(instant) ||
    dayOf(instant, tz) !== day ||
    clockOf(instant, tz) !== `${hh}:${mm}`
  ) {
    return { error: `--at "${at}" is not a time that exists in ${tz}` };
  }
  return { day, time: `${hh}:${mm}` };
}

const frontmatter = (data: Record<string, unknown>) =>
  Object.keys(data).length
    ? `---\n${yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA })}---\n`
    : '';

/** A new bulletin file: headline and key flag; the text is for the editor to write. */
export function bulletinTemplate(options: {
  title?: string | undefined;
  key?: boolean | undefined;
}): string {
  return `${frontmatter({ ...(options.title ? { title: options.title } : {}), ...(options.key ? { key: true } : {}) })}\n`;
}

/** A new story's index.md. */
export function storyTemplate(options: {
  title: string;
  summary?: string | undefined;
  timezone: string;
}): string {
  return `${frontmatter({ title: options.title, summary: options.summary ?? '', status: 'live', timezone: options.timezone })}\nIntroduce the story here: what happened, where, and why it matters.\n`;
}
