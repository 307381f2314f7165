// The module src/integrations/settings.ts serves: the build's settings, as values.
declare module 'virtual:dateline/settings' {
  /** The build's settings (src/config.ts). */
  // An `import type` inside an ambient module leaves the type unresolved for typescript-eslint.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const settings: import('./config.ts').Settings;
  export default settings;
}
