import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { VisitorClientBase } from '@parley/core';

import { ParleyElement } from '../base/parley-element.js';
import { Composer } from '../composer/composer.js';
import { formatBytes } from '../i18n/format.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { MessageList } from '../message-list/message-list.js';
import { safeResourceUrl } from '../base/safe-url.js';
import { OfflineForm } from '../offline-form/offline-form.js';
import { PreChatForm } from '../pre-chat-form/pre-chat-form.js';
import { QueueStatus } from '../queue-status/queue-status.js';
import { Rating } from '../rating/rating.js';
import type { UploadLimits } from '../upload/upload-queue.js';
import type { Uploader } from '../upload/uploader.js';
import { ChatController, type WindowView } from './chat-controller.js';
import { chatWindowStyles } from './chat-window.styles.js';

/**
 * The visitor's chat window over a `VisitorClient` (or a `VisitorClientBase`, to which it
 * attaches the chat): the pre-chat form, the
 * queue position, the conversation with its composer (emoji, files,
 * screenshot), the rating, and the leave-a-message form when nobody can chat.
 * It is a non-modal dialog: the page stays usable; Escape or the minimise
 * button ask to close it.
 *
 * @tagname parley-chat-window
 * @summary The chat window: forms, queue, messages, composer, files, screenshot, rating.
 *
 * @event parley-window-close-request - The visitor asks to minimise the window (button or Escape). Cancelable; `<parley-chat>` closes it.
 *
 * @csspart base - The window.
 * @csspart header - The header (title, who the visitor chats with, buttons).
 * @csspart header-image - The site's header image (`headerImage`).
 * @csspart title - The title.
 * @csspart subtitle - The line under the title.
 * @csspart end - The "End chat" button.
 * @csspart minimize - The minimise button.
 * @csspart banner - The connection banner (connecting, reconnecting).
 * @csspart body - Everything between the header and the composer.
 * @csspart screenshot - The screenshot preview.
 *
 * @cssproperty --parley-chat-window-background - The window. Default `--parley-color-surface`.
 * @cssproperty --parley-chat-window-header-background - The header. Default `--parley-color-accent`.
 * @cssproperty --parley-chat-window-header-color - The header's text. Default `--parley-color-on-accent`.
 * @cssproperty --parley-chat-window-radius - The window's corners (none in full screen). Default `--parley-radius`.
 */
export class ChatWindow extends ParleyElement {
  static override styles = chatWindowStyles;
  static override dependencies = {
    'parley-message-list': MessageList,
    'parley-composer': Composer,
    'parley-pre-chat-form': PreChatForm,
    'parley-offline-form': OfflineForm,
    'parley-rating': Rating,
    'parley-queue-status': QueueStatus,
  };

  /**
   * The visitor's client: a `VisitorClient`, or a `VisitorClientBase`, to which
   * the window attaches the chat (`attachChat(createVisitorChat)`) if it has none yet.
   */
  @property({ attribute: false }) client: VisitorClientBase | undefined;

  /** Route new chats to this group. */
  @property({ attribute: 'group-id' }) groupId = '';

  /** Uploads files; without it, the visitor cannot send files or screenshots. */
  @property({ attribute: false }) uploadFile: Uploader | undefined;

  /** Largest file, in bytes. */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize = 10 * 1024 * 1024;

  /** File types accepted (a file input's `accept`). */
  @property() accept = 'image/*,application/pdf,text/plain';

  /** Hides the screenshot button. */
  @property({ type: Boolean, attribute: 'no-screenshot' }) noScreenshot = false;

  /** Left out of screenshots (the chat itself). */
  @property({ attribute: false }) screenshotIgnore: Element | undefined;

  /** URL of an image for the header (http, https). */
  @property({ attribute: 'header-image' }) headerImage = '';

  readonly #chat = new ChatController(this);
  readonly #l10n = new LocalizeController(this);
  #view: WindowView | undefined;
  #hadFocus = false;

  get uploadLimits(): UploadLimits {
    return { maxBytes: this.maxFileSize, accept: this.accept };
  }

  /** Moves focus to where the visitor goes next: the form's first field, or the message box. */
  focusFirst(): void {
    const target = this.renderRoot.querySelector<HTMLElement>(
      '.window__body parley-pre-chat-form, .window__body parley-offline-form, parley-rating, parley-composer, .window__done button, .window__done',
    );
    target?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#chat.client = this.client;
    // Read before the render removes what had focus (a submitted form).
    this.#hadFocus = this.matches(':focus-within');
  }

