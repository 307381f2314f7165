/**
 * Dateline's parts of the browser editor, registered before Sveltia CMS starts (it waits for the
 * document to be parsed; this module runs before that): the file format that writes only what was
 * edited (src/lib/editor/cms-format.ts), and a preview that looks like the site.
 */
import { CONTENT_FORMAT, readEntry, writeEntry } from '../lib/editor/cms-format.ts';
import { EDITED_FIELDS } from '../lib/editor/cms-config.ts';

interface ImmutableMap {
  getIn(path: readonly string[]): unknown;
  get(key: string): unknown;
}
interface Cms {
  registerCustomFormat(
    name: string,
    extension: string,
    methods: {
      fromFile: (this: void, text: string) => Record<string, unknown>;
      toFile: (this: void, data: Record<string, unknown>) => string;
    },
  ): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(name: string, component: (props: PreviewProps) => unknown): void;
}
interface PreviewProps {
  entry: ImmutableMap;
  widgetFor: (name: string) => unknown;
}
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

const { CMS, h } = window as unknown as { CMS: Cms; h: H };
const config = document.querySelector<HTMLLinkElement>('link[rel="cms-config-url"]')!;

CMS.registerCustomFormat(CONTENT_FORMAT, 'md', {
  fromFile: readEntry,
  toFile: (data) => writeEntry(data, EDITED_FIELDS),
});

CMS.registerPreviewStyle(new URL('preview.css', config.href).href);

/** A bulletin as the timeline shows it (src/components/Bulletin.astro): headline, key-event mark, text. */
const bulletin = ({ entry, widgetFor }: PreviewProps) => {
  const data = (key: string) => {
    const value = entry.getIn(['data', key]);
    return typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
  };
  const key = data('key') === true;
  const title = data('title');
  const correction = data('correction');
  return h(
    'main',
    { className: 'preview' },
    h(
      'article',
      { className: key ? 'bulletin is-key' : 'bulletin' },
      h(
        'header',
        { className: 'bulletin-header' },
        key
          ? h(
              'p',
              { className: 'bulletin-meta' },
              h('span', { className: 'badge badge-key' }, 'Key event'),
            )
          : null,
        title ? h('h3', { className: 'bulletin-title' }, title) : null,
      ),
      h('div', { className: 'bulletin-body' }, widgetFor('body')),
      correction
        ? h(
            'p',
            { className: 'correction', role: 'note' },
            h('strong', null, 'Correction'),
            `: ${correction}`,
          )
        : null,
    ),
  );
};

for (const name of document.documentElement.dataset['collections']?.split(' ') ?? [])
  CMS.registerPreviewTemplate(name, bulletin);
