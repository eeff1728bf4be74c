/**
 * The test server as a child process, so a test can `kill -9` it:
 * `node --conditions=source --import tsx server-child.ts <dataDir> <port>`.
 * Prints `READY <url>` once listening.
 */
import { createParleyServer } from '../../../../src/server.js';
import { silentLogger } from '../../../../src/log.js';
import { seedTestSite } from './server.js';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: server-child.ts <dataDir> <port>');
const server = createParleyServer({ dataDir, port: Number(port), host: '127.0.0.1', logger: silentLogger });
if ((await server.store.listSites()).length === 0) await seedTestSite(server.store);
const { url } = await server.listen();
process.stdout.write(`READY ${url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
