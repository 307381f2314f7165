/**
 * The pages about one story (its timeline, a day, its key events, its updates from the start):
 * each starts the same way, from the story's language (its words, locale and view context, also
 * set on `Astro.locals` for the page's components), then builds what its template shows from its
 * props. The templates render what these return and import nothing else of the site's logic.
 */
import { keyDayAnchor } from '../core/anchors.ts';
import { formatDay } from '../core/dates.ts';
import type { Rendered } from '../lib/markdown/pipeline.ts';
import { bodyForEmbed, embedCode, oembedOf } from '../lib/site/story-embed.ts';
import type {
  DayPageProps,
  FromStartPageProps,
  KeyEventsPageProps,
  PageLink,
  StoryFeedProps,
  StoryHead,
  StoryPageProps,
} from '../lib/site/routes.ts';
import { counted, type Strings } from '../lib/site/strings.ts';
import { dayLd, storyLd } from '../lib/site/structured.ts';
import {
  coverageSpan,
  formatDayRange,
  groupDaysByMonth,
  storyText,
  viewActivity,
  viewBriefing,
  viewDay,
  viewDayLinks,
  viewHeadlineDay,
  viewIntro,
  viewKeyEvent,
  viewBulletin,
  viewLatest,
  viewTags,
  viewTranslations,
  type ViewContext,
} from '../lib/site/views.ts';
import type { BulletinRecord } from '../schemas/bulletin.ts';
import { renderBriefing, renderBulletins, renderIntro } from './pages.ts';
import { absoluteUrl, paths, settings, storyLanguage, viewContext, wordsOf } from './site.ts';

/** What every page about a story starts from. */
export interface StoryPage<S extends StoryHead = StoryHead> {
  story: S;
  /** The interface's words, the locale and the view context of the story's language. */
  ui: Strings;
  locale: string;
  ctx: ViewContext;
  /** The story's language, when it is not the site's (the page's text is marked with it). */
  contentLang: string | undefined;
  /** `n` with its word in the page's language (`3 updates`). */
  count(n: number, forms: Strings['updates']): string;
  /** The attributes of the story's own text (its language and direction). */
  text: ReturnType<typeof storyText>;
}

/** A story's words, locale and view context; sets them on `locals` for the page's components. */
export function storyPage<S extends StoryHead>(story: S, locals: App.Locals): StoryPage<S> {
  const language = storyLanguage(story);
  if (language) locals.dateline = language;
  const locale = language?.locale ?? settings.locale;
  return {
    story,
    ui: wordsOf(locals),
    locale,
    ctx: language?.ctx ?? viewContext,
    contentLang: language?.lang,
    count: (n, forms) => counted(n, forms, locale),
    text: storyText(story),
  };
}

/** Whether a story's open pages (its timeline, its embed) check for new updates. */
const polls = (story: Pick<StoryHead, 'status'>): boolean =>
  story.status === 'live' && settings.live.enabled;

/** Bodies by bulletin, and their HTML by update id (what `DaySection` takes). */
async function bodiesOf(list: readonly BulletinRecord[]) {
  const rendered = await renderBulletins(list);
  return {
    rendered: [...rendered.values()] as Rendered[],
    byBulletin: rendered,
    bodies: new Map([...rendered].map(([b, r]) => [b.id, r.html])),
  };
}

/** A story's timeline: its newest days in full, the rest listed, key events, summary, chart. */
export async function timelinePage(props: StoryPageProps, locals: App.Locals) {
  const { story, shown: full, days: summaries, latest, keyEvents, keyCount, translations } = props;
  const page = storyPage(story, locals);
  const { ctx } = page;
  const shown = new Set(full.map((d) => d.day));
  const allDays = viewDayLinks(summaries, story, ctx, (day) => shown.has(day));
  const shownBulletins = full.flatMap((d) => d.bulletins);
  const { rendered, byBulletin, bodies } = await bodiesOf([
    ...new Set([...shownBulletins, ...keyEvents]),
  ]);
  const briefingBody = await renderBriefing(story);
  const alternates = viewTranslations(translations, settings.lang, ctx);
  return {
    ...page,
    rendered,
    bodies,
    days: full.map((d) => viewDay(d, story, ctx, latest?.id)),
    allDays,
    keyEvents: keyEvents.map((b) => viewKeyEvent(b, story, ctx, byBulletin.get(b)?.text ?? '')),
    keyCount,
    hasUpdates: summaries.length > 0,
    activity: viewActivity(summaries, story, ctx),
    intro: viewIntro(await renderIntro(story)),
    briefing: briefingBody && viewBriefing(story, briefingBody, ctx),
    alternates,
    // Each page of a group lists every language, itself included, as hreflang asks.
    languages: alternates.length
      ? [{ href: paths.story(story.slug), lang: story.lang ?? settings.lang }, ...alternates]
      : [],
    structured: storyLd(
      props,
      shownBulletins,
      ctx,
      absoluteUrl,
      settings.title,
      briefingBody?.text,
    ),
    latest: viewLatest(story, latest, ctx),
    span: coverageSpan(summaries, ctx),
    tags: viewTags(story.tags, ctx),
    fromStart: summaries.length > 0 ? paths.fromStart(story.slug) : undefined,
    keyEventsHref: paths.keyEvents(story.slug),
    live: polls(story),
    shown,
    months: groupDaysByMonth(allDays, page.locale),
    embed: { code: codeOf(page), oembed: absoluteUrl(paths.oembed(story.slug)) },
  };
}

