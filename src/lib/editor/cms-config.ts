/**
 * The browser editor's configuration (`/admin/config.yml`, read by Sveltia CMS), made from the
 * content and its schemas at build time: a collection of bulletins per story, named and timed as
 * the content contract says; the stories themselves (`index.md`, new ones too), their summaries
 * and the authors. Pure: the stories, authors and settings in, a plain object out.
 */
import { CONTENT_FORMAT } from './cms-format.ts';

export interface EditorStory {
  slug: string;
  title: string;
  timezone: string;
  status: 'live' | 'closed';
}

export interface EditorSettings {
  /** The content folder, relative to the repository root (`content`). */
  contentDir: string;
  /** GitHub repository (`owner/name`) and branch the editor commits to. */
  repo: string;
  branch: string;
  /** Base URL of an OAuth helper for GitHub sign-in; none: sign in with a token. */
  authUrl?: string | undefined;
  /** The site's address, for links back from the editor. */
  siteUrl: string;
  /** IANA zone names offered for a new story. */
  timezones: readonly string[];
  /** The default zone of a story (config.defaultTimezone). */
  defaultTimezone: string;
}

/** `{{year}}…{{minute}}` are filled in UTC by the editor: the name says so with its `z` (src/lib/content/names.ts). */
export const UTC_SLUG = '{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}z-{{slug}}';

/**
 * Every field a form of the editor shows: what the file format may rewrite (src/lib/editor/cms-format.ts).
 * Any other field of a file (`date`, `lang`…) is kept as written.
 */
export const EDITED_FIELDS = [
  'title',
  'key',
  'body',
  'tags',
  'authors',
  'sources',
  'correction',
  'updated',
  'draft',
  'summary',
  'status',
  'timezone',
  'started',
  'name',
  'role',
  'photo',
] as const;

/** Text without a Markdown picture whose description is empty (`![](map.png)`). */
export const NO_UNDESCRIBED_PICTURE = '^(?![\\s\\S]*!\\[\\s*\\]\\()[\\s\\S]*$';

/** Collection names: `story-<slug>` for a story's bulletins. */
export const bulletinCollection = (slug: string) => `story-${slug}`;

const tagsField = {
  name: 'tags',
  label: 'Topics',
  widget: 'list',
  required: false,
  hint: 'A few words readers would follow, e.g. transport',
};

const authorsField = (hint: string) => ({
  name: 'authors',
  label: 'Authors',
  widget: 'relation',
  collection: 'authors',
  value_field: '{{slug}}',
  search_fields: ['name'],
  display_fields: ['name'],
  multiple: true,
  required: false,
  hint,
});

/**
 * The fields of a bulletin (src/schemas/bulletin.ts; tests/unit/editor-cms.test.ts holds every form
 * to its schema), in the order a reporter needs them.
 */
function bulletinFields(story: EditorStory) {
  return [
    { name: 'title', label: 'Headline', widget: 'string', required: false },
    {
      name: 'key',
      label: 'Key event',
      widget: 'boolean',
      default: false,
      required: false,
      hint: 'Highlighted in the timeline and listed under Key events',
    },
    {
      name: 'body',
      label: 'Text',
      widget: 'markdown',
      // The build refuses a picture without a description: say so before the save.
      pattern: [
        NO_UNDESCRIBED_PICTURE,
        'Describe every picture: write what it shows in its Alt Text',
      ],
    },
    tagsField,
    authorsField("Default: the story's authors"),
    {
      name: 'sources',
      label: 'Sources',
      widget: 'list',
      required: false,
      fields: [
        { name: 'title', label: 'Name', widget: 'string' },
        {
          name: 'url',
          label: 'Address',
          widget: 'string',
          pattern: ['^https?://', 'An address starting with https://'],
        },
      ],
    },
    {
      name: 'correction',
      label: 'Correction',
      widget: 'string',
      required: false,
      hint: 'What was corrected; needs the time of the correction below',
    },
    {
      name: 'updated',
      label: 'Corrected or updated at',
      widget: 'datetime',
      required: false,
      input_timezone: story.timezone,
      format: 'YYYY-MM-DDTHH:mm:ssZ',
      hint: `On the story's clock (${story.timezone})`,
    },
    {
      name: 'draft',
      label: 'Draft: keep it off the site',
      widget: 'boolean',
      default: false,
      required: false,
    },
  ];
}

