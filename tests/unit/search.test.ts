import { describe, expect, test } from 'vitest';
import { extractRecords } from '../../src/lib/search';

const page = (articles: string) => `<!doctype html><html lang="en"><body><main>${articles}</main></body></html>`;
const article = (id: string, extra = '') => `
<article id="${id}" class="bulletin" data-search-story="unrest" data-search-story-title="Unrest in Kazakhstan"
  data-search-date="Friday, 7 January 2022, 14:00 GMT+6" data-search-sort="2022-01-07T08:00:00.000Z">
  <header><p class="bulletin-meta"><time datetime="2022-01-07T14:00:00+06:00">14:00 GMT+6</time></p>
  <h3 class="bulletin-title">Buildings secured</h3></header>
  <div class="bulletin-body"><p>About 2,500 soldiers</p>
  <p>are deployed.</p></div>${extra}
  <p class="permalink"><a class="permalink-link" href="/stories/unrest/2022-01-07/#${id}">Link</a></p>
</article>`;

describe('extractRecords', () => {
  test('one record per indexed bulletin, linked to its permalink', () => {
    const records = extractRecords(page(article('u-a') + article('u-b')), 'en');
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      url: '/stories/unrest/2022-01-07/#u-a',
      content: 'Buildings secured\nAbout 2,500 soldiers are deployed.',
      language: 'en',
      meta: { title: 'Buildings secured', story: 'Unrest in Kazakhstan', date: 'Friday, 7 January 2022, 14:00 GMT+6' },
      filters: { story: ['unrest'] },
      sort: { date: '2022-01-07T08:00:00.000Z' },
    });
  });
  test('corrections and sources are searchable', () => {
    const [r] = extractRecords(page(article('u-a', '<p class="correction">Correction: name fixed</p><div class="sources">Reuters</div>')), 'en');
    expect(r!.content).toContain('Correction: name fixed');
    expect(r!.content).toContain('Reuters');
  });
  test('bulletins without search fields (timeline pages) are not indexed', () => {
    expect(extractRecords(page('<article class="bulletin" id="u-a"><h3 class="bulletin-title">x</h3></article>'), 'en')).toEqual([]);
  });
  test('a bulletin without a permalink fails loudly', () => {
    expect(() => extractRecords(page(article('u-a').replace(/<p class="permalink">.*<\/p>/s, '')), 'en')).toThrow(/no permalink/);
  });
});
