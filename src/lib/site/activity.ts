/**
 * The activity chart: updates per day across a story's span, as bars. Pure geometry in chart
 * units; the component draws it as inline SVG sized by CSS. Days without updates are gaps (their
 * zero is data too: the span is continuous). A span longer than `maxBars` days is drawn with
 * several days per bar (a week, four weeks, or more), so the chart stays a bounded size however
 * long the story runs.
 */
import type { DayKey } from '../../core/dates.ts';
import type { DaySummary } from './timeline.ts';

/** One bar: the days it covers, their updates, and where its busiest day is (its link). */
export interface ActivityBar {
  /** First and last day the bar covers (equal for a bar per day). */
  from: DayKey;
  to: DayKey;
  count: number;
  keyCount: number;
  /** The bar's busiest day (the earliest of equals): what the bar links to; absent for an empty bar. */
  busiest?: DayKey;
  /** Position and height in chart units: x from 0 to `width`, height from 0 to `height`. */
  x: number;
  h: number;
}

export interface ActivityChart {
  bars: ActivityBar[];
  /** Days from the first to the last, both counted. */
  span: number;
  /** Days per bar. */
  daysPerBar: number;
  /** Chart units across (one per bar) and up. */
  width: number;
  height: number;
  /** The most updates of any bar: the top of the scale. */
  max: number;
}

const DAY_MS = 86_400_000;
const toTime = (day: DayKey) => Date.parse(`${day}T00:00:00Z`);
const toDay = (t: number): DayKey => new Date(t).toISOString().slice(0, 10);

/** The fewest days per bar, from this ladder, that fit `span` days into `maxBars` bars. */
export function daysPerBar(span: number, maxBars: number): number {
  for (const n of [1, 7, 28]) if (Math.ceil(span / n) <= maxBars) return n;
  return Math.ceil(span / maxBars / 28) * 28;
}

/**
 * The chart of `days` (any order). Heights are linear in the bar's count, with every bar that has
 * updates at least one unit high, so a quiet day never disappears beside a busy one.
 */
export function activityChart(
  days: readonly DaySummary[],
  maxBars = 120,
  height = 40,
): ActivityChart | undefined {
  if (days.length === 0) return undefined;
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const start = toTime(sorted[0]!.day);
  const span = Math.round((toTime(sorted.at(-1)!.day) - start) / DAY_MS) + 1;
  const per = daysPerBar(span, maxBars);
  const bars: ActivityBar[] = Array.from({ length: Math.ceil(span / per) }, (_, i) => ({
    from: toDay(start + i * per * DAY_MS),
    to: toDay(start + Math.min(span - 1, (i + 1) * per - 1) * DAY_MS),
    count: 0,
    keyCount: 0,
    x: i,
    h: 0,
  }));
  const best = new Map<ActivityBar, number>();
  for (const d of sorted) {
    const bar = bars[Math.floor(Math.round((toTime(d.day) - start) / DAY_MS) / per)]!;
    bar.count += d.count;
    bar.keyCount += d.keyCount;
    if (d.count > (best.get(bar) ?? 0)) {
      best.set(bar, d.count);
      bar.busiest = d.day;
    }
  }
  const max = Math.max(...bars.map((b) => b.count));
  for (const bar of bars)
    bar.h = bar.count === 0 ? 0 : Math.max(1, Math.round((bar.count / max) * height));
  return { bars, span, daysPerBar: per, width: bars.length, height, max };
}

/** The `n` busiest days (most updates; the earlier of equals first), for the chart's text alternative. */
export function busiestDays(days: readonly DaySummary[], n = 3): DaySummary[] {
  return [...days].sort((a, b) => b.count - a.count || (a.day < b.day ? -1 : 1)).slice(0, n);
}
