/**
 * WebSocket first, long-poll when WebSocket cannot get through. The client
 * above notices nothing but latency: the switch happens inside one connection
 * attempt, and both transports carry the same frames.
 */
import { createLongPollTransport, type FetchLike } from './long-poll.js';
import type { Transport, TransportCloseEvent, TransportFactory, TransportListener } from './transport.js';
import { CLOSE_CODES } from './transport.js';
import { createWebSocketTransport, type WebSocketConstructor } from './websocket.js';

/** Which transport a {@link createFallbackTransport} connection runs on. */
export type FallbackKind = 'websocket' | 'long-poll';

export interface FallbackTransportOptions {
  /** Makes the preferred transport, e.g. `createWebSocketTransport(url)`. */
  readonly websocket: TransportFactory;
  /**
   * Makes the fallback, e.g. `createLongPollTransport(url)`; or `{ load }`, which
   * fetches that factory the first time the WebSocket fails (a bundle then keeps
   * long-poll out of what every visitor downloads). The attempt waits in
   * `connecting` meanwhile; a load that fails ends the attempt like a transport
   * that cannot be made, and the next attempt loads again.
   */
  readonly longPoll: TransportFactory | { readonly load: () => Promise<TransportFactory> };
  /** A WebSocket that has not opened after this long counts as blocked. Default 4 000 ms. */
  readonly openTimeoutMs?: number;
  /** Once long-poll had to take over, attempts go straight to long-poll for this long, then try WebSocket again. Default 5 minutes. */
  readonly retryWebSocketAfterMs?: number;
  /** Told which transport each connection ended up on (for logs and diagnostics). */
  readonly onConnected?: (kind: FallbackKind) => void;
}

/**
 * Makes a {@link TransportFactory} that tries WebSocket and falls back to
 * long-poll within the same connection attempt when the WebSocket fails before
 * it opens (an error or a close before open: a refused upgrade, a proxy) or
 * does not open within `openTimeoutMs`.
 *
 * WebSocket is taken for blocked when long-poll then succeeds (a server that
 * is down fails both, and proves nothing about WebSocket), or when a WebSocket
 * that opened is cut (1006) before a single frame came through (a proxy that
 * passes the upgrade but not the traffic). Following attempts then use
 * long-poll directly, and try WebSocket again after `retryWebSocketAfterMs`.
 * A WebSocket that opens clears the mark.
 */
export function createFallbackTransport(options: FallbackTransportOptions): TransportFactory {
  const { longPoll } = options;
  const policy: Policy = {
    ...options,
    openTimeoutMs: options.openTimeoutMs ?? 4_000,
    retryWebSocketAfterMs: options.retryWebSocketAfterMs ?? 5 * 60_000,
    blockedUntil: 0,
    longPoll: typeof longPoll === 'function' ? longPoll : undefined,
    loadLongPoll: typeof longPoll === 'function' ? undefined : longPoll.load,
  };
  return () => new FallbackTransport(policy);
}

interface Policy extends Omit<FallbackTransportOptions, 'longPoll'> {
  readonly openTimeoutMs: number;
  readonly retryWebSocketAfterMs: number;
  /** Until when WebSocket is skipped (epoch ms; 0: not blocked). */
  blockedUntil: number;
  /** The fallback's factory: given, or once loaded. */
  longPoll: TransportFactory | undefined;
  readonly loadLongPoll: (() => Promise<TransportFactory>) | undefined;
  /** The load under way, shared by the attempts that wait for it. */
  loading?: Promise<TransportFactory> | undefined;
}

class FallbackTransport implements Transport {
  readonly #policy: Policy;
  readonly #listeners = new Set<TransportListener>();
  #state: 'connecting' | 'open' | 'closed' = 'connecting';
  #finished = false;
  #inner: Transport | undefined;
  #kind: FallbackKind;
  /** What this attempt began with: long-poll only when WebSocket was already marked blocked. */
  readonly #startedOn: FallbackKind;
  #unlisten: () => void = ignore;
  #timer: unknown;
  /** Whether anything came through since open. */
  #heard = false;

