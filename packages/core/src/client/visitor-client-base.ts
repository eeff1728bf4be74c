/**
 * The visitor's side of Parley: one browser on a site, with a persistent
 * identity, its page views, and its conversations with the site's agents —
 * everything but the chat (its commands, messages, outbox, typing), which
 * {@link VisitorClientBase.attachChat} adds. `VisitorClient` is this with the
 * chat attached from the start.
 */
import { systemClock, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Observable } from '../events.js';
import { warnOnce } from '../internal/dev-mode.js';
import type { PageViewFrame, VisitorHelloFrame } from '../protocol/client-frames.js';
import { VISITOR_DECODER } from '../protocol/decode.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import { LIMITS } from '../protocol/limits.js';
import type { Availability, Invite, SessionInfo, SignedMember, VisitorSettings } from '../protocol/model.js';
import type { ServerFrame, WelcomeFrame } from '../protocol/server-frames.js';
import { sessionInfo as sessionInfoSchema } from '../protocol/schemas/model.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { TransportFactory } from '../transport/transport.js';
import { ClientCore, type CoreEmit, type CoreEvents } from './client-core.js';
import { createClientEmitter } from './emitter.js';
import { httpOrigin, isPushAllowed } from './page-push.js';
import { readStored } from './persistence.js';
import { createMemoryStorage, type ClientStorage } from './storage.js';
import type { ChatMessage, ClientTuning, ConnectionStatus } from './types.js';
import type { VisitorChat, VisitorChatFactory } from './visitor-chat.js';

export interface VisitorClientOptions extends ClientTuning {
  readonly siteId: string;
  readonly transport: TransportFactory;
  /** Where identity, resume cursors, recent messages and the outbox survive reloads. Default: in memory. */
  readonly storage?: ClientStorage;
  readonly clock?: Clock;
  /** The browser's language (BCP 47), shown to agents. */
  readonly language?: string;
  readonly userAgent?: string;
  /** The site member signed in on the page, as the site's server signed it (V17). */
  readonly member?: SignedMember;
  /**
   * Goes to a URL an agent pushed, after the client checked it is http(s) on one of
   * the site's `pushOrigins`, e.g. `(url) => location.assign(url)`. Without it the
   * `pagePush` event is all that happens.
   */
  readonly navigate?: (url: string) => void;
}

/** A session changed; `previous` is what the client knew before (absent for a new one). */
export interface SessionChange {
  readonly session: SessionInfo;
  readonly previous?: SessionInfo;
}

/**
 * The chat is being handed to another agent (`started`: the session is
 * `transferring`) or was (`done`: another agent serves it now).
 */
export interface TransferNotice {
  readonly phase: 'started' | 'done';
  readonly session: SessionInfo;
  readonly previousAgentId?: string;
  readonly previousAgentName?: string;
}

export type VisitorEvents = CoreEvents & {
  /** Who this visitor is, after each welcome. */
  identity: { readonly visitorId: string; readonly visitCount: number };
  settings: VisitorSettings;
  availability: Availability;
  session: SessionChange;
  transfer: TransferNotice;
  invite: Invite;
  inviteClosed: { readonly inviteId: string; readonly reason: 'accepted' | 'declined' | 'expired' };
  /** An agent sent the visitor to this URL, and its origin is allowed. */
  pagePush: { readonly url: string };
  /** An agent asks the visitor to rate the chat. */
  ratingRequest: { readonly sessionId: string };
};

export interface PageViewInput {
  readonly url: string;
  readonly title: string;
  readonly referrer?: string;
}

/** Page views kept while the connection is down; the oldest go first. */
const PAGE_VIEW_QUEUE = 20;
const OPEN_STATES: ReadonlySet<SessionInfo['state']> = new Set(['queued', 'active', 'transferring']);

/** Whether a session is still going on (queued, active or transferring). @internal */
export const isOpenSession = (s: SessionInfo) => OPEN_STATES.has(s.state);

