// Serves a built site for tests and benchmarks: `node scripts/serve.mjs [--dir dist] [--port 4391] [--base /] [--headers]`.
// With --headers it sends the headers of the site's `_headers` file, as Netlify and Cloudflare Pages do.
// A plain static server (sirv) that behaves like the hosts Dateline deploys to: gzip for text
// files when the browser accepts it, ETags and 304s, 404.html for missing pages, and optionally a base path.
// No Astro process, so it runs beside `npm start` (Astro 7 allows one `astro preview` per project).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { parseHeadersFile } from '../src/lib/publish/headers.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4391' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string', default: '/' },
    headers: { type: 'boolean', default: false },
  },
});
const rules = values.headers
  ? parseHeadersFile(readFileSync(join(values.dir, '_headers'), 'utf8'))
  : [];
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const files = sirv(values.dir, { dev: true, etag: true, extensions: ['html'] });
const notFound = (() => {
  try {
    return readFileSync(join(values.dir, '404.html'));
  } catch {
    return Buffer.from('Not found');
  }
})();

const TEXT = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};
const gzipped = new Map();

/** The file a path maps to, if it is a text file worth compressing. */
function textFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined; // a broken escape (`/%zz`): sirv answers it
  }
  let file = normalize(join(values.dir, decoded));
  if (!file.startsWith(normalize(values.dir))) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && TEXT[extname(file)] ? file : undefined;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  // Every matching rule applies; a header two rules set gets both values, joined, as Netlify and
  // Cloudflare Pages join them (two Content-Security-Policies: a browser enforces both).
  for (const rule of rules)
    if (rule.pattern.test(url.pathname))
      for (const [k, v] of Object.entries(rule.headers)) {
        const before = res.getHeader(k);
        res.setHeader(k, before === undefined ? v : `${String(before)}, ${v}`);
      }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    return;
  }
  const path = `/${url.pathname.slice(base.length)}`;
  const file = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? textFile(path) : undefined;
  if (file) {
    // Validated by size and modification time, as hosts do (a rebuilt file is sent anew; an unchanged one is a 304).
    const { size, mtimeMs } = statSync(file);
    const etag = `W/"${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    if (gzipped.get(file)?.etag !== etag)
      gzipped.set(file, { etag, body: gzipSync(readFileSync(file)) });
    res
      .writeHead(200, {
        'content-type': TEXT[extname(file)],
        'content-encoding': 'gzip',
        vary: 'accept-encoding',
        etag,
      })
      .end(gzipped.get(file).body);
    return;
  }
  req.url = `${path}${url.search}`;
  files(req, res, () =>
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound),
  );
});
server.listen(Number(values.port), values.host, () => {
  console.info(`serving ${values.dir}/ at http://${values.host}:${values.port}${base}`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
