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
import type { ClientPersistence, OutboxEntry } from './persistence.js';

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
  readonly #pumping = new Set<string>();
  readonly #pumpAgain = new Set<string>();
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
      this.#pumpAgain.add(sessionId);
      return;
    }
    const { connection } = this.#options;
    this.#pumping.add(sessionId);
    try {
      for (;;) {
        this.#pumpAgain.delete(sessionId);
        if (!connection.isOpen) break;
        const next = this.#oldest(sessionId);
        if (!next) break;
        await next.written;
        if (!this.#items.has(next.entry.clientId)) continue;
        if (!connection.isOpen) break;
        const outcome = await this.#sendOne(next.entry);
        if (outcome === 'again') {
          this.#resendLater(sessionId);
          break;
        }
        if (outcome === 'stop') break;
      }
    } finally {
      this.#pumping.delete(sessionId);
    }
    if (this.#pumpAgain.has(sessionId) && connection.isOpen) void this.#pump(sessionId);
  }

  /** The session's oldest entry (entries restored from storage may join after newer ones). */
  #oldest(sessionId: string): Item | undefined {
    let oldest: Item | undefined;
    for (const item of this.#items.values()) {
      if (item.entry.sessionId !== sessionId) continue;
      const a = item.entry;
      const b = oldest?.entry;
      if (!b || a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.order < b.order)) oldest = item;
    }
    return oldest;
  }

  async #sendOne(entry: OutboxEntry): Promise<'done' | 'again' | 'stop'> {
    try {
      const { message } = await this.#options.connection.request({
        type: 'message.send',
        sessionId: entry.sessionId,
        clientId: entry.clientId,
        text: entry.text,
        attachments: entry.attachments,
      });
      this.#options.stored(message);
      this.settle(entry.clientId);
      return 'done';
    } catch (error) {
      const e = asParleyError(error);
      if (e.code === ERROR_CODES.closed) return 'stop';
      if (TRANSIENT.has(e.code)) return 'again';
      this.settle(entry.clientId);
      this.#options.refused(entry, e);
      return 'done';
    }
  }

  #resendLater(sessionId: string): void {
    const { clock, connection } = this.#options;
    if (this.#resendTimers.has(sessionId) || !connection.isOpen) return;
    this.#resendTimers.set(
      sessionId,
      clock.setTimeout(() => {
        this.#resendTimers.delete(sessionId);
        void this.#pump(sessionId);
      }, RESEND_DELAY_MS),
    );
  }
}
