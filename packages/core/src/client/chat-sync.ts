/**
 * A client's chat machinery: the message store with its resume cursors and
 * read receipts, the outbox and the kept transcripts, the typing throttle and
 * the other side's typing. A {@link ClientCore} works without it (presence,
 * invitations, page views need none of it); clients attach it at once, and
 * the script-tag widget when the chat is first needed, so a visitor who never
 * chats never downloads it.
 */
import { asParleyError, ParleyError } from '../errors.js';
import { createClientId } from '../ids.js';
import { warnOnce } from '../internal/dev-mode.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import { LIMITS } from '../protocol/limits.js';
import type { Message, SessionInfo } from '../protocol/model.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { ChatHost, ChatOwner, HistoryQuery } from './client-core.js';
import { EMPTY, SessionMessages, sideOf, type Side } from './message-store.js';
import { Outbox } from './outbox.js';
import { RemoteTyping } from './remote-typing.js';
import { createDraftThrottle, type DraftThrottle } from './throttle.js';
import { Transcript, type OutboxEntry } from './transcript.js';
import type { ChatMessage, MessageContent, MessagesChange, TypingState } from './types.js';

/** Messages fetched for a session this client holds nothing of. */
const FIRST_PAGE = 50;

/** Makes a client's chat machinery (messages, outbox, transcripts, typing) over its core, for `owner`. */
export const createChatSync = (host: ChatHost, owner: ChatOwner): ChatSync => new ChatSync(host, owner);

/** @internal */
export class ChatSync {
  readonly #host: ChatHost;
  readonly #owner: ChatOwner;
  /** This client's side: its read receipts and drafts are this side's. */
  readonly #side: Side;
  readonly #sessions = new Map<string, SessionMessages>();
  readonly #transcript: Transcript;
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
  #loaded = false;
  #order = 0;

