/** The hub's public types: its options, its face, and the events it reports. */
import type { Clock } from '../clock.js';
import type { Observable } from '../events.js';
import type { IdGenerator } from '../ids.js';
import type { Message, OfflineMessage, SessionInfo } from '../protocol/model.js';
import type { Transport } from '../transport/transport.js';
import type { HubAuth } from './auth.js';
import type { Bus } from './bus.js';
import type { Store } from './store.js';

/** Where the hub writes what goes wrong inside it; defaults to `console`. */
export interface HubLogger {
  warn(message: string, ...data: unknown[]): void;
  error(message: string, ...data: unknown[]): void;
}

export interface HubOptions {
  /** Where sites, agents, visitors, sessions and messages live; the hub's only storage. */
  readonly store: Store;
  /** Verifies agents' and visitors' tokens and issues visitors' (see `createTokenAuth`). */
  readonly auth: HubAuth;
  /** Fan-out between nodes; default: an in-process bus. */
  readonly bus?: Bus;
  /** Default: the system clock. Tests pass `createFakeClock()`. */
  readonly clock?: Clock;
  /** Default: prefixed nanoids. Tests pass `createSequentialIds()`. */
  readonly ids?: IdGenerator;
  /** Close a connection that sent nothing (not even `ping`) for this long; default 60 000 ms. */
  readonly idleTimeoutMs?: number;
  readonly logger?: HubLogger;
}

/** What the server knows of a connection from its HTTP request. Never taken from the client's frames. */
export interface ConnectionContext {
  readonly ip?: string;
  /** The page's `Origin` header (the server checks it against the site's allow-list). */
  readonly origin?: string;
  readonly userAgent?: string;
  /** A place name from the server's geo lookup, shown to agents. */
  readonly location?: string;
}

/**
 * What a hub reports for a server to forward (webhooks, e-mail, logs). Agents
 * get the same through frames; these are for the world outside.
 */
export type HubEvents = {
  /** A session was created or changed (state, agent, rating, evaluation); the agents' view of it. */
  session: { readonly session: SessionInfo; readonly change: 'created' | 'updated' };
  /** A message was added to a session (by a visitor, an agent or the system). */
  message: { readonly siteId: string; readonly message: Message };
  /** A visitor left a message, or a queued chat became one. */
  offline: { readonly offlineMessage: OfflineMessage };
  /** Something failed inside the hub. The connection concerned got an `internal` error and carries on. */
  error: { readonly where: string; readonly error: unknown; readonly siteId?: string };
};

/** The engine: conversations, routing, presence and fan-out for every site of a store. */
export interface Hub {
  /**
   * Serves one client connection (a WebSocket, a long-poll session, a memory
   * link): the first frame must be `hello`.
   */
  connect(transport: Transport, context?: ConnectionContext): void;
  readonly events: Observable<HubEvents>;
  /** Re-reads a site, its agents and groups from the store after an admin changed them. */
  reloadSite(siteId: string): Promise<void>;
  /** Closes every connection, stops every timer and waits for work in flight. The store is left open. */
  close(): Promise<void>;
}
