/**
 * Every word of the interface (labels, badges, notes, aria labels, error pages, the scripts'
 * messages), in one module, keyed. English and Russian are complete: a dictionary must have every
 * key of `Strings`, so a missing one is a type error, not a blank on a page. Counts use the
 * language's plural rules (`Intl.PluralRules`: Russian has one, few and many).
 */

/** A word that changes with a count, by plural category (`other` is required). */

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Strings {
  skipToContent: string;
  nav: { label: string; stories: string; archive: string; topics: string; search: string };
  siteSearch: { label: string; placeholder: string; button: string };
  footer: (site: string) => string;
  /** Before the links to the site's other addresses (its mirrors), in every page's footer. */
  mirrors: string;
  /** A story as one file to download (src/lib/publish/story-file.ts), and its link on the story's page. */
  whole: {
    /** The link, for a story in one file. */
    download: string;
    /** The list's heading, for a story in several files. */
    downloadParts: string;
    /** What the file is, beside the link. */
    hint: string;
    /** A part's heading: `Updates of {days}`. */
    madeFrom: string;
    /** `Made from the updates up to {when}`. */
    made: string;
    addresses: string;
    key: string;
    /** Links to the other parts at the site. */
    earlier: string;
    later: string;
    permalink: string;
  };
  /** Reading without a network: the service worker's notes, the offline page, a story's "Save for offline". */
  offline: {
    /** What the service worker (src/scripts/sw.ts) says at the top of a page it answered for the site; `{when}`, `{host}` filled in there. */
    worker: {
      /** A copy kept on this device: `{when}` is when it was kept. */
      saved: string;
      /** A page from a mirror, checked: `{host}`. */
      mirror: string;
      /** A mirror's copy that did not match: refused. */
      refused: string;
      /** A mirror's copy that could not be checked: not shown. */
      unchecked: string;
      /** A page never read, with no network: the offline page. */
      offline: string;
    };
    /** The offline page (`/offline/`). */
    page: {
      title: string;
      lede: string;
      stories: string;
      pages: string;
      none: string;
      /** Its button's name: `Remove {title} from this device`. */
      remove: string;
      noScript: string;
    };
    /** A story's "Save for offline" (given to its script as data; `{size}`, `{n}`, `{total}` filled in there). */
    save: {
      button: string;
      size: string;
      saving: string;
      saved: string;
      failed: string;
      remove: string;
      removed: string;
    };
  };
  frontPage: {
    title: string;
    stories: string;
    noStories: string;
    latest: string;
    latestUpdate: string;
  };
  status: { live: string; closed: string };
  timesIn: (zone: string) => string;
  ended: { strong: string; text: string; finalUpdate: string; readFromStart: string };
  latestUpdate: string;
  readFromStart: string;
  /** Before the links to the story in other languages: `Also in: Русский`. */
  alsoIn: string;
  /** Before a bulletin's authors: `By`. */
  by: (authors: number) => string;
  /** An author's page. */
  author: {
    /** The list of every author. */
    title: string;
    lede: string;
    /** A page's description: `Updates by Aigerim Sadykova.` */
    description: (name: string) => string;
    updates: string;
    feed: string;
    search: string;
    /** `Updates of 3–17 March 2022`, on an older page of an author's updates (the days of its first and last). */
    range: (days: string) => string;
    newer: string;
    older: string;
    none: string;
  };
  /** The story's summary (summary.md) above its updates. */
  briefing: { heading: string; updated: string; more: string };
  /** The control that shows a story's whole introduction on a phone. */
  introMore: string;
  storyTopics: string;
  topics: string;
  noUpdates: string;
  badge: { latest: string; key: string };
  correction: string;
  updated: string;
  sources: string;
  linkToUpdate: string;
  /** Beside it, with JavaScript (src/scripts/share.ts): the share sheet, or the permalink copied. */
  share: { button: string; copied: string; failed: string };
  /**
   * A story's embed (src/pages/embed/[story]/index.astro) and the code for it on the story's page
   * (src/components/EmbedStory.astro): `frameTitle` is the frame's title on the partner's page,
   * `more` the link to the whole story, `changed` the embed's banner for a change that is not new
   * updates (a correction, a deletion).
   */
  embed: {
    /** Above its updates, for screen readers (their headings come under it). */
    heading: string;
    summary: string;
    hint: string;
    label: string;
    copy: string;
    copied: string;
    failed: string;
    frameTitle: (story: string, site: string) => string;
    more: (site: string) => string;
    changed: string;
  };
  updateAt: (time: string) => string;
  updateOf: (day: string) => string;
  jumpToDay: string;
  /** The folded lines of a timeline's tools on a phone (src/components/Fold.astro). */
  fold: { days: string; activity: string };
  allDays: (n: number) => string;
  allDaysHeading: string;
  allDaysNote: string;
  keyEvents: { heading: string; all: (n: number) => string; inFull: string };
  activity: {
    per: { day: string; week: string; days: (n: number) => string };
    summary: (per: string, updates: string, days: string, span: string) => string;
    busiest: (n: number) => string;
  };
  updates: Plural;
  keyEventsCount: Plural;
  storiesCount: Plural;
  daysCount: Plural;
  breadcrumb: string;
  dayPage: {
    description: (day: string) => string;
    otherDays: string;
    newer: (day: string) => string;
    older: (day: string) => string;
    newest: string;
    first: string;
    allDays: string;
  };
  pager: {
    earlier: string;
    later: string;
    newer: string;
    older: string;
    page: (n: number) => string;
    pageOf: (n: number, of: number) => string;
    again: string;
  };
  keyEventsPage: { title: string; subtitle: string; description: string; pages: string };
  fromStart: {
    title: string;
    subtitle: string;
    description: (range: string) => string;
    pages: string;
  };
  archive: {
    title: string;
    description: (site: string) => string;
    lede: string;
    byTopic: string;
    otherMonths: string;
    daysNote: string;
    thisMonth: string;
    daysOf: (story: string, month: string) => string;
    allKeyEvents: (story: string) => string;
    keyThisMonth: (count: string) => string;
    inStories: (updates: string, stories: string) => string;
  };
  tagsPage: {
    title: string;
    description: string;
    lede: string;
    archiveLink: string;
    none: string;
    taggedWith: (counts: string, tag: string) => string;
    description2: (tag: string) => string;
    searchWithin: string;
    stories: string;
    updates: string;
    newestOf: (shown: number, total: number) => string;
    allInSearch: (total: number, tag: string) => string;
    and: string;
  };
  notFound: { title: string; text: string; allStories: string; search: string };
  /** A live page's messages, given to its script as data (`{n}` filled in there). */
  live: {
    newUpdates: Plural;
    ended: string;
    changed: string;
    failed: string;
    latest: string;
    updates: Plural;
    /** The summary changed (with new updates or alone). */
    summary: string;
    withSummary: string;
  };
  /** The search page's messages, given to its script as data: `{n}`, `{q}`, `{list}` are filled in there. */
  searchScript: {
    searching: string;
    found: Plural;
    /** When the updates of every day found are not read yet: how many days hold some (`{n}`). */
    foundDays: Plural;
    /** A filter value's count, in days (`{n}`). */
    days: Plural;
    none: string;
    forWords: string;
    within: string;
    keyOnly: string;
    failed: string;
  };
  searchPage: {
    title: string;
    heading: string;
    description: string;
    words: string;
    story: string;
    allStories: string;
    year: string;
    anyYear: string;
    month: string;
    anyMonth: string;
    topic: string;
    anyTopic: string;
    author: string;
    anyAuthor: string;
    keyOnly: string;
    order: string;
    best: string;
    newest: string;
    oldest: string;
    button: string;
    noJs: string;
    noJsStory: string;
    noJsArchive: string;
    noJsTopics: string;
    more: string;
  };
}

