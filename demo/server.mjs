// The demo site: serves demo/ and the built dist/ on localhost, offline. `npm start` runs it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
// URL prefix → folder. Everything else comes from demo/.
const MOUNTS = [
  ['/js/', 'dist/'],
  ['/apps/', 'demo/.build/'],
  ['/', 'demo/'],
];

/**
 * The React and Vue examples, rendered on the server for each request with the decision its cookie holds
 * (from `npm run build:apps`, demo/.build/), the decision handed to the browser for hydration.
 */
const renderApp = async (app, cookieHeader) => {
  const template = await readFile(join(root, `demo/.build/${app}/index.html`), 'utf8').catch(() => undefined);
  if (!template) return undefined;
  const { render } = await import(pathToFileURL(join(root, `demo/.build/${app}-server/entry-server.mjs`)).href);
  const { html, initialConsent } = await render(cookieHeader || '');
  // The decision as JSON in a script: `<` escaped, so no text in it can end the script.
  const state = `<script>window.__CONSENT__ = ${JSON.stringify(initialConsent).replace(/</g, '\\u003c')};</script>`;
  return template.replace('<!--app-head-->', state).replace('<!--app-html-->', html);
};

/**
 * With a real measurement ID (`GA_ID=G-XXXXXXX npm start`) the pages load Google's gtag.js instead of the
 * stand-in. `adsId`: a Google Ads ID in place of the demo's made-up one, or `null` to leave it out.
 */
const withGaId = (html, gaId, adsId) => {
  if (gaId) html = html.replace('data-ga-id="G-DEMO1234"', `data-ga-id="${gaId}"`).replace(' data-gtag-src="/stand-in/gtag.js"', '');
  if (adsId !== undefined) html = html.replace(' data-google-ads-id="AW-123456789"', adsId ? ` data-google-ads-id="${adsId}"` : '');
  return html;
};

/**
 * Opt-in or opt-out per visitor, as the README's "Choosing opt-in or opt-out per region" does it: the
 * visitor's country from the CDN's header (Cloudflare's `CF-IPCountry`, CloudFront's
 * `CloudFront-Viewer-Country`); US visitors get opt-out mode, everyone else (the EU, the UK, unknown) opt-in.
 */
export const modeFor = (country) => (country === 'US' ? 'opt-out' : 'opt-in');

/**
 * The demo's country: the CDN's header, else `?country=US` (kept in a session cookie, so the next pages
 * agree), else the cookie. Its `<html lang>` (and `dir`): `?lang=ar`, say, to see the notice in another language.
 */
const visitorOf = (req, url) => {
  const asked = url.searchParams.get('country');
  const cookie = /(?:^|;\s*)demo_country=([A-Z]{2})/.exec(req.headers.cookie || '');
  const country = req.headers['cf-ipcountry'] || req.headers['cloudfront-viewer-country'] || (asked !== null ? asked : cookie?.[1]) || '';
  const lang = url.searchParams.get('lang');
  return {
    mode: modeFor(String(country).toUpperCase()),
    setCookie: asked !== null && /^[A-Za-z]{0,2}$/.test(asked) ? { 'set-cookie': `demo_country=${asked.toUpperCase()}; Path=/; SameSite=Lax` } : {},
    lang: lang && /^[A-Za-z]{2,3}(-[A-Za-z\d]{2,8}){0,2}$/.test(lang) ? lang : undefined,
  };
};

/** The page as this visitor gets it: `data-mode` on the script tag in opt-out mode; the asked language. */
const forVisitor = (html, { mode, lang }) => {
  if (mode == 'opt-out') html = html.replace('<script src="/js/consent-gate.min.js"', '<script src="/js/consent-gate.min.js" data-mode="opt-out"');
  if (lang) html = html.replace('<html lang="en">', `<html lang="${lang}"${/^(ar|he)\b/.test(lang) ? ' dir="rtl"' : ''}>`);
  return html;
};

