import { afterEach, describe, expect, test, vi } from 'vitest';
import { findChromium } from '../../scripts/chromium.mjs';

afterEach(() => vi.unstubAllEnvs());

describe('finding a Chromium for the browser tests', () => {
  test('CHROME_PATH wins when it exists', () => {
    vi.stubEnv('CHROME_PATH', process.execPath);
    expect(findChromium()).toBe(process.execPath);
  });
  test('a CHROME_PATH that does not exist is an error, not a silent fallback', () => {
    vi.stubEnv('CHROME_PATH', '/nonexistent/chromium');
    expect(() => findChromium()).toThrow(
      'CHROME_PATH is set to /nonexistent/chromium, which does not exist',
    );
  });
});
