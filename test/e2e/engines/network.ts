import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { GOOGLE, GTM_STAND_IN, STAND_IN } from '../google.mjs';

// A self-signed certificate for the HTTPS hosts the browsers reach through this proxy (Google's). It
// secures nothing: the browsers are told to accept it, and it exists only so https URLs can be answered.
const cert = readFileSync(new URL('./cert/cert.pem', import.meta.url));
const key = readFileSync(new URL('./cert/key.pem', import.meta.url));

/** The page-side collector of errors (for drivers without console access): first script of every page. */
export const COLLECTOR_PATH = '/__e2e/collect-errors.js';
const COLLECTOR = `(function () {
  var errors = (window.__errors = []);
  addEventListener('error', function (e) { errors.push('error: ' + (e.message || (e.target && e.target.src) || e.type)); }, true);
  addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { errors.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });
  var original = console.error;
  console.error = function () { errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };
})();`;

/**
 * Google's "Google Analytics Opt-out Browser Add-on", as a page sees it: the object it defines before the
 * page's scripts run. Served while `addon` is on, as the second script of every page.
 */
const ADDON_PATH = '/__e2e/ga-opt-out-addon.js';
const ADDON = 'window._gaUserPrefs = { ioo: function () { return true; } };';

/** What reached (or tried to reach) Google's hosts, and any other host the browsers tried. */
export interface NetworkLog {
  /** Every request to a Google host, as a URL. */
  google: string[];
  /** gtag.js requests. */
  gtag: string[];
  /** Tag Manager container requests (gtm.js). */
  gtm: string[];
  /** GA collect hits, as their query parameters. */
  hits: URLSearchParams[];
  /** Requests to the video host embeds use (answered with a small page). */
  embeds: string[];
  /** Requests to hosts that are neither the test site nor Google (refused): the browsers' own, such as update checks. */
  other: string[];
  /** Each POST to the site's proof-of-consent endpoint (`/consent-log`): refused (503, while `logDown` is on) or passed to the site. */
  logPosts: ('refused' | 'passed')[];
}

const SITE = /(^|\.)example\.(test|co\.uk)$/;
/** The host of a YouTube-style embed, which the fixtures load only with consent. */
const EMBED = /^www\.youtube-nocookie\.com$/;

/**
 * The browsers' only network: an HTTP proxy (CONNECT included, TLS ended here) in front of the demo
 * server. Test site hosts (`*.example.test`, `*.example.co.uk`) reach the demo server, with the error
 * collector as the first script of each HTML page; Google's hosts get the gtag.js stand-in and have
 * their requests logged; anything else is refused and logged. Nothing leaves the machine, and no
 * host name needs resolving.
 */
export const startNetwork = async (sitePort: number) => {
  const log: NetworkLog = { google: [], gtag: [], gtm: [], hits: [], embeds: [], other: [], logPosts: [] };
  /**
   * `addon`: the browser has Google's opt-out add-on; `logDown`: the proof-of-consent endpoint answers 503
   * (both until `clear()`).
   */
  const network = { addon: false, logDown: false };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const secure = (req.socket as TLSSocket).encrypted;
    const url = new URL(/^https?:/.test(req.url!) ? req.url! : (secure ? 'https://' : 'http://') + req.headers.host + req.url);
    if (GOOGLE.test(url.href)) {
      log.google.push(url.href);
      if (url.pathname == '/gtag/js') {
        log.gtag.push(url.href);
        return res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(STAND_IN);
      }
      if (url.pathname == '/gtm.js') {
        log.gtm.push(url.href);
        return res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(GTM_STAND_IN);
      }
      if (url.pathname.endsWith('/collect')) log.hits.push(url.searchParams);
      return res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    }
    if (EMBED.test(url.hostname)) {
      log.embeds.push(url.href);
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Video</title><p>A video player.</p>');
    }
    if (!SITE.test(url.hostname)) {
      log.other.push(url.href);
      return res.writeHead(502).end();
    }
    if (url.pathname == COLLECTOR_PATH) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(COLLECTOR);
    if (url.pathname == ADDON_PATH) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(ADDON);
    // Browsers ask every site for one; a fixture without it would log a 404 that is no error of the page.
    if (url.pathname == '/favicon.ico') return res.writeHead(204).end();
    if (url.pathname == '/consent-log' && req.method == 'POST') {
      log.logPosts.push(network.logDown ? 'refused' : 'passed');
      if (network.logDown) return req.resume().on('end', () => res.writeHead(503).end());
    }
    const upstream = request(
      { host: '127.0.0.1', port: sitePort, path: url.pathname + url.search, method: req.method, headers: req.headers },
      (answer) => {
        const headers = { ...answer.headers };
        if (!String(headers['content-type']).startsWith('text/html')) {
          res.writeHead(answer.statusCode!, headers);
          return answer.pipe(res);
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const first = `<script src="${COLLECTOR_PATH}"></script>` + (network.addon ? `<script src="${ADDON_PATH}"></script>` : '');
          const html = Buffer.concat(chunks).toString('latin1').replace(/<head>|<html[^>]*>/i, (m) => m + first);
          delete headers['content-length'];
          res.writeHead(answer.statusCode!, headers).end(Buffer.from(html, 'latin1'));
        });
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };

  const tlsSide = createServer(handle);
  const proxy = createServer(handle);
  proxy.on('connect', (req, socket) => {
    socket.on('error', () => {});
    const [host] = req.url!.split(':');
    if (!GOOGLE.test('https://' + host + '/') && !SITE.test(host) && !EMBED.test(host)) {
      log.other.push('https://' + req.url);
      return socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const secure = new TLSSocket(socket, { isServer: true, cert, key });
    secure.on('error', () => {});
    tlsSide.emit('connection', secure);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return Object.assign(network, {
    log,
    port: (proxy.address() as AddressInfo).port,
    /** Forget what was logged, remove the add-on and bring the endpoint back (a new scenario starts). */
    clear() {
      for (const list of Object.values(log)) list.length = 0;
      network.addon = false;
      network.logDown = false;
    },
    close: () => new Promise<void>((resolve) => {
      proxy.closeAllConnections();
      proxy.close(() => resolve());
    }),
  });
};

export type Network = Awaited<ReturnType<typeof startNetwork>>;
