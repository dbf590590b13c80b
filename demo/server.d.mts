import type { Server } from 'node:http';

export interface DemoServer {
  server: Server;
  port: number;
  /** Collect hits the local stand-in sent to /g/collect. */
  hits: Record<string, string>[];
  /** The proof-of-consent log behind /consent-log (consent-gate/log, the embedded database). */
  log: import('../src/log').ConsentLog;
  /** The password of /admin/consent (user `demo`). */
  adminPassword: string;
  close(): Promise<void>;
}

/** The mode a visitor from `country` (ISO 3166-1 alpha-2) gets: `'opt-out'` for the US, else `'opt-in'`. */
export function modeFor(country: string): 'opt-in' | 'opt-out';

export function startDemoServer(options?: {
  port?: number;
  host?: string;
  headers?: (path: string) => Record<string, string>;
  gaId?: string;
  /** A Google Ads ID in place of the demo's made-up one, or `null` to leave it out. */
  adsId?: string | null;
  fixtures?: boolean;
  mounts?: [string, string][];
  /** The embedded database of the proof-of-consent log. @default a new temporary file (`npm start`: demo/.data/consent-log.db) */
  logDatabase?: string;
  /** The password of /admin/consent. @default random */
  adminPassword?: string;
}): Promise<DemoServer>;

/** An SVG chart of the opt-in rate of each category per day. */
export function rateChart(days: import('../src/log').DayStats[]): string;
