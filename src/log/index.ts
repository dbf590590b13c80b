/**
 * The proof-of-consent log (`consent-gate/log`), server only: the endpoint the script tag's `logEndpoint`
 * posts to, storing every decision in an embedded database (libSQL) by default or in PostgreSQL, with
 * lookup, erasure, retention and per-day counts. One `Request → Response` function is the core; the
 * node:http adapter wraps it. The drivers are optional peer dependencies, loaded when first used.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ConsentLog as Beacon } from '../server';
import { MAX_LOG_BYTES, parseConsentLog } from '../server';
import type { ConsentStore, DayStats, LogRow } from './store';
import type { PgPool } from './stores/postgres';
import { ipPrefix } from './ip';

export type { ConsentStore, DayStats, CategoryStats, LogRow } from './store';
export type { PgPool } from './stores/postgres';

const DAY = 864e5;
/** How far before its receipt a decision may be dated: the browser keeps an unsent one for 7 days. */
const PAST_DAYS = 8;

/** Where the embedded database is kept when `database` is left out: `consent-log.db` in the working directory. */
export const DEFAULT_DATABASE = 'consent-log.db';

/** Options of {@link createConsentLog}. */
export interface ConsentLogOptions {
  /**
   * Where decisions are kept: a file path (the embedded database, libSQL), a `postgres://` URL, a `pg`
   * Pool, or a store of your own implementing {@link ConsentStore}.
   * @default 'consent-log.db' in the working directory
   */
  database?: string | PgPool | ConsentStore;
  /**
   * Days each decision is kept, then deleted (required: no default is right; see docs/proof-of-consent.md). Rows older
   * than this go when the log opens, every 6 hours after, and on `sweep()`.
   */
  retentionDays: number;
  /**
   * `'drop'`: no IP address is kept. `'truncate'`: its prefix is (the /24 of IPv4, the /48 of IPv6).
   * @default 'drop'
   */
  ip?: 'drop' | 'truncate';
  /** Keep the browser's User-Agent with each decision. @default false */
  userAgent?: boolean;
  /** The largest body accepted; a larger one is answered 413 without being read. @default 2048 */
  maxBodyBytes?: number;
  /**
   * Beacons accepted per IP prefix (the /24 or /48) within `windowSeconds`; past it, 429. `false` turns it off.
   * @default { max: 60, windowSeconds: 60 }
   */
  rateLimit?: { max: number; windowSeconds?: number } | false;
  /**
   * Whether `request` may read or erase decisions (`GET`, `DELETE`, `/stats`): your own check (a session,
   * a token). Without it, they answer 403.
   */
  authorize?(request: Request): boolean | Promise<boolean>;
  /** Take the client's IP from `X-Forwarded-For` (behind your own proxy or CDN only). @default false */
  trustProxy?: boolean;
}

/** What the request carried beside its body, where the framework knows it. */
export interface RequestMeta {
  /** The client's IP address. */
  ip?: string;
  /** The browser's User-Agent. */
  userAgent?: string;
  /** When it was received (ms); now by default. */
  receivedAt?: number;
}

