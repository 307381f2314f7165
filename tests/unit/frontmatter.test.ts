import { describe, expect, test } from 'vitest';
import {
  FrontmatterError,
  lineOfField,
  splitFrontmatter,
} from '../../src/lib/content/frontmatter.ts';

describe('splitFrontmatter', () => {
  test('parses YAML and returns the body with its first line', () => {
    const r = splitFrontmatter('---\ntitle: Hello\nkey: true\n---\n\nBody text\n');
    expect(r.data).toEqual({ title: 'Hello', key: true });
    expect(r.body).toBe('\nBody text\n');
    expect(r.bodyLine).toBe(5);
  });

  test('dates stay strings with their offsets (CORE_SCHEMA, not js-yaml timestamps)', () => {
    const r = splitFrontmatter('---\ndate: 2022-01-14T19:00:00-05:00\nday: 2022-01-07\n---\n');
    expect(r.data).toEqual({ date: '2022-01-14T19:00:00-05:00', day: '2022-01-07' });
  });

  test('no frontmatter: everything is body', () => {
    expect(splitFrontmatter('Just text')).toEqual({ data: {}, body: 'Just text', bodyLine: 1 });
  });

  test('empty frontmatter is an empty object', () => {
    expect(splitFrontmatter('---\n---\nx').data).toEqual({});
  });

  test('CRLF line endings and a BOM are accepted', () => {
    const r = splitFrontmatter('\uFEFF---\r\ntitle: Hi\r\n---\r\nBody\r\n');
    expect(r.data).toEqual({ title: 'Hi' });
    expect(r.body).toBe('Body\n');
  });

  test('broken YAML names the line', () => {
    try {
      splitFrontmatter('---\ntitle: ok\ntags: [a, b\nkey: true\n---\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FrontmatterError);
      expect((err as FrontmatterError).message).toMatch(/invalid YAML/);
      expect((err as FrontmatterError).line).toBeGreaterThanOrEqual(3);
    }
  });

  test('an unclosed fence is an error', () => {
    expect(() => splitFrontmatter('---\ntitle: x\nbody')).toThrow(/no closing ---/);
  });

  test('a YAML list instead of fields is an error', () => {
    expect(() => splitFrontmatter('---\n- a\n- b\n---\n')).toThrow(/field: value/);
  });

  test('lineOfField finds top-level fields only', () => {
    const src = '---\ntitle: a\nsources:\n  - title: b\ndate: x\n---\n';
    expect(lineOfField(src, 'title')).toBe(2);
    expect(lineOfField(src, 'date')).toBe(5);
    expect(lineOfField(src, 'missing')).toBeUndefined();
  });
});