  constructor(host: ChatHost, owner: ChatOwner) {
    this.#host = host;
    this.#owner = owner;
    this.#side = host.side;
    const tuning = host.tuning ?? {};
    this.#throttleMs = tuning.typingThrottleMs ?? 300;
    this.#transcript = new Transcript(host.persistence);
    this.#typing = new RemoteTyping(host.clock, tuning.typingExpiryMs ?? 30_000, (state) => host.emit('typing', state));
    this.#outbox = new Outbox({
      connection: host.connection,
      persistence: host.persistence,
      clock: host.clock,
      stored: (message) => this.#receive([message]),
      refused: (entry, error) => this.#report(this.#session(entry.sessionId).fail(entry.clientId, error)),
    });
  }

  /** Whether what storage holds is in (frames are taken only from then on). */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** Reads the kept transcripts and the outbox (once). */
  load(): Promise<void> {
    return (this.#loading ??= this.#load());
  }

  close(): void {
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
      createdAt: this.#host.clock.now(),
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
    this.#report(session.applyRead(this.#side, session.maxSeq));
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
    const { messages } = await this.#host.connection.request({
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

  /** Takes in a session's latest info: read receipts from it. */
  applySession(info: SessionInfo): void {
    const session = this.#session(info.id);
    for (const side of ['visitor', 'agent'] as const) this.#report(session.applyRead(side, info.readSeq[side]));
  }

  /**
   * The sessions the hub says this client takes part in (after a welcome). Read
   * receipts are reconciled, sessions the hub did not resume are caught up through
   * history, and stored data of every other session is forgotten. `late`: this
   * machinery came after the welcome, which resumed nothing for it, and messages
   * may have arrived since; `sessions` are those the client knows now, each read
   * to its end, and nothing is forgotten (the next welcome does that).
   */
  syncSessions(sessions: readonly SessionInfo[], late = false): void {
    const listed = new Set(sessions.map((s) => s.id));
    for (const info of sessions) {
      this.applySession(info);
      this.#readTold.set(info.id, info.readSeq[this.#side]);
      this.#tellRead(info.id);
      void this.catchUp(info, late);
    }
    if (late) return;
    for (const sessionId of this.#transcript.storedSessions()) {
      if (!listed.has(sessionId)) void this.#transcript.forgetSession(sessionId);
    }
    for (const sessionId of [...this.#storedSeq.keys()]) if (!listed.has(sessionId)) this.#storedSeq.delete(sessionId);
  }

  /**
   * Fetches what this client lacks of a session it just joined or was not resumed:
   * up to the hub's `lastSeq` in `info`, or (`late`) until the hub has no more.
   */
  async catchUp(info: SessionInfo, late = false): Promise<void> {
    const session = this.#session(info.id);
    try {
      if (session.maxSeq === 0) {
        // The newest page: before lastSeq + 1, or simply the latest when lastSeq may be stale.
        if (late || info.lastSeq > 0) await this.loadHistory(info.id, { beforeSeq: late ? undefined : info.lastSeq + 1, limit: FIRST_PAGE });
        return;
      }
      // A resumed session's missed messages are replayed after the welcome, up to
      // LIMITS.resumeMessages; page in whatever lies beyond, up to the hub's lastSeq.
      const resumedAt = this.#resumed.get(info.id);
      let after = resumedAt === undefined ? session.maxSeq : resumedAt + LIMITS.resumeMessages;
      while (late || info.lastSeq > after) {
        const last = (await this.loadHistory(info.id, { afterSeq: after, limit: LIMITS.historyPage })).at(-1)?.seq;
        if (last === undefined || last <= after) break;
        after = last;
      }
    } catch (error) {
      const e = asParleyError(error);
      if (e.code !== ERROR_CODES.closed) this.#host.emit('error', e);
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
    if (list.length > 0) this.#host.emit('messages', { sessionId, added: [], updated: [], removed: list.map((m) => m.clientId) });
  }

  /** Another identity took over: forget every message and the outbox (the client clears storage). */
  forget(): void {
    for (const sessionId of [...this.#sessions.keys()]) this.dropSession(sessionId);
    this.#outbox.clear();
    this.#storedSeq.clear();
    this.#resumed.clear();
    this.#readTold.clear();
    this.#transcript.forget();
  }

  // ── as the core's chat ─────────────────────────────────────────────────────

  /** The sessions to resume in the next hello, with the `seq` to resume each from. */
  resumeCursors(): Record<string, number> | undefined {
    if (!this.#loaded) return undefined;
    const seqs = new Map(this.#storedSeq);
    for (const [sessionId, { maxSeq }] of this.#sessions) {
      if (maxSeq > (seqs.get(sessionId) ?? 0)) seqs.set(sessionId, maxSeq);
    }
    const top = [...seqs].filter(([, seq]) => seq > 0).sort((a, b) => b[1] - a[1]).slice(0, LIMITS.resumeSessions);
    this.#resumed = new Map(top);
    return top.length > 0 ? Object.fromEntries(top) : undefined;
  }

  /** After the owner took a welcome in (and {@link syncSessions} ran): drafts and unsent messages go out. */
  welcomed(): void {
    if (!this.#loaded) return;
    for (const [sessionId, draft] of this.#drafts) {
      if (this.#owner.draftsAllowed()) this.#throttle(sessionId).push(draft);
    }
    this.#outbox.flush();
  }

  frame(frame: ServerFrame): void {
    // Until storage is read, what arrives is fetched again by the late catch-up.
    if (!this.#loaded) return;
    switch (frame.type) {
      case 'message':
        this.#receive([frame.message]);
        this.#typing.clear(frame.message.sessionId, sideOf(frame.message.author));
        return;
      case 'read':
        this.#report(this.#session(frame.sessionId).applyRead(frame.side, frame.seq));
        if (frame.side === this.#side) this.#readTold.set(frame.sessionId, Math.max(frame.seq, this.#readTold.get(frame.sessionId) ?? 0));
        return;
      case 'typing':
        this.#typing.apply(frame);
        return;
      default:
        return;
    }
  }

  /** The connection went down. */
  down(): void {
    for (const throttle of this.#throttles.values()) throttle.reset();
    this.#readTold.clear();
    this.#typing.clearAll();
  }

  // ── internals ──────────────────────────────────────────────────────────────

  async #load(): Promise<void> {
    const loaded = await this.#transcript.load();
    for (const [sessionId, held] of loaded.sessions) {
      this.#storedSeq.set(sessionId, held.seq);
      this.#report(this.#session(sessionId).receive(held.messages));
    }
    this.#outbox.restore(loaded.outbox);
    for (const entry of loaded.outbox) {
      this.#report(this.#session(entry.sessionId).addLocal(localMessage(entry)));
    }
    this.#loaded = true;
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
    if (fresh.length > 0) void this.#transcript.saveMessages(fresh);
  }

  /** A session's messages, made empty on first use. */
  #session(sessionId: string): SessionMessages {
    let session = this.#sessions.get(sessionId);
    if (!session) this.#sessions.set(sessionId, (session = new SessionMessages(sessionId, this.#side)));
    return session;
  }

  #tellRead(sessionId: string): void {
    const seq = this.#session(sessionId).readSeq(this.#side);
    if (seq <= (this.#readTold.get(sessionId) ?? 0)) return;
    if (this.#host.connection.post({ type: 'message.read', sessionId, seq })) this.#readTold.set(sessionId, seq);
  }

  #throttle(sessionId: string): DraftThrottle {
    let throttle = this.#throttles.get(sessionId);
    if (!throttle) {
      throttle = createDraftThrottle(this.#host.clock, this.#throttleMs, (draft) =>
        this.#host.connection.post({ type: 'typing', sessionId, draft }),
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
    if (change) this.#host.emit('messages', change);
  }
}

/** How an outbox entry shows until the hub stores it. */
function localMessage({ createdAt, order: _order, ...message }: OutboxEntry): ChatMessage {
  return { ...message, at: createdAt, delivery: 'sending', own: true };
}
