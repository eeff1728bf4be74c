/**
 * `@parley/server-adapter`: Parley's reference Node server around the
 * `@parley/core` hub — WebSocket and long-poll transports, the SQLite store,
 * agent sign-in, files, the HTTP API, forwarding of offline messages, and the
 * `parley-server` CLI.
 *
 * ```ts
 * import { createParleyServer } from '@parley/server-adapter';
 *
 * const server = createParleyServer({ dataDir: './data', port: 8080, demo: true });
 * const { url } = await server.listen();
 * process.on('SIGTERM', () => void server.close());
 * ```
 *
 * Clients connect with `connectTo(url, { siteId })` from `@parley/core`
 * (WebSocket at `/parley/ws`, long-poll at `/parley/poll`).
 *
 * @packageDocumentation
 */
export {
  createParleyServer,
  type ParleyServer,
  type ParleyServerOptions,
  type ServerLimits,
  type ServerTransportOptions,
} from './server.js';
export { loadOrCreateSecret, SECRET_FILE } from './secret.js';
export {
  seedDemo,
  demoSettings,
  formatCredentials,
  DEMO_SITE_ID,
  DEMO_CREDENTIALS_FILE,
  type DemoCredentials,
  type DemoOptions,
} from './demo.js';
export { createJsonLogger, createMemoryLogger, silentLogger, type Logger, type LogEntry, type LogLevel, type MemoryLogger } from './log.js';
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store/sqlite/open.js';
export { openThreadedSqliteStore } from './store/sqlite/thread.js';
export type * from './store/server-store.js';
export {
  attachWebSocketGateway,
  createLongPollGateway,
  createOriginPolicy,
  createIpLimiter,
  DEFAULT_LIMITS,
  DEFAULT_RATE_LIMITS,
  type AcceptConnection,
  type ConnectionInfo,
  type ConnectionTarget,
  type IpLimiter,
  type LongPollGateway,
  type LongPollGatewayOptions,
  type OriginPolicy,
  type OriginPolicyOptions,
  type OriginVerdict,
  type RateLimit,
  type TransportLimits,
  type TransportRateLimits,
  type WebSocketGateway,
  type WebSocketGatewayOptions,
} from './transports/index.js';
