import sqlite001 from './sqlite/001_consent_log.sql?raw';
import postgres001 from './postgres/001_consent_log.sql?raw';

/** The numbered migrations of each store, in order: [version, SQL]. A store applies those it has not yet. */
export const MIGRATIONS = {
  sqlite: [[1, sqlite001]] as [number, string][],
  postgres: [[1, postgres001]] as [number, string][],
};
