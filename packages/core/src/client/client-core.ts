/**
 * The machinery both clients share: the connection, the outbox, the message
 * store with its resume cursors and read receipts, the typing throttle and the
 * other side's typing. A client owns one and adds its role's state on top.
 */
import type { Clock } from '../clock.js';
import { asParleyError, ParleyError } from '../errors.js';
import { createClientId } from '../ids.js';
import type { HelloFrame } from '../protocol/client-frames.js';
import type { ServerDecoder } from '../protocol/decode.js';
import { warnOnce } from '../internal/dev-mode.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import { LIMITS } from '../protocol/limits.js';
import type { Author, Message, SessionInfo } from '../protocol/model.js';
import type { ServerFrame, WelcomeFrame } from '../protocol/server-frames.js';
import type { TransportFactory } from '../transport/transport.js';
import { Connection, type ConnectionDelegate } from './connection.js';
import { EMPTY, SessionMessages, sideOf, type Side } from './message-store.js';
import { Outbox } from './outbox.js';
import { ClientPersistence, type OutboxEntry } from './persistence.js';
import { RemoteTyping } from './remote-typing.js';
import type { ClientStorage } from './storage.js';
import { createDraftThrottle, type DraftThrottle } from './throttle.js';
import type { ChatMessage, ClientTuning, ConnectionStatus, MessageContent, MessagesChange, TypingState } from './types.js';

/** Events every client emits. */
export type CoreEvents = {
  /** The connection's status changed. */
  status: ConnectionStatus;
  /** A session's message list changed. */
  messages: MessagesChange;
  /** The other side's typing changed in a session. */
  typing: TypingState;
  /** Something went wrong that no promise reports: a bad frame, a refusal, storage trouble. */
  error: ParleyError;
};

export type CoreEmit = <K extends keyof CoreEvents>(type: K, event: CoreEvents[K]) => void;

/** What the client that owns the core provides. */
export interface CoreOwner {
  /** Loads the owner's own stored state before the first hello. */
  load?(): Promise<void>;
  hello(resume: Readonly<Record<string, number>> | undefined): HelloFrame;
  /** Updates the owner's state from a welcome; it calls {@link ClientCore.syncSessions}. */
  welcome(frame: WelcomeFrame): void;
  /** Every frame after the core has seen it (messages, read receipts and typing included). */
  frame(frame: ServerFrame): void;
  /** The author of this side's new messages. */
  author(): Author;
  /** Whether drafts may go out (a visitor's only when the site enables typing preview). */
  draftsAllowed(): boolean;
  retryRejected?(error: ParleyError): boolean;
  down?(): void;
}

export interface CoreOptions {
  readonly transport: TransportFactory;
  readonly decoder: ServerDecoder;
  readonly clock: Clock;
  readonly storage: ClientStorage;
  readonly side: Side;
  readonly storagePrefix: string;
  readonly tuning?: ClientTuning | undefined;
  readonly emit: CoreEmit;
}

export interface HistoryQuery {
  /** Messages before this `seq`, newest first (the default: before the oldest one held). */
  readonly beforeSeq?: number;
  /** Or every message after this `seq`. */
  readonly afterSeq?: number;
  /** At most this many (the hub caps it at {@link LIMITS.historyPage}). */
  readonly limit?: number;
}

/** Messages fetched for a session this client holds nothing of. */
const FIRST_PAGE = 50;

/** The core is its connection's delegate: the connection calls the methods under "as the connection's delegate". */
export class ClientCore implements ConnectionDelegate {
  readonly connection: Connection;
  readonly persistence: ClientPersistence;
  readonly clock: Clock;
  /** This client's side: its read receipts and drafts are this side's. */
  readonly mySide: Side;
  readonly #sessions = new Map<string, SessionMessages>();
  readonly #owner: CoreOwner;
  readonly #emit: CoreEmit;
  readonly #typing: RemoteTyping;
  readonly #throttleMs: number;

  readonly #outbox: Outbox;
  readonly #throttles = new Map<string, DraftThrottle>();
  readonly #drafts = new Map<string, string>();
  /** This side's read `seq` the hub knows, per session. */
  readonly #readTold = new Map<string, number>();
  /** Resume `seq` per session read from storage. */
  readonly #storedSeq = new Map<string, number>();
  /** The `seq` each session was resumed from in the last hello. */
  #resumed = new Map<string, number>();
  #loading: Promise<void> | undefined;
  #wanted = false;
  #order = 0;

