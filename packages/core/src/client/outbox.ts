/**
 * Messages on their way to the hub. Each is written to storage before its
 * first attempt, sent with its `clientId` (so a re-send never makes a second
 * message), one at a time per session in the order they were typed, again
 * after every welcome, and removed only when the hub answers: with the stored
 * message, or with a refusal that will not change (`failed`).
 */
import type { Clock, TimerHandle } from '../clock.js';
import { asParleyError, type ParleyError } from '../errors.js';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import type { Message } from '../protocol/model.js';
import type { Connection } from './connection.js';
import type { ClientPersistence } from './persistence.js';
import { byCreation, type OutboxEntry } from './transcript.js';

/** Errors after which a message stays in the outbox and is sent again. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ERROR_CODES.timeout,
  ERROR_CODES.rateLimited,
  ERROR_CODES.internal,
  ERROR_CODES.unauthenticated,
]);
/** Delay before sending again after a transient refusal while the link stays up. */
const RESEND_DELAY_MS = 3_000;

interface Item {
  readonly entry: OutboxEntry;
  /** The storage write that must finish before the first attempt. */
  readonly written: Promise<void>;
}

export interface OutboxOptions {
  readonly connection: Connection;
  readonly persistence: ClientPersistence;
  readonly clock: Clock;
  /** The hub stored the message. */
  readonly stored: (message: Message) => void;
  /** The hub refused the message for good. */
  readonly refused: (entry: OutboxEntry, error: ParleyError) => void;
}

export class Outbox {
  readonly #options: OutboxOptions;
  readonly #items = new Map<string, Item>();
  /** Sessions being pumped, and whether to pump once more when done. */
  readonly #pumping = new Map<string, boolean>();
  readonly #resendTimers = new Map<string, TimerHandle>();

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** A new message: stored, then sent as soon as the connection allows. */
  add(entry: OutboxEntry): void {
    this.#items.set(entry.clientId, { entry, written: this.#options.persistence.set(`outbox:${entry.clientId}`, entry) });
    void this.#pump(entry.sessionId);
  }

  /** Entries read from storage after a reload; sent after the next welcome. */
  restore(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) {
      if (!this.#items.has(entry.clientId)) this.#items.set(entry.clientId, { entry, written: Promise.resolve() });
    }
  }

  /** The hub has this message (an echo or a replay): it must not go out again. */
  settle(clientId: string): void {
    if (this.#items.delete(clientId)) void this.#options.persistence.delete(`outbox:${clientId}`);
  }

  /** Sends every session's waiting messages (after a welcome). */
  flush(): void {
    for (const sessionId of new Set([...this.#items.values()].map((item) => item.entry.sessionId))) {
      void this.#pump(sessionId);
    }
  }

  /** Forgets every entry in memory (another identity took over; storage is cleared by the caller). */
  clear(): void {
    this.#items.clear();
  }

  dispose(): void {
    for (const timer of this.#resendTimers.values()) this.#options.clock.clearTimeout(timer);
    this.#resendTimers.clear();
  }

  async #pump(sessionId: string): Promise<void> {
    if (this.#pumping.has(sessionId)) {
      this.#pumping.set(sessionId, true);
      return;
    }
    const { connection } = this.#options;
    try {
      for (;;) {
        this.#pumping.set(sessionId, false);
        // The session's oldest entry (entries restored from storage may join after newer ones).
        let next: Item | undefined;
        for (const item of this.#items.values()) {
          if (item.entry.sessionId === sessionId && (!next || byCreation(item.entry, next.entry) < 0)) next = item;
        }
        if (!next || !connection.isOpen) break;
        await next.written;
        if (!this.#items.has(next.entry.clientId)) continue;
        if (!connection.isOpen || !(await this.#sendOne(next.entry))) break;
      }
    } finally {
      const again = this.#pumping.get(sessionId);
      this.#pumping.delete(sessionId);
      if (again && connection.isOpen) void this.#pump(sessionId);
    }
  }

  /** Sends one entry until the hub answers; whether to go on with the next one. */
  async #sendOne(entry: OutboxEntry): Promise<boolean> {
    const { connection, clock } = this.#options;
    let refusal: ParleyError | undefined;
    try {
      const { message } = await connection.request({
        type: 'message.send',
        sessionId: entry.sessionId,
        clientId: entry.clientId,
        text: entry.text,
        attachments: entry.attachments,
      });
      this.#options.stored(message);
    } catch (error) {
      const e = asParleyError(error);
      if (e.code === ERROR_CODES.closed) return false;
      if (TRANSIENT.has(e.code)) {
        const { sessionId } = entry;
        if (!this.#resendTimers.has(sessionId) && connection.isOpen) {
          const resend = () => {
            this.#resendTimers.delete(sessionId);
            void this.#pump(sessionId);
          };
          this.#resendTimers.set(sessionId, clock.setTimeout(resend, RESEND_DELAY_MS));
        }
        return false;
      }
      refusal = e;
    }
    this.settle(entry.clientId);
    if (refusal) this.#options.refused(entry, refusal);
    return true;
  }
}
