/**
 * Messages per session as a client shows them: the hub's messages in `seq`
 * order, each `seq` once (the wire is at-least-once, the screen exactly-once),
 * followed by this side's messages still on their way. Delivery states are
 * derived from the read `seq` of each side.
 */
import type { ParleyError } from '../errors.js';
import type { Author, Message } from '../protocol/model.js';
import type { ChatMessage, DeliveryState, MessagesChange } from './types.js';

export type Side = 'visitor' | 'agent';

/** The side a message's author is on: system messages count as the site's (agents') side. */
export const sideOf = (author: Author): Side => (author.kind === 'visitor' ? 'visitor' : 'agent');
export const otherSide = (side: Side): Side => (side === 'visitor' ? 'agent' : 'visitor');

const EMPTY: readonly ChatMessage[] = Object.freeze([]);

export class SessionMessages {
  readonly sessionId: string;
  readonly #mySide: Side;
  /** Messages the hub stored, by `seq`. */
  readonly #stored = new Map<number, ChatMessage>();
  /** `seq` of every stored message by `clientId`, to match acks and echoes of our own. */
  readonly #seqOf = new Map<string, number>();
  /** Own messages not stored yet (`sending`) or refused (`failed`), in the order they were written. */
  readonly #local = new Map<string, ChatMessage>();
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
    if (!this.#list) {
      const stored = [...this.#stored.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      this.#list = Object.freeze([...stored, ...this.#local.values()]);
    }
    return this.#list;
  }

  get(clientId: string): ChatMessage | undefined {
    const seq = this.#seqOf.get(clientId);
    return seq === undefined ? this.#local.get(clientId) : this.#stored.get(seq);
  }

  /** Messages from the other side (or the system) after this side's read `seq`. */
  unreadCount(): number {
    let count = 0;
    for (const m of this.#stored.values()) if (!m.own && (m.seq ?? 0) > this.#read[this.#mySide]) count++;
    return count;
  }

  /** A message this side just wrote, shown at once as `sending`. */
  addLocal(message: ChatMessage): MessagesChange {
    if (this.#local.has(message.clientId) || this.#seqOf.has(message.clientId)) return this.#change();
    this.#local.set(message.clientId, message);
    this.#list = undefined;
    return this.#change([message]);
  }

  /**
   * Messages from the hub (live, replayed, acked or from history). A `seq` already
   * held is ignored; a `clientId` of a local message turns it into the stored one.
   */
  receive(messages: readonly Message[]): MessagesChange {
    const added: ChatMessage[] = [];
    const updated: ChatMessage[] = [];
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (message.sessionId !== this.sessionId) continue;
      if (this.#stored.has(message.seq) || this.#seqOf.has(message.clientId)) continue;
      const chat = this.#fromHub(message);
      this.#stored.set(message.seq, chat);
      this.#seqOf.set(message.clientId, message.seq);
      this.#maxSeq = Math.max(this.#maxSeq, message.seq);
      if (this.#local.delete(message.clientId)) updated.push(chat);
      else added.push(chat);
    }
    if (added.length > 0 || updated.length > 0) this.#list = undefined;
    return this.#change(added, updated);
  }

  /** The hub refused a local message for good. */
  fail(clientId: string, error: ParleyError): MessagesChange {
    const message = this.#local.get(clientId);
    if (!message) return this.#change();
    const failed: ChatMessage = { ...message, delivery: 'failed', error };
    this.#local.set(clientId, failed);
    this.#list = undefined;
    return this.#change([], [failed]);
  }

  /** A side has read up to `seq`; the other side's messages up to it become `read`. */
  applyRead(side: Side, seq: number): MessagesChange {
    const before = this.#read[side];
    if (seq <= before) return this.#change();
    this.#read[side] = seq;
    const updated: ChatMessage[] = [];
    for (const [s, message] of this.#stored) {
      if (s > before && s <= seq && sideOf(message.author) !== side && message.delivery !== 'read') {
        const read: ChatMessage = { ...message, delivery: 'read' };
        this.#stored.set(s, read);
        updated.push(read);
      }
    }
    if (updated.length > 0) this.#list = undefined;
    return this.#change([], updated.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)));
  }

  #fromHub(message: Message): ChatMessage {
    const authorSide = sideOf(message.author);
    const delivery: DeliveryState = message.seq <= this.#read[otherSide(authorSide)] ? 'read' : 'sent';
    return {
      clientId: message.clientId,
      sessionId: message.sessionId,
      id: message.id,
      seq: message.seq,
      author: message.author,
      at: message.at,
      ...(message.text !== undefined && { text: message.text }),
      ...(message.attachments !== undefined && { attachments: message.attachments }),
      delivery,
      own: authorSide === this.#mySide && message.author.kind !== 'system',
    };
  }

  #change(added: readonly ChatMessage[] = EMPTY, updated: readonly ChatMessage[] = EMPTY): MessagesChange {
    return { sessionId: this.sessionId, added, updated, removed: [] };
  }
}

/** True when a change reports nothing. */
export const isEmptyChange = (change: MessagesChange): boolean =>
  change.added.length === 0 && change.updated.length === 0 && change.removed.length === 0;

/** Every session's messages. */
export class MessageStore {
  readonly #mySide: Side;
  readonly #sessions = new Map<string, SessionMessages>();

  constructor(mySide: Side) {
    this.#mySide = mySide;
  }

  get mySide(): Side {
    return this.#mySide;
  }

  /** The session's messages, made empty on first use. */
  session(sessionId: string): SessionMessages {
    let session = this.#sessions.get(sessionId);
    if (!session) {
      session = new SessionMessages(sessionId, this.#mySide);
      this.#sessions.set(sessionId, session);
    }
    return session;
  }

  has(sessionId: string): boolean {
    return this.#sessions.has(sessionId);
  }

  list(sessionId: string): readonly ChatMessage[] {
    return this.#sessions.get(sessionId)?.list() ?? EMPTY;
  }

  sessionIds(): string[] {
    return [...this.#sessions.keys()];
  }

  delete(sessionId: string): void {
    this.#sessions.delete(sessionId);
  }
}
