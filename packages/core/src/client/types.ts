/**
 * Types the visitor and agent clients share: connection status, messages as
 * the UI shows them (with their delivery state), and change reports.
 */
import type { ParleyError } from '../errors.js';
import type { Attachment, Author } from '../protocol/model.js';

/**
 * What a client's connection is doing, for the UI:
 * - `idle`: `connect()` was not called yet;
 * - `connecting`: the first connection is being made (or retried before it ever succeeded);
 * - `open`: the hub welcomed us; commands flow;
 * - `reconnecting`: the link was lost after having been open; retrying with back-off;
 * - `closed`: `close()` was called, or the hub refused us for good (an `error` event says why).
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * Where a message is on its way:
 * - `sending`: in the outbox, not yet acknowledged by the hub (survives reloads);
 * - `sent`: the hub stored it and gave it a `seq`;
 * - `read`: the other side has read it (its read `seq` reached this message);
 * - `failed`: the hub refused it for good (see {@link ChatMessage.error}); it is not retried.
 */
export type DeliveryState = 'sending' | 'sent' | 'read' | 'failed';

/** A message as a client shows it. Immutable: a change produces a new object. */
export interface ChatMessage {
  /** Chosen by the sender; stable from the moment the message is typed. Use it as the list key. */
  readonly clientId: string;
  readonly sessionId: string;
  /** The hub's id, once stored. */
  readonly id?: string;
  /** The hub's order in the session, once stored. */
  readonly seq?: number;
  readonly author: Author;
  /** When it was written (local time while `sending`, the hub's time after). */
  readonly at: number;
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
  readonly delivery: DeliveryState;
  /** True when this client's side (the visitor, or agents) wrote it. */
  readonly own: boolean;
  /** Why the hub refused it, when `delivery` is `failed`. */
  readonly error?: ParleyError;
}

/** What to send: text, attachments (uploaded beforehand), or both. */
export interface MessageContent {
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
}

/** A change to one session's message list. The new list is `client.messages(sessionId)`. */
export interface MessagesChange {
  readonly sessionId: string;
  /** New messages, in order. */
  readonly added: readonly ChatMessage[];
  /** Messages whose delivery state or content changed (matched by `clientId`). */
  readonly updated: readonly ChatMessage[];
  /** `clientId`s of messages that left the list. */
  readonly removed: readonly string[];
}

/** The other side's typing in one session. Ephemeral: `active` lapses after a while without news. */
export interface TypingState {
  readonly sessionId: string;
  /** Who is typing. */
  readonly side: 'visitor' | 'agent';
  readonly active: boolean;
  /** The visitor's draft, for agents when the site enables typing preview. */
  readonly draft?: string;
}

/** Timings of the connection; every field has a default. */
export interface ConnectionTiming {
  /** Time to open the transport and be welcomed before trying again. Default 10 s. */
  readonly connectTimeoutMs: number;
  /** A `ping` goes out this often while open. Default 25 s. */
  readonly pingIntervalMs: number;
  /** Without any frame this long after a `ping`, the link is taken for dead. Default 10 s. */
  readonly pongTimeoutMs: number;
  /** First reconnect delay bound; doubles per failed attempt. Default 250 ms. */
  readonly backoffBaseMs: number;
  /** Largest reconnect delay bound. Default 30 s. */
  readonly backoffMaxMs: number;
  /** A command waits at most this long, for the connection and then for its answer. Default 15 s. */
  readonly requestTimeoutMs: number;
}

/** Options both clients take besides their transport, storage and clock. */
export interface ClientTuning {
  /** Connection timings, for tests or unusual networks. */
  readonly timing?: Partial<ConnectionTiming>;
  /** Source of randomness for the reconnect jitter, in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** Typing frames go out at most once per this many ms (the last draft always follows). Default 300. */
  readonly typingThrottleMs?: number;
  /** The other side's `typing` lapses after this long without news. Default 30 s. */
  readonly typingExpiryMs?: number;
  /**
   * Prefix of this client's keys in its storage, so a visitor and an agent (or two
   * sites) can share one store. Defaults: `v:<siteId>:` for visitors, `a:` for agents.
   */
  readonly storagePrefix?: string;
}