/**
 * A visitor's connection to its site's chat, without the chat until
 * {@link attachChat} adds it: identity, settings, availability, sessions,
 * invitations, page views and page push work from the start. The chat
 * commands (`requestChat`, `send`, `setDraft`, `markRead`, `loadHistory`,
 * `end`, `rate`, `leaveMessage`) are on the {@link VisitorChat} that
 * `attachChat` returns (and {@link chat} holds), with the machinery behind
 * them; before it is attached, {@link chat} is `undefined`, `messages()` is
 * empty and `unreadCount()` 0. The script-tag widget starts with this and
 * loads the chat when it is first needed; most code wants
 * {@link VisitorClient}, which has it from the start, its commands as its own
 * methods.
 *
 * ```ts
 * const client = new VisitorClientBase({ siteId, transport, storage });
 * client.on('availability', (status) => renderLauncher(status));
 * client.connect();
 * // later, when the visitor opens the chat:
 * const { createVisitorChat } = await import('./chat-part.js'); // re-exports it from '@parley/core'
 * const chat = client.attachChat(createVisitorChat);
 * await chat.requestChat({ name: 'Ada' });
 * chat.send('Hello!');
 * ```
 */
export class VisitorClientBase implements Observable<VisitorEvents> {
  readonly #options: VisitorClientOptions;
  readonly #events = createClientEmitter<VisitorEvents>();
  readonly #core: ClientCore;
  #chat: VisitorChat | undefined;
  #member: SignedMember | undefined;
  #token: string | undefined;
  #sentToken = false;

  /** From storage, then from each welcome. */
  #visitorId: string | undefined;
  #visitCount = 0;
  #settings: VisitorSettings | undefined;
  #availability: Availability | undefined;
  readonly #sessions = new Map<string, SessionInfo>();
  readonly #invites = new Map<string, Invite>();
  readonly #pageViews: PageViewFrame[] = [];
  #hidden = false;