/** The code that embeds a story on another site, at the site's absolute addresses. */
const codeOf = ({ story, ui }: StoryPage): string =>
  embedCode({
    frame: absoluteUrl(paths.embed(story.slug)),
    script: absoluteUrl(paths.embedScript()),
    title: ui.embed.frameTitle(story.title, settings.title),
  });

/** A story's embed as oEmbed (`/embed/<slug>/oembed.json`). */
export function embedOembed(props: StoryFeedProps, locals: App.Locals) {
  const page = storyPage(props.story, locals);
  return oembedOf({
    code: codeOf(page),
    title: props.story.title,
    site: settings.title,
    home: absoluteUrl(paths.home()),
  });
}

/**
 * A story's embed: its newest updates, each with its day and time (there are no day headings), its
 * headline linking to its permalink, and its body.
 */
export async function embedPage(props: StoryFeedProps, locals: App.Locals) {
  const { story, bulletins } = props;
  const page = storyPage(story, locals);
  const rendered = await renderBulletins(bulletins);
  return {
    ...page,
    lang: page.contentLang ?? settings.lang,
    title: `${story.title} · ${settings.title}`,
    canonical: absoluteUrl(paths.story(story.slug)),
    updates: bulletins.map((b) => {
      const view = viewBulletin(b, story, page.ctx);
      return {
        ...view,
        html: bodyForEmbed(rendered.get(b)!.html, paths.dayPage(story.slug, b.day)),
      };
    }),
    live: polls(story),
  };
}

/** One day of a story, with links to the days before and after. */
export async function dayPage(props: DayPageProps, locals: App.Locals) {
  const { story, day, latestId, newer, older } = props;
  const page = storyPage(story, locals);
  const { rendered, bodies } = await bodiesOf(day.bulletins);
  const heading = formatDay(day.day, page.locale);
  const title = `${heading} · ${story.title}`;
  return {
    ...page,
    rendered,
    bodies,
    picture: rendered.find((r) => r.picture)?.picture,
    heading,
    title,
    description: `${page.ui.dayPage.description(heading)} ${story.summary}`,
    structured: dayLd(story, day, page.ctx, absoluteUrl, title),
    day: viewDay(day, story, page.ctx, latestId),
    allDays: paths.storyDay(story.slug, day.day),
    newer: newer && {
      href: paths.dayPage(story.slug, newer),
      label: page.ui.dayPage.newer(formatDay(newer, page.locale)),
    },
    older: older && {
      href: paths.dayPage(story.slug, older),
      label: page.ui.dayPage.older(formatDay(older, page.locale)),
    },
  };
}

/** A link to another page of a paged list, labelled with the days it holds. */
const pageLink = (
  page: Pick<StoryPage, 'locale'>,
  href: (n: number) => string,
  link: PageLink | undefined,
  word: string,
) =>
  link && {
    href: href(link.page),
    label: `${word}: ${formatDayRange(link.from, link.to, page.locale)}`,
  };

/** A page of a story's key events, newest first. */
export async function keyEventsPage(props: KeyEventsPageProps, locals: App.Locals) {
  const { story, days, page: number, pages, newer, older } = props;
  const page = storyPage(story, locals);
  const { ui } = page;
  const { rendered, bodies } = await bodiesOf(days.flatMap((d) => d.bulletins));
  const current = ui.pager.pageOf(number, pages);
  const href = (n: number) => paths.keyEvents(story.slug, n);
  return {
    ...page,
    rendered,
    bodies,
    days: days.map((d) => viewDay(d, story, page.ctx, undefined, keyDayAnchor)),
    title: `${ui.keyEventsPage.title}${pages > 1 ? ` (${current})` : ''} · ${story.title}`,
    paged: pages > 1,
    current,
    counts: `${page.count(
      days.reduce((n, d) => n + d.bulletins.length, 0),
      ui.keyEventsCount,
    )}, ${formatDayRange(days[0]!.day, days.at(-1)!.day, page.locale)}.`,
    newer: pageLink(page, href, newer, ui.pager.newer),
    older: pageLink(page, href, older, ui.pager.older),
  };
}

/** A page of a story's updates from its first, oldest first, in whole days: their headlines and first lines. */
export async function fromStartPage(props: FromStartPageProps, locals: App.Locals) {
  const { story, days, page: number, earlier, later } = props;
  const page = storyPage(story, locals);
  const { ui } = page;
  const rendered = await renderBulletins(days.flatMap((d) => d.bulletins));
  const range = days.length
    ? formatDayRange(days[0]!.day, days.at(-1)!.day, page.locale)
    : undefined;
  const href = (n: number) => paths.fromStart(story.slug, n);
  const numbered = number > 1 ? `, ${ui.pager.page(number).toLowerCase()}` : '';
  return {
    ...page,
    days: days.map((d) => viewHeadlineDay(d, story, page.ctx, (b) => rendered.get(b)?.text ?? '')),
    title: `${ui.fromStart.title}${numbered} · ${story.title}`,
    breadcrumb: `${ui.fromStart.title}${numbered}`,
    description: `${ui.fromStart.description(range ?? '')} ${story.summary}`,
    current: `${ui.pager.page(number)}${range ? `: ${range}` : ''}`,
    earlier: pageLink(page, href, earlier, ui.pager.earlier),
    later: pageLink(page, href, later, ui.pager.later),
  };
}
