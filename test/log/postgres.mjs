/**
 * A throwaway PostgreSQL cluster for the tests and the benchmark: `initdb` and `pg_ctl` (Debian's
 * `postgresql` package, found in PATH or under /usr/lib/postgresql/<version>/bin) in a temporary directory,
 * on a free port of 127.0.0.1, run as a non-root user (`postgres`, else `nobody`, when run as root). As root
 * with apt and no binaries, it installs the package first. Where it cannot, `start()` says why.
 */
import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binDir = () => {
  const inPath = ['/usr/local/bin', '/usr/bin'].find((dir) => existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb')));
  if (inPath) return inPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
};

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** @returns {Promise<{ url: string, stop(): void } | { skipped: string }>} */
export const startPostgres = async () => {
  let bin = binDir();
  const root = process.getuid?.() === 0;
  if (!bin && root && existsSync('/usr/bin/apt-get')) {
    console.log('Installing the Debian package for the PostgreSQL tests: postgresql ...');
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql', { stdio: 'inherit' });
    } catch {
      // Reported below.
    }
    bin = binDir();
  }
  if (!bin) return { skipped: 'PostgreSQL not found: its tests are SKIPPED. Install it with: sudo apt-get install postgresql (initdb and pg_ctl)' };
  const user = root ? execSync('id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody', { encoding: 'utf8' }).trim() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-pg-'));
  chmodSync(dir, 0o777);
  const as = (cmd, args) => (user ? execFileSync('runuser', ['-u', user, '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' }));
  const port = await freePort();
  const data = join(dir, 'data');
  as('initdb', ['-D', data, '-A', 'trust', '-U', 'consent', '--no-locale', '-E', 'UTF8']);
  as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`, 'start']);
  return {
    url: `postgres://consent@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
};