  protected override updated(): void {
    const view = this.#chat.view;
    const moved = this.#view !== undefined && view !== this.#view;
    this.#view = view;
    // When the view changes under the visitor's focus, focus follows to the new view.
    if (moved && this.#hadFocus) void this.updateComplete.then(() => this.focusFirst());
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (this.#chat.screenshot) return this.#chat.discardScreenshot();
    this.emit('parley-window-close-request', { source: 'window' }, { cancelable: true });
  }

  #onFiles(files: readonly File[]): void {
    void this.#chat.sendFiles(files, files.map((f) => f.name));
  }

  #onDrop(event: DragEvent): void {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0 || !this.uploadFile) return;
    event.preventDefault();
    this.#onFiles(files);
  }

  protected override render(): TemplateResult {
    const t = this.#l10n.translator.t;
    const chat = this.#chat;
    const client = this.client;
    const session = chat.session;
    const header = safeResourceUrl(this.headerImage || 'x:');
    return html`<section part="base" class="window" role="dialog" aria-modal="false" aria-labelledby="parley-window-title" @keydown=${this.#onKeyDown}>
      <header part="header" class="window__header">
        ${this.headerImage && header ? html`<img part="header-image" class="window__header-image" src=${header} alt="" />` : nothing}
        <div class="window__heading">
          <h2 part="title" class="window__title" id="parley-window-title">${t('window.title')}</h2>
          <p part="subtitle" class="window__subtitle">${this.#subtitle()}</p>
        </div>
        ${chat.isOpen ? html`<button part="end" class="window__action" type="button" @click=${() => chat.end()}>${t('window.end')}</button>` : nothing}
        <button part="minimize" class="window__action" type="button" aria-label=${t('window.minimize')} @click=${() => this.emit('parley-window-close-request', { source: 'window' }, { cancelable: true })}>
          <span aria-hidden="true">▁</span>
        </button>
      </header>
      ${this.#renderBanner()}
      <div part="body" class="window__body" @dragover=${(e: DragEvent) => this.uploadFile && e.preventDefault()} @drop=${this.#onDrop}>${this.#renderView(chat.view)}</div>
      ${chat.view === 'conversation' && session?.state !== 'ended' ? this.#renderComposer() : nothing}
    </section>`;
  }