/**
 * Start the demo server. `gaId` puts a real measurement ID in the pages (gtag.js then comes from Google);
 * the tests add `fixtures` (test/e2e/fixtures at /fixtures/) and `headers(path)` (a CSP, say); the
 * benchmark adds its own `mounts`, `[urlPrefix, folder]` pairs.
 */
export const startDemoServer = ({ port = 0, host = '127.0.0.1', headers = () => ({}), gaId, adsId, fixtures = false, mounts: extra = [] } = {}) => {
  const mounts = [...extra, ...(fixtures ? [['/fixtures/', 'test/e2e/fixtures/']] : []), ...MOUNTS];
  if (gaId && !/^G-[A-Za-z0-9]+$/.test(gaId)) throw new Error(`GA_ID must be a GA4 measurement ID such as G-ABC123, got ${gaId}`);
  if (adsId && !/^AW-\d+$/.test(adsId)) throw new Error(`GOOGLE_ADS_ID must be a Google Ads ID such as AW-123456789, got ${adsId}`);
  const hits = [];
  const decisions = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    // The stand-ins' hits: GA's collect, and the Google Ads conversion ping.
    if (url.pathname === '/g/collect' || url.pathname.startsWith('/ads/collect/')) {
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
    const app = /^\/(react|react18|vue)\/$/.exec(url.pathname);
    if (app) {
      const html = await renderApp(app[1], req.headers.cookie);
      if (html) return res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers(url.pathname) }).end(html);
    }
    // The shop's pages: demo/pages/<name>.html (its title in a first-line comment, then its <main>) in demo/layout.html.
    const page = /^\/([\w-]+\.html)?$/.exec(url.pathname);
    if (page) {
      const source = await readFile(join(root, 'demo/pages', page[1] || 'index.html'), 'utf8').catch(() => undefined);
      if (source) {
        const [, title, main] = /^<!-- title: (.*) -->\n([\s\S]*)$/.exec(source);
        const layout = await readFile(join(root, 'demo/layout.html'), 'utf8');
        const visitor = visitorOf(req, url);
        const html = forVisitor(withGaId(layout.replace('{{title}}', title).replace('{{main}}', main), gaId, adsId), visitor);
        return res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...visitor.setCookie, ...headers(url.pathname) }).end(html);
      }
    }
    const [prefix, dir] = mounts.find(([p]) => url.pathname.startsWith(p));
    let file = normalize(join(root, dir, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file.startsWith(join(root, dir))) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (file.endsWith('.html')) body = withGaId(body.toString(), gaId, adsId);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers(url.pathname) }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, port: server.address().port, hits, decisions, close: () => new Promise((r) => server.close(r)) }));
  });
};

/**
 * Start the demo on `port`, or, when it is taken, on the next free one (up to 20 further), saying so in
 * one line. Any other error is reported in one line too, and the process exits with status 1.
 */
const startOnFreePort = async (port, options) => {
  for (let next = port; next <= port + 20; next++)
    try {
      const started = await startDemoServer({ ...options, port: next });
      if (next != port) console.log(`Port ${port} is in use, so the demo takes port ${next} (PORT=<number> npm start chooses one).`);
      return started;
    } catch (e) {
      if (e.code != 'EADDRINUSE' || !port) {
        console.error(`The demo cannot start on port ${next}: ${e.message}`);
        process.exit(1);
      }
    }
  console.error(`Ports ${port} to ${port + 20} are all in use: choose another with PORT=<number> npm start.`);
  process.exit(1);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  const gaId = process.env.GA_ID;
  // With Google's own gtag.js, the made-up Ads ID goes unless GOOGLE_ADS_ID gives a real one.
  const adsId = gaId ? process.env.GOOGLE_ADS_ID || null : undefined;
  const { port: bound } = await startOnFreePort(port, { host: process.env.HOST || '127.0.0.1', gaId, adsId });
  console.log(`consent-gate demo: http://localhost:${bound}/  (${gaId ? 'Google Analytics ' + gaId : 'offline, with a local stand-in for gtag.js'}; Ctrl+C to stop)`);
}
