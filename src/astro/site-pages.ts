/**
 * The site's pages that are not about one story (the front page, the archive, topics, authors,
 * search): what each template shows, built from its props or the published content. The templates
 * render what these return and import nothing else of the site's logic.
 */
import { FEEDS, type FeedFormat } from '../core/paths.ts';
import { searchFacets, type FacetValue } from '../lib/publish/search-records.ts';
import { formatMonth } from '../lib/site/months.ts';
import type { AuthorPageProps, MonthPageProps, TagPageProps } from '../lib/site/routes.ts';
import { counted, pluralForm, type Strings } from '../lib/site/strings.ts';
import { authorLd, siteLd } from '../lib/site/structured.ts';
import { summarise } from '../lib/site/timeline.ts';
import {
  coverageSpan,
  excerpt,
  formatDayRange,
  groupArchiveByYear,
  viewActivity,
  viewBulletin,
  viewDayLinks,
  viewKeyEvent,
  viewLatest,
} from '../lib/site/views.ts';
import {
  getArchive,
  getAuthorRoutes,
  getLatestAcross,
  getStories,
  getTags,
  renderBio,
  renderBriefing,
  renderBulletin,
  renderBulletins,
} from './pages.ts';
import { absoluteUrl, paths, settings, ui, viewContext } from './site.ts';

/** `n` with its word in the site's language (`3 updates`). */
const count = (n: number, forms: Strings['updates']) => counted(n, forms, settings.locale);

/** Counts of stories and updates, those that are not zero, joined (`2 stories, 14 updates`). */
const counts = (stories: number, updates: number, and: string) =>
  [stories ? count(stories, ui.storiesCount) : '', updates ? count(updates, ui.updates) : '']
    .filter(Boolean)
    .join(and);

/** The front page: every story with its latest update and activity, and the newest updates across them. */
export async function frontPage() {
  const stories = getStories();
  const leads = await Promise.all(stories.map(async (v) => (await renderBriefing(v.story))?.lead));
  const latest = await Promise.all(
    getLatestAcross(settings.frontPageBulletins).map(async ({ story, bulletin: b }) => {
      const bulletin = viewBulletin(b, story, viewContext);
      return {
        story,
        key: bulletin.key,
        when: bulletin.fullWhen,
        permalink: bulletin.permalink,
        text: bulletin.hasHeadline ? bulletin.heading : excerpt((await renderBulletin(b)).text, 20),
      };
    }),
  );
  return {
    structured: siteLd(settings.title, settings.description, viewContext, absoluteUrl),
    stories: stories.map((v, i) => ({
      story: v.story,
      href: paths.story(v.story.slug),
      latest: viewLatest(v.story, v.latest, viewContext),
      span: coverageSpan(v.days, viewContext),
      count: count(v.bulletins.length, ui.updates),
      activity: viewActivity(v.days.map(summarise), v.story, viewContext, 60),
      lead: leads[i],
    })),
    latest,
  };
}

/** The archive: its years and months, with their counts. */
export function archivePage() {
  const { index } = getArchive();
  return { years: groupArchiveByYear(index.months, viewContext) };
}

/** A month of the archive: each story's days and key events in it. */
export async function monthPage(props: MonthPageProps) {
  const { month, count: total, stories, newer, older } = props;
  const label = formatMonth(month, settings.locale);
  const rendered = await renderBulletins(stories.flatMap((s) => s.keyEvents));
  const totals = ui.archive.inStories(
    count(total, ui.updates),
    count(stories.length, ui.storiesCount),
  );
  const monthLink = (m: string | undefined, word: string) =>
    m === undefined
      ? undefined
      : { href: paths.archive(m), label: `${word}: ${formatMonth(m, settings.locale)}` };
  return {
    label,
    totals,
    newer: monthLink(newer, ui.pager.newer),
    older: monthLink(older, ui.pager.older),
    stories: stories.map((s) => ({
      story: s.story,
      href: paths.story(s.story.slug),
      count: count(s.count, ui.updates),
      days: viewDayLinks(s.days, s.story, viewContext, () => false),
      keyEvents: s.keyEvents.map((b) =>
        viewKeyEvent(b, s.story, viewContext, rendered.get(b)?.text ?? ''),
      ),
      // More key events this month than listed: a link to all of them, and how many.
      moreKeyEvents:
        s.keyCount > s.keyEvents.length
          ? {
              href: paths.keyEvents(s.story.slug),
              count: count(s.keyCount, ui.keyEventsCount),
            }
          : undefined,
    })),
  };
}

