/**
 * Search records: one per bulletin, built from the same view models and rendered text as the
 * pages, so the index holds what readers see and each bulletin once. A record's URL is the
 * bulletin's permalink; its meta carries the headline, story title and date for the result list;
 * `story` is a filter and `date` a sort key.
 */
import type { Rendered } from './markdown';
import type { StoryView } from './timeline';
import { viewBulletin, type ViewContext } from './views';

/** The fields Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: { title: string; story: string; date: string };
  filters: { story: string[] };
  sort: { date: string };
}

/** Records of every bulletin of `views`; `text` gives a bulletin's rendered plain text. */
export function buildRecords(
  views: readonly StoryView[],
  text: (story: string, id: string) => Rendered['text'] | undefined,
  ctx: ViewContext,
  language: string,
): SearchRecord[] {
  return views.flatMap(({ story, bulletins }) =>
    bulletins.map((b) => {
      const v = viewBulletin(b, story, ctx);
      const body = text(story.slug, b.id);
      if (body === undefined) throw new Error(`no rendered text for ${b.file}`);
      return {
        url: v.permalink,
        content: [v.heading, body, v.correction ? `Correction: ${v.correction}` : '', ...v.sources.map((s) => s.title)].filter(Boolean).join('\n'),
        language,
        meta: { title: v.heading, story: story.title, date: v.fullWhen.text },
        filters: { story: [story.slug] },
        sort: { date: v.search.sort },
      };
    }),
  );
}