const en: Strings = {
  skipToContent: 'Skip to content',
  nav: {
    label: 'Site',
    stories: 'Stories',
    archive: 'Archive',
    topics: 'Topics',
    search: 'Search',
  },
  siteSearch: { label: 'Search every update', placeholder: 'Search  /', button: 'Search' },
  footer: (site) =>
    `${site}: rolling coverage, kept whole. Every update has a permanent link; times are shown in each story's own time zone.`,
  mirrors: 'The same site at other addresses, should this one not open',
  whole: {
    download: 'Download the whole story as one file',
    downloadParts: 'Download the story as files',
    hint: 'An HTML file that opens without a network, to keep or to pass on.',
    madeFrom: 'Updates of {days}',
    made: 'Made from the updates up to {when}',
    addresses: 'Where this story lives',
    key: 'Key event',
    earlier: 'Earlier updates',
    later: 'Later updates',
    permalink: 'Permalink',
  },
  offline: {
    worker: {
      saved: 'The site could not be reached: this is the copy saved on this device on {when}.',
      mirror:
        'The site could not be reached: this page comes from its copy at {host}, checked against the site’s own list of its files.',
      refused:
        'The site could not be reached, and the copy of this page at {host} did not match the site’s own: it is not shown.',
      unchecked:
        'The site could not be reached. The copy of this page at {host} could not be checked against the site’s own list of its files, so it is not shown.',
      offline:
        'You are offline, or the site cannot be reached, and this page was not saved on this device.',
    },
    page: {
      title: 'Offline',
      lede: 'Pages you have read and stories you have saved open without a network.',
      stories: 'Stories saved on this device',
      pages: 'Pages read on this device',
      none: 'Nothing is saved on this device yet. Open a story and choose “Save for offline”.',
      remove: 'Remove {title} from this device',
      noScript: 'The list of what this device keeps needs JavaScript.',
    },
    save: {
      button: 'Save for offline',
      size: 'Every page of this story: {size}.',
      saving: 'Saving for offline: {n} of {total} files…',
      saved:
        'Saved on this device: readable without a network. It is brought up to date when you are online.',
      failed: 'Saving stopped: the network failed. Try again when you are online.',
      remove: 'Remove from this device',
      removed: 'Removed from this device.',
    },
  },
  frontPage: {
    title: 'Rolling coverage',
    stories: 'Stories',
    noStories: 'No stories yet. Add a folder with an index.md under content/.',
    latest: 'Latest updates',
    latestUpdate: 'Latest update',
  },
  status: { live: 'Live', closed: 'Ended' },
  timesIn: (zone) => `Times in ${zone}`,
  ended: {
    strong: 'This story has ended.',
    text: 'Coverage is closed; no further updates will be added.',
    finalUpdate: 'The final update was published on',
    readFromStart: 'Read the story from the start',
  },
  latestUpdate: 'Latest update:',
  readFromStart: 'Read from the start',
  alsoIn: 'Also in',
  by: () => 'By',
  author: {
    title: 'Authors',
    lede: 'Who reported the updates, with their newest.',
    description: (name) => `Updates by ${name}.`,
    updates: 'Updates',
    feed: 'Follow their updates',
    search: 'Search their updates',
    range: (days) => `Updates of ${days}`,
    newer: 'Newer updates',
    older: 'Older updates',
    none: 'No updates yet.',
  },
  briefing: { heading: 'Summary', updated: 'Updated', more: 'Show the whole summary' },
  introMore: 'More about this story',
  storyTopics: 'Topics of this story',
  topics: 'Topics',
  noUpdates: 'No updates yet.',
  badge: { latest: 'Latest', key: 'Key event' },
  correction: 'Correction',
  updated: 'Updated',
  sources: 'Sources',
  linkToUpdate: 'Link to this update',
  share: {
    button: 'Share',
    copied: 'Link copied to the clipboard.',
    failed: 'The link could not be copied: use the link to this update instead.',
  },
  embed: {
    heading: 'Latest updates',
    summary: 'Embed this story',
    hint: 'Paste this code into a web page, or into an HTML block of a post, to show the newest updates of this story there. They stay current while the story is live.',
    label: 'Code to embed this story',
    copy: 'Copy the code',
    copied: 'Code copied to the clipboard.',
    failed: 'The code could not be copied: select it in the box instead.',
    frameTitle: (story, site) => `${story}: live updates from ${site}`,
    more: (site) => `Follow the whole story on ${site}`,
    changed: 'These updates have changed — show',
  },
  updateAt: (time) => `Update at ${time}`,
  updateOf: (day) => `Update of ${day}`,
  jumpToDay: 'Jump to day',
  fold: { days: 'Days', activity: 'Activity' },
  allDays: (n) => `All ${n} days`,
  allDaysHeading: 'All days',
  allDaysNote: 'Each day has its own page with every update of that day.',
  keyEvents: {
    heading: 'Key events',
    all: (n) => `All ${n} key events, in full`,
    inFull: 'Key events in full',
  },
  activity: {
    per: { day: 'day', week: 'week', days: (n) => `${n} days` },
    summary: (per, updates, days, span) => `Updates per ${per}: ${updates} over ${days}, ${span}.`,
    busiest: (n) => (n === 1 ? 'Busiest day:' : 'Busiest days:'),
  },
  updates: { one: 'update', other: 'updates' },
  keyEventsCount: { one: 'key event', other: 'key events' },
  storiesCount: { one: 'story', other: 'stories' },
  daysCount: { one: 'day', other: 'days' },
  breadcrumb: 'Breadcrumb',
  dayPage: {
    description: (day) => `Every update of ${day}.`,
    otherDays: 'Other days',
    newer: (day) => `Newer: ${day}`,
    older: (day) => `Older: ${day}`,
    newest: 'This is the newest day',
    first: 'This is the first day',
    allDays: 'All days of this story',
  },
  pager: {
    earlier: 'Earlier',
    later: 'Later',
    newer: 'Newer',
    older: 'Older',
    page: (n) => `Page ${n}`,
    pageOf: (n, of) => `Page ${n} of ${of}`,
    again: 'again',
  },
  keyEventsPage: {
    title: 'Key events',
    subtitle: 'Key events, newest first',
    description: 'The key events of the story, in full.',
    pages: 'Pages of key events',
  },
  fromStart: {
    title: 'From the start',
    subtitle: 'The story from the start, oldest first: each update opens on its day',
    description: (range) => `The story in the order it happened${range ? `, ${range}` : ''}.`,
    pages: 'Pages of this story',
  },
  archive: {
    title: 'Archive',
    description: (site) =>
      `Every month of ${site}'s coverage, with the stories and key events of each.`,
    lede: 'Every month with updates, newest first. Each month lists its stories, their days and key events.',
    byTopic: 'Browse by topic',
    otherMonths: 'Other months',
    daysNote: "Days are counted in each story's own time zone.",
    thisMonth: 'this month',
    daysOf: (story, month) => `Days of ${story} in ${month}`,
    allKeyEvents: (story) => `All key events of ${story}`,
    keyThisMonth: (count) => `${count} this month`,
    inStories: (updates, stories) => `${updates} in ${stories}`,
  },
  tagsPage: {
    title: 'Topics',
    description: 'Every topic of every story, with its stories and updates.',
    lede: 'Every tag given to a story or an update. See also the',
    archiveLink: 'archive by month',
    none: 'No tags yet.',
    taggedWith: (counts, tag) => `${counts} tagged ${tag}.`,
    description2: (tag) => `Stories and updates tagged ${tag}.`,
    searchWithin: 'Search within this topic',
    stories: 'Stories',
    updates: 'Updates',
    newestOf: (shown, total) => `The newest ${shown} of ${total} updates`,
    allInSearch: (total, tag) => `All ${total} updates tagged ${tag}, in search`,
    and: 'and',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address. It may have been mistyped, or the link that brought you here is broken.',
    allStories: 'See all stories',
    search: 'Search every update',
  },
  live: {
    newUpdates: { one: '{n} new update — show', other: '{n} new updates — show' },
    ended: 'This story has ended. Reload to see how it closed',
    changed: 'This story has been changed. Reload to see it',
    failed: 'New updates could not be loaded. Reload to see them',
    latest: 'Latest',
    updates: { one: '({n} update)', other: '({n} updates)' },
    summary: 'The summary has been updated — show',
    withSummary: 'summary updated',
  },
  searchScript: {
    searching: 'Searching…',
    found: { one: '{n} update found', other: '{n} updates found' },
    foundDays: { one: 'Updates found on {n} day', other: 'Updates found on {n} days' },
    days: { one: '{n} day', other: '{n} days' },
    none: 'No updates found',
    forWords: ' for “{q}”',
    within: ' in {list}',
    keyOnly: 'key events only',
    failed: 'Search could not be loaded. Please reload the page.',
  },
  searchPage: {
    title: 'Search',
    heading: 'Search updates',
    description: 'Search every update of every story.',
    words: 'Words to find',
    story: 'Story',
    allStories: 'All stories',
    year: 'Year',
    anyYear: 'Any year',
    month: 'Month',
    anyMonth: 'Any month',
    topic: 'Topic',
    anyTopic: 'Any topic',
    author: 'Author',
    anyAuthor: 'Any author',
    keyOnly: 'Key events only',
    order: 'Order',
    best: 'Best match (newest first without words)',
    newest: 'Newest first',
    oldest: 'Oldest first',
    button: 'Search',
    noJs: 'Search runs in your browser and needs JavaScript, which is turned off or has not loaded. Every update can still be reached without it:',
    noJsStory: 'open a story',
    noJsArchive: 'archive by month',
    noJsTopics: 'topics',
    more: 'Show more results',
  },
};

