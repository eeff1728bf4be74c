/**
 * The WebSocket transport: `ws` in noServer mode on the HTTP server's
 * `upgrade` event, at `/parley/ws?siteId=…` (visitors) or `?role=agent`.
 *
 * Before the handshake: the per-IP connection limit (`429`), the target
 * (`400`), the Origin check (`403`; `404` for an unknown site) — each a plain
 * HTTP response, then the socket is destroyed. After it: frames larger than
 * `frameBytes` close with 1009 (ws's `maxPayload`); ws ping/pong every
 * `heartbeatMs` terminates dead connections within two periods; a connection
 * whose unsent data passes `bufferedBytes` is closed with 4009 so a slow reader
 * cannot make the server's memory grow (it reconnects and resumes from its last
 * seq); frames pass the rate limit and hello check of {@link InboundGuard}.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import { CLOSE_CODES, ERROR_CODES, SERVER_PATHS } from '@parley/core';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import type { Logger } from '../log.js';
import { errorFrame, InboundGuard } from './inbound-guard.js';
import type { TransportLimits, TransportRateLimits } from './options.js';
import type { OriginPolicy } from './origin-policy.js';
import type { IpLimiter } from './rate-limit.js';
import { clientIp, connectionInfo, ownOrigin, requestOrigin, type AcceptConnection } from './request-info.js';
import { clipReason, ServerTransport, wireCloseCode } from './server-transport.js';
import { parseTarget } from './target.js';

/** What {@link attachWebSocketGateway} needs. */
export interface WebSocketGatewayOptions {
  /** The HTTP server whose `upgrade` event the gateway listens to. */
  readonly server: HttpServer;
  /** Default `/parley/ws`. */
  readonly path?: string;
  /** Receives each accepted socket as a `Transport`: `(t, info) => hub.connect(t, info)`. */
  readonly accept: AcceptConnection;
  /** Decides on the Origin before the handshake. */
  readonly origins: OriginPolicy;
  /** New connections per IP (shared with long-poll). */
  readonly ipLimiter: IpLimiter;
  readonly limits: TransportLimits;
  readonly rateLimits: TransportRateLimits;
  /** Refusals, slow consumers and failures are logged here. */
  readonly logger: Logger;
  /** Read the client IP and scheme from `X-Forwarded-*` (behind a reverse proxy). Default false. */
  readonly trustProxy?: boolean;
  /** How often sockets are pinged; one missed pong terminates. Default 30 000 ms. */
  readonly heartbeatMs?: number;
  /** How long a closing socket may take to finish its close handshake before it is destroyed. Default 5 000 ms. */
  readonly closeGraceMs?: number;
  /**
   * Whether upgrades to other paths are refused with 404. Default: only when no
   * other `upgrade` listener is on the server (so other handlers can share it).
   */
  readonly refuseOtherPaths?: boolean;
}

/** A running WebSocket gateway. */
export interface WebSocketGateway {
  /** Open connections. */
  readonly size: number;
  /**
   * Stops accepting upgrades, closes every connection with `code` and `reason`
   * (queued data goes out first) and resolves once they are all gone, or after
   * `timeoutMs`, when the rest are destroyed.
   */
  close(code?: number, reason?: string, timeoutMs?: number): Promise<void>;
}

