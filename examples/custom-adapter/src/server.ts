/**
 * A whole Parley server in one screen: what an adapter must bring, and
 * nothing more.
 *
 * ```
 * node:http ── SSE gateway ──(a Transport per connection)──▶ hub.connect
 *                                                             │
 *                      memory Store + token auth ◀────────────┘
 * ```
 *
 * The hub (`@parley/core/hub`) does everything else: hello and auth,
 * routing, queue, presence, messages with their `seq`, resume, invites,
 * transfers, fan-out.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  createHub,
  createMemoryStore,
  createTokenAuth,
  defaultSiteSettings,
  type Hub,
  type Store,
  type TokenAuth,
} from '@parley/core/hub';

import { createSseGateway, type SseGateway } from './sse-gateway.js';
import { SSE_PATH } from './sse-wire.js';

/** The seeded demo site and its one agent. */
export const DEMO_SITE_ID = 'site_demo';
export const DEMO_AGENT_ID = 'agt_demo';

export interface ExampleServerOptions {
  /** Default 8090; 0 picks a free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
}

export interface ExampleServer {
  /** `http://host:port` */
  readonly url: string;
  /** Where clients point `createSseTransport`: `<url>/parley/sse`. */
  readonly sseUrl: string;
  /** A sign-in token for the demo agent (a real server issues one after a password check). */
  readonly agentToken: string;
  readonly hub: Hub;
  readonly store: Store;
  readonly auth: TokenAuth;
  readonly gateway: SseGateway;
  /** The underlying `node:http` server. */
  readonly http: Server;
  /** Closes the connections, the hub, then the HTTP server. */
  close(): Promise<void>;
}

export async function startServer(options: ExampleServerOptions = {}): Promise<ExampleServer> {
  // 1. A Store: where sites, agents, visitors, sessions and messages live. The
  //    memory store forgets everything on exit; a real adapter brings its
  //    database and proves it with `@parley/core/hub/conformance`.
  const store = createMemoryStore();
  await store.saveSite({
    id: DEMO_SITE_ID,
    name: 'Demo shop',
    secret: randomBytes(24).toString('base64url'),
    settings: defaultSiteSettings(),
  });
  await store.saveAgent({
    id: DEMO_AGENT_ID,
    siteId: DEMO_SITE_ID,
    name: 'Ada',
    login: 'ada',
    role: 'agent',
    groups: [],
    capacity: 5,
  });

  // 2. Auth: who is on the other end. createTokenAuth signs and checks HMAC
  //    tokens; keep its secret on the server (a fresh one per start here, so
  //    old tokens die with the memory store).
  const auth = createTokenAuth({ secret: randomBytes(32).toString('base64url') });

  // 3. The hub, and a transport that hands it one Transport per connection.
  const hub = createHub({ store, auth });
  const gateway = createSseGateway((transport, context) => hub.connect(transport, context));

  const http = createServer((req, res) => {
    gateway.handle(req, res).then(
      (handled) => {
        if (handled) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Not found. Parley's SSE transport is at ${SSE_PATH}.\n`);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8090, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = http.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  return {
    url,
    sseUrl: `${url}${SSE_PATH}`,
    agentToken: await auth.issueAgentToken(DEMO_SITE_ID, DEMO_AGENT_ID),
    hub,
    store,
    auth,
    gateway,
    http,
    async close() {
      gateway.close();
      await hub.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await store.close();
    },
  };
}
