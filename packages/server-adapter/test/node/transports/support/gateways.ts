/**
 * A hub (memory store) behind the real WebSocket and long-poll gateways on a
 * loopback HTTP server, without the rest of the server: for the transports'
 * own tests. One site, `site_t`, allows only `http://shop.test`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createHub, createMemoryStore, createTokenAuth, defaultSiteSettings, type Hub, type TokenAuth } from '@parley/core/hub';

import { createMemoryLogger, type MemoryLogger } from '../../../../src/log.js';
import {
  attachWebSocketGateway,
  createIpLimiter,
  createLongPollGateway,
  createOriginPolicy,
  DEFAULT_LIMITS,
  DEFAULT_RATE_LIMITS,
  type LongPollGateway,
  type TransportLimits,
  type TransportRateLimits,
  type WebSocketGateway,
  type AcceptConnection,
} from '../../../../src/transports/index.js';

export const SITE = 'site_t';
export const SHOP = 'http://shop.test';

export interface GatewayRig {
  readonly base: string;
  readonly wsUrl: (query?: string) => string;
  readonly pollUrl: (query?: string) => string;
  readonly hub: Hub;
  readonly auth: TokenAuth;
  readonly ws: WebSocketGateway;
  readonly poll: LongPollGateway;
  readonly log: MemoryLogger;
  readonly server: Server;
  agentToken(): Promise<string>;
  close(): Promise<void>;
}

export interface RigOptions {
  readonly limits?: Partial<TransportLimits>;
  readonly rateLimits?: Partial<TransportRateLimits>;
  readonly heartbeatMs?: number;
  readonly pollMs?: number;
  readonly channelTimeoutMs?: number;
  readonly closeGraceMs?: number;
  /** Replaces the hub as what receives the transports. */
  readonly accept?: AcceptConnection;
}

export async function startGateways(options: RigOptions = {}): Promise<GatewayRig> {
  const store = createMemoryStore();
  await store.saveSite({ id: SITE, name: 'Test shop', secret: 'x'.repeat(32), settings: defaultSiteSettings({ allowedOrigins: [SHOP] }) });
  await store.saveAgent({ id: 'agt_t', siteId: SITE, name: 'Tess', login: 'tess', role: 'agent', groups: [], capacity: 3 });
  const auth = createTokenAuth({ secret: 's'.repeat(40) });
  const log = createMemoryLogger();
  const hub = createHub({ store, auth, logger: { warn() {}, error() {} } });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const origins = createOriginPolicy({ allowedOrigins: async (id) => (await store.getSite(id))?.settings.allowedOrigins });
  const ipLimiter = createIpLimiter({ perMinute: rateLimits.connectionsPerMinute, burst: rateLimits.connectionBurst });
  const accept: AcceptConnection = options.accept ?? ((transport, info) => hub.connect(transport, info));
  const server = createServer();
  const poll = createLongPollGateway({
    accept,
    origins,
    ipLimiter,
    limits,
    rateLimits,
    logger: log,
    ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
    ...(options.channelTimeoutMs !== undefined && { channelTimeoutMs: options.channelTimeoutMs }),
  });
  server.on('request', (req, res) => {
    void poll.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  const ws = attachWebSocketGateway({
    server,
    accept,
    origins,
    ipLimiter,
    limits,
    rateLimits,
    logger: log,
    ...(options.heartbeatMs !== undefined && { heartbeatMs: options.heartbeatMs }),
    closeGraceMs: options.closeGraceMs ?? 500,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    wsUrl: (query = `siteId=${SITE}`) => `${base.replace('http', 'ws')}/parley/ws?${query}`,
    pollUrl: (query = `siteId=${SITE}`) => `${base}/parley/poll?${query}`,
    hub,
    auth,
    ws,
    poll,
    log,
    server,
    agentToken: () => auth.issueAgentToken(SITE, 'agt_t'),
    async close() {
      await ws.close();
      await poll.close();
      await hub.close();
      ipLimiter.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A visitor's hello for the test site. */
export const visitorHello = (siteId = SITE) => JSON.stringify({ type: 'hello', v: 1, role: 'visitor', siteId });
