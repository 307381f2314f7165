/**
 * Social card images (1200×630 PNG) for stories: satori lays out the text with bundled fonts into
 * an SVG, resvg renders it. Nothing is fetched: the fonts come from @fontsource/noto-sans.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** What a card says. */
export interface CardData {
  site: string;
  title: string;
  status: 'live' | 'closed';
  /** The status as the card writes it, in the site's language (`Live`, `Идёт`). */
  statusLabel: string;
  span: string | undefined;
  updates: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'greek', 'vietnamese'] as const;
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** Noto Sans, Latin, Latin Extended and Cyrillic, regular and bold, read once. */
function loadFonts() {
  const require = createRequire(import.meta.url);
  // One family per subset: satori falls back along the family list for glyphs a font lacks.
  fonts ??= SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: `Noto Sans ${subset}`,
      weight,
      style: 'normal' as const,
      data: readFileSync(
        require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`),
      ),
    })),
  );
  return fonts;
}

type Node = {
  type: string;
  props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string };
};
const el = (
  type: string,
  style: Record<string, unknown>,
  children: (Node | string)[] | string,
): Node => ({ type, props: { style, children } });

/** The card as an SVG document. */
export async function cardSvg(card: CardData): Promise<string> {
  const live = card.status === 'live';
  // Satori sizes boxes without their padding and border (content-box): the content fills what is left.
  const tree = el(
    'div',
    {
      width: CARD_WIDTH - 2 * 72 - 24,
      height: CARD_HEIGHT - 2 * 72,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: 72,
      background: '#fdfcfa',
      color: '#1c1b19',
      fontFamily: SUBSETS.map((s) => `Noto Sans ${s}`).join(', '),
      borderLeft: `24px solid ${live ? '#b3261e' : '#44403c'}`,
    },
    [
      el('div', { display: 'flex', alignItems: 'center', gap: 24, fontSize: 32 }, [
        el('div', { fontWeight: 700, color: '#b3261e' }, card.site),
        el(
          'div',
          {
            display: 'flex',
            padding: '4px 16px',
            borderRadius: 8,
            fontWeight: 700,
            fontSize: 26,
            letterSpacing: 2,
            ...(live
              ? { background: '#b3261e', color: '#ffffff' }
              : { border: '3px solid #44403c', color: '#44403c' }),
          },
          card.statusLabel.toUpperCase(),
        ),
      ]),
      el(
        'div',
        {
          display: 'flex',
          fontSize: card.title.length > 60 ? 60 : 76,
          fontWeight: 700,
          lineHeight: 1.15,
        },
        card.title,
      ),
      el('div', { display: 'flex', gap: 32, fontSize: 32, color: '#57534e' }, [
        ...(card.span ? [el('div', {}, card.span)] : []),
        el('div', {}, card.updates),
      ]),
    ],
  );
  return satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/** The card as PNG bytes. */
export async function cardPng(card: CardData): Promise<Buffer> {
  return new Resvg(await cardSvg(card), {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
}
