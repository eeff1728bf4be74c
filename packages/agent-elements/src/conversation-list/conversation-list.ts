import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, SessionInfo } from '@parley/core';
import { ClientController, LocalizeController, ParleyElement } from '@parley/widget/shared';
import { ReadSignalController } from '../controllers/read-signal.js';
import { matchesShortcut, parseShortcut, type Shortcut } from '../internal/shortcut.js';
import { conversationListStyles } from './conversation-list.styles.js';
import { nextConversation } from './next-conversation.js';

export interface ConversationDetail {
  readonly sessionId: string;
}

/**
 * The chats the agent serves at once (A6), each with its unread count;
 * choose one to show it. The shortcut (Alt+Z by default, anywhere in the page)
 * goes to the next chat, preferring one with unread messages. Ended chats stay
 * until closed (after their evaluation).
 *
 * @tagname parley-conversation-list
 * @summary The agent's chats with unread marks; Alt+Z goes to the next.
 *
 * @event parley-conversation-select - A chat was chosen (click, or the shortcut). `detail: { sessionId }`.
 * @event parley-conversation-close - An ended chat was closed (forgotten by the client). `detail: { sessionId }`.
 *
 * @csspart base - The list's section.
 * @csspart list - The list.
 * @csspart item - One chat; the chosen one also has `selected-item`.
 * @csspart unread - A chat's unread count.
 * @csspart close - The close button of an ended chat.
 *
 * @cssproperty --parley-conversation-list-selected-background - Default `--parley-color-surface-alt`.
 * @cssproperty --parley-conversation-list-unread-color - The unread mark. Default `--parley-color-danger`.
 */
export class ConversationList extends ParleyElement {
  static override styles = conversationListStyles;

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
    this.#reads.client = client;
  }

  /** The chosen chat's session id. */
  @property() selected: string | undefined;

  /** Goes to the next chat from anywhere in the page, e.g. `Alt+Z` (default) or `Ctrl+Shift+ArrowDown`; empty: none. */
  @property() shortcut = 'Alt+Z';

  #client: AgentClient | undefined;
  #shortcut: Shortcut | undefined;
  readonly #events = new ClientController<AgentEvents>(this, {
    events: ['session', 'sessionRemoved', 'messages', 'status'],
    onEvent: (type, event) => {
      // A chat that left the list (transferred away) is no longer chosen.
      if (type === 'sessionRemoved' && (event as AgentEvents['sessionRemoved']).session.id === this.selected) this.selected = undefined;
    },
  });
  readonly #reads = new ReadSignalController(this);
  readonly #l10n = new LocalizeController(this);

  /** The chats in the list: the ones the client holds, oldest first. */
  get sessions(): readonly SessionInfo[] {
    return this.#client?.sessions ?? [];
  }

  /** Chooses the next chat as the shortcut does; returns its id (undefined when there is no other). */
  selectNext(): string | undefined {
    const client = this.#client;
    if (!client) return undefined;
    const next = nextConversation(this.sessions, this.selected, (id) => client.unreadCount(id));
    if (next !== undefined) this.#choose(next);
    return next;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey, { capture: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('shortcut')) this.#shortcut = parseShortcut(this.shortcut);
  }

  #onKey = (event: KeyboardEvent): void => {
    if (!matchesShortcut(event, this.#shortcut)) return;
    event.preventDefault();
    this.selectNext();
  };

  #choose(sessionId: string): void {
    this.selected = sessionId;
    this.emit('parley-conversation-select', { sessionId });
  }

  #close(sessionId: string): void {
    this.#client?.forget(sessionId);
    if (this.selected === sessionId) this.selected = undefined;
    this.emit('parley-conversation-close', { sessionId });
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const sessions = this.sessions;
    return html`
      <section part="base" class="panel" aria-labelledby="heading">
        <div class="row">
          <h2 id="heading" class="heading">${t('conversations.heading', { count: sessions.length })}</h2>
          ${this.#shortcut ? html`<span class="conversations__shortcut">${t('conversations.shortcut', { keys: this.shortcut })}</span>` : nothing}
        </div>
        ${sessions.length === 0
          ? html`<p class="muted">${t('conversations.empty')}</p>`
          : html`<ul part="list" class="list">
              ${sessions.map((s) => this.#renderItem(s))}
            </ul>`}
      </section>
    `;
  }

  #renderItem(session: SessionInfo): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const unread = this.#client?.unreadCount(session.id) ?? 0;
    const selected = session.id === this.selected;
    const name = session.fields.name || t('conversations.anonymous');
    const finished = session.state === 'ended' || session.state === 'offline';
    return html`<li
      part=${selected ? 'item selected-item' : 'item'}
      class="conversations__item ${unread > 0 ? 'conversations__item--unread' : ''}"
      data-session-id=${session.id}
    >
      <button class="conversations__select" type="button" aria-current=${selected ? 'true' : 'false'} @click=${() => this.#choose(session.id)}>
        <span class="conversations__name" dir="auto">${name}</span>
        ${unread > 0 ? html`<span part="unread" class="badge">${unread}<span class="visually-hidden"> ${t('conversations.unread', { count: unread })}</span></span>` : nothing}
        <span class="conversations__state">${t(`conversations.state.${session.state}`)}</span>
      </button>
      ${finished
        ? html`<button part="close" class="button" type="button" aria-label=${t('conversations.closeNamed', { name })} @click=${() => this.#close(session.id)}>
            ${t('conversations.close')}
          </button>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-conversation-select': CustomEvent<ConversationDetail>;
    'parley-conversation-close': CustomEvent<ConversationDetail>;
  }
}
