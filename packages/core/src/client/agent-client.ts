/**
 * The agent's side of Parley: presence, the queue, the sessions it serves, the
 * live visitor list, transfers, and the tools around a conversation.
 */
import { systemClock, type Clock } from '../clock.js';
import type { Observable } from '../events.js';
import type { AgentHelloFrame } from '../protocol/client-frames.js';
import { AGENT_DECODER } from '../protocol/decode.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import type {
  AgentInfo,
  AgentStatus,
  Evaluation,
  GroupInfo,
  Invite,
  OfflineMessage,
  PageView,
  SessionInfo,
  TransferOffer,
  VisitorInfo,
} from '../protocol/model.js';
import type { AgentWelcomeFrame, ServerFrame, TransferClosedFrame } from '../protocol/server-frames.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { TransportFactory } from '../transport/transport.js';
import { asParleyError } from '../errors.js';
import { createChatSync, type ChatSync } from './chat-sync.js';
import { ClientCore, type CoreEvents, type HistoryQuery } from './client-core.js';
import { createClientEmitter } from './emitter.js';
import { applyListChange, type ListChange } from './list-change.js';
import { createMemoryStorage, type ClientStorage } from './storage.js';
import type { ChatMessage, ClientTuning, ConnectionStatus, MessageContent, TypingState } from './types.js';
import type { SessionChange } from './visitor-client-base.js';

export interface AgentClientOptions extends ClientTuning {
  /** The token the server's sign-in gave. */
  readonly token: string;
  readonly transport: TransportFactory;
  /** Where resume cursors, recent messages and the outbox survive reloads. Default: in memory. */
  readonly storage?: ClientStorage;
  readonly clock?: Clock;
}

export type AgentEvents = CoreEvents & {
  /** This agent's own info changed (welcome, presence, load). */
  agent: AgentInfo;
  /** Colleagues' presence and load. */
  agents: ListChange<AgentInfo>;
  groups: readonly GroupInfo[];
  /** A session this agent serves was added or changed. */
  session: SessionChange;
  /** A session left this agent's list (transferred away, taken back to the queue, or forgotten). */
  sessionRemoved: { readonly session: SessionInfo };
  /** The site's waiting queue, whole, oldest first. */
  queue: readonly SessionInfo[];
  /** Changes to the live visitor list (only while watching). */
  visitors: ListChange<VisitorInfo>;
  /** A colleague offers this agent a session. */
  transferOffer: TransferOffer;
  /** A transfer offer ended (to or from this agent). */
  transferClosed: Omit<TransferClosedFrame, 'type'>;
  inviteClosed: { readonly inviteId: string; readonly visitorId: string; readonly reason: 'accepted' | 'declined' | 'expired' };
  /** A visitor left a message. */
  offlineMessage: OfflineMessage;
};

/** What {@link AgentClient.visitorDetail} resolves with (A11). */
export interface VisitorDetail {
  readonly visitor: VisitorInfo;
  readonly pageViews: readonly PageView[];
  readonly sessions: readonly SessionInfo[];
}

export type TransferTarget = { readonly toAgentId: string } | { readonly toGroupId: string };

const FINISHED: ReadonlySet<SessionInfo['state']> = new Set(['ended', 'offline']);

/**
 * An agent's connection to the hub. State is readable synchronously; every
 * change is announced through {@link AgentClient.on}.
 *
 * After a reconnect the client restores what the hub keeps per connection: the
 * presence last set with {@link setPresence} and the visitor list subscription.
 */
export class AgentClient implements Observable<AgentEvents> {
  readonly #events = createClientEmitter<AgentEvents>();
  readonly #core: ClientCore;
  readonly #chat: ChatSync;
  readonly #token: string;
  #storedAgentId: string | undefined;

  #agent: AgentInfo | undefined;
  #permissions: readonly string[] = [];
  readonly #agents = new Map<string, AgentInfo>();
  #groups: readonly GroupInfo[] = [];
  readonly #sessions = new Map<string, SessionInfo>();
  #queue: readonly SessionInfo[] = [];
  readonly #visitors = new Map<string, VisitorInfo>();
  readonly #transfers = new Map<string, TransferOffer>();
  #watching = false;
  #presence: AgentStatus | undefined;

