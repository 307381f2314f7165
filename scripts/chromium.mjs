// Finds a Chromium for the browser tests and prints its path; never downloads a browser.
// Order: $CHROME_PATH, Debian/Ubuntu paths, Google Chrome. Where there is none and we are root on
// Debian, installs Debian's `chromium` package (and its `chromium-headless-shell`); otherwise stops
// with a message saying how to get one.
// The headless shell (Chromium's old headless mode, the browser Playwright itself runs headless
// tests in) takes about a third less CPU for the same pages; the tests that need the full browser
// (the editor's: its file system and file pickers) run in Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** The program the variable `name` names (an error when it does not exist), else the first of `paths` that exists. */
function find(name, paths) {
  const fromEnv = process.env[name];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${name} is set to ${fromEnv}, which does not exist`);
  }
  return paths.find((p) => existsSync(p));
}

/** The first Chromium found, or undefined. */
export const findChromium = () => find('CHROME_PATH', CANDIDATES);

/** Chromium's headless shell: $CHROME_SHELL_PATH, Debian's package, or undefined. */
export const findHeadlessShell = () =>
  find('CHROME_SHELL_PATH', [
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium-headless-shell',
  ]);

/** Finds Chromium, installing Debian's package when that is possible. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    console.info("chromium: not found; installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync(
      'apt-get',
      [
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        'chromium',
        'chromium-headless-shell',
        'fonts-liberation',
      ],
      { stdio: 'inherit', env },
    );
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'No Chromium found for the browser tests (Playwright here never downloads a browser).',
      'Install one and run again:',
      '  Debian/Ubuntu:  sudo apt-get install chromium   (or chromium-browser)',
      '  other systems:  install Chromium or Google Chrome, then set CHROME_PATH=/path/to/chrome',
    ].join('\n'),
  );
}

/**
 * The headless shell, installed from Debian's package when it is missing and we are root on Debian;
 * undefined elsewhere (the tests then run every spec in Chromium, only slower).
 */
export function ensureHeadlessShell() {
  const found = findHeadlessShell();
  if (found) return found;
  if (
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    existsSync('/usr/bin/apt-get')
  ) {
    console.info("chromium-headless-shell: not found; installing Debian's package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium-headless-shell'],
      {
        stdio: 'inherit',
        env,
      },
    );
  }
  return findHeadlessShell();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.info(ensureChromium());
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