/** Every author, with their role and how many updates they reported, by name. */
export function authorsPage() {
  const routes = getAuthorRoutes();
  const reported = new Map<string, number>();
  for (const { props } of routes)
    reported.set(props.author.slug, (reported.get(props.author.slug) ?? 0) + props.updates.length);
  return {
    authors: routes
      .filter((r) => r.props.newest)
      .map(({ props: { author } }) => ({
        ...author,
        href: paths.author(author.slug),
        count: count(reported.get(author.slug)!, ui.updates),
      }))
      .sort((a, b) => new Intl.Collator(settings.locale).compare(a.name, b.name)),
  };
}

/** A page of an author's updates: their bio on the newest, the days of its updates on the others. */
export async function authorPage(props: AuthorPageProps) {
  const { author, updates, newest, newer, older } = props;
  // Only an update without a headline is listed by its first words, so only those bodies are read.
  const rendered = await renderBulletins(
    updates.map((e) => e.bulletin).filter((b) => b.title === undefined),
  );
  const range = ui.author.range(
    updates.length
      ? formatDayRange(updates.at(-1)!.bulletin.day, updates[0]!.bulletin.day, settings.locale)
      : '',
  );
  const link = (p: number | undefined, label: string) =>
    p !== undefined ? { href: paths.author(author.slug, p || undefined), label } : undefined;
  return {
    author,
    newest,
    range,
    title: newest ? author.name : `${author.name} · ${range}`,
    structured: newest ? authorLd(author, viewContext, absoluteUrl) : undefined,
    photo: author.photo && paths.authorPhoto(author.photo),
    bio: newest && author.rendered ? await renderBio(author) : undefined,
    feeds: (Object.keys(FEEDS) as FeedFormat[]).map((f) => ({
      href: paths.authorFeed(f, author.slug),
      name: FEEDS[f].name,
    })),
    search: paths.search({ author: author.slug }),
    updates: updates.map(({ story, bulletin }) => ({
      story,
      key: bulletin.key,
      ...viewKeyEvent(bulletin, story, viewContext, rendered.get(bulletin)?.text ?? ''),
    })),
    paged: newer !== undefined || older !== undefined,
    current: newest ? count(updates.length, ui.updates) : range,
    newer: link(newer, ui.author.newer),
    older: link(older, ui.author.older),
  };
}

/** Every topic, with how many stories and updates it has. */
export function tagsPage() {
  const { index } = getTags();
  return {
    tags: index.tags.map((t) => ({
      name: t.name,
      href: paths.tags(t.slug),
      counts: counts(t.stories, t.updates, ', '),
    })),
  };
}

/** A topic: its stories, and its newest updates. */
export async function tagPage(props: TagPageProps) {
  const { tag, stories, bulletins, total } = props;
  const rendered = await renderBulletins(bulletins.map((e) => e.bulletin));
  return {
    tag,
    total,
    counts: counts(stories.length, total, ` ${ui.tagsPage.and} `),
    search: paths.search({ tag: tag.slug }),
    stories: stories.map((s) => ({ ...s, href: paths.story(s.slug) })),
    updates: bulletins.map(({ story, bulletin }) => ({
      story,
      key: bulletin.key,
      ...viewKeyEvent(bulletin, story, viewContext, rendered.get(bulletin)?.text ?? ''),
    })),
  };
}

/** The search page's filters: each value with on how many days its updates are. */
export function searchPage() {
  const stories = getStories();
  const facets = searchFacets(stories, settings.locale);
  // `(12 days)` after each value: on how many days its updates are (the search script keeps it to the current results).
  const days = (n: number) =>
    pluralForm(ui.searchScript.days, n, settings.lang).replace('{n}', String(n));
  const option = (f: FacetValue) => ({
    value: f.value,
    label: f.label,
    text: `${f.label} (${days(f.count)})`,
    timezone: undefined as string | undefined,
  });
  // Results name their story and write their time in its zone from these options (src/scripts/search.ts).
  const zones = new Map(stories.map((v) => [v.story.slug, v.story.timezone]));
  const t = ui.searchPage;
  return {
    keyDays: days(facets.key),
    messages: JSON.stringify(ui.searchScript),
    selects: [
      {
        name: 'story',
        label: t.story,
        all: t.allStories,
        values: facets.story.map((f) => ({ ...option(f), timezone: zones.get(f.value) })),
      },
      { name: 'year', label: t.year, all: t.anyYear, values: facets.year.map(option) },
      { name: 'month', label: t.month, all: t.anyMonth, values: facets.month.map(option) },
      { name: 'tag', label: t.topic, all: t.anyTopic, values: facets.tag.map(option) },
      ...(facets.author.length
        ? [{ name: 'author', label: t.author, all: t.anyAuthor, values: facets.author.map(option) }]
        : []),
    ],
  };
}
