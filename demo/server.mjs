// The demo site: serves demo/ and the built dist/ on localhost, offline. `npm start` runs it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
// URL prefix → folder. Everything else comes from demo/.
const MOUNTS = [
  ['/js/', 'dist/'],
  ['/vendor/js-cookie/', 'node_modules/js-cookie/dist/'],
  ['/', 'demo/'],
];

/** Start the demo server; `options.headers(path)` adds response headers (used by tests for CSP). */
export const startDemoServer = ({ port = 0, host = '127.0.0.1', headers = () => ({}) } = {}) => {
  const hits = [];
  const decisions = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/g/collect') {
      hits.push(Object.fromEntries(url.searchParams));
      return res.writeHead(204).end();
    }
    if (url.pathname === '/consent-log' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      decisions.push(JSON.parse(body));
      return res.writeHead(204).end();
    }
    if (url.pathname === '/hits.json') return res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ hits, decisions }));
    const [prefix, dir] = MOUNTS.find(([p]) => url.pathname.startsWith(p));
    let file = normalize(join(root, dir, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file.startsWith(join(root, dir))) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers(url.pathname) }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve({ server, port: server.address().port, hits, decisions, close: () => new Promise((r) => server.close(r)) })));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  const { port: bound } = await startDemoServer({ port, host: process.env.HOST || '127.0.0.1' });
  console.log(`consent-gate demo: http://localhost:${bound}/  (Ctrl+C to stop)`);
}
