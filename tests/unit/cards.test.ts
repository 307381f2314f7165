import { describe, expect, test } from 'vitest';
import { cardPng, cardSvg } from '../../src/lib/publish/cards.ts';

describe('social cards', () => {
  const card = {
    site: 'Dateline',
    title: 'Unrest in Kazakhstan: Алматы — Zürich',
    status: 'closed' as const,
    statusLabel: 'Ended',
    span: '5 – 10 January 2022',
    updates: '4 updates',
  };

  test('an SVG of 1200×630 with the text drawn as paths (no fonts needed to show it)', async () => {
    const svg = await cardSvg(card);
    expect(svg).toMatch(/^<svg width="1200" height="630"/);
    expect(svg).not.toContain('<text');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(5);
  }, 20_000);

  test('a PNG, the same bytes for the same card', async () => {
    const a = await cardPng(card);
    expect(a.subarray(1, 4).toString()).toBe('PNG');
    expect([a.readUInt32BE(16), a.readUInt32BE(20)]).toEqual([1200, 630]);
    expect((await cardPng(card)).equals(a)).toBe(true);
  }, 20_000);
});