  constructor(options: AgentClientOptions) {
    this.#token = options.token;
    this.#core = new ClientCore(
      {
        transport: options.transport,
        decoder: AGENT_DECODER,
        clock: options.clock ?? systemClock,
        storage: options.storage ?? createMemoryStorage(),
        side: 'agent',
        storagePrefix: options.storagePrefix ?? 'a:',
        tuning: options,
        emit: (type, event) => this.#events.emit(type, event as AgentEvents[typeof type]),
      },
      {
        load: async () => {
          this.#storedAgentId = await this.#core.persistence.get<string>('agentId');
        },
        hello: (resume): AgentHelloFrame => ({
          type: 'hello',
          v: PROTOCOL_VERSION,
          role: 'agent',
          token: this.#token,
          resume,
        }),
        welcome: (frame) => {
          if (frame.role === 'agent') this.#welcome(frame);
        },
        frame: (frame) => this.#frame(frame),
      },
    );
    this.#chat = this.#core.attachChat((core) =>
      createChatSync(core, {
        author: () => ({ kind: 'agent', id: this.#agent?.id ?? '', ...(this.#agent && { name: this.#agent.name }) }),
        draftsAllowed: () => true,
      }),
    );
  }

  on<K extends keyof AgentEvents>(type: K, handler: (event: AgentEvents[K]) => void): () => void {
    return this.#events.on(type, handler);
  }

  // ── state ─────────────────────────────────────────────────────────────────

  get status(): ConnectionStatus {
    return this.#core.connection.status;
  }

  /** This agent, once welcomed. */
  get agent(): AgentInfo | undefined {
    return this.#agent;
  }

  /** The permissions of this agent's role. */
  get permissions(): readonly string[] {
    return this.#permissions;
  }

  /** Colleagues (and this agent) by id, with presence and load. */
  get agents(): ReadonlyMap<string, AgentInfo> {
    return this.#agents;
  }

  get groups(): readonly GroupInfo[] {
    return this.#groups;
  }

  /** Sessions this agent serves (and ones it served that ended, until {@link forget}), oldest first. */
  get sessions(): readonly SessionInfo[] {
    return [...this.#sessions.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  sessionById(sessionId: string): SessionInfo | undefined {
    return this.#sessions.get(sessionId);
  }

  /** The site's waiting queue, oldest first. */
  get queue(): readonly SessionInfo[] {
    return this.#queue;
  }

  /** The live visitor list, kept only while {@link watchVisitors} is on. */
  get visitors(): ReadonlyMap<string, VisitorInfo> {
    return this.#visitors;
  }

  get watchingVisitors(): boolean {
    return this.#watching;
  }

  /** Transfer offers waiting for this agent's answer. */
  get transfers(): readonly TransferOffer[] {
    return [...this.#transfers.values()];
  }

  messages(sessionId: string): readonly ChatMessage[] {
    return this.#chat.messages(sessionId);
  }

  /** The visitor's typing in a session: `draft` is what they type, when the site enables preview. */
  typing(sessionId: string): TypingState | undefined {
    const typing = this.#chat.typing(sessionId);
    return typing?.side === 'visitor' ? typing : undefined;
  }

  /** Visitor and system messages this agent has not marked read. */
  unreadCount(sessionId: string): number {
    return this.#chat.unreadCount(sessionId);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  /** Connects (reading storage first); reconnects on its own until {@link close}. In back-off, retries at once. */
  connect(): void {
    this.#core.connect();
  }

  /** Closes the connection; waiting commands fail with `closed`. Unsent messages stay in storage. */
  close(): void {
    this.#core.close();
  }

  // ── commands ──────────────────────────────────────────────────────────────

  /** Sets this agent's presence; it is set again after each reconnect. */
  async setPresence(status: AgentStatus): Promise<void> {
    this.#presence = status;
    await this.#core.connection.request({ type: 'presence.set', status });
    if (this.#agent && this.#agent.status !== status) this.#updateSelf({ ...this.#agent, status });
  }

  /** Starts or stops receiving the live visitor list; watching resumes after reconnects. */
  async watchVisitors(watch: boolean): Promise<void> {
    this.#watching = watch;
    if (!watch) this.#clearVisitors();
    await this.#core.connection.request({ type: 'visitors.watch', watch });
  }

  /** Takes a queued session; its messages so far are fetched. */
  async accept(sessionId: string): Promise<SessionInfo> {
    const { session } = await this.#core.connection.request({ type: 'session.accept', sessionId });
    this.#setQueue(this.#queue.filter((s) => s.id !== sessionId));
    this.#upsert(session);
    void this.#chat.catchUp(session);
    return session;
  }

  /** Sends a message; returns at once with it in state `sending` (see {@link VisitorClient.send}). */
  send(sessionId: string, content: string | MessageContent): ChatMessage {
    return this.#chat.send(sessionId, content);
  }

  /** The composer's text for a session; throttled. Visitors only learn that the agent types. */
  setTyping(sessionId: string, draft: string): void {
    this.#chat.setDraft(sessionId, draft);
  }

  markRead(sessionId: string): void {
    this.#chat.markRead(sessionId);
  }

  /** Loads a session's messages into state (before the oldest held, by default) and resolves with them. */
  loadHistory(sessionId: string, query?: HistoryQuery): Promise<ChatMessage[]> {
    return this.#chat.loadHistory(sessionId, query);
  }

  /** Invites a visitor to chat; `proactive` opens their chat window at once (A7). */
  async invite(visitorId: string, options: { readonly message?: string; readonly proactive: boolean }): Promise<Invite> {
    const { invite } = await this.#core.connection.request({
      type: 'invite.send',
      visitorId,
      proactive: options.proactive,
      message: options.message,
    });
    return invite;
  }

  /** Sends the visitor's browser to a URL on one of the site's allowed origins (V9). */
  async pushPage(visitorId: string, url: string): Promise<void> {
    await this.#core.connection.request({ type: 'page.push', visitorId, url });
  }

  /** Offers a session to a colleague or a group (A8). */
  async transfer(sessionId: string, target: TransferTarget, note?: string): Promise<TransferOffer> {
    const { transfer } = await this.#core.connection.request({
      type: 'transfer.offer',
      sessionId,
      ...('toAgentId' in target ? { toAgentId: target.toAgentId } : { toGroupId: target.toGroupId }),
      note,
    });
    return transfer;
  }

