/**
 * `createParleyServer`: the reference server in one call. It wires
 *
 * ```
 * store (SQLite in dataDir) → hub (createHub + createTokenAuth(secret))
 *   → WebSocket and long-poll transports → the HTTP API → forwarding
 * ```
 *
 * onto a `node:http` server of its own, or one you pass, and shuts all of it
 * down in order.
 */
import { chmodSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

import { CLOSE_CODES } from '@parley/core';
import { createHub, createTokenAuth, type Bus, type Hub, type HubLogger, type TokenAuth } from '@parley/core/hub';

import { seedDemo, type DemoCredentials, type DemoOptions } from './demo.js';
import { createDiskFileStorage } from './files/file-storage.js';
import { startForwarding, type ForwardingOptions } from './forward/forwarding.js';
import { createHttpApi } from './http/api.js';
import { createJsonLogger, type Logger } from './log.js';
import { loadOrCreateSecret } from './secret.js';
import { openThreadedSqliteStore } from './store/sqlite/thread.js';
import type { ServerStore } from './store/server-store.js';
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
} from './transports/index.js';
import { clientIp } from './transports/request-info.js';

/** Size limits: the transports' and the HTTP API's. */
export interface ServerLimits extends TransportLimits {
  /** Largest uploaded file, in bytes. Default 10 MiB. */
  readonly fileBytes: number;
  /** Largest JSON body of an API request, in bytes. Default 64 KiB. */
  readonly bodyBytes: number;
}

/** Which transports run, and their timings. */
export interface ServerTransportOptions {
  /** Accept WebSocket upgrades. Default true. (False leaves clients to long-poll, e.g. to test the fallback.) */
  readonly websocket?: boolean;
  /** Serve long-poll channels. Default true. */
  readonly longPoll?: boolean;
  /** WebSocket ping period; a connection that misses one pong is dropped. Default 30 000 ms. */
  readonly heartbeatMs?: number;
  /** How long a long-poll request is held. Default 25 000 ms. */
  readonly pollMs?: number;
  /** A long-poll channel nobody polled for this long expires. Default 60 000 ms. */
  readonly channelTimeoutMs?: number;
}

/** Options of {@link createParleyServer}; every one has a default. */
export interface ParleyServerOptions {
  /** Where the SQLite file, the secret, uploads and demo credentials live. Default `./data`. */
  readonly dataDir?: string;
  /** Default 8080; 0 picks a free port. Ignored when `server` is given. */
  readonly port?: number;
  /** Default `127.0.0.1` (set `0.0.0.0` to listen on every interface). Ignored when `server` is given. */
  readonly host?: string;
  /** The URL people reach the server at (behind a proxy, `https://chat.example.com`): its origin is allowed for agents, file URLs start with it. */
  readonly publicUrl?: string;
  /**
   * Mount on an existing server instead of making one. Parley then adds its
   * `upgrade` listener only; route requests to it with {@link ParleyServer.handle}.
   */
  readonly server?: HttpServer;
  /** Default: the SQLite file `<dataDir>/parley.db`. A store you pass is not closed by `close()`. */
  readonly store?: ServerStore;
  /** Signs tokens (≥ 32 characters). Default: generated on first start and kept in `<dataDir>/secret` (0600). */
  readonly secret?: string;
  /** Size limits; defaults in {@link ServerLimits}. */
  readonly limits?: Partial<ServerLimits>;
  /** Per-connection frame limits and per-IP connection limits (`DEFAULT_RATE_LIMITS`). */
  readonly rateLimits?: Partial<TransportRateLimits>;
  /** Origins (or `*` patterns) where agents' consoles may run, besides the server's own origin. */
  readonly allowedConsoleOrigins?: readonly string[];
  /** Mail server for offline-message e-mails. Without it, forwarding is by webhook only. */
  readonly smtp?: ForwardingOptions['smtp'];
  /** Enables the admin API (`Authorization: Admin <key>`). */
  readonly adminKey?: string;
  /** Default: JSON lines on stdout. */
  readonly logger?: Logger;
  /** URL path prefix → folder of files served as they are (`{ '/': 'examples/demo-shop', '/console': 'examples/console' }`). */
  readonly serveStatic?: Readonly<Record<string, string>>;
  /** Seed a demo site and two agents when the store has no site. Default false (the CLI turns it on). */
  readonly demo?: boolean | DemoOptions;
  /** Which transports run, and their timings. */
  readonly transports?: ServerTransportOptions;
  /** Read client IPs and the scheme from `X-Forwarded-For` / `X-Forwarded-Proto`. Only behind a proxy you run. Default false. */
  readonly trustProxy?: boolean;
  /** Fan-out between several server nodes (Redis); default in-process. */
  readonly bus?: Bus;
  /** The hub closes a connection that sent nothing for this long. Default 60 000 ms. */
  readonly idleTimeoutMs?: number;
}

