import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    reporters: ['default', new URL('./summary-reporter.mjs', import.meta.url).pathname],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'jsdom',
          environmentOptions: { jsdom: { url: 'https://www.shop.example.test/shop/cart/' } },
        },
      },
      {
        extends: true,
        test: { name: 'size', include: ['test/size/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // The proof-of-consent log against its databases: files one at a time (each may start a PostgreSQL cluster).
        test: { name: 'log', include: ['test/log/**/*.test.ts'], environment: 'node', fileParallelism: false, testTimeout: 30000, hookTimeout: 60000 },
      },
      {
        extends: true,
        // consent-gate-audit: its own unit tests, and runs of its bin against the demo and misbehaving sites.
        test: {
          name: 'audit',
          include: ['audit/test/**/*.test.mjs', 'test/audit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60000,
          hookTimeout: 60000,
          // Three audits at once at most, each a Chromium of its own.
          maxConcurrency: 3,
        },
      },
      {
        extends: true,
        // The documentation: its examples type-checked, compiled and loaded in Chromium; its commands, links and API reference.
        test: { name: 'docs', include: ['test/docs/**/*.test.ts'], environment: 'node', globalSetup: ['test/e2e/global-setup.ts'], testTimeout: 60000, hookTimeout: 60000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser at a time on two cores; each file launches its own.
          fileParallelism: false,
          testTimeout: 30000,
          hookTimeout: 60000,
          // What the browser does asynchronously gets five seconds before a check fails (one where a test says less).
          expect: { poll: { timeout: 5000, interval: 50 } },
        },
      },
    ],
  },
});