/** Attaches the WebSocket transport to an HTTP server. */
export function attachWebSocketGateway(options: WebSocketGatewayOptions): WebSocketGateway {
  const path = options.path ?? SERVER_PATHS.websocket;
  const trustProxy = options.trustProxy ?? false;
  const closeGraceMs = options.closeGraceMs ?? 5_000;
  const { server, logger, limits, rateLimits } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.frameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const live = new Set<WebSocketTransport>();
  let accepting = true;
  const shared: SocketShared = {
    maxBuffered: limits.bufferedBytes,
    closeGraceMs,
    gone: (transport) => live.delete(transport),
    slow: (ip) => logger.warn('transport.slow-consumer', { transport: 'websocket', ip, limit: limits.bufferedBytes }),
  };

  const heartbeat = setInterval(() => {
    for (const transport of live) transport.beat();
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = parseUrl(req.url);
    if (url?.pathname !== path) {
      const refuse = options.refuseOtherPaths ?? server.listenerCount('upgrade') === 1;
      if (refuse) refuseUpgrade(socket, 404, 'Not found');
      return;
    }
    socket.on('error', ignore);
    if (!accepting) return refuseUpgrade(socket, 503, 'The server is shutting down.');
    const ip = clientIp(req, trustProxy);
    if (!options.ipLimiter.allow(ip)) {
      logger.warn('transport.refused', { transport: 'websocket', ip, status: 429 });
      return refuseUpgrade(socket, 429, 'Too many connections from this address; try again later.');
    }
    const target = parseTarget(url.searchParams);
    if (!target) return refuseUpgrade(socket, 400, 'Say ?siteId=… (visitors) or ?role=agent (agents).');
    const origin = requestOrigin(req);
    options.origins.check(target, origin, ownOrigin(req, trustProxy)).then(
      (verdict) => {
        if (socket.destroyed) return;
        if (verdict !== 'allowed') {
          logger.warn('transport.refused', { transport: 'websocket', ip, origin, status: verdict === 'forbidden' ? 403 : 404 });
          return verdict === 'forbidden'
            ? refuseUpgrade(socket, 403, 'This origin may not connect.')
            : refuseUpgrade(socket, 404, 'No such site.');
        }
        if (!accepting) return refuseUpgrade(socket, 503, 'The server is shutting down.');
        wss.handleUpgrade(req, socket, head, (ws) => {
          socket.off('error', ignore);
          const transport = new WebSocketTransport(ws, socket, ip, new InboundGuard(target, rateLimits, Date.now()), shared);
          live.add(transport);
          try {
            options.accept(transport, connectionInfo(req, trustProxy));
          } catch (error) {
            logger.error('transport.accept-failed', { transport: 'websocket', error });
            transport.close(CLOSE_CODES.serverError, 'server error');
          }
        });
      },
      (error: unknown) => {
        logger.error('transport.origin-check-failed', { transport: 'websocket', error });
        refuseUpgrade(socket, 500, 'Server error.');
      },
    );
  };
  server.on('upgrade', onUpgrade);

  return {
    get size() {
      return live.size;
    },
    async close(code = CLOSE_CODES.goingAway, reason = 'server shutting down', timeoutMs = 5_000) {
      accepting = false;
      server.off('upgrade', onUpgrade);
      clearInterval(heartbeat);
      const gone = [...live].map((t) => t.closed);
      for (const transport of [...live]) transport.close(code, reason);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(gone), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      for (const transport of [...live]) transport.terminate();
      wss.close();
    },
  };
}

/** What every socket of a gateway shares, kept once rather than per connection. */
interface SocketShared {
  readonly maxBuffered: number;
  readonly closeGraceMs: number;
  gone(transport: WebSocketTransport): void;
  slow(ip: string): void;
}

/** One WebSocket as a core `Transport`. */
class WebSocketTransport extends ServerTransport {
  readonly #ws: WebSocket;
  /** The TCP socket under the WebSocket, corked while a burst of frames is written. */
  readonly #tcp: Duplex;
  #corked = false;
  readonly #shared: SocketShared;
  readonly #ip: string;
  #closing = false;
  /** Whether a pong (or any frame) came since the last ping. */
  #alive = true;
  #resolveClosed: (() => void) | undefined;
  #closed: Promise<void> | undefined;

  constructor(ws: WebSocket, tcp: Duplex, ip: string, guard: InboundGuard, shared: SocketShared) {
    super(guard);
    this.#ws = ws;
    this.#tcp = tcp;
    this.#ip = ip;
    this.#shared = shared;
    // Shared listeners rather than closures per socket: idle connections are most of them.
    (ws as TappedSocket)[TRANSPORT] = this;
    ws.on('message', onSocketMessage);
    ws.on('pong', onSocketPong);
    ws.on('error', onSocketError);
    ws.on('close', onSocketClose);
  }

  /** The socket said something: it is alive; pass text frames on. */
  handleMessage(data: RawData, isBinary: boolean): void {
    this.#alive = true;
    if (this.#closing) return;
    if (isBinary) {
      this.send(errorFrame(ERROR_CODES.badFrame, 'Frames are JSON text; binary frames are ignored.'));
      return;
    }
    this.receive(data.toString(), Date.now());
  }

  /** A pong came back. */
  handlePong(): void {
    this.#alive = true;
  }

  handleError(error: Error): void {
    this.emitError(error);
  }

  /** The socket is gone, whoever closed it. */
  handleClose(code: number, reason: Buffer): void {
    this.#shared.gone(this);
    this.#resolveClosed?.();
    this.finish({ code: code === 1005 ? CLOSE_CODES.normal : code, reason: reason.toString() });
  }

  /** Resolves when the socket is gone (made on demand: only shutdown needs it). */
  get closed(): Promise<void> {
    if (this.#ws.readyState === this.#ws.CLOSED) return Promise.resolve();
    return (this.#closed ??= new Promise<void>((resolve) => (this.#resolveClosed = resolve)));
  }

  send(data: string): void {
    if (this.#closing) return;
    // Frames sent in one turn of the event loop leave in one write: the socket is corked
    // until the loop's check phase (one setImmediate uncorks every socket corked meanwhile),
    // so the frames for one agent that many visitors' messages produce in a turn share a
    // system call instead of taking one each.
    if (!this.#corked) {
      this.#corked = true;
      this.#tcp.cork();
      corked.push(this);
      if (corked.length === 1) setImmediate(uncorkAll);
    }
    this.#ws.send(data);
    if (this.#ws.bufferedAmount > this.#shared.maxBuffered) {
      this.#shared.slow(this.#ip);
      this.close(CLOSE_CODES.slowConsumer, 'slow consumer');
    }
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#closing) return;
    this.#closing = true;
    try {
      this.#ws.close(wireCloseCode(code), clipReason(reason));
    } catch {
      this.#ws.terminate();
    }
    // A reader that does not read will not finish the close handshake either.
    setTimeout(() => this.#ws.terminate(), this.#shared.closeGraceMs).unref();
    // Like every transport: the closing side learns at once.
    const event = { code, reason };
    queueMicrotask(() => this.finish(event));
  }

  /** Writes what the burst queued (called once per corked burst). */
  uncork(): void {
    this.#corked = false;
    this.#tcp.uncork();
  }

  /** One heartbeat: terminate if the last ping went unanswered, else ping again. */
  beat(): void {
    if (!this.#alive) {
      this.#closing = true;
      this.#ws.terminate();
      this.finish({ code: CLOSE_CODES.heartbeatTimeout, reason: 'heartbeat timeout' });
      return;
    }
    this.#alive = false;
    try {
      this.#ws.ping();
    } catch {
      // Not open any more; its close event follows.
    }
  }

  /** Destroys the socket at once. */
  terminate(): void {
    this.#closing = true;
    this.#ws.terminate();
  }
}

/** Where a socket keeps its transport, for the shared listeners. */
const TRANSPORT = Symbol('parley.transport');
type TappedSocket = WebSocket & { [TRANSPORT]: WebSocketTransport };

function onSocketMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  (this as TappedSocket)[TRANSPORT].handleMessage(data, isBinary);
}

function onSocketPong(this: WebSocket): void {
  (this as TappedSocket)[TRANSPORT].handlePong();
}

function onSocketError(this: WebSocket, error: Error): void {
  (this as TappedSocket)[TRANSPORT].handleError(error);
}

function onSocketClose(this: WebSocket, code: number, reason: Buffer): void {
  (this as TappedSocket)[TRANSPORT].handleClose(code, reason);
}

/** Sockets corked since the last check phase. */
let corked: WebSocketTransport[] = [];

function uncorkAll(): void {
  const list = corked;
  corked = [];
  for (const transport of list) transport.uncork();
}

/** Answers an upgrade request with a plain HTTP error and destroys the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

function parseUrl(url: string | undefined): URL | undefined {
  try {
    return new URL(url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

function ignore(): void {}
