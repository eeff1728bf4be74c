/**
 * The visitor client most code wants: {@link VisitorClientBase} with its chat
 * (commands and machinery) attached from the start, the commands as its own
 * methods.
 */
import type { OfflineMessage, SessionInfo } from '../protocol/model.js';
import type { HistoryQuery } from './client-core.js';
import type { ChatMessage, MessageContent } from './types.js';
import { VisitorClientBase, type VisitorClientOptions } from './visitor-client-base.js';
import { createVisitorChat, type VisitorChat } from './visitor-chat.js';

/**
 * A visitor's connection to its site's chat. State is readable synchronously
 * at any time; every change is announced through {@link VisitorClient.on}.
 *
 * ```ts
 * const client = new VisitorClient({ siteId, transport: createWebSocketTransport(url), storage });
 * client.on('messages', () => render(client.messages()));
 * client.connect();
 * await client.requestChat({ name: 'Ada' });
 * client.send('Hello!');
 * ```
 */
export class VisitorClient extends VisitorClientBase {
  // The commands are the attached chat's (docs: VisitorChat); this class only names them.
  readonly #chat: VisitorChat;

  constructor(options: VisitorClientOptions) {
    super(options);
    this.#chat = this.attachChat(createVisitorChat);
  }

  /** Asks for a chat with the pre-chat form's answers. Rejects with `no_agent_available` when nobody can take it. */
  requestChat(fields: Readonly<Record<string, string>>, options?: { readonly groupId?: string }): Promise<SessionInfo> {
    return this.#chat.requestChat(fields, options);
  }

  /**
   * Sends a message in the current session. Returns at once with the message in
   * state `sending`; it is kept in storage and sent (again after reconnects) until
   * the hub answers. Throws `invalid_state` when there is no open session.
   */
  send(content: string | MessageContent): ChatMessage {
    return this.#chat.send(content);
  }

  /**
   * The composer's current text. Sent (throttled, the last value always) only while
   * {@link typingPreviewEnabled}; an emptied draft clears the preview at once.
   */
  setDraft(draft: string): void {
    this.#chat.setDraft(draft);
  }

  /** Marks the current session's messages as read (tells agents, clears the unread count). */
  markRead(): void {
    this.#chat.markRead();
  }

  /** Loads earlier messages of the current session (before the oldest held, by default). */
  loadHistory(query?: HistoryQuery): Promise<ChatMessage[]> {
    return this.#chat.loadHistory(query);
  }

  /** Ends the current chat. */
  end(): Promise<SessionInfo> {
    return this.#chat.end();
  }

  /** Rates the current (or just ended) chat from 1 to 5. */
  rate(score: number, comment?: string): Promise<SessionInfo> {
    return this.#chat.rate(score, comment);
  }

  /** Leaves a message when nobody can chat (the offline form's answers). */
  leaveMessage(fields: Readonly<Record<string, string>>): Promise<OfflineMessage> {
    return this.#chat.leaveMessage(fields);
  }
}
