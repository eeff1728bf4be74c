import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, ChatMessage, SessionInfo } from '@parley/core';
import { ClientController, Composer, LocalizeController, MessageList, ParleyElement } from '@parley/widget/shared';
import type { CannedItem, CannedSource } from '../api/canned.js';
import type { UploadFunction } from '../api/upload.js';
import { CannedPicker } from '../canned-picker/canned-picker.js';
import { markConversationRead } from '../controllers/read-signal.js';
import { EvaluationForm } from '../evaluation-form/evaluation-form.js';
import { errorText } from '../internal/errors.js';
import { matchesShortcut, parseShortcut, type Shortcut } from '../internal/shortcut.js';
import { ReachOut } from '../reach-out/reach-out.js';
import { TransferForm } from '../transfer-form/transfer-form.js';
import { conversationStyles } from './conversation.styles.js';
import { Drafts } from './drafts.js';
import { renderTypingPreview } from './typing-preview.js';

/** Messages fetched per "show earlier messages". */
const HISTORY_PAGE = 50;

type Tool = 'canned' | 'transfer' | 'evaluate' | 'push';

/**
 * One chat, the agent's side (A5): its messages with their delivery states,
 * the visitor's live typing preview (shown apart: it is not sent yet), and the
 * composer — emoji, files, screenshot, canned replies with instant search
 * (type `/` or use the button) — plus the chat's tools: transfer, evaluation,
 * page push, rating request, end. Earlier messages load page by page.
 *
 * Keyboard: Enter sends; Alt+Enter (`send-next-shortcut`) sends and goes to
 * the next chat; in the canned search ↑ ↓ Enter Escape.
 *
 * @tagname parley-conversation
 * @summary A chat: messages, typing preview, composer with canned replies, files, screenshot; transfer, evaluate, end.
 *
 * @event parley-conversation-next - "Send and next": go to the next chat. `detail: { sessionId }` (the one just answered).
 * @event parley-session-end-request - Before the chat is ended; cancelable. `detail: { sessionId }`.
 * @event parley-session-end - The chat was ended. `detail: { session }`.
 * @event parley-message-sent - The agent sent a message (text, canned item, file or screenshot). `detail: { message }`.
 *
 * @csspart base - The panel.
 * @csspart header - Title and tools.
 * @csspart messages - The message list (a `parley-message-list`).
 * @csspart typing-preview - What the visitor is typing, not sent yet.
 * @csspart composer - The composer (a `parley-composer`).
 * @csspart tool - The open tool (canned search, transfer, evaluation, page push).
 * @csspart send-next - The "send and next" button.
 *
 * @cssproperty --parley-conversation-background - Default `--parley-color-surface`.
 * @cssproperty --parley-conversation-preview-background - The typing preview. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-conversation-preview-border-color - Default `--parley-color-border`.
 */