const ru: Strings = {
  skipToContent: 'Перейти к содержанию',
  nav: { label: 'Сайт', stories: 'Сюжеты', archive: 'Архив', topics: 'Темы', search: 'Поиск' },
  siteSearch: { label: 'Искать во всех сообщениях', placeholder: 'Поиск  /', button: 'Найти' },
  footer: (site) =>
    `${site}: хроника событий целиком. У каждого сообщения постоянная ссылка; время указано в часовом поясе сюжета.`,
  mirrors: 'Этот же сайт по другим адресам, если этот не открывается',
  whole: {
    download: 'Скачать весь сюжет одним файлом',
    downloadParts: 'Скачать сюжет файлами',
    hint: 'HTML-файл открывается без сети: его можно сохранить или передать.',
    madeFrom: 'Сообщения за {days}',
    made: 'Собрано из сообщений по {when}',
    addresses: 'Где находится этот сюжет',
    key: 'Ключевое событие',
    earlier: 'Более ранние сообщения',
    later: 'Более поздние сообщения',
    permalink: 'Постоянная ссылка',
  },
  offline: {
    worker: {
      saved: 'Сайт недоступен: это копия, сохранённая на этом устройстве {when}.',
      mirror:
        'Сайт недоступен: эта страница получена с его копии {host} и сверена со списком файлов самого сайта.',
      refused:
        'Сайт недоступен, а копия этой страницы на {host} не совпала с оригиналом: она не показана.',
      unchecked:
        'Сайт недоступен. Копию этой страницы на {host} не удалось сверить со списком файлов сайта, поэтому она не показана.',
      offline: 'Нет связи с сайтом, а эта страница не сохранена на этом устройстве.',
    },
    page: {
      title: 'Без сети',
      lede: 'Прочитанные страницы и сохранённые сюжеты открываются без сети.',
      stories: 'Сюжеты, сохранённые на этом устройстве',
      pages: 'Страницы, прочитанные на этом устройстве',
      none: 'На этом устройстве пока ничего не сохранено. Откройте сюжет и выберите «Сохранить для чтения без сети».',
      remove: 'Удалить «{title}» с этого устройства',
      noScript: 'Для списка сохранённого нужен JavaScript.',
    },
    save: {
      button: 'Сохранить для чтения без сети',
      size: 'Все страницы сюжета: {size}.',
      saving: 'Сохранение: {n} из {total} файлов…',
      saved: 'Сохранено на этом устройстве: читается без сети и обновляется, когда есть связь.',
      failed: 'Сохранение прервано: нет сети. Попробуйте снова, когда появится связь.',
      remove: 'Удалить с этого устройства',
      removed: 'Удалено с этого устройства.',
    },
  },
  frontPage: {
    title: 'Хроника событий',
    stories: 'Сюжеты',
    noStories: 'Сюжетов пока нет. Добавьте папку с index.md в content/.',
    latest: 'Последние сообщения',
    latestUpdate: 'Последнее сообщение',
  },
  status: { live: 'Идёт', closed: 'Завершён' },
  timesIn: (zone) => `Время: ${zone}`,
  ended: {
    strong: 'Сюжет завершён.',
    text: 'Хроника закрыта, новых сообщений не будет.',
    finalUpdate: 'Последнее сообщение опубликовано',
    readFromStart: 'Читать сюжет с начала',
  },
  latestUpdate: 'Последнее сообщение:',
  readFromStart: 'Читать с начала',
  alsoIn: 'Другие языки',
  by: (n) => (n === 1 ? 'Автор:' : 'Авторы:'),
  author: {
    title: 'Авторы',
    lede: 'Кто передавал сообщения, и их последние сообщения.',
    description: (name) => `Сообщения автора: ${name}.`,
    updates: 'Сообщения',
    feed: 'Подписаться на сообщения автора',
    search: 'Искать в сообщениях автора',
    range: (days) => `Сообщения за ${days}`,
    newer: 'Более новые',
    older: 'Более старые',
    none: 'Сообщений пока нет.',
  },
  briefing: { heading: 'Сводка', updated: 'Обновлено', more: 'Показать всю сводку' },
  introMore: 'Подробнее о сюжете',
  storyTopics: 'Темы сюжета',
  topics: 'Темы',
  noUpdates: 'Сообщений пока нет.',
  badge: { latest: 'Последнее', key: 'Главное' },
  correction: 'Исправление',
  updated: 'Обновлено',
  sources: 'Источники',
  linkToUpdate: 'Ссылка на это сообщение',
  share: {
    button: 'Поделиться',
    copied: 'Ссылка скопирована.',
    failed: 'Ссылку не удалось скопировать: воспользуйтесь ссылкой на это сообщение.',
  },
  embed: {
    heading: 'Последние сообщения',
    summary: 'Встроить сюжет',
    hint: 'Вставьте этот код в веб-страницу или в HTML-блок публикации, чтобы показать там последние сообщения сюжета. Пока сюжет идёт, они обновляются.',
    label: 'Код для встраивания сюжета',
    copy: 'Скопировать код',
    copied: 'Код скопирован.',
    failed: 'Код не удалось скопировать: выделите его в поле.',
    frameTitle: (story, site) => `${story}: хроника на сайте ${site}`,
    more: (site) => `Весь сюжет на сайте ${site}`,
    changed: 'Сообщения изменились — показать',
  },
  updateAt: (time) => `Сообщение в ${time}`,
  updateOf: (day) => `Сообщение за ${day}`,
  jumpToDay: 'Перейти к дню',
  fold: { days: 'Дни', activity: 'Хроника' },
  allDays: (n) => `Все дни (${n})`,
  allDaysHeading: 'Все дни',
  allDaysNote: 'У каждого дня своя страница со всеми сообщениями за этот день.',
  keyEvents: {
    heading: 'Главное',
    all: (n) => `Всё главное полностью (${n})`,
    inFull: 'Главное полностью',
  },
  activity: {
    per: { day: 'день', week: 'неделю', days: (n) => `${n} дн.` },
    // Russian dates end in "г.": no second full stop.
    summary: (per, updates, days, span) =>
      `Сообщений за ${per}: всего ${updates} за ${days}, ${span}`,
    busiest: (n) => (n === 1 ? 'Самый насыщенный день:' : 'Самые насыщенные дни:'),
  },
  updates: { one: 'сообщение', few: 'сообщения', many: 'сообщений', other: 'сообщения' },
  keyEventsCount: {
    one: 'главное событие',
    few: 'главных события',
    many: 'главных событий',
    other: 'главного события',
  },
  storiesCount: { one: 'сюжет', few: 'сюжета', many: 'сюжетов', other: 'сюжета' },
  daysCount: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  breadcrumb: 'Навигационная цепочка',
  dayPage: {
    description: (day) => `Все сообщения за ${day}.`,
    otherDays: 'Другие дни',
    newer: (day) => `Позже: ${day}`,
    older: (day) => `Раньше: ${day}`,
    newest: 'Это последний день',
    first: 'Это первый день',
    allDays: 'Все дни сюжета',
  },
  pager: {
    earlier: 'Раньше',
    later: 'Позже',
    newer: 'Новее',
    older: 'Старше',
    page: (n) => `Страница ${n}`,
    pageOf: (n, of) => `Страница ${n} из ${of}`,
    again: 'ещё раз',
  },
  keyEventsPage: {
    title: 'Главное',
    subtitle: 'Главное, сначала новое',
    description: 'Главные события сюжета полностью.',
    pages: 'Страницы главного',
  },
  fromStart: {
    title: 'С начала',
    subtitle:
      'Сюжет с начала, сначала старое: каждое обновление открывается на странице своего дня',
    description: (range) =>
      `Сюжет в том порядке, в каком всё происходило${range ? `, ${range}` : ''}.`,
    pages: 'Страницы сюжета',
  },
  archive: {
    title: 'Архив',
    description: (site) => `Все месяцы хроники ${site}: сюжеты и главные события каждого.`,
    lede: 'Все месяцы, за которые есть сообщения, сначала новые. У каждого месяца — его сюжеты, дни и главные события.',
    byTopic: 'Смотреть по темам',
    otherMonths: 'Другие месяцы',
    daysNote: 'Дни считаются в часовом поясе каждого сюжета.',
    thisMonth: 'в этом месяце',
    daysOf: (story, month) => `Дни сюжета «${story}» за ${month}`,
    allKeyEvents: (story) => `Всё главное сюжета «${story}»`,
    keyThisMonth: (count) => `${count} в этом месяце`,
    inStories: (updates, stories) => `${updates}, ${stories}`,
  },
  tagsPage: {
    title: 'Темы',
    description: 'Все темы всех сюжетов, с их сюжетами и сообщениями.',
    lede: 'Все метки сюжетов и сообщений. См. также',
    archiveLink: 'архив по месяцам',
    none: 'Меток пока нет.',
    taggedWith: (counts, tag) => `С меткой «${tag}»: ${counts}.`,
    description2: (tag) => `Сюжеты и сообщения с меткой «${tag}».`,
    searchWithin: 'Искать в этой теме',
    stories: 'Сюжеты',
    updates: 'Сообщения',
    newestOf: (shown, total) => `Последние ${shown} из ${total}`,
    allInSearch: (total, tag) => `Все сообщения с меткой «${tag}» (${total}) — в поиске`,
    and: 'и',
  },
  notFound: {
    title: 'Страница не найдена',
    text: 'По этому адресу страницы нет. Возможно, в адресе опечатка или ссылка, по которой вы пришли, устарела.',
    allStories: 'Все сюжеты',
    search: 'Искать во всех сообщениях',
  },
  live: {
    newUpdates: {
      one: '{n} новое сообщение — показать',
      few: '{n} новых сообщения — показать',
      many: '{n} новых сообщений — показать',
      other: '{n} новых сообщения — показать',
    },
    ended: 'Сюжет завершён. Перезагрузите страницу, чтобы увидеть финал',
    changed: 'Сюжет изменился. Перезагрузите страницу',
    failed: 'Не удалось загрузить новые сообщения. Перезагрузите страницу',
    latest: 'Последнее',
    updates: {
      one: '({n} сообщение)',
      few: '({n} сообщения)',
      many: '({n} сообщений)',
      other: '({n} сообщения)',
    },
    summary: 'Сводка обновлена — показать',
    withSummary: 'сводка обновлена',
  },
  searchScript: {
    searching: 'Идёт поиск…',
    found: {
      one: 'Найдено {n} сообщение',
      few: 'Найдено {n} сообщения',
      many: 'Найдено {n} сообщений',
      other: 'Найдено {n} сообщения',
    },
    foundDays: {
      one: 'Сообщения найдены за {n} день',
      few: 'Сообщения найдены за {n} дня',
      many: 'Сообщения найдены за {n} дней',
      other: 'Сообщения найдены за {n} дня',
    },
    days: { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
    none: 'Ничего не найдено',
    forWords: ' по запросу «{q}»',
    within: ' (фильтры: {list})',
    keyOnly: 'только главное',
    failed: 'Не удалось загрузить поиск. Перезагрузите страницу.',
  },
  searchPage: {
    title: 'Поиск',
    heading: 'Поиск по сообщениям',
    description: 'Поиск по всем сообщениям всех сюжетов.',
    words: 'Что искать',
    story: 'Сюжет',
    allStories: 'Все сюжеты',
    year: 'Год',
    anyYear: 'Любой год',
    month: 'Месяц',
    anyMonth: 'Любой месяц',
    topic: 'Тема',
    anyTopic: 'Любая тема',
    author: 'Автор',
    anyAuthor: 'Любой автор',
    keyOnly: 'Только главное',
    order: 'Порядок',
    best: 'По совпадению (без слов — сначала новые)',
    newest: 'Сначала новые',
    oldest: 'Сначала старые',
    button: 'Найти',
    noJs: 'Поиск работает в браузере и требует JavaScript, который выключен или не загрузился. Любое сообщение можно найти и без него:',
    noJsStory: 'откройте сюжет',
    noJsArchive: 'архив по месяцам',
    noJsTopics: 'темы',
    more: 'Показать ещё',
  },
};

/** The dictionaries shipped, by language subtag. */
export const DICTIONARIES: Record<string, Strings> = { en, ru };

/** The interface words for a language (`ru`, `ru-RU`), English where there is no dictionary. */
export function stringsFor(lang: string): Strings {
  return DICTIONARIES[lang.toLowerCase().split('-')[0]!] ?? en;
}

/** The form of `word` for the count `n` in `lang` (also used by the scripts, with forms holding `{n}`). */
export const pluralForm = (word: Plural, n: number, lang: string): string =>
  word[new Intl.PluralRules(lang).select(n)] ?? word.other;

/** `3 updates`, `21 сообщение`: a count with its word in the language's plural form. */
export function counted(n: number, word: Plural, lang: string): string {
  return `${n} ${pluralForm(word, n, lang)}`;
}