  /** Accepts or declines a transfer offer; accepting brings the session and its history. */
  async answerTransfer(transferId: string, accept: boolean): Promise<SessionInfo> {
    const offer = this.#transfers.get(transferId);
    const { session } = await this.#core.connection.request({ type: 'transfer.answer', transferId, accept });
    this.#transfers.delete(transferId);
    if (accept) {
      if (offer) this.#chat.receive(offer.history);
      this.#upsert(session);
      void this.#chat.catchUp(session);
    }
    return session;
  }

  async end(sessionId: string): Promise<SessionInfo> {
    const { session } = await this.#core.connection.request({ type: 'session.end', sessionId });
    this.#upsert(session);
    return session;
  }

  /** Records this agent's evaluation of a chat (A10). */
  async evaluate(sessionId: string, evaluation: Evaluation): Promise<SessionInfo> {
    const { session } = await this.#core.connection.request({ type: 'session.evaluate', sessionId, evaluation });
    this.#upsert(session);
    return session;
  }

  /** Asks the visitor to rate the chat (V14). */
  async requestRating(sessionId: string): Promise<void> {
    await this.#core.connection.request({ type: 'rating.request', sessionId });
  }

  /** A visitor's context: earlier sessions and trajectory (A11). */
  visitorDetail(visitorId: string): Promise<VisitorDetail> {
    return this.#core.connection.request({ type: 'visitor.detail', visitorId });
  }

