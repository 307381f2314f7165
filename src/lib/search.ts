/**
 * Search records: one per bulletin, read back from the built day pages (where each bulletin
 * appears exactly once), so the index holds what readers see and nothing twice. Each record's
 * URL is the bulletin's permalink; its meta carries the story title and date for the result list;
 * `story` is a filter and `date` a sort key.
 */
import { parse } from 'node-html-parser';

/** The fields Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: { title: string; story: string; date: string };
  filters: { story: string[] };
  sort: { date: string };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Extracts the records of every indexed bulletin (`article[data-search-story]`) in a page. */
export function extractRecords(html: string, language: string): SearchRecord[] {
  const root = parse(html);
  return root.querySelectorAll('article.bulletin[data-search-story]').map((article) => {
    const attr = (name: string) => {
      const v = article.getAttribute(name);
      if (!v) throw new Error(`bulletin #${article.id} lacks ${name}`);
      return v;
    };
    const url = article.querySelector('a.permalink-link')?.getAttribute('href');
    if (!url) throw new Error(`bulletin #${article.id} has no permalink`);
    const title = squash(article.querySelector('.bulletin-title')?.textContent ?? '');
    const body = squash(article.querySelector('.bulletin-body')?.textContent ?? '');
    const extra = [article.querySelector('.correction'), article.querySelector('.sources')].map((n) => squash(n?.textContent ?? ''));
    return {
      url,
      content: [title, body, ...extra].filter(Boolean).join('\n'),
      language,
      meta: { title, story: attr('data-search-story-title'), date: attr('data-search-date') },
      filters: { story: [attr('data-search-story')] },
      sort: { date: attr('data-search-sort') },
    };
  });
}
