/**
 * A script of src/scripts bundled on its own, as one classic script (not Astro's modules): for the
 * files whose address is fixed, the service worker (`sw.js`) and the script partners' pages load
 * beside an embed (`embed.js`). Minified; `define` gives it the build's settings.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function bundleScript(
  name: string,
  define: Record<string, string> = {},
): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../scripts/${name}`, import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    define,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