  constructor(options: VisitorClientOptions) {
    this.#options = options;
    this.#member = options.member;
    this.#core = new ClientCore(
      {
        transport: options.transport,
        decoder: VISITOR_DECODER,
        clock: options.clock ?? systemClock,
        storage: options.storage ?? createMemoryStorage(),
        side: 'visitor',
        storagePrefix: options.storagePrefix ?? `v:${options.siteId}:`,
        tuning: options,
        // VisitorEvents include CoreEvents, and emit needs no `this`.
        emit: this.#events.emit as CoreEmit,
      },
      {
        load: () => this.#load(),
        hello: (resume) => this.#hello(resume),
        welcome: (frame) => this.#welcome(frame),
        sessions: () => this.sessions,
        frame: (frame) => this.#frame(frame),
        retryRejected: () => this.#forgetToken(),
      },
    );
  }

  on<K extends keyof VisitorEvents>(type: K, handler: (event: VisitorEvents[K]) => void): () => void {
    return this.#events.on(type, handler);
  }

  // ── state ─────────────────────────────────────────────────────────────────

  get status(): ConnectionStatus {
    return this.#core.connection.status;
  }

  /** Known after the first welcome (or from storage after a reload). */
  get visitorId(): string | undefined {
    return this.#visitorId;
  }

  /**
   * The token that identifies this visitor to its server, e.g. for the HTTP API's
   * file uploads (`Authorization: Visitor <token>`). Known after the first welcome
   * (or from storage after a reload).
   */
  get token(): string | undefined {
    return this.#token;
  }

  /** How many visits the hub counted for this visitor (0 until welcomed). */
  get visitCount(): number {
    return this.#visitCount;
  }

  get settings(): VisitorSettings | undefined {
    return this.#settings;
  }

  get availability(): Availability | undefined {
    return this.#availability;
  }

  /**
   * Whether agents see what the visitor types before sending (the site's setting);
   * the widget should say so. Drafts are sent only while this is true.
   */
  get typingPreviewEnabled(): boolean {
    return this.#settings?.typingPreview ?? false;
  }

  /** Every session known, oldest first. */
  get sessions(): readonly SessionInfo[] {
    return [...this.#sessions.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  /** The session the widget shows: the latest open one, else the latest one (ended, to rate it). */
  get session(): SessionInfo | undefined {
    const all = this.sessions;
    return all.findLast(isOpenSession) ?? all.at(-1);
  }

  /** 1-based place in the queue while the current session waits for an agent. */
  get queuePosition(): number | undefined {
    const session = this.session;
    return session?.state === 'queued' ? session.queuePosition : undefined;
  }

  get invites(): readonly Invite[] {
    return [...this.#invites.values()];
  }

  /** The chat commands, once {@link attachChat} has added them (and the chat machinery). */
  get chat(): VisitorChat | undefined {
    return this.#chat;
  }

  /** A session's messages in order, with their delivery states (the current session's by default). */
  messages(sessionId: string | undefined = this.session?.id): readonly ChatMessage[] {
    return (sessionId !== undefined && this.#core.chat?.messages(sessionId)) || [];
  }

  /** Whether an agent is typing in the session (the current one by default). */
  agentTyping(sessionId: string | undefined = this.session?.id): boolean {
    const typing = sessionId === undefined ? undefined : this.#core.chat?.typing(sessionId);
    return typing?.side === 'agent' && typing.active;
  }

  /** Agents' and system messages the visitor has not marked read (current session by default). */
  unreadCount(sessionId: string | undefined = this.session?.id): number {
    return (sessionId !== undefined && this.#core.chat?.unreadCount(sessionId)) || 0;
  }

  // ── the chat ──────────────────────────────────────────────────────────────────

  /**
   * Adds the chat commands and the chat machinery: pass `createVisitorChat` from
   * `@parley/core` (imported when needed, so a page that never chats does not
   * download it). Once; later calls return the chat attached first. Attached
   * after {@link connect}, it reads what storage keeps and fetches what the
   * visitor missed.
   */
  attachChat(create: VisitorChatFactory): VisitorChat {
    return (this.#chat ??= create({ client: this, core: this.#core, upsert: (session) => this.#upsert(session) }));
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

  /** Signs the visitor in as a site member (or changes member) and reconnects with it. */
  identify(member: SignedMember): void {
    this.#member = member;
    if (this.status !== 'idle' && this.status !== 'closed') this.#core.connection.reconnect();
  }

  // ── trajectory ────────────────────────────────────────────────────────────

  /**
   * Records a page view (on load and on each SPA route change). Sent at once when
   * connected, otherwise kept (the last 20) and sent after the
   * next welcome. A URL that is not absolute http(s) is dropped with a dev warning.
   */
  trackPageView(view: PageViewInput): void {
    if (httpOrigin(view.url) === undefined || view.url.length > LIMITS.url) {
      warnOnce('page-view-dropped', view.url);
      return;
    }
    const frame: PageViewFrame = {
      type: 'page.view',
      url: view.url,
      title: view.title.slice(0, LIMITS.title),
      referrer: view.referrer && view.referrer.length <= LIMITS.url ? view.referrer : undefined,
    };
    if (this.#pageViews.length === 0 && this.#core.connection.post(frame)) return;
    this.#pageViews.push(frame);
    if (this.#pageViews.length > PAGE_VIEW_QUEUE) this.#pageViews.shift();
  }

  /** The tab was hidden or shown (dwell time stops while hidden). */
  setPageHidden(hidden: boolean): void {
    if (hidden === this.#hidden) return;
    this.#hidden = hidden;
    this.#core.connection.post({ type: 'page.visibility', hidden });
  }

  // ── invitations ───────────────────────────────────────────────────────────

  /** Accepts or declines an invitation; accepting may start (or join) a chat. */
  async answerInvite(inviteId: string, accept: boolean): Promise<SessionInfo | undefined> {
    const { session } = await this.#core.connection.request({ type: 'invite.answer', inviteId, accept });
    this.#closeInvite(inviteId, accept ? 'accepted' : 'declined');
    if (session) {
      this.#upsert(session);
      void this.#core.chat?.catchUp(session);
    }
    return session;
  }

  // ── internals ─────────────────────────────────────────────────────────────

  async #load(): Promise<void> {
    const persistence = this.#core.persistence;
    this.#token = await persistence.get<string>('token');
    this.#visitorId = await persistence.get<string>('visitorId');
    // Open sessions as last known, so a reload shows the chat before the hub answers.
    for (const [, value] of await persistence.entries('session:')) {
      const session = readStored(sessionInfoSchema, value);
      if (session && !this.#sessions.has(session.id)) this.#upsert(session);
    }
  }

  #hello(resume: Readonly<Record<string, number>> | undefined): VisitorHelloFrame {
    const { siteId, language, userAgent } = this.#options;
    const token = this.#token;
    this.#sentToken = token !== undefined;
    return {
      type: 'hello',
      v: PROTOCOL_VERSION,
      role: 'visitor',
      siteId,
      token,
      member: this.#member,
      language: language?.slice(0, LIMITS.shortText),
      userAgent: userAgent?.slice(0, LIMITS.longText),
      resume,
    };
  }

  /** The hub refused our token: come back once as a new visitor. */
  #forgetToken(): boolean {
    if (!this.#sentToken) return false;
    this.#token = undefined;
    void this.#core.persistence.delete('token');
    return true;
  }

  #welcome(frame: WelcomeFrame): void {
    if (frame.role !== 'visitor') return;
    if (this.#visitorId !== undefined && this.#visitorId !== frame.visitorId) {
      // Someone else now: nothing of the previous visitor may show or be sent.
      this.#core.forgetEverything();
      this.#sessions.clear();
      this.#invites.clear();
    }
    this.#visitorId = frame.visitorId;
    this.#visitCount = frame.visitCount;
    this.#token = frame.token;
    void this.#core.persistence.set('visitorId', frame.visitorId);
    void this.#core.persistence.set('token', frame.token);
    this.#settings = frame.settings;
    this.#availability = frame.availability;
    if (!frame.settings.typingPreview) this.#core.chat?.dropDrafts();

    const listed = new Set(frame.sessions.map((s) => s.id));
    for (const session of frame.sessions) this.#upsert(session);
    // A chat we thought open but the hub no longer lists ended while we were away.
    for (const session of [...this.#sessions.values()]) {
      if (!listed.has(session.id) && isOpenSession(session)) this.#upsert({ ...session, state: 'ended' });
    }
    const knownInvites = new Set(this.#invites.keys());
    this.#invites.clear();
    for (const invite of frame.invites) this.#invites.set(invite.id, invite);
    this.#core.syncSessions(frame.sessions);

    for (const view of this.#pageViews.splice(0)) this.#core.connection.post(view);
    if (this.#hidden) this.#core.connection.post({ type: 'page.visibility', hidden: true });

    this.#events.emit('identity', { visitorId: frame.visitorId, visitCount: frame.visitCount });
    this.#events.emit('settings', frame.settings);
    this.#events.emit('availability', frame.availability);
    for (const invite of frame.invites) if (!knownInvites.has(invite.id)) this.#events.emit('invite', invite);
  }

  #frame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'availability':
        this.#availability = frame.status;
        this.#events.emit('availability', frame.status);
        return;
      case 'session':
        this.#upsert(frame.session);
        return;
      case 'invite':
        this.#invites.set(frame.invite.id, frame.invite);
        this.#events.emit('invite', frame.invite);
        return;
      case 'invite.closed':
        return this.#closeInvite(frame.inviteId, frame.reason);
      case 'page.push':
        return this.#pagePush(frame.url);
      case 'rating.request':
        this.#events.emit('ratingRequest', { sessionId: frame.sessionId });
        return;
      default:
        // Messages, read receipts and typing are the core's; the rest is for agents.
        return;
    }
  }

  /** An invitation is answered or withdrawn: announced once, if it was still open. */
  #closeInvite(inviteId: string, reason: VisitorEvents['inviteClosed']['reason']): void {
    if (this.#invites.delete(inviteId)) this.#events.emit('inviteClosed', { inviteId, reason });
  }

  #pagePush(url: string): void {
    if (!isPushAllowed(url, this.#settings?.pushOrigins ?? [])) {
      this.#events.emit(
        'error',
        new ParleyError(ERROR_CODES.originNotAllowed, `Ignored a page push to ${url.slice(0, 200)}: the site does not allow it.`),
      );
      return;
    }
    this.#events.emit('pagePush', { url });
    try {
      this.#options.navigate?.(url);
    } catch (error) {
      console.error('Parley: navigate() threw', error);
    }
  }

  #upsert(session: SessionInfo): void {
    const previous = this.#sessions.get(session.id);
    this.#sessions.set(session.id, session);
    if (isOpenSession(session)) void this.#core.persistence.set(`session:${session.id}`, session);
    else if (previous && isOpenSession(previous)) void this.#core.persistence.delete(`session:${session.id}`);
    this.#core.chat?.applySession(session);
    this.#events.emit('session', previous ? { session, previous } : { session });
    if (!previous) return;
    const { agentId, agentName } = previous;
    const started = session.state === 'transferring' && previous.state !== 'transferring';
    if (started || (agentId !== undefined && session.agentId !== undefined && agentId !== session.agentId)) {
      this.#events.emit('transfer', {
        phase: started ? 'started' : 'done',
        session,
        ...(agentId !== undefined && { previousAgentId: agentId }),
        ...(agentName !== undefined && { previousAgentName: agentName }),
      });
    }
  }
}
