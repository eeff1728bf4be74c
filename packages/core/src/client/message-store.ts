/**
 * One session's messages as a client shows them: the hub's messages in `seq`
 * order, each `seq` once (the wire is at-least-once, the screen exactly-once),
 * followed by this side's messages still on their way. Delivery states are
 * derived from the read `seq` of each side.
 */
import type { ParleyError } from '../errors.js';
import type { Author, Message } from '../protocol/model.js';
import type { ChatMessage, MessagesChange } from './types.js';

export type Side = 'visitor' | 'agent';

/** The side a message's author is on: system messages count as the site's (agents') side. */
export const sideOf = (author: Author): Side => (author.kind === 'visitor' ? 'visitor' : 'agent');

export const EMPTY: readonly ChatMessage[] = Object.freeze([]);

/** Sorts stored messages by `seq` and keeps local ones (no `seq` yet) after them, in the order written. */
const bySeq = (a: ChatMessage, b: ChatMessage) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || 0;

export class SessionMessages {
  readonly sessionId: string;
  readonly #mySide: Side;
  /**
   * Every message by `clientId`: the hub's (with a `seq`) and this side's not
   * stored yet (`sending`) or refused (`failed`), in the order they arrived.
   */
  readonly #messages = new Map<string, ChatMessage>();
  /** The `seq` of every stored message. */
  readonly #seqs = new Set<number>();
  readonly #read: Record<Side, number> = { visitor: 0, agent: 0 };
  #maxSeq = 0;
  #list: readonly ChatMessage[] | undefined;

  constructor(sessionId: string, mySide: Side) {
    this.sessionId = sessionId;
    this.#mySide = mySide;
  }

  /** Highest `seq` held. */
  get maxSeq(): number {
    return this.#maxSeq;
  }

  /** The highest `seq` a side has read, as far as this client knows. */
  readSeq(side: Side): number {
    return this.#read[side];
  }

  /** The list to render: stored messages by `seq`, then local ones. A new array after each change. */
  list(): readonly ChatMessage[] {
    return (this.#list ??= Object.freeze([...this.#messages.values()].sort(bySeq)));
  }

  get(clientId: string): ChatMessage | undefined {
    return this.#messages.get(clientId);
  }

  /** Messages from the other side (or the system) after this side's read `seq`. */
  unreadCount(): number {
    let count = 0;
    for (const m of this.#messages.values()) if (!m.own && (m.seq ?? 0) > this.#read[this.#mySide]) count++;
    return count;
  }

  /** A message this side just wrote, shown at once as `sending`. */
  addLocal(message: ChatMessage): MessagesChange | undefined {
    if (this.#messages.has(message.clientId)) return undefined;
    return this.#set([message]);
  }

  /**
   * Messages from the hub (live, replayed, acked or from history). A `seq` already
   * held is ignored; a `clientId` of a local message turns it into the stored one.
   */
  receive(messages: readonly Message[]): MessagesChange | undefined {
    const added: ChatMessage[] = [];
    const updated: ChatMessage[] = [];
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      const { sessionId, clientId, seq, author } = message;
      const held = this.#messages.get(clientId);
      if (sessionId !== this.sessionId || this.#seqs.has(seq) || held?.seq !== undefined) continue;
      const authorSide = sideOf(author);
      const chat: ChatMessage = {
        ...message,
        delivery: seq <= this.#read[authorSide === 'visitor' ? 'agent' : 'visitor'] ? 'read' : 'sent',
        own: authorSide === this.#mySide && author.kind !== 'system',
      };
      this.#seqs.add(seq);
      this.#maxSeq = Math.max(this.#maxSeq, seq);
      (held ? updated : added).push(chat);
      this.#messages.set(clientId, chat); // now, for duplicates within `messages`
    }
    return this.#set(added, updated);
  }

  /** The hub refused a local message for good. */
  fail(clientId: string, error: ParleyError): MessagesChange | undefined {
    const message = this.#messages.get(clientId);
    if (!message || message.seq !== undefined) return undefined;
    return this.#set([], [{ ...message, delivery: 'failed', error }]);
  }

  /** A side has read up to `seq`; the other side's messages up to it become `read`. */
  applyRead(side: Side, seq: number): MessagesChange | undefined {
    const before = this.#read[side];
    if (seq <= before) return undefined;
    this.#read[side] = seq;
    const updated: ChatMessage[] = [];
    for (const m of this.#messages.values()) {
      const at = m.seq ?? 0;
      if (at > before && at <= seq && sideOf(m.author) !== side && m.delivery !== 'read') {
        updated.push({ ...m, delivery: 'read' });
      }
    }
    return this.#set([], updated.sort(bySeq));
  }

  /** Keeps new and changed messages; the change they make, or undefined for none. */
  #set(added: readonly ChatMessage[], updated: readonly ChatMessage[] = []): MessagesChange | undefined {
    if (added.length + updated.length === 0) return undefined;
    for (const m of [...added, ...updated]) this.#messages.set(m.clientId, m);
    this.#list = undefined;
    return { sessionId: this.sessionId, added, updated, removed: [] };
  }
}
