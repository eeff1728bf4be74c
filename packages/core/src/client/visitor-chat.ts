/**
 * The visitor's chat commands — ask for a chat, send, draft, read, page
 * history, end, rate, leave a message — with the chat machinery
 * ({@link ChatSync}) they drive. They are the part of the visitor client that
 * only a visitor who chats uses, so they come with the chat machinery:
 * `VisitorClient` has them from the start, a `VisitorClientBase` once
 * `attachChat(createVisitorChat)` has run.
 */
import { ParleyError } from '../errors.js';
import { warnOnce } from '../internal/dev-mode.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { OfflineMessage, SessionInfo } from '../protocol/model.js';
import { createChatSync, type ChatSync } from './chat-sync.js';
import type { ClientCore, HistoryQuery } from './client-core.js';
import type { CommandFrame } from './requests.js';
import type { ChatMessage, MessageContent } from './types.js';
import { isOpenSession, type VisitorClientBase } from './visitor-client-base.js';

/** What the visitor client lends its chat commands. @internal */
export interface VisitorChatHost {
  /** The client the chat is attached to: its `session` is the one the commands act on. */
  readonly client: VisitorClientBase;
  readonly core: ClientCore;
  /** Takes in a session the hub answered with. */
  upsert(session: SessionInfo): void;
}

/** Makes a visitor's chat: pass it to `VisitorClientBase.attachChat`. */
export type VisitorChatFactory = (host: VisitorChatHost) => VisitorChat;

/** Makes a visitor's chat (commands and chat machinery). Pass it to `VisitorClientBase.attachChat`. */
export const createVisitorChat: VisitorChatFactory = (host) => new VisitorChat(host);

/**
 * A visitor's chat commands, on the current session. Reach them through
 * `VisitorClient` (which has the same methods) or, on a `VisitorClientBase`,
 * through what `attachChat(createVisitorChat)` returns (also `client.chat`).
 */
export class VisitorChat {
  readonly #host: VisitorChatHost;
  readonly #sync: ChatSync;

  /** @internal */
  constructor(host: VisitorChatHost) {
    this.#host = host;
    const { client } = host;
    this.#sync = host.core.attachChat((core) =>
      createChatSync(core, {
        author: () => ({ kind: 'visitor', id: client.visitorId ?? '' }),
        draftsAllowed: () => client.typingPreviewEnabled,
      }),
    );
  }

  /** Asks for a chat with the pre-chat form's answers. Rejects with `no_agent_available` when nobody can take it. */
  requestChat(fields: Readonly<Record<string, string>>, options: { readonly groupId?: string } = {}): Promise<SessionInfo> {
    return this.#sessionCommand({ type: 'chat.request', fields, groupId: options.groupId });
  }

  /**
   * Sends a message in the current session. Returns at once with the message in
   * state `sending`; it is kept in storage and sent (again after reconnects) until
   * the hub answers. Throws `invalid_state` when there is no open session.
   */
  send(content: string | MessageContent): ChatMessage {
    return this.#sync.send(this.#openSession('send').id, content);
  }

  /**
   * The composer's current text. Sent (throttled, the last value always) only while
   * typing preview is on (`typingPreviewEnabled`); an emptied draft clears the preview at once.
   */
  setDraft(draft: string): void {
    const session = this.#host.client.session;
    if (session && isOpenSession(session)) this.#sync.setDraft(session.id, draft);
  }

  /** Marks the current session's messages as read (tells agents, clears the unread count). */
  markRead(): void {
    const session = this.#host.client.session;
    if (session) this.#sync.markRead(session.id);
  }

  /** Loads earlier messages of the current session (before the oldest held, by default). */
  async loadHistory(query?: HistoryQuery): Promise<ChatMessage[]> {
    return this.#sync.loadHistory(this.#current().id, query);
  }

  /** Ends the current chat. */
  async end(): Promise<SessionInfo> {
    return this.#sessionCommand({ type: 'session.end', sessionId: this.#openSession('end').id });
  }

  /** Rates the current (or just ended) chat from 1 to 5. */
  async rate(score: number, comment?: string): Promise<SessionInfo> {
    return this.#sessionCommand({ type: 'session.rate', sessionId: this.#current().id, score, comment });
  }

  /** Leaves a message when nobody can chat (the offline form's answers). */
  async leaveMessage(fields: Readonly<Record<string, string>>): Promise<OfflineMessage> {
    const { offlineMessage } = await this.#host.core.connection.request({ type: 'offline.leave', fields });
    return offlineMessage;
  }

  /** Sends a command the hub answers with the session it changed, and takes that session in. */
  async #sessionCommand<K extends 'chat.request' | 'session.end' | 'session.rate'>(
    command: CommandFrame<K> & { readonly type: K },
  ): Promise<SessionInfo> {
    const { session } = await this.#host.core.connection.request(command);
    this.#host.upsert(session);
    return session;
  }

  #current(): SessionInfo {
    const session = this.#host.client.session;
    if (!session) throw new ParleyError(ERROR_CODES.invalidState, 'There is no chat yet.');
    return session;
  }

  #openSession(action: string): SessionInfo {
    const session = this.#host.client.session;
    if (!session || !isOpenSession(session)) {
      warnOnce('no-session', `${action}()`);
      throw new ParleyError(ERROR_CODES.invalidState, `There is no open chat to ${action}.`);
    }
    return session;
  }
}
