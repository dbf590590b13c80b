// The demo site: serves demo/ and the built dist/ on localhost, offline. `npm start` runs it.
import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where `npm start` keeps the demo's proof of consent (the embedded database). */
const LOG_DATABASE = join(root, 'demo/.data/consent-log.db');
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
 * Opt-in or opt-out per visitor, as docs/regions.md ("Choosing the mode on your server") does it: the
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

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const CATEGORY_COLOURS = { analytics: '#0b57d0', marketing: '#b3261e', functional: '#146c2e' };

/** An SVG chart of the opt-in rate of each category per day (0 to 100 %), from the log's `stats`. */
export const rateChart = (days) => {
  const [w, h, left, bottom] = [720, 260, 44, 36];
  const x = (i) => left + (days.length > 1 ? (i * (w - left - 16)) / (days.length - 1) : (w - left - 16) / 2);
  const y = (rate) => 12 + (1 - rate) * (h - bottom - 12);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((r) => `<line x1="${left}" x2="${w - 16}" y1="${y(r)}" y2="${y(r)}" stroke="#ddd"/><text x="${left - 6}" y="${y(r) + 4}" text-anchor="end">${r * 100} %</text>`).join('');
  const labels = days.map((d, i) => (days.length <= 10 || i % Math.ceil(days.length / 10) == 0 ? `<text x="${x(i)}" y="${h - 14}" text-anchor="middle">${escape(d.day.slice(5))}</text>` : '')).join('');
  const lines = Object.entries(CATEGORY_COLOURS)
    .map(([k, colour]) => {
      const points = days.map((d, i) => (d[k].rate == null ? null : `${x(i).toFixed(1)},${y(d[k].rate).toFixed(1)}`)).filter(Boolean);
      return points.length ? `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${points.join(' ')}"/>` + points.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3.5" fill="${colour}"/>`).join('') : '';
    })
    .join('');
  const legend = Object.entries(CATEGORY_COLOURS).map(([k, colour], i) => `<rect x="${left + i * 130}" y="${h - 8}" width="12" height="4" fill="${colour}"/><text x="${left + 18 + i * 130}" y="${h - 3}">${k}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Opt-in rate per category per day" width="${w}" height="${h + 6}" viewBox="0 0 ${w} ${h + 6}" font-family="system-ui, sans-serif" font-size="12">${grid}${labels}${lines}${legend}</svg>`;
};

/** The demo's proof-of-consent page: the latest decisions and the opt-in rates of the last 30 days. */
const adminPage = async (log) => {
  const [latest, days] = await Promise.all([log.latest(20), log.stats()]);
  const yesNo = (v) => (v == null ? '–' : v ? 'granted' : 'denied');
  const rows = latest
    .map((r) => `<tr><td><code>${escape(r.consentId)}</code></td><td>${new Date(r.decidedAt).toISOString().replace('T', ' ').slice(0, 19)}</td><td>${escape(r.source)}</td><td>${escape(r.mode)}</td><td>${yesNo(r.analytics)}</td><td>${yesNo(r.marketing)}</td><td>${yesNo(r.functional)}</td><td>${escape(r.path)}</td><td>${escape(r.language)}</td><td><code>${escape(r.notice)}</code></td><td>${escape(r.ipPrefix)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Proof of consent · Demo shop</title><link rel="stylesheet" href="/site.css"></head>
<body><main><h1>Proof of consent</h1>
<p>Every decision this demo received (<code>consent-gate/log</code>, in the embedded database <code>demo/.data/consent-log.db</code>, kept 3 years, IP addresses truncated).</p>
<h2>Opt-in rate per category per day, last 30 days</h2>
${days.length ? rateChart(days) : '<p>No decision yet: accept or reject in the shop first.</p>'}
<h2>Latest decisions</h2>
<table><caption>The 20 decisions received last</caption><thead><tr>${['Consent id', 'Decided at (UTC)', 'How', 'Mode', 'Analytics', 'Advertising', 'Functional', 'Page', 'Language', 'Texts shown', 'IP prefix'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
</main></body></html>`;
};

/** Whether a request carries HTTP Basic credentials `demo` / `password`. */
const authorized = (header, password) => {
  const given = Buffer.from(String(header || '').replace(/^Basic /, ''), 'base64');
  const wanted = Buffer.from('demo:' + password);
  return given.length == wanted.length && timingSafeEqual(given, wanted);
};

/**
 * Start the demo server. Its proof-of-consent log keeps decisions in `logDatabase` (by default a new
 * temporary file; `npm start` keeps them in demo/.data/); /admin/consent shows them to user `demo` with
 * `adminPassword`. `gaId` puts a real measurement ID in the pages (gtag.js then comes from Google);
 * the tests add `fixtures` (test/e2e/fixtures at /fixtures/) and `headers(path)` (a CSP, say); the
 * benchmark adds its own `mounts`, `[urlPrefix, folder]` pairs.
 */
export const startDemoServer = async ({ port = 0, host = '127.0.0.1', headers = () => ({}), gaId, adsId, fixtures = false, mounts: extra = [], logDatabase = join(tmpdir(), `consent-gate-demo-${process.pid}-${randomBytes(4).toString('hex')}.db`), adminPassword = randomBytes(9).toString('base64url') } = {}) => {
  const mounts = [...extra, ...(fixtures ? [['/fixtures/', 'test/e2e/fixtures/']] : []), ...MOUNTS];
  if (gaId && !/^G-[A-Za-z0-9]+$/.test(gaId)) throw new Error(`GA_ID must be a GA4 measurement ID such as G-ABC123, got ${gaId}`);
  if (adsId && !/^AW-\d+$/.test(adsId)) throw new Error(`GOOGLE_ADS_ID must be a Google Ads ID such as AW-123456789, got ${adsId}`);
  const hits = [];
  // Proof of consent, as a site keeps it: the embedded database, IPs truncated; reading it takes the admin password.
  const { createConsentLog } = await import(pathToFileURL(join(root, 'dist/log.mjs')).href);
  const log = createConsentLog({ database: logDatabase, retentionDays: 3 * 365, ip: 'truncate', authorize: (request) => authorized(request.headers.get('authorization'), adminPassword) });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    // The stand-ins' hits: GA's collect, and the Google Ads conversion ping.
    if (url.pathname === '/g/collect' || url.pathname.startsWith('/ads/collect/')) {
      hits.push(Object.fromEntries(url.searchParams));
      return res.writeHead(204).end();
    }
    if (url.pathname === '/consent-log' || url.pathname.startsWith('/consent-log/')) return log.node(req, res);
    if (url.pathname === '/admin/consent') {
      if (!authorized(req.headers.authorization, adminPassword)) return res.writeHead(401, { 'www-authenticate': 'Basic realm="consent-gate demo"' }).end();
      return res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(await adminPage(log));
    }
    if (url.pathname === '/hits.json') return res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ hits }));
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
    server.once('error', (e) => log.close().then(() => reject(e)));
    server.listen(port, host, () =>
      resolve({ server, port: server.address().port, hits, log, adminPassword, close: () => new Promise((r) => server.close(r)).then(() => log.close()) }),
    );
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
  const started = await startOnFreePort(port, { host: process.env.HOST || '127.0.0.1', gaId, adsId, logDatabase: LOG_DATABASE });
  const bound = started.port;
  console.log(`consent-gate demo: http://localhost:${bound}/  (${gaId ? 'Google Analytics ' + gaId : 'offline, with a local stand-in for gtag.js'}; Ctrl+C to stop)`);
  console.log(`Proof of consent: http://localhost:${bound}/admin/consent  (user demo, password ${started.adminPassword})`);
}
