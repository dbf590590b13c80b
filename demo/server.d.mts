import type { Server } from 'node:http';

export interface DemoServer {
  server: Server;
  port: number;
  /** Collect hits the local stand-in sent to /g/collect. */
  hits: Record<string, string>[];
  /** Decisions received at /consent-log (proof of consent). */
  decisions: Record<string, unknown>[];
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
}): Promise<DemoServer>;