/** A running (or ready to run) Parley server. */
export interface ParleyServer {
  /** The engine; `hub.events` reports sessions, messages and offline messages. */
  readonly hub: Hub;
  /** The store the hub and the API use. */
  readonly store: ServerStore;
  /** Issues and checks the server's tokens (signed with the secret). */
  readonly auth: TokenAuth;
  /** The `node:http` server Parley listens on (its own, or the one passed in). */
  readonly httpServer: HttpServer;
  /**
   * Handles a request if it is Parley's (API, long-poll, static files) and
   * resolves true; false otherwise. For mounting on your own server.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /**
   * Seeds the demo (when asked and the store is empty), starts forwarding and
   * listens (unless the server passed in already does). Resolves with the URL
   * and, on a first start with `demo`, the demo's sign-in details.
   */
  listen(): Promise<{ readonly url: string; readonly demo?: DemoCredentials }>;
  /**
   * Graceful shutdown: stops accepting, closes every connection with 1001
   * after its queued frames, answers held polls, waits for the hub's work in
   * flight, stops forwarding, and closes the store (flushed) if it opened it.
   */
  close(): Promise<void>;
}

/** Creates a Parley server; nothing listens until {@link ParleyServer.listen}. */
export function createParleyServer(options: ParleyServerOptions = {}): ParleyServer {
  const dataDir = resolve(options.dataDir ?? './data');
  const logger = options.logger ?? createJsonLogger(process.stdout);
  const trustProxy = options.trustProxy ?? false;
  const limits: ServerLimits = { ...DEFAULT_LIMITS, fileBytes: 10 * 1024 * 1024, bodyBytes: 64 * 1024, ...options.limits };
  const rateLimits: TransportRateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const transportOptions = options.transports ?? {};
  // The data holds password hashes, site secrets and conversations: only the owner reads it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const ownsStore = options.store === undefined;
  const store = options.store ?? openPrivateSqliteStore(join(dataDir, 'parley.db'), logger);
  const secret = options.secret ?? loadOrCreateSecret(dataDir, logger);
  const auth = createTokenAuth({ secret });
  const hub = createHub({
    store,
    auth,
    logger: hubLogger(logger),
    ...(options.bus && { bus: options.bus }),
    ...(options.idleTimeoutMs !== undefined && { idleTimeoutMs: options.idleTimeoutMs }),
  });

  const httpServer = options.server ?? createServer();
  const ownsServer = options.server === undefined;
  const ipLimiter = createIpLimiter({ perMinute: rateLimits.connectionsPerMinute, burst: rateLimits.connectionBurst });
  const origins = createOriginPolicy({
    allowedOrigins: async (siteId) => (await store.getSite(siteId))?.settings.allowedOrigins,
    ...(options.publicUrl && { publicUrl: options.publicUrl }),
    ...(options.allowedConsoleOrigins && { consoleOrigins: options.allowedConsoleOrigins }),
  });
  const accept = (transport: Parameters<Hub['connect']>[0], info: Parameters<Hub['connect']>[1]) => hub.connect(transport, info);
  const common = { accept, origins, ipLimiter, limits, rateLimits, logger, trustProxy };

  const ws: WebSocketGateway | undefined =
    transportOptions.websocket === false
      ? undefined
      : attachWebSocketGateway({
          ...common,
          server: httpServer,
          ...(transportOptions.heartbeatMs !== undefined && { heartbeatMs: transportOptions.heartbeatMs }),
        });
  const poll: LongPollGateway | undefined =
    transportOptions.longPoll === false
      ? undefined
      : createLongPollGateway({
          ...common,
          ...(transportOptions.pollMs !== undefined && { pollMs: transportOptions.pollMs }),
          ...(transportOptions.channelTimeoutMs !== undefined && { channelTimeoutMs: transportOptions.channelTimeoutMs }),
        });
  const api = createHttpApi({
    store,
    hub,
    auth,
    files: createDiskFileStorage(join(dataDir, 'files')),
    log: logger,
    secret,
    limits: { fileBytes: limits.fileBytes, jsonBodyBytes: limits.bodyBytes },
    clientIp: (req) => clientIp(req, trustProxy),
    ...(options.adminKey && { adminKey: options.adminKey }),
    ...(options.publicUrl && { publicUrl: options.publicUrl }),
  });
  const statics = createStaticFiles(options.serveStatic ?? {});

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (poll && (await poll.handle(req, res))) return true;
    if (await api(req, res)) return true;
    return statics(req, res);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).then(
      (handled) => {
        if (!handled && !res.headersSent) notFound(res);
      },
      (error: unknown) => {
        logger.error('http.failed', { error, path: req.url });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error.');
        else res.destroy();
      },
    );
  };
  const onClientError = (error: Error, socket: import('node:stream').Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy(error);
  };
  if (ownsServer) {
    httpServer.on('request', onRequest);
    httpServer.on('clientError', onClientError);
  }

  let stopForwarding: (() => void | Promise<void>) | undefined;
  let closing: Promise<void> | undefined;

  return {
    hub,
    store,
    auth,
    httpServer,
    handle,
    async listen() {
      let demo: DemoCredentials | undefined;
      if (options.demo) {
        const demoOptions = typeof options.demo === 'object' ? options.demo : {};
        const own = options.publicUrl ? [new URL(options.publicUrl).origin] : [];
        demo = await seedDemo(store, { ...demoOptions, origins: [...own, ...(demoOptions.origins ?? [])], dataDir });
        if (demo) logger.info('demo.seeded', { siteId: demo.siteId, agents: demo.agents.map((a) => a.login) });
      }
      stopForwarding ??= startForwarding(hub, store, { log: logger, ...(options.smtp && { smtp: options.smtp }) });
      if (!httpServer.listening) {
        await new Promise<void>((resolveListen, reject) => {
          httpServer.once('error', reject);
          httpServer.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
            httpServer.off('error', reject);
            resolveListen();
          });
        });
      }
      const url = options.publicUrl?.replace(/\/+$/, '') ?? localUrl(httpServer);
      logger.info('server.listening', {
        url,
        dataDir,
        websocket: ws !== undefined,
        longPoll: poll !== undefined,
      });
      return demo ? { url, demo } : { url };
    },
    close() {
      closing ??= (async () => {
        logger.info('server.closing', {});
        // Stop accepting: no new TCP connections (ours only), no upgrades, no channels.
        if (ownsServer) httpServer.close();
        await Promise.all([
          ws?.close(CLOSE_CODES.goingAway, 'server shutting down'),
          poll?.close(CLOSE_CODES.goingAway, 'server shutting down'),
        ]);
        await hub.close();
        await stopForwarding?.();
        ipLimiter.close();
        if (ownsStore) await store.close();
        if (ownsServer) {
          httpServer.closeIdleConnections();
          // Requests still running (an upload) get a moment, then go.
          await new Promise<void>((done) => {
            const timer = setTimeout(() => {
              httpServer.closeAllConnections();
              done();
            }, 2_000);
            timer.unref();
            httpServer.once('close', () => {
              clearTimeout(timer);
              done();
            });
            if (!httpServer.listening) queueMicrotask(() => httpServer.emit('close'));
          });
          httpServer.off('request', onRequest);
          httpServer.off('clientError', onClientError);
        }
        logger.info('server.closed', {});
      })();
      return closing;
    },
  };
}