/** Sveltia CMS's configuration for the site. */
export function editorConfig(
  stories: readonly EditorStory[],
  settings: EditorSettings,
): Record<string, unknown> {
  const content = settings.contentDir.replace(/\/+$/, '');
  // Live stories first: that is where a reporter files.
  const ordered = [...stories].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      a.title.localeCompare(b.title),
  );
  return {
    backend: {
      name: 'github',
      repo: settings.repo,
      branch: settings.branch,
      ...(settings.authUrl ? { base_url: settings.authUrl } : {}),
      commit_messages: {
        create: 'Add {{collection}} “{{slug}}”',
        update: 'Edit {{collection}} “{{slug}}”',
        delete: 'Delete {{collection}} “{{slug}}”',
        uploadMedia: 'Add {{path}}',
        deleteMedia: 'Delete {{path}}',
      },
    },
    site_url: settings.siteUrl,
    display_url: settings.siteUrl,
    // Files uploaded outside a bulletin (the editor's Assets) go where the site's own files are,
    // `public/images/`, written from the site's root (`/images/map.png`). A bulletin's pictures go
    // beside it (its collection's media folder), an author's photo beside the author's file.
    media_folder: 'public/images',
    public_folder: '/images',
    slug: { encoding: 'ascii', clean_accents: true, maxlength: 60 },
    output: { omit_empty_optional_fields: true },
    collections: [
      ...ordered.map((story) => ({
        name: bulletinCollection(story.slug),
        label: story.title,
        label_singular: 'bulletin',
        description: `Updates of this story; times on its clock (${story.timezone})`,
        folder: `${content}/${story.slug}`,
        // index.md and summary.md live in the same folder: bulletins are the files named by a day.
        filter: { field: 'slug', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
        slug: UTC_SLUG,
        // A published bulletin's name is its permalink: it is corrected, never deleted from a phone.
        delete: false,
        format: CONTENT_FORMAT,
        extension: 'md',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: {
          fields: ['slug', 'title'],
          default: { field: 'slug', direction: 'descending' },
        },
        media_folder: `/${content}/${story.slug}`,
        public_folder: '',
        fields: bulletinFields(story),
      })),
      { divider: true },
      {
        name: 'stories',
        label: 'Stories',
        label_singular: 'story',
        description: 'Each story’s headline, summary, clock and introduction; a new story here',
        folder: content,
        path: '{{slug}}/index',
        // Its bulletins would be left without a story.
        delete: false,
        format: CONTENT_FORMAT,
        extension: 'md',
        slug: '{{title}}',
        summary: '{{title}}',
        fields: [
          { name: 'title', label: 'Headline', widget: 'string' },
          { name: 'summary', label: 'Summary', widget: 'text', hint: 'One or two sentences' },
          {
            name: 'status',
            label: 'Status',
            widget: 'select',
            options: ['live', 'closed'],
            default: 'live',
          },
          {
            name: 'timezone',
            label: 'Time zone',
            widget: 'select',
            options: settings.timezones,
            default: settings.defaultTimezone,
            hint: 'Where the story is told: its days and times are counted there',
          },
          tagsField,
          authorsField('Of the bulletins that name none'),
          {
            name: 'started',
            label: 'Began on',
            widget: 'datetime',
            type: 'date',
            format: 'YYYY-MM-DD',
            required: false,
          },
          { name: 'body', label: 'Introduction', widget: 'markdown' },
        ],
      },
      {
        name: 'summaries',
        label: 'Summaries',
        label_singular: 'summary',
        description: 'The state of things in a few points, above a story’s updates',
        files: ordered.map((story) => ({
          name: story.slug,
          label: story.title,
          file: `${content}/${story.slug}/summary.md`,
          format: CONTENT_FORMAT,
          fields: [
            {
              name: 'updated',
              label: 'Brought up to date at',
              widget: 'datetime',
              input_timezone: story.timezone,
              format: 'YYYY-MM-DD HH:mm',
              hint: `On the story's clock (${story.timezone})`,
            },
            { name: 'body', label: 'Points', widget: 'markdown' },
          ],
        })),
      },
      {
        name: 'authors',
        label: 'Authors',
        label_singular: 'author',
        folder: `${content}/authors`,
        format: CONTENT_FORMAT,
        extension: 'md',
        slug: '{{name}}',
        identifier_field: 'name',
        media_folder: `/${content}/authors`,
        public_folder: '',
        fields: [
          { name: 'name', label: 'Name', widget: 'string' },
          { name: 'role', label: 'Role', widget: 'string', required: false },
          { name: 'photo', label: 'Photo', widget: 'image', required: false },
          { name: 'body', label: 'Bio', widget: 'markdown', required: false },
        ],
      },
    ],
  };
}