  /** Edits the visitor's customer card (A11); the live list shows the new card. */
  async updateCard(visitorId: string, card: Readonly<Record<string, string>>): Promise<VisitorInfo> {
    const { visitor } = await this.#core.connection.request({ type: 'visitor.card', visitorId, card });
    if (this.#visitors.has(visitor.id)) this.#applyVisitors({ added: [], updated: [visitor], removed: [] });
    return visitor;
  }

  /** Drops an ended session (and its messages) from this client's state. */
  forget(sessionId: string): void {
    const session = this.#sessions.get(sessionId);
    if (!session) return;
    this.#sessions.delete(sessionId);
    this.#chat.dropSession(sessionId);
    this.#events.emit('sessionRemoved', { session });
  }

  // ── internals ─────────────────────────────────────────────────────────────

  #welcome(frame: AgentWelcomeFrame): void {
    if (this.#storedAgentId !== undefined && this.#storedAgentId !== frame.agent.id) {
      // Another agent signed in on this storage: nothing of the previous one may show or be sent.
      this.#core.forgetEverything();
      for (const id of [...this.#sessions.keys()]) this.forget(id);
    }
    this.#storedAgentId = frame.agent.id;
    void this.#core.persistence.set('agentId', frame.agent.id);
    this.#permissions = frame.permissions;
    this.#groups = frame.groups;
    this.#updateSelf(frame.agent);
    this.#events.emit('groups', frame.groups);
    this.#applyAgents(replaceAll(this.#agents, frame.agents));

    const listed = new Set(frame.sessions.map((s) => s.id));
    for (const session of frame.sessions) this.#upsert(session);
    for (const session of [...this.#sessions.values()]) {
      if (!listed.has(session.id) && !FINISHED.has(session.state)) this.#remove(session.id);
    }
    this.#core.syncSessions(frame.sessions);
    this.#setQueue(frame.queue);
    const known = new Set(this.#transfers.keys());
    this.#transfers.clear();
    for (const offer of frame.transfers) {
      this.#transfers.set(offer.id, offer);
      if (!known.has(offer.id)) this.#events.emit('transferOffer', offer);
    }

    if (this.#presence !== undefined && this.#presence !== frame.agent.status) {
      this.#core.connection.request({ type: 'presence.set', status: this.#presence }).catch((e: unknown) => this.#reportAsync(e));
    }
    if (this.#watching) {
      // The hub forgot the subscription with the old connection; it sends the list afresh.
      this.#clearVisitors();
      this.#core.connection.request({ type: 'visitors.watch', watch: true }).catch((e: unknown) => this.#reportAsync(e));
    }
  }

  #frame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'session':
        return this.#sessionFrame(frame.session);
      case 'queue':
        return this.#setQueue(frame.sessions);
      case 'visitors':
        if (this.#watching) this.#applyVisitors(frame);
        return;
      case 'agents':
        return this.#applyAgents(frame);
      case 'transfer.offer':
        this.#transfers.set(frame.transfer.id, frame.transfer);
        this.#events.emit('transferOffer', frame.transfer);
        return;
      case 'transfer.closed': {
        this.#transfers.delete(frame.transferId);
        const { type: _type, ...closed } = frame;
        this.#events.emit('transferClosed', closed);
        const mine = this.#sessions.get(frame.sessionId);
        if (frame.outcome === 'accepted' && frame.toAgentId !== this.#agent?.id && mine && !FINISHED.has(mine.state)) {
          this.#remove(frame.sessionId);
        }
        return;
      }
      case 'invite.closed':
        this.#events.emit('inviteClosed', { inviteId: frame.inviteId, visitorId: frame.visitorId, reason: frame.reason });
        return;
      case 'offline.message':
        this.#events.emit('offlineMessage', frame.offlineMessage);
        return;
      default:
        // Messages, read receipts and typing are the core's; the rest is for visitors.
        return;
    }
  }

  /**
   * A session's news. Ours when this agent serves it; one we held that now has
   * another agent (or went back to the queue) leaves the list unless it is over.
   */
  #sessionFrame(session: SessionInfo): void {
    const held = this.#sessions.has(session.id);
    if (session.agentId !== undefined && session.agentId === this.#agent?.id) return this.#upsert(session);
    if (!held) return;
    if (FINISHED.has(session.state)) this.#upsert(session);
    else this.#remove(session.id);
  }

  #upsert(session: SessionInfo): void {
    const previous = this.#sessions.get(session.id);
    this.#sessions.set(session.id, session);
    this.#chat.applySession(session);
    this.#events.emit('session', previous ? { session, previous } : { session });
  }

  #remove(sessionId: string): void {
    const session = this.#sessions.get(sessionId);
    if (!session) return;
    this.#sessions.delete(sessionId);
    this.#chat.dropSession(sessionId);
    this.#events.emit('sessionRemoved', { session });
  }

  #setQueue(queue: readonly SessionInfo[]): void {
    this.#queue = queue;
    this.#events.emit('queue', queue);
  }

  #updateSelf(agent: AgentInfo): void {
    this.#agent = agent;
    this.#agents.set(agent.id, agent);
    this.#events.emit('agent', agent);
  }

  #applyAgents(change: ListChange<AgentInfo>): void {
    applyListChange(this.#agents, change);
    const me = [...change.added, ...change.updated].find((a) => a.id === this.#agent?.id);
    if (me) this.#updateSelf(me);
    this.#events.emit('agents', change);
  }

  #applyVisitors(change: ListChange<VisitorInfo>): void {
    applyListChange(this.#visitors, change);
    this.#events.emit('visitors', change);
  }

  #clearVisitors(): void {
    if (this.#visitors.size === 0) return;
    this.#applyVisitors({ added: [], updated: [], removed: [...this.#visitors.keys()] });
  }

  #reportAsync(error: unknown): void {
    const e = asParleyError(error);
    if (e.code !== ERROR_CODES.closed) this.#events.emit('error', e);
  }
}

/** The change that turns `current` into exactly `next`. */
function replaceAll<T extends { readonly id: string }>(current: ReadonlyMap<string, T>, next: readonly T[]): ListChange<T> {
  const ids = new Set(next.map((item) => item.id));
  return {
    added: next.filter((item) => !current.has(item.id)),
    updated: next.filter((item) => current.has(item.id)),
    removed: [...current.keys()].filter((id) => !ids.has(id)),
  };
}
