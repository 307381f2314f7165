import { describe, expect, test } from 'vitest';
import { settingsFrom } from '../../src/config.ts';

describe('settingsFrom: mirrors, the onion address, who may frame the embeds', () => {
  test('none by default', () => {
    expect(settingsFrom({})).toMatchObject({ mirrors: [], onion: '' });
  });
  test('MIRRORS: comma-separated origins, written as the URL standard writes them', () => {
    expect(
      settingsFrom({ MIRRORS: ' https://News.Example.net/ , http://127.0.0.1:4399,' }).mirrors,
    ).toEqual(['https://news.example.net', 'http://127.0.0.1:4399']);
  });
  test.each([
    'news.example.net',
    'ftp://news.example.net',
    'https://news.example.net/dateline/',
    'https://news.example.net/?a=1',
    'https://user@news.example.net',
  ])('MIRRORS=%s is refused, naming the variable', (value) => {
    expect(() => settingsFrom({ MIRRORS: value })).toThrow(/^MIRRORS: ".*" is not an origin/);
  });
  test('ONION: an origin whose host is an onion address', () => {
    const onion = `http://${'a'.repeat(56)}.onion`;
    expect(settingsFrom({ ONION: `${onion}/` }).onion).toBe(onion);
    expect(() => settingsFrom({ ONION: 'https://news.example.net' })).toThrow(
      /^ONION: ".*" is not an origin \(.*ending in \.onion/,
    );
  });

  test('EMBED_ORIGINS: who may frame the embeds, checked like MIRRORS; none set: any site', () => {
    expect(settingsFrom({}).embed).toEqual({ updates: 10, origins: [] });
    expect(
      settingsFrom({ EMBED_ORIGINS: 'https://Partner.example, https://news.example.org:8443/' })
        .embed.origins,
    ).toEqual(['https://partner.example', 'https://news.example.org:8443']);
    expect(() => settingsFrom({ EMBED_ORIGINS: 'partner.example' })).toThrow(
      /^EMBED_ORIGINS: "partner.example" is not an origin/,
    );
  });
});
