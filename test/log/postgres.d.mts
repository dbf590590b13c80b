export type Cluster = { url: string; stop(): void } | { skipped: string };
/** Start a throwaway PostgreSQL cluster (see postgres.mjs), or say why it cannot. */
export function startPostgres(): Promise<Cluster>;