  #subtitle(): string {
    const t = this.#l10n.translator.t;
    const session = this.#chat.session;
    if (session?.state === 'active' && session.agentName) return t('window.agent', { name: session.agentName });
    if (session?.state === 'transferring') return t('window.transferring');
    if (session?.state === 'queued') return t('queue.waiting');
    const availability = this.client?.availability;
    return availability ? t(`launcher.${availability}`) : '';
  }

  #renderBanner(): TemplateResult {
    const status = this.client?.status;
    const key = status === 'connecting' ? 'window.connecting' : status === 'reconnecting' ? 'window.reconnecting' : status === 'closed' ? 'window.disconnected' : '';
    return html`<p part="banner" class="window__banner" role="status" ?hidden=${!key}>${key ? this.#l10n.t(key) : ''}</p>`;
  }

  #renderView(view: WindowView): TemplateResult {
    const t = this.#l10n.translator.t;
    const chat = this.#chat;
    const settings = this.client?.settings;
    switch (view) {
      case 'offline-sent':
        return html`<div class="window__done" tabindex="-1"><p role="status">${t('offline.sent')}</p></div>`;
      case 'offline-form':
        return html`<parley-offline-form
          .fields=${settings?.offlineFields ?? []}
          .values=${{ ...chat.answers, ...(chat.pendingText && { message: chat.pendingText }) }}
          .note=${chat.noAgent ? t('prechat.noAgent') : ''}
          .error=${chat.problem ? t(chat.problem) : ''}
          ?busy=${chat.busy}
          @parley-offline-submit=${(e: CustomEvent<{ fields: Record<string, string> }>) => chat.leave(e.detail.fields)}
        ></parley-offline-form>`;
      case 'pre-chat':
        return html`<parley-pre-chat-form
          .fields=${settings?.preChatFields ?? []}
          .error=${chat.problem ? t(chat.problem) : ''}
          ?busy=${chat.busy}
          @parley-prechat-submit=${(e: CustomEvent<{ fields: Record<string, string> }>) => chat.startChat(e.detail.fields)}
        ></parley-pre-chat-form>`;
      case 'conversation':
        return this.#renderConversation();
    }
  }

  #renderConversation(): TemplateResult {
    const t = this.#l10n.translator.t;
    const chat = this.#chat;
    const client = this.client;
    const session = chat.session;
    const ended = session !== undefined && !chat.isOpen;
    const rating = html`<parley-rating
      ?done=${session?.rating !== undefined}
      ?busy=${chat.busy}
      @parley-rating-submit=${(e: CustomEvent<{ score: number; comment?: string }>) => chat.rate(e.detail.score, e.detail.comment)}
    ></parley-rating>`;
    return html`${session?.state === 'queued' ? html`<parley-queue-status .position=${client?.queuePosition ?? 0}></parley-queue-status>` : nothing}
      <parley-message-list
        .messages=${session && client ? client.messages() : []}
        ?typing=${client?.agentTyping() ?? false}
        typing-name=${session?.agentName ?? ''}
      >
        <p slot="empty" class="window__notice">${t('window.start')}</p>
      </parley-message-list>
      ${chat.isOpen && chat.ratingRequested ? rating : nothing}
      ${ended
        ? html`<div class="window__ended">
            <p role="status">${t('window.ended')}</p>
            ${rating}
            <button class="window__link" type="button" @click=${() => chat.startOver()}>${t('window.newChat')}</button>
          </div>`
        : nothing}`;
  }

  #renderComposer(): TemplateResult {
    const t = this.#l10n.translator.t;
    const chat = this.#chat;
    const canSendFiles = this.uploadFile !== undefined;
    const max = formatBytes(this.maxFileSize, this.#l10n.language);
    return html`${chat.screenshot
        ? html`<div part="screenshot" class="window__screenshot" role="group" aria-label=${t('screenshot.preview')}>
            <img src=${chat.screenshot.url} alt=${t('screenshot.preview')} />
            <div class="window__screenshot-actions">
              <button class="window__primary" type="button" @click=${() => chat.sendScreenshot()}>${t('screenshot.send')}</button>
              <button class="window__small-button" type="button" @click=${() => chat.discardScreenshot()}>${t('screenshot.cancel')}</button>
            </div>
          </div>`
        : nothing}
      <parley-composer
        ?allow-files=${canSendFiles}
        accept=${this.accept}
        @parley-message-send=${(e: CustomEvent<{ text: string }>) => void chat.send(e.detail.text)}
        @parley-draft-change=${(e: CustomEvent<{ value: string }>) => chat.setDraft(e.detail.value)}
        @parley-files-select=${(e: CustomEvent<{ files: readonly File[] }>) => this.#onFiles(e.detail.files)}
      >
        <div slot="notice">
          ${this.client?.typingPreviewEnabled ? html`<p class="window__notice" data-notice="typing-preview">${t('window.preview')}</p>` : nothing}
          ${chat.problem && chat.view === 'conversation' ? html`<p class="window__problem" role="alert">${t(chat.problem)}</p>` : nothing}
          ${chat.screenshotBusy ? html`<p class="window__notice" role="status">${t('screenshot.taking')}</p>` : nothing}
          ${chat.uploads.items.length
            ? html`<ul class="window__uploads">
                ${chat.uploads.items.map((item) =>
                  item.error
                    ? html`<li class="window__upload window__upload--error" data-upload-error=${item.error}>
                        <span role="alert">${t(`upload.${item.error}`, { name: item.name, max })}</span>
                        <button class="window__small-button" type="button" @click=${() => chat.uploads.dismiss(item.id)}>${t('upload.dismiss')}</button>
                      </li>`
                    : html`<li class="window__upload">
                        <span>${t('upload.progress', { name: item.name, percent: Math.round(item.progress * 100) })}</span>
                        <progress max="1" .value=${item.progress} aria-label=${item.name}></progress>
                        <button class="window__small-button" type="button" aria-label=${t('upload.cancel', { name: item.name })} @click=${() => chat.uploads.cancel(item.id)}>×</button>
                      </li>`,
                )}
              </ul>`
            : nothing}
        </div>
        ${canSendFiles && !this.noScreenshot
          ? html`<button slot="toolbar" class="composer-tool" type="button" aria-label=${t('screenshot.take')} ?disabled=${chat.screenshotBusy} @click=${() => chat.takeScreenshot(this.screenshotIgnore ?? this)}>
              <span aria-hidden="true">📷</span>
            </button>`
          : nothing}
      </parley-composer>`;
  }
}