  constructor(policy: Policy) {
    this.#policy = policy;
    this.#kind = this.#startedOn = Date.now() < policy.blockedUntil ? 'long-poll' : 'websocket';
    this.#start();
  }

  send(data: string): void {
    if (this.#state === 'open') this.#inner?.send(data);
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    clearTimeout(this.#timer);
    const inner = this.#inner;
    this.#unlisten();
    try {
      inner?.close(code, reason);
    } catch {
      // It is going away anyway.
    }
    queueMicrotask(() => this.#finish({ code, reason }));
  }

  listen(listener: TransportListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #start(): void {
    const kind = this.#kind;
    const make = kind === 'websocket' ? this.#policy.websocket : this.#policy.longPoll;
    if (!make) return this.#loadLongPoll();
    let inner: Transport;
    try {
      inner = make();
    } catch (error) {
      if (kind === 'websocket') return this.#fallBack();
      queueMicrotask(() => this.#cannotStart(error));
      return;
    }
    this.#inner = inner;
    if (kind === 'websocket') {
      this.#timer = setTimeout(() => this.#fallBack(), this.#policy.openTimeoutMs);
    }
    this.#unlisten = inner.listen({
      open: () => {
        if (this.#state !== 'connecting' || this.#inner !== inner) return;
        clearTimeout(this.#timer);
        if (kind === 'websocket') this.#policy.blockedUntil = 0;
        else if (this.#startedOn === 'websocket') this.#policy.blockedUntil = Date.now() + this.#policy.retryWebSocketAfterMs;
        this.#state = 'open';
        this.#policy.onConnected?.(kind);
        for (const l of [...this.#listeners]) l.open?.();
      },
      message: (data) => {
        if (this.#state !== 'open' || this.#inner !== inner) return;
        this.#heard = true;
        for (const l of [...this.#listeners]) l.message?.(data);
      },
      error: (error) => {
        // A WebSocket's errors before open are what the fallback is for.
        if (this.#inner !== inner || (kind === 'websocket' && this.#state === 'connecting')) return;
        this.#emitError(error);
      },
      close: (event) => {
        if (this.#inner !== inner) return;
        if (kind === 'websocket' && this.#state === 'connecting') return this.#fallBack();
        // Opened, then cut before a single frame came through: a proxy that lets the
        // upgrade pass but not the traffic. Too late for this attempt; the next ones use long-poll.
        if (kind === 'websocket' && !this.#heard && event.code === CLOSE_CODES.abnormal) {
          this.#policy.blockedUntil = Date.now() + this.#policy.retryWebSocketAfterMs;
        }
        this.#finish(event);
      },
    });
  }

  /** The WebSocket failed before opening: drop it and carry on over long-poll. */
  #fallBack(): void {
    if (this.#state !== 'connecting' || this.#kind !== 'websocket') return;
    clearTimeout(this.#timer);
    const socket = this.#inner;
    this.#unlisten();
    this.#inner = undefined;
    try {
      socket?.close(CLOSE_CODES.normal, 'falling back to long-poll');
    } catch {
      // Already gone.
    }
    this.#kind = 'long-poll';
    this.#start();
  }

  /** Fetches the long-poll factory (once for every attempt), then starts on it if this attempt still waits. */
  #loadLongPoll(): void {
    const policy = this.#policy;
    // From a microtask: a load that throws rejects like one that fails.
    (policy.loading ??= Promise.resolve().then(policy.loadLongPoll)).then(
      (make) => {
        policy.longPoll = make;
        if (this.#state === 'connecting') this.#start();
      },
      (error: unknown) => {
        // The next attempt tries the load again.
        policy.loading = undefined;
        if (this.#state === 'connecting') this.#cannotStart(error);
      },
    );
  }

  /** The long-poll transport could not be made (or loaded): this attempt ends. */
  #cannotStart(error: unknown): void {
    this.#emitError(error);
    this.#finish({ code: CLOSE_CODES.abnormal, reason: 'transport could not be made' });
  }

  #emitError(error: unknown): void {
    for (const l of [...this.#listeners]) l.error?.(error);
  }

  /** Calls the close listeners, once. */
  #finish(event: TransportCloseEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#state = 'closed';
    clearTimeout(this.#timer);
    this.#unlisten();
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const l of listeners) l.close?.(event);
  }
}

/** Where the reference server (`@parley/server-adapter`) listens for each transport, under its URL. */
export const SERVER_PATHS = {
  websocket: '/parley/ws',
  longPoll: '/parley/poll',
} as const;

export interface ConnectToCommon {
  /** The WebSocket class; defaults to the global one. In Node 20 pass `ws`'s. Without any, only long-poll is used. */
  readonly WebSocket?: WebSocketConstructor;
  /** The `fetch` for long-poll; defaults to the global one. */
  readonly fetch?: FetchLike;
  /** `auto` (default): WebSocket with long-poll fallback; or force one transport. */
  readonly transport?: 'auto' | FallbackKind;
  readonly openTimeoutMs?: number;
  readonly retryWebSocketAfterMs?: number;
  readonly onConnected?: (kind: FallbackKind) => void;
}

/** Options of {@link connectTo}: a visitor connects for a site, an agent with `role: 'agent'`. */
export type ConnectToOptions = ConnectToCommon &
  ({ readonly siteId: string; readonly role?: 'visitor' } | { readonly role: 'agent'; readonly siteId?: undefined });

/**
 * The transport factory for a Parley server at `serverUrl` (`http(s)://host[:port][/prefix]`):
 * WebSocket at `ws(s)://…/parley/ws`, long-poll at `http(s)://…/parley/poll`,
 * with `?siteId=…` for visitors and `?role=agent` for agents, combined by
 * {@link createFallbackTransport}.
 *
 * ```ts
 * import { VisitorClient, connectTo } from '@parley/core';
 * const client = new VisitorClient({ siteId, transport: connectTo('https://chat.example.com', { siteId }) });
 * // Node 20: connectTo(url, { siteId, WebSocket }) with `import { WebSocket } from 'ws'`
 * ```
 */
export function connectTo(serverUrl: string, options: ConnectToOptions): TransportFactory {
  const base = serverUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) throw new TypeError(`connectTo: expected an http(s) URL, got "${serverUrl}".`);
  const query = options.role === 'agent' ? 'role=agent' : `siteId=${encodeURIComponent(options.siteId)}`;
  const wsUrl = `${base.replace(/^http/i, 'ws')}${SERVER_PATHS.websocket}?${query}`;
  const pollUrl = `${base}${SERVER_PATHS.longPoll}?${query}`;
  const mode = options.transport ?? 'auto';
  const hasWebSocket = options.WebSocket !== undefined || typeof WebSocket !== 'undefined';
  const longPoll = () => createLongPollTransport(pollUrl, options.fetch ? { fetch: options.fetch } : {});
  if (mode === 'long-poll' || (mode === 'auto' && !hasWebSocket)) return withReport(longPoll(), 'long-poll', options.onConnected);
  const websocket = createWebSocketTransport(wsUrl, options.WebSocket ? { WebSocket: options.WebSocket } : {});
  if (mode === 'websocket') return withReport(websocket, 'websocket', options.onConnected);
  return createFallbackTransport({
    websocket,
    longPoll: longPoll(),
    ...(options.openTimeoutMs !== undefined && { openTimeoutMs: options.openTimeoutMs }),
    ...(options.retryWebSocketAfterMs !== undefined && { retryWebSocketAfterMs: options.retryWebSocketAfterMs }),
    ...(options.onConnected && { onConnected: options.onConnected }),
  });
}

/** Calls `onConnected` when a transport of a single kind opens. */
function withReport(factory: TransportFactory, kind: FallbackKind, onConnected?: (kind: FallbackKind) => void): TransportFactory {
  if (!onConnected) return factory;
  return () => {
    const transport = factory();
    const unlisten = transport.listen({
      open: () => {
        unlisten();
        onConnected(kind);
      },
    });
    return transport;
  };
}

function ignore(): void {}
