// The log's endpoint in a process of its own, for the crash test: node test/log/crash-server.mjs <database>.
// Prints its port once it listens.
import { createServer } from 'node:http';
import { createConsentLog } from '../../dist/log.mjs';

const log = createConsentLog({ database: process.argv[2], retentionDays: 365, rateLimit: false });
const server = createServer((req, res) => log.node(req, res)).listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\n'));