  constructor(options: CoreOptions, owner: CoreOwner) {
    const tuning = options.tuning ?? {};
    this.clock = options.clock;
    this.#owner = owner;
    this.#emit = options.emit;
    this.#throttleMs = tuning.typingThrottleMs ?? 300;
    this.mySide = options.side;
    let storageFailed = false;
    this.persistence = new ClientPersistence(options.storage, options.storagePrefix, (error) => {
      // Reported once: the client goes on from memory, and one broken store would say so on every write.
      if (storageFailed) return;
      storageFailed = true;
      this.#emit('error', new ParleyError(ERROR_CODES.internal, `The client storage failed (working from memory): ${String(error)}`));
    });
    this.#typing = new RemoteTyping(options.clock, tuning.typingExpiryMs ?? 30_000, (state) => this.#emit('typing', state));
    this.connection = new Connection(
      { transport: options.transport, clock: options.clock, decoder: options.decoder, timing: tuning.timing, random: tuning.random },
      this,
    );
    this.#outbox = new Outbox({
      connection: this.connection,
      persistence: this.persistence,
      clock: options.clock,
      stored: (message) => this.#receive([message]),
      refused: (entry, error) => this.#report(this.#session(entry.sessionId).fail(entry.clientId, error)),
    });
  }

  /** Loads what storage holds (once), then connects. */
  connect(): void {
    this.#wanted = true;
    this.#loading ??= this.#load();
    void this.#loading.then(() => {
      if (this.#wanted) this.connection.connect();
    });
  }

  close(): void {
    this.#wanted = false;
    this.connection.close();
    this.#outbox.dispose();
    this.#dropThrottles();
    this.#typing.dispose();
  }

  messages(sessionId: string): readonly ChatMessage[] {
    return this.#sessions.get(sessionId)?.list() ?? EMPTY;
  }

  typing(sessionId: string): TypingState | undefined {
    return this.#typing.get(sessionId);
  }

  /**
   * Shows the message at once as `sending`, writes it to the outbox, and sends it
   * when the connection is open — again after every reconnect, with the same
   * `clientId`, until the hub answers. Throws a `bad_frame` ParleyError for an empty
   * or oversized message.
   */
  send(sessionId: string, content: string | MessageContent): ChatMessage {
    const { text, attachments }: MessageContent = typeof content === 'string' ? { text: content } : content;
    const hasText = text !== undefined && text.trim().length > 0;
    const hasFiles = attachments !== undefined && attachments.length > 0;
    if (!hasText && !hasFiles) throw new ParleyError(ERROR_CODES.badFrame, 'A message needs text or an attachment.');
    if ((hasText && text.length > LIMITS.messageText) || (hasFiles && attachments.length > LIMITS.attachments)) {
      throw new ParleyError(
        ERROR_CODES.badFrame,
        `A message holds at most ${LIMITS.messageText} characters and ${LIMITS.attachments} attachments.`,
      );
    }
    const entry: OutboxEntry = {
      clientId: createClientId(),
      sessionId,
      author: this.#owner.author(),
      ...(hasText && { text }),
      ...(hasFiles && { attachments }),
      createdAt: this.clock.now(),
      order: ++this.#order,
    };
    const message = localMessage(entry);
    this.#report(this.#session(sessionId).addLocal(message));
    this.#drafts.delete(sessionId);
    this.#throttles.get(sessionId)?.push('');
    this.#outbox.add(entry);
    return message;
  }

  /** The current draft of a session; goes out throttled, and only while drafts are allowed. */
  setDraft(sessionId: string, draft: string): void {
    let value = draft;
    if (value.length > LIMITS.draft) {
      warnOnce('text-truncated', 'draft');
      value = value.slice(0, LIMITS.draft);
    }
    if (!this.#owner.draftsAllowed()) return;
    if (value === '') this.#drafts.delete(sessionId);
    else this.#drafts.set(sessionId, value);
    this.#throttle(sessionId).push(value);
  }

  /** Forgets every draft without sending anything (drafts are no longer allowed). */
  dropDrafts(): void {
    this.#dropThrottles();
    this.#drafts.clear();
  }

  /** Marks everything held in the session as read by this side, and tells the hub. */
  markRead(sessionId: string): void {
    const session = this.#session(sessionId);
    this.#report(session.applyRead(this.mySide, session.maxSeq));
    this.#tellRead(sessionId);
  }

  unreadCount(sessionId: string): number {
    return this.#sessions.get(sessionId)?.unreadCount() ?? 0;
  }

  /** Fetches messages and merges them into the session's list; resolves with them in `seq` order. */
  async loadHistory(sessionId: string, query: HistoryQuery = {}): Promise<ChatMessage[]> {
    const session = this.#session(sessionId);
    const oldest = session.list().find((m) => m.seq !== undefined)?.seq;
    const beforeSeq = query.beforeSeq ?? (query.afterSeq === undefined ? oldest : undefined);
    const { messages } = await this.connection.request({
      type: 'session.history',
      sessionId,
      beforeSeq,
      afterSeq: query.afterSeq,
      limit: query.limit && Math.min(query.limit, LIMITS.historyPage),
    });
    this.#receive(messages);
    return [...messages]
      .sort((a, b) => a.seq - b.seq)
      .map((m) => session.get(m.clientId))
      .filter((m): m is ChatMessage => m !== undefined);
  }

  /** Takes in a session's latest info: read receipts from it. Call for every session the hub reports. */
  applySession(info: SessionInfo): void {
    const session = this.#session(info.id);
    for (const side of ['visitor', 'agent'] as const) this.#report(session.applyRead(side, info.readSeq[side]));
  }

  /**
   * After a welcome: the sessions the hub says this client takes part in. Read
   * receipts are reconciled, sessions the hub did not resume are caught up through
   * history, and stored data of every other session is forgotten.
   */
  syncSessions(sessions: readonly SessionInfo[]): void {
    const listed = new Set(sessions.map((s) => s.id));
    for (const info of sessions) {
      this.applySession(info);
      this.#readTold.set(info.id, info.readSeq[this.mySide]);
      this.#tellRead(info.id);
      void this.catchUp(info);
    }
    for (const sessionId of this.persistence.storedSessions()) {
      if (!listed.has(sessionId)) void this.persistence.forgetSession(sessionId);
    }
    for (const sessionId of [...this.#storedSeq.keys()]) if (!listed.has(sessionId)) this.#storedSeq.delete(sessionId);
  }

  /** Fetches what this client lacks of a session it just joined or was not resumed. */
  async catchUp(info: SessionInfo): Promise<void> {
    const session = this.#session(info.id);
    try {
      if (session.maxSeq === 0) {
        if (info.lastSeq > 0) await this.loadHistory(info.id, { beforeSeq: info.lastSeq + 1, limit: FIRST_PAGE });
        return;
      }
      // A resumed session's missed messages are replayed after the welcome, up to
      // LIMITS.resumeMessages; page in whatever lies beyond, up to the hub's lastSeq.
      const resumedAt = this.#resumed.get(info.id);
      let after = resumedAt === undefined ? session.maxSeq : resumedAt + LIMITS.resumeMessages;
      while (info.lastSeq > after) {
        const last = (await this.loadHistory(info.id, { afterSeq: after, limit: LIMITS.historyPage })).at(-1)?.seq;
        if (last === undefined || last <= after) break;
        after = last;
      }
    } catch (error) {
      const e = asParleyError(error);
      if (e.code !== ERROR_CODES.closed) this.#emit('error', e);
    }
  }

  /** Merges messages that arrived some other way (a transfer offer's history). */
  receive(messages: readonly Message[]): void {
    this.#receive(messages);
  }

  /** Drops a session's messages from memory (its stored data goes at the next welcome). */
  dropSession(sessionId: string): void {
    const list = this.messages(sessionId);
    this.#sessions.delete(sessionId);
    if (list.length > 0) this.#emit('messages', { sessionId, added: [], updated: [], removed: list.map((m) => m.clientId) });
  }

  /** Another identity took over: forget every message, the outbox and all stored data. */
  forgetEverything(): void {
    for (const sessionId of [...this.#sessions.keys()]) this.dropSession(sessionId);
    this.#outbox.clear();
    this.#storedSeq.clear();
    this.#resumed.clear();
    this.#readTold.clear();
    void this.persistence.clear();
  }

  // ── as the connection's delegate ───────────────────────────────────────────

  hello(): HelloFrame {
    const seqs = new Map(this.#storedSeq);
    for (const [sessionId, { maxSeq }] of this.#sessions) {
      if (maxSeq > (seqs.get(sessionId) ?? 0)) seqs.set(sessionId, maxSeq);
    }
    const top = [...seqs].filter(([, seq]) => seq > 0).sort((a, b) => b[1] - a[1]).slice(0, LIMITS.resumeSessions);
    this.#resumed = new Map(top);
    return this.#owner.hello(top.length > 0 ? Object.fromEntries(top) : undefined);
  }

  welcome(frame: WelcomeFrame): void {
    this.#owner.welcome(frame);
    for (const [sessionId, draft] of this.#drafts) {
      if (this.#owner.draftsAllowed()) this.#throttle(sessionId).push(draft);
    }
    this.#outbox.flush();
  }

  frame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'message':
        this.#receive([frame.message]);
        this.#typing.clear(frame.message.sessionId, sideOf(frame.message.author));
        break;
      case 'read': {
        this.#report(this.#session(frame.sessionId).applyRead(frame.side, frame.seq));
        if (frame.side === this.mySide) this.#readTold.set(frame.sessionId, Math.max(frame.seq, this.#readTold.get(frame.sessionId) ?? 0));
        break;
      }
      case 'typing':
        this.#typing.apply(frame);
        break;
      default:
        break;
    }
    this.#owner.frame(frame);
  }

  status(status: ConnectionStatus): void {
    this.#emit('status', status);
  }

  error(error: ParleyError): void {
    this.#emit('error', error);
  }

  retryRejected(error: ParleyError): boolean {
    return this.#owner.retryRejected?.(error) ?? false;
  }

  down(): void {
    for (const throttle of this.#throttles.values()) throttle.reset();
    this.#readTold.clear();
    this.#typing.clearAll();
    this.#owner.down?.();
  }

  // ── internals ──────────────────────────────────────────────────────────────

  async #load(): Promise<void> {
    const loaded = await this.persistence.load();
    try {
      await this.#owner.load?.();
    } catch (error) {
      this.#emit('error', asParleyError(error));
    }
    for (const [sessionId, held] of loaded.sessions) {
      this.#storedSeq.set(sessionId, held.seq);
      this.#report(this.#session(sessionId).receive(held.messages));
    }
    this.#outbox.restore(loaded.outbox);
    for (const entry of loaded.outbox) {
      this.#report(this.#session(entry.sessionId).addLocal(localMessage(entry)));
    }
  }

  #receive(messages: readonly Message[]): void {
    const fresh: Message[] = [];
    for (const sessionId of new Set(messages.map((m) => m.sessionId))) {
      // Each session takes its own messages from the list.
      const change = this.#session(sessionId).receive(messages);
      const taken = new Set([...(change?.added ?? []), ...(change?.updated ?? [])].map((m) => m.clientId));
      for (const m of messages) {
        if (m.sessionId !== sessionId || !taken.has(m.clientId)) continue;
        fresh.push(m);
        // The hub has it: whatever happens to the pending send, it must not go out again.
        this.#outbox.settle(m.clientId);
      }
      this.#report(change);
    }
    void this.persistence.saveMessages(fresh);
  }

  /** A session's messages, made empty on first use. */
  #session(sessionId: string): SessionMessages {
    let session = this.#sessions.get(sessionId);
    if (!session) this.#sessions.set(sessionId, (session = new SessionMessages(sessionId, this.mySide)));
    return session;
  }

  #tellRead(sessionId: string): void {
    const seq = this.#session(sessionId).readSeq(this.mySide);
    if (seq <= (this.#readTold.get(sessionId) ?? 0)) return;
    if (this.connection.post({ type: 'message.read', sessionId, seq })) this.#readTold.set(sessionId, seq);
  }

  #throttle(sessionId: string): DraftThrottle {
    let throttle = this.#throttles.get(sessionId);
    if (!throttle) {
      throttle = createDraftThrottle(this.clock, this.#throttleMs, (draft) =>
        this.connection.post({ type: 'typing', sessionId, draft }),
      );
      this.#throttles.set(sessionId, throttle);
    }
    return throttle;
  }

  #dropThrottles(): void {
    for (const throttle of this.#throttles.values()) throttle.dispose();
    this.#throttles.clear();
  }

  #report(change: MessagesChange | undefined): void {
    if (change) this.#emit('messages', change);
  }
}

/** How an outbox entry shows until the hub stores it. */
function localMessage({ createdAt, order: _order, ...message }: OutboxEntry): ChatMessage {
  return { ...message, at: createdAt, delivery: 'sending', own: true };
}