/** A running consent log: the HTTP handler, in two forms, and the same operations as functions. */
export interface ConsentLog {
  /**
   * The endpoint, for anything with fetch's types (Next.js route handlers, Hono, workers): `POST` a beacon
   * → 204; `GET …/<consent id>` → its decisions, oldest first; `DELETE …/<consent id>` → erased;
   * `GET …/stats?from=YYYY-MM-DD&to=YYYY-MM-DD` → counts and opt-in rates per category per day. Never throws.
   */
  handle(request: Request, meta?: RequestMeta): Promise<Response>;
  /** The same for node:http (Express, Fastify's `request.raw`/`reply.raw`); a body a framework already parsed is taken as it is. */
  node(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void>;
  /** Store a beacon's body (its JSON text or the object); throws a `TypeError` for one `parseConsentLog` refuses. */
  record(body: unknown, meta?: RequestMeta): Promise<LogRow>;
  lookup(consentId: string): Promise<LogRow[]>;
  erase(consentId: string): Promise<number>;
  /** Delete what is older than `retentionDays` at `now` (ms); resolves with how many rows went. */
  sweep(now?: number): Promise<number>;
  /** Per-day counts, `from` and `to` days included (dates, `YYYY-MM-DD`, or ms). */
  stats(range?: { from?: string | number | Date; to?: string | number | Date }): Promise<DayStats[]>;
  /** The `limit` decisions received last, newest first. */
  latest(limit?: number): Promise<LogRow[]>;
  /** Write what is pending and close the database (a pool you passed stays open). */
  close(): Promise<void>;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
const empty = (status: number, headers?: Record<string, string>) => new Response(null, { status, headers: { 'cache-control': 'no-store', ...headers } });

/** A day (`YYYY-MM-DD`), a date or ms as ms at the start of that UTC day; `fallback` where missing or invalid. */
const dayStart = (value: unknown, fallback: number) => {
  const ms = value instanceof Date ? value.getTime() : typeof value == 'number' ? value : typeof value == 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(value + 'T00:00:00Z') : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / DAY) * DAY : fallback;
};

/** `request`'s body as text, reading at most `max` bytes: null when it holds more. */
const readCapped = async (request: Request, max: number): Promise<string | null> => {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** Open the store `database` names. */
const openStore = async (database: ConsentLogOptions['database']): Promise<ConsentStore> => {
  if (database && typeof database == 'object' && typeof (database as ConsentStore).insert == 'function') return database as ConsentStore;
  if (database && typeof database == 'object') return (await import('./stores/postgres')).openPostgres(database as PgPool);
  if (typeof database == 'string' && /^postgres(ql)?:\/\//.test(database)) return (await import('./stores/postgres')).openPostgres(database);
  return (await import('./stores/sqlite')).openSqlite(resolve(database || DEFAULT_DATABASE));
};

/**
 * Create the proof-of-consent log. The database opens (and migrates) in the background; what arrives
 * meanwhile waits for it. Throws a `TypeError` for invalid options.
 * @example
 * const log = createConsentLog({ retentionDays: 3 * 365, ip: 'truncate', authorize: (request) => !!process.env.LOG_TOKEN && request.headers.get('authorization') === `Bearer ${process.env.LOG_TOKEN}` });
 * createServer((req, res) => (req.url!.startsWith('/consent-log') ? log.node(req, res) : serveSite(req, res))).listen(8080);
 */
export const createConsentLog = (options: ConsentLogOptions): ConsentLog => {
  const o = Object(options) as ConsentLogOptions;
  if (!(Number.isInteger(o.retentionDays) && o.retentionDays > 0))
    throw new TypeError('consent-gate/log: retentionDays is required: the number of days to keep each decision (see docs/proof-of-consent.md)');
  if (o.ip !== undefined && o.ip != 'drop' && o.ip != 'truncate') throw new TypeError("consent-gate/log: invalid ip: use 'drop' or 'truncate'");
  const max = o.maxBodyBytes ?? MAX_LOG_BYTES;
  if (!(Number.isInteger(max) && max > 0 && max <= 64 * 1024)) throw new TypeError('consent-gate/log: invalid maxBodyBytes: ' + o.maxBodyBytes);
  const limit = o.rateLimit === false ? undefined : { max: o.rateLimit?.max ?? 60, window: (o.rateLimit?.windowSeconds ?? 60) * 1000 };

  const opened = openStore(o.database);
  // Opening failed: each operation answers with the error (503 over HTTP); nothing is thrown at import.
  opened.catch(() => {});
  const store = () => opened;

  // Rows wait here for the write under way to end, then go together in one transaction (group commit).
  let pending: { row: LogRow; done(): void; failed(e: unknown): void }[] = [];
  let writing: Promise<void> | undefined;
  const write = async () => {
    while (pending.length) {
      const batch = pending.splice(0, 1000);
      try {
        await (await store()).insert(batch.map((p) => p.row));
        batch.forEach((p) => p.done());
      } catch (e) {
        batch.forEach((p) => p.failed(e));
      }
    }
    writing = undefined;
  };
  const save = (row: LogRow) =>
    new Promise<void>((done, failed) => {
      pending.push({ row, done, failed });
      writing ||= new Promise<void>((next) => setImmediate(next)).then(write);
    });

  // The rate limit: requests per IP prefix in the current window.
  const seen = new Map<string, number>();
  let windowStart = 0;
  const allowed = (prefix: string | null) => {
    if (!limit || !prefix) return true;
    const now = Date.now();
    if (now - windowStart >= limit.window) {
      seen.clear();
      windowStart = now;
    }
    const n = (seen.get(prefix) || 0) + 1;
    seen.set(prefix, n);
    return n <= limit.max;
  };

  const record = async (body: unknown, meta: RequestMeta = {}): Promise<LogRow> => {
    const beacon: Beacon = parseConsentLog(body);
    const receivedAt = meta.receivedAt ?? Date.now();
    const row: LogRow = {
      consentId: beacon.id,
      decidedAt: Math.min(Math.max(beacon.timestamp, receivedAt - PAST_DAYS * DAY), receivedAt + DAY),
      receivedAt,
      revision: beacon.revision,
      notice: beacon.notice ?? null,
      mode: beacon.mode,
      source: beacon.source,
      analytics: beacon.categories.analytics ?? null,
      marketing: beacon.categories.marketing ?? null,
      functional: beacon.categories.functional ?? null,
      path: beacon.path,
      language: beacon.language ?? null,
      ipPrefix: o.ip == 'truncate' ? ipPrefix(meta.ip) : null,
      userAgent: o.userAgent && meta.userAgent ? meta.userAgent.slice(0, 512) : null,
    };
    await save(row);
    return row;
  };

  const sweep = async (now = Date.now()) => (await store()).sweep(now - o.retentionDays * DAY);
  // Retention on opening, then every 6 hours while the process runs.
  sweep().catch(() => {});
  const sweeper = setInterval(() => sweep().catch(() => {}), 6 * 3600e3);
  sweeper.unref?.();

  const stats = async (range: { from?: unknown; to?: unknown } = {}) => {
    const to = dayStart(range.to, dayStart(Date.now(), 0)) + DAY;
    return (await store()).stats(dayStart(range.from, to - 30 * DAY), to);
  };

  const handle = async (request: Request, meta: RequestMeta = {}): Promise<Response> => {
    try {
      const url = new URL(request.url);
      const last = url.pathname.split('/').filter(Boolean).pop() || '';
      const ip = meta.ip ?? (o.trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0] : undefined);
      if (request.method == 'POST') {
        if (!allowed(ipPrefix(ip))) return empty(429, { 'retry-after': String(Math.ceil((limit?.window ?? 0) / 1000)) });
        if (!/^(text\/plain|application\/json)\b/i.test(request.headers.get('content-type') || '')) return empty(415);
        if (Number(request.headers.get('content-length')) > max) return empty(413, { connection: 'close' });
        const text = await readCapped(request, max);
        if (text === null) return empty(413, { connection: 'close' });
        try {
          await record(text, { ip, userAgent: meta.userAgent ?? request.headers.get('user-agent') ?? undefined, receivedAt: meta.receivedAt });
        } catch (e) {
          // Refused by the validator: 400 with no detail; anything else is the database's: 503, and the browser sends again.
          return empty(e instanceof TypeError ? 400 : 503);
        }
        return empty(204);
      }
      if (request.method != 'GET' && request.method != 'DELETE') return empty(405, { allow: 'POST, GET, DELETE' });
      if (!o.authorize || !(await o.authorize(request))) return empty(403);
      try {
        if (request.method == 'GET' && last == 'stats') return json(200, { days: await stats({ from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined }) });
        if (!/^[0-9a-z]{16}$/.test(last)) return empty(404);
        if (request.method == 'DELETE') return json(200, { consentId: last, erased: await (await store()).erase(last) });
        return json(200, { consentId: last, decisions: await (await store()).lookup(last) });
      } catch {
        return empty(503);
      }
    } catch {
      return empty(500);
    }
  };

  const node = async (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    try {
      const ip = (o.trustProxy && String(req.headers['x-forwarded-for'] || '').split(',')[0].trim()) || req.socket?.remoteAddress || undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const parsed = req.body;
      // A body the framework already read (Express's json() or text()) is passed on as it is.
      const body =
        req.method == 'POST'
          ? parsed !== undefined && !(parsed && typeof parsed == 'object' && !Buffer.isBuffer(parsed) && !Object.keys(parsed).length && req.readable)
            ? Buffer.isBuffer(parsed) || typeof parsed == 'string'
              ? parsed
              : JSON.stringify(parsed)
            : (Readable.toWeb(req) as ReadableStream)
          : undefined;
      if (body !== undefined && typeof body != 'object') headers.delete('content-length');
      const request = new Request(new URL(req.url || '/', 'http://localhost'), { method: req.method, headers, body, duplex: 'half' } as RequestInit);
      const response = await handle(request, { ip });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
      // A body left unread (413) is not waited for.
      if (response.status == 413) req.destroy();
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  };

  return {
    handle,
    node,
    record,
    lookup: async (id) => (await store()).lookup(id),
    erase: async (id) => (await store()).erase(id),
    sweep,
    stats,
    latest: async (n = 20) => (await store()).latest(n),
    async close() {
      clearInterval(sweeper);
      await writing;
      await (await opened.catch(() => undefined))?.close();
    },
  };
};