export class Conversation extends ParleyElement {
  static override styles = conversationStyles;
  static override dependencies = {
    'parley-message-list': MessageList,
    'parley-composer': Composer,
    'parley-canned-picker': CannedPicker,
    'parley-transfer-form': TransferForm,
    'parley-evaluation-form': EvaluationForm,
    'parley-reach-out': ReachOut,
  };

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
  }

  /** The chat shown. */
  @property({ attribute: 'session-id' }) sessionId = '';

  /** Where canned replies are searched; without it the canned tool is hidden. */
  @property({ attribute: false }) cannedSource: CannedSource | undefined;

  /** Uploads a file into the chat; without it files and screenshots are off. */
  @property({ attribute: false }) upload: UploadFunction | undefined;

  /** Captures the screen as an image for the screenshot button; without it the button is hidden. */
  @property({ attribute: false }) capture: (() => Promise<Blob>) | undefined;

  /** Whether the agent is looking at this chat: its messages are marked read as they come (default true). */
  @property({ type: Boolean, attribute: 'inactive', converter: { fromAttribute: (v) => v === null } }) active = true;

  /** Sends and goes to the next chat; empty: none. */
  @property({ attribute: 'send-next-shortcut' }) sendNextShortcut = 'Alt+Enter';

  /** Options of the evaluation form's level menu. */
  @property({ type: Array, attribute: 'evaluation-levels' }) evaluationLevels: readonly string[] = [];

  /** Options of the evaluation form's category menu. */
  @property({ type: Array, attribute: 'evaluation-categories' }) evaluationCategories: readonly string[] = [];

  @state() private tool: Tool | undefined;
  @state() private cannedQuery = '';
  @state() private notice = '';
  @state() private error = '';
  @state() private uploads = 0;

  @query('parley-composer') private composer!: Composer;

  #client: AgentClient | undefined;
  #shortcut: Shortcut | undefined;
  readonly #drafts = new Drafts();
  readonly #exhausted = new Set<string>();
  readonly #events = new ClientController<AgentEvents>(this, { events: ['messages', 'typing', 'session', 'sessionRemoved', 'status'] });
  readonly #l10n = new LocalizeController(this);

  get session(): SessionInfo | undefined {
    return this.#client?.sessionById(this.sessionId);
  }

  get messages(): readonly ChatMessage[] {
    return this.#client?.messages(this.sessionId) ?? [];
  }

  /** Sends text into the chat as the composer does. */
  send(text: string): ChatMessage | undefined {
    const client = this.#client;
    if (!client || !this.sessionId || text.trim() === '') return undefined;
    try {
      const message = client.send(this.sessionId, text);
      this.#drafts.set(this.sessionId, '');
      this.emit('parley-message-sent', { message });
      return message;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'conversation.sendFailed');
      return undefined;
    }
  }

  /** Sends what the composer holds, then asks for the next chat. */
  sendAndNext(): void {
    const text = this.#drafts.get(this.sessionId);
    if (text.trim()) this.send(text.trim());
    this.requestUpdate();
    this.emit('parley-conversation-next', { sessionId: this.sessionId });
  }

  /** Uploads files and sends each as a message. */
  async sendFiles(files: readonly Blob[], names: readonly string[]): Promise<void> {
    const client = this.#client;
    const upload = this.upload;
    const sessionId = this.sessionId;
    if (!client || !upload || !sessionId) return;
    this.error = '';
    await Promise.all(
      files.map(async (file, i) => {
        this.uploads++;
        try {
          const attachment = await upload(file, names[i] ?? 'file', sessionId);
          const message = client.send(sessionId, { attachments: [attachment] });
          this.emit('parley-message-sent', { message });
        } catch (error) {
          this.error = errorText(error, (key) => this.#l10n.t(key), 'conversation.uploadFailed');
        } finally {
          this.uploads--;
        }
      }),
    );
  }

  async #screenshot(): Promise<void> {
    if (!this.capture) return;
    try {
      const blob = await this.capture();
      await this.sendFiles([blob], [`screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`]);
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'conversation.screenshotFailed');
    }
  }

  async #end(): Promise<void> {
    const client = this.#client;
    if (!client || this.emit('parley-session-end-request', { sessionId: this.sessionId }, { cancelable: true }).defaultPrevented) return;
    try {
      const session = await client.end(this.sessionId);
      this.emit('parley-session-end', { session });
      if (client.permissions.includes('evaluate')) this.tool = 'evaluate';
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'conversation.endFailed');
    }
  }

  async #requestRating(): Promise<void> {
    try {
      await this.#client?.requestRating(this.sessionId);
      this.notice = this.#l10n.t('conversation.ratingRequested');
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'conversation.ratingFailed');
    }
  }

  async #loadEarlier(): Promise<void> {
    const client = this.#client;
    const sessionId = this.sessionId;
    if (!client || !sessionId) return;
    try {
      const got = await client.loadHistory(sessionId, { limit: HISTORY_PAGE });
      if (got.length < HISTORY_PAGE) this.#exhausted.add(sessionId);
      this.requestUpdate();
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'conversation.historyFailed');
    }
  }

  #pickCanned(item: CannedItem): void {
    const text = item.kind === 'reply' ? (item.text ?? item.title) : [item.text, item.url].filter(Boolean).join(' ');
    const current = this.#drafts.get(this.sessionId);
    const next = current.startsWith('/') || current === '' ? text : `${current} ${text}`;
    this.#drafts.set(this.sessionId, next);
    this.#client?.setTyping(this.sessionId, next);
    this.tool = undefined;
    this.cannedQuery = '';
    void this.updateComplete.then(() => this.composer?.focus());
  }

  #onDraft = (event: CustomEvent<{ value: string }>): void => {
    const value = event.detail.value;
    this.#drafts.set(this.sessionId, value);
    this.#client?.setTyping(this.sessionId, value);
    // "/words" searches canned replies.
    if (this.cannedSource && value.startsWith('/') && !value.includes('\n')) {
      this.tool = 'canned';
      this.cannedQuery = value.slice(1);
    } else if (this.tool === 'canned' && this.cannedQuery && !value.startsWith('/')) {
      this.tool = undefined;
    }
  };

  #onSend = (event: CustomEvent<{ text: string }>): void => {
    // The composer clears itself unless prevented; keep the text if the client refuses it.
    if (!this.send(event.detail.text)) event.preventDefault();
    if (this.tool === 'canned') this.tool = undefined;
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (!matchesShortcut(event, this.#shortcut)) return;
    event.preventDefault();
    // The composer's own Enter handling has sent the text already when it saw this key.
    this.sendAndNext();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sendNextShortcut')) this.#shortcut = parseShortcut(this.sendNextShortcut);
    if (changed.has('sessionId')) {
      this.tool = undefined;
      this.notice = '';
      this.error = '';
    }
  }

  protected override updated(): void {
    const client = this.#client;
    if (!client || !this.sessionId || !this.active || !this.isConnected) return;
    if (document.visibilityState === 'visible' && client.unreadCount(this.sessionId) > 0) markConversationRead(client, this.sessionId);
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const client = this.#client;
    const session = this.session;
    if (!client || !session) {
      return html`<div part="base" class="conversation"><p class="muted panel">${t('conversation.none')}</p></div>`;
    }
    const open = session.state === 'active' || session.state === 'transferring';
    const mine = session.agentId === client.agent?.id;
    const messages = this.messages;
    const oldest = messages.find((m) => m.seq !== undefined)?.seq;
    const hasEarlier = !this.#exhausted.has(session.id) && oldest !== undefined && oldest > 1;
    const name = session.fields.name || t('conversations.anonymous');
    const can = (permission: string) => client.permissions.includes(permission);
    return html`<section part="base" class="conversation" aria-labelledby="title" @keydown=${this.#onKeyDown}>
      <header part="header" class="conversation__header">
        <div>
          <h2 id="title" class="conversation__title" dir="auto">${name}</h2>
          <span class="muted">${t(`conversations.state.${session.state}`)}</span>
        </div>
        <div class="row" role="toolbar" aria-label=${t('conversation.tools')}>
          ${open && mine && can('transfer') ? this.#toolButton('transfer', t('conversation.transfer')) : nothing}
          ${can('reach_out') ? this.#toolButton('push', t('conversation.push')) : nothing}
          ${can('evaluate') ? this.#toolButton('evaluate', t('conversation.evaluate')) : nothing}
          ${open && can('chat') ? html`<button class="button" type="button" @click=${() => void this.#requestRating()}>${t('conversation.requestRating')}</button>` : nothing}
          ${open && can('chat') ? html`<button class="button button--danger" type="button" @click=${() => void this.#end()}>${t('conversation.end')}</button>` : nothing}
        </div>
      </header>
      ${this.notice ? html`<p class="success panel" role="status">${this.notice}</p>` : nothing}
      <div class="conversation__messages">
        <parley-message-list
          part="messages"
          perspective="agent"
          .messages=${messages}
          ?has-earlier=${hasEarlier}
          @parley-history-request=${() => void this.#loadEarlier()}
        ></parley-message-list>
      </div>
      ${renderTypingPreview(this.#client?.typing(this.sessionId), (key) => this.#l10n.t(key))} ${this.tool ? html`<div part="tool" class="conversation__tool">${this.#renderTool(this.tool, session)}</div>` : nothing}
      ${this.uploads > 0 ? html`<p class="muted conversation__uploads" role="status">${t('conversation.uploading', { count: this.uploads })}</p>` : nothing}
      ${this.error ? html`<p class="error panel" role="alert">${this.error}</p>` : nothing}
      <parley-composer
        part="composer"
        .value=${this.#drafts.get(session.id)}
        ?disabled=${!open || !mine}
        ?allow-files=${this.upload !== undefined}
        @parley-draft-change=${this.#onDraft}
        @parley-message-send=${this.#onSend}
        @parley-files-select=${(e: CustomEvent<{ files: readonly File[] }>) => void this.sendFiles(e.detail.files, e.detail.files.map((f) => f.name))}
      >
        ${this.cannedSource
          ? html`<button slot="toolbar" class="button" type="button" aria-expanded=${this.tool === 'canned' ? 'true' : 'false'}
              @click=${() => this.#toggle('canned')}>${t('conversation.canned')}</button>`
          : nothing}
        ${this.capture && this.upload
          ? html`<button slot="toolbar" class="button" type="button" ?disabled=${!open || !mine} @click=${() => void this.#screenshot()}>${t('conversation.screenshot')}</button>`
          : nothing}
        <button slot="toolbar" part="send-next" class="button" type="button" ?disabled=${!open || !mine} title=${this.sendNextShortcut}
          @click=${() => this.sendAndNext()}>${t('conversation.sendNext')}</button>
      </parley-composer>
    </section>`;
  }

  #toolButton(tool: Tool, label: string): TemplateResult {
    return html`<button class="button" type="button" aria-expanded=${this.tool === tool ? 'true' : 'false'} @click=${() => this.#toggle(tool)}>${label}</button>`;
  }

  #toggle(tool: Tool): void {
    this.tool = this.tool === tool ? undefined : tool;
    if (this.tool === 'canned') void this.updateComplete.then(() => this.renderRoot.querySelector<CannedPicker>('parley-canned-picker')?.focus());
  }

  #renderTool(tool: Tool, session: SessionInfo): TemplateResult {
    switch (tool) {
      case 'canned':
        return html`<parley-canned-picker
          .source=${this.cannedSource}
          .query=${this.cannedQuery}
          @parley-canned-pick=${(e: CustomEvent<{ item: CannedItem }>) => this.#pickCanned(e.detail.item)}
          @parley-canned-close=${() => ((this.tool = undefined), void this.updateComplete.then(() => this.composer?.focus()))}
        ></parley-canned-picker>`;
      case 'transfer':
        return html`<parley-transfer-form .client=${this.#client} session-id=${session.id}></parley-transfer-form>`;
      case 'evaluate':
        return html`<parley-evaluation-form .client=${this.#client} session-id=${session.id} .levels=${this.evaluationLevels}
          .categories=${this.evaluationCategories}></parley-evaluation-form>`;
      case 'push':
        return html`<parley-reach-out .client=${this.#client} visitor-id=${session.visitorId} push-only></parley-reach-out>`;
    }
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-conversation-next': CustomEvent<{ readonly sessionId: string }>;
    'parley-session-end-request': CustomEvent<{ readonly sessionId: string }>;
    'parley-session-end': CustomEvent<{ readonly session: SessionInfo }>;
    'parley-message-sent': CustomEvent<{ readonly message: ChatMessage }>;
  }
}
