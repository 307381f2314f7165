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
  frontPage: { title: string; stories: string; noStories: string; latest: string; latestUpdate: string };
  status: { live: string; closed: string };
  timesIn: (zone: string) => string;
  ended: { strong: string; text: string; finalUpdate: string; readFromStart: string };
  latestUpdate: string;
  readFromStart: string;
  storyTopics: string;
  topics: string;
  noUpdates: string;
  badge: { latest: string; key: string };
  correction: string;
  updated: string;
  sources: string;
  linkToUpdate: string;
  updateAt: (time: string) => string;
  updateOf: (day: string) => string;
  jumpToDay: string;
  allDays: (n: number) => string;
  allDaysHeading: string;
  allDaysNote: string;
  keyEvents: { heading: string; all: (n: number) => string; inFull: string };
  activity: { per: { day: string; week: string; days: (n: number) => string }; summary: (per: string, updates: string, days: string, span: string) => string; busiest: (n: number) => string };
  updates: Plural;
  keyEventsCount: Plural;
  storiesCount: Plural;
  daysCount: Plural;
}

const en: Strings = {
  skipToContent: 'Skip to content',
  nav: { label: 'Site', stories: 'Stories', archive: 'Archive', topics: 'Topics', search: 'Search' },
  siteSearch: { label: 'Search every update', placeholder: 'Search  /', button: 'Search' },
  footer: (site) => `${site}: rolling coverage, kept whole. Every update has a permanent link; times are shown in each story's own time zone.`,
  frontPage: { title: 'Rolling coverage', stories: 'Stories', noStories: 'No stories yet. Add a folder with an index.md under content/.', latest: 'Latest updates', latestUpdate: 'Latest update' },
  status: { live: 'Live', closed: 'Ended' },
  timesIn: (zone) => `Times in ${zone}`,
  ended: { strong: 'This story has ended.', text: 'Coverage is closed; no further updates will be added.', finalUpdate: 'The final update was published on', readFromStart: 'Read the story from the start' },
  latestUpdate: 'Latest update:',
  readFromStart: 'Read from the start',
  storyTopics: 'Topics of this story',
  topics: 'Topics',
  noUpdates: 'No updates yet.',
  badge: { latest: 'Latest', key: 'Key event' },
  correction: 'Correction',
  updated: 'Updated',
  sources: 'Sources',
  linkToUpdate: 'Link to this update',
  updateAt: (time) => `Update at ${time}`,
  updateOf: (day) => `Update of ${day}`,
  jumpToDay: 'Jump to day',
  allDays: (n) => `All ${n} days`,
  allDaysHeading: 'All days',
  allDaysNote: 'Each day has its own page with every update of that day.',
  keyEvents: { heading: 'Key events', all: (n) => `All ${n} key events, in full`, inFull: 'Key events in full' },
  activity: {
    per: { day: 'day', week: 'week', days: (n) => `${n} days` },
    summary: (per, updates, days, span) => `Updates per ${per}: ${updates} over ${days}, ${span}.`,
    busiest: (n) => (n === 1 ? 'Busiest day:' : 'Busiest days:'),
  },
  updates: { one: 'update', other: 'updates' },
  keyEventsCount: { one: 'key event', other: 'key events' },
  storiesCount: { one: 'story', other: 'stories' },
  daysCount: { one: 'day', other: 'days' },
};

const ru: Strings = {
  skipToContent: 'Перейти к содержанию',
  nav: { label: 'Сайт', stories: 'Сюжеты', archive: 'Архив', topics: 'Темы', search: 'Поиск' },
  siteSearch: { label: 'Искать во всех сообщениях', placeholder: 'Поиск  /', button: 'Найти' },
  footer: (site) => `${site}: хроника событий целиком. У каждого сообщения постоянная ссылка; время указано в часовом поясе сюжета.`,
  frontPage: { title: 'Хроника событий', stories: 'Сюжеты', noStories: 'Сюжетов пока нет. Добавьте папку с index.md в content/.', latest: 'Последние сообщения', latestUpdate: 'Последнее сообщение' },
  status: { live: 'Идёт', closed: 'Завершён' },
  timesIn: (zone) => `Время: ${zone}`,
  ended: { strong: 'Сюжет завершён.', text: 'Хроника закрыта, новых сообщений не будет.', finalUpdate: 'Последнее сообщение опубликовано', readFromStart: 'Читать сюжет с начала' },
  latestUpdate: 'Последнее сообщение:',
  readFromStart: 'Читать с начала',
  storyTopics: 'Темы сюжета',
  topics: 'Темы',
  noUpdates: 'Сообщений пока нет.',
  badge: { latest: 'Последнее', key: 'Главное' },
  correction: 'Исправление',
  updated: 'Обновлено',
  sources: 'Источники',
  linkToUpdate: 'Ссылка на это сообщение',
  updateAt: (time) => `Сообщение в ${time}`,
  updateOf: (day) => `Сообщение за ${day}`,
  jumpToDay: 'Перейти к дню',
  allDays: (n) => `Все дни (${n})`,
  allDaysHeading: 'Все дни',
  allDaysNote: 'У каждого дня своя страница со всеми сообщениями за этот день.',
  keyEvents: { heading: 'Главное', all: (n) => `Всё главное полностью (${n})`, inFull: 'Главное полностью' },
  activity: {
    per: { day: 'день', week: 'неделю', days: (n) => `${n} дн.` },
    summary: (per, updates, days, span) => `Сообщений за ${per}: всего ${updates} за ${days}, ${span}.`,
    busiest: (n) => (n === 1 ? 'Самый насыщенный день:' : 'Самые насыщенные дни:'),
  },
  updates: { one: 'сообщение', few: 'сообщения', many: 'сообщений', other: 'сообщения' },
  keyEventsCount: { one: 'главное событие', few: 'главных события', many: 'главных событий', other: 'главного события' },
  storiesCount: { one: 'сюжет', few: 'сюжета', many: 'сюжетов', other: 'сюжета' },
  daysCount: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
};

/** The dictionaries shipped, by language subtag. */
export const DICTIONARIES: Record<string, Strings> = { en, ru };

/** The interface words for a language (`ru`, `ru-RU`), English where there is no dictionary. */
export function stringsFor(lang: string): Strings {
  return DICTIONARIES[lang.toLowerCase().split('-')[0]!] ?? en;
}

/** `3 updates`, `21 сообщение`: a count with its word in the language's plural form. */
export function counted(n: number, word: Plural, lang: string): string {
  const category = new Intl.PluralRules(lang).select(n);
  return `${n} ${word[category] ?? word.other}`;
}
