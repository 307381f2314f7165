// Serves a built site for tests and benchmarks: `node scripts/serve.mjs [--dir dist] [--port 4391] [--base /]`.
// A plain static server (sirv), like the hosts Dateline deploys to: no Astro process, so it runs
// beside `npm start` (Astro 7 allows one `astro preview` per project) and can mount the site under a base path.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4391' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string', default: '/' },
  },
});
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const files = sirv(values.dir, { dev: true, etag: true, extensions: ['html'] });
const notFound = (() => {
  try {
    return readFileSync(join(values.dir, '404.html'));
  } catch {
    return Buffer.from('Not found');
  }
})();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    return;
  }
  req.url = `/${url.pathname.slice(base.length)}${url.search}`;
  files(req, res, () => res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound));
});
server.listen(Number(values.port), values.host, () => {
  console.info(`serving ${values.dir}/ at http://${values.host}:${values.port}${base}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