/** Opens the SQLite store and makes its files readable by the owner only. */
function openPrivateSqliteStore(file: string, logger: Logger): ServerStore {
  const store = openThreadedSqliteStore(file, { onError: (error) => logger.warn('store.checkpoint-failed', { error }) });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  return store;
}

/** The hub's warnings and errors as structured log entries. */
function hubLogger(logger: Logger): HubLogger {
  return {
    warn: (message, ...data) => logger.warn('hub.warning', { message, ...(data.length > 0 && { data }) }),
    error: (message, ...data) => logger.error('hub.error', { message, ...(data.length > 0 && { data }) }),
  };
}

function localUrl(server: HttpServer): string {
  const address = server.address() as AddressInfo | null;
  if (!address) return 'http://localhost';
  const host = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify({ error: 'not_found', reason: 'Nothing here.' }));
}

// ── static files ─────────────────────────────────────────────────────────────

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves folders as they are, for the demo site and the console on the same
 * port: GET and HEAD only, no listing, `index.html` for folders, nothing
 * outside the folder, and only known file types.
 */
function createStaticFiles(mounts: Readonly<Record<string, string>>): (req: IncomingMessage, res: ServerResponse) => boolean {
  // Longest prefix first, so `/console` wins over `/`.
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => ({ prefix: prefix.replace(/\/+$/, ''), dir: resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res) => {
    if (table.length === 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    if (pathname.includes('\0')) return false;
    for (const { prefix, dir } of table) {
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) continue;
      let file = resolve(dir, `.${pathname.slice(prefix.length) || '/'}`);
      if (file !== dir && !file.startsWith(dir + sep)) return false;
      let stats = statOf(file);
      if (stats?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${pathname}/` }).end();
          return true;
        }
        file = join(file, 'index.html');
        stats = statOf(file);
      }
      const type = CONTENT_TYPES[extname(file).toLowerCase()];
      if (!stats?.isFile() || !type) continue;
      res.writeHead(200, {
        'content-type': type,
        'content-length': String(stats.size),
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).on('error', () => res.destroy()).pipe(res);
      return true;
    }
    return false;
  };
}

function statOf(file: string): import('node:fs').Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
