// Parley: the real server (createParleyServer) with its durable SQLite store in a
// temporary folder — a message is acknowledged only once it is committed (batched
// per tick, fsync'd: WAL + synchronous=FULL). One site, `agents` agents of
// `capacity` chats each; their tokens go to the parent. Limits meant for browsers
// (frames per connection, connections per IP) are lifted: the load comes from one
// process on one address. BENCH_STORE=memory swaps in the hub's in-memory store (not
// durable: a diagnostic that shows what the store costs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, defaultSiteSettings } from '../../../packages/core/src/hub/index.ts';
import { createParleyServer, silentLogger } from '../../../packages/server-adapter/src/index.ts';
import { ready, serve } from './child.mjs';

const agents = Number(process.env.BENCH_AGENTS ?? 50);
const capacity = Number(process.env.BENCH_CAPACITY ?? 20);
const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const unlimited = { perSecond: 1e9, burst: 1e9 };
const server = createParleyServer({
  dataDir,
  port: 0,
  logger: silentLogger,
  rateLimits: { frames: unlimited, refusals: unlimited, connectionsPerMinute: 0 },
  idleTimeoutMs: 10 * 60_000,
  ...(process.env.BENCH_STORE === 'memory' && { store: createMemoryStore() }),
});
const siteId = 'site_bench';
await server.store.saveSite({
  id: siteId,
  name: 'Bench',
  secret: 'b'.repeat(32),
  settings: defaultSiteSettings({ preChatFields: [], welcomeMessage: undefined, autoReply: undefined, queueTimeoutSeconds: 0 }),
});
const tokens = [];
for (let i = 0; i < agents; i++) {
  const id = `agt_bench_${i}`;
  await server.store.saveAgent({ id, siteId, name: `Agent ${i}`, login: `a${i}`, role: 'agent', groups: [], capacity });
  tokens.push(await server.auth.issueAgentToken(siteId, id));
}
const { url } = await server.listen();
ready({ port: Number(new URL(url).port), siteId, tokens });
serve(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});
