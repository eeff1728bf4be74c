import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Attachment, ChatMessage } from '@parley/core';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { formatBytes, formatTime } from '../i18n/format.js';
import { linkify, safeResourceUrl } from './linkify.js';
import { messageListStyles } from './message-list.styles.js';

/** How close to the bottom (px) still counts as "reading the latest". */
const STICKY_PX = 48;

/**
 * A conversation's messages, oldest first, for the visitor's window and the
 * agent's conversation panel alike. Text is rendered as text (never HTML);
 * `http(s)` links become links that open in a new tab; image attachments show
 * inline; the visitor's (or agents') own messages carry their delivery state.
 * New messages from the other side are announced to screen readers.
 *
 * @tagname parley-message-list
 * @summary The messages of one conversation, with delivery states, links, images and a live region.
 *
 * @slot empty - Shown when there is no message (default: a short text).
 * @slot footer - After the messages, inside the scrolling area (e.g. the agent's live typing preview).
 *
 * @event parley-history-request - The "show earlier messages" button was pressed; `detail.beforeSeq` is the oldest `seq` shown.
 *
 * @csspart base - The whole list.
 * @csspart scroller - The scrolling area (focusable, so it scrolls by keyboard).
 * @csspart earlier - The "show earlier messages" button.
 * @csspart message - One message (`li`); also `own-message`, `other-message`, `system-message`.
 * @csspart author - The author's name above a message.
 * @csspart bubble - A message's text and attachments.
 * @csspart link - A link in a message's text.
 * @csspart attachment - A file attachment's link.
 * @csspart image - An inline image.
 * @csspart meta - Time and delivery state under a message.
 * @csspart delivery - The delivery state of an own message.
 * @csspart typing - The "is typing" line.
 *
 * @cssproperty --parley-message-list-background - Behind the messages. Default `--parley-color-surface`.
 * @cssproperty --parley-message-list-own-background - Own messages' bubbles. Default `--parley-color-accent`.
 * @cssproperty --parley-message-list-own-color - Own messages' text. Default `--parley-color-on-accent`.
 * @cssproperty --parley-message-list-other-background - The other side's bubbles. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-message-list-other-color - The other side's text. Default `--parley-color-on-surface`.
 * @cssproperty --parley-message-list-bubble-radius - Bubbles' corners. Default `--parley-radius`.
 */
export class MessageList extends ParleyElement {
  static override styles = messageListStyles;

  /** The messages, oldest first (`client.messages(sessionId)` of a `VisitorClient` or `AgentClient`). */
  @property({ attribute: false }) messages: readonly ChatMessage[] = [];

  /** Whose view this is: own messages read "You" for a visitor; for agents, each agent's name. */
  @property({ reflect: true }) perspective: 'visitor' | 'agent' = 'visitor';

  /** Shows the "show earlier messages" button. */
  @property({ type: Boolean, attribute: 'has-earlier' }) hasEarlier = false;

  /** The other side is typing. */
  @property({ type: Boolean }) typing = false;

  /** Who is typing, for the typing line. */
  @property({ attribute: 'typing-name' }) typingName = '';

  /** Announce the other side's new messages through a polite live region (on by default). */
  @property({ type: Boolean, attribute: 'no-announce' }) noAnnounce = false;

  @state() private announcement = '';

  @query('.message-list__scroller') private scroller!: HTMLElement;

  readonly #l10n = new LocalizeController(this);
  #seen: Set<string> | undefined;
  #stick = true;
  /** Distance from the content's end to the view's top, kept while earlier messages are added above. */
  #anchor: number | undefined;

  /** Scrolls to the newest message. */
  scrollToEnd(): void {
    const scroller = this.scroller;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('messages')) return;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.message-list__scroller');
    this.#stick = !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICKY_PX;
    // Earlier messages arrive above what the reader is looking at: keep it in place.
    const previousFirst = changed.get('messages')?.[0]?.clientId;
    const prepended = previousFirst !== undefined && this.messages[0]?.clientId !== previousFirst;
    this.#anchor = scroller && prepended && !this.#stick ? scroller.scrollHeight - scroller.scrollTop : undefined;
    this.#announceNew();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('messages') && !changed.has('typing')) return;
    const newest = this.messages.at(-1);
    if (this.#anchor !== undefined && this.scroller) {
      this.scroller.scrollTop = this.scroller.scrollHeight - this.#anchor;
      this.#anchor = undefined;
    } else if (this.#stick || newest?.own) this.scrollToEnd();
  }

  #announceNew(): void {
    const seen = this.#seen;
    this.#seen = new Set(this.messages.map((m) => m.clientId));
    // The first list (history, a reload) is not read out; only what arrives after.
    if (!seen || this.noAnnounce) return;
    const fresh = this.messages.filter((m) => !m.own && !seen.has(m.clientId));
    if (fresh.length === 0) return;
    this.announcement = fresh
      .map((m) => this.#l10n.t('messages.announce', { name: this.#authorName(m), text: this.#plainText(m) }))
      .join('\n');
  }

  #plainText(message: ChatMessage): string {
    const files = (message.attachments ?? []).map((a) => a.name);
    return [message.text ?? '', ...files].filter(Boolean).join(' ');
  }

  #authorName(message: ChatMessage): string {
    if (message.own && this.perspective === 'visitor') return this.#l10n.t('messages.you');
    return message.author.name ?? this.#l10n.t(`messages.${message.author.kind}`);
  }

  #onEarlier(): void {
    const oldest = this.messages.find((m) => m.seq !== undefined)?.seq;
    this.emit('parley-history-request', { beforeSeq: oldest });
  }

  protected override render(): TemplateResult {
    const l10n = this.#l10n;
    return html`
      <div part="base" class="message-list">
        <div part="scroller" class="message-list__scroller" tabindex="0" role="region" aria-label=${l10n.t('messages.label')}>
          ${this.hasEarlier
            ? html`<button part="earlier" class="message-list__earlier" type="button" @click=${this.#onEarlier}>${l10n.t('messages.earlier')}</button>`
            : nothing}
          ${this.messages.length === 0
            ? html`<slot name="empty"><p class="message-list__empty">${l10n.t('messages.empty')}</p></slot>`
            : html`<ol class="message-list__items">
                ${repeat(this.messages, (m) => m.clientId, (m) => this.#renderMessage(m))}
              </ol>`}
          <slot name="footer"></slot>
        </div>
        ${this.typing
          ? html`<p part="typing" class="message-list__typing">
              ${this.typingName ? l10n.t('messages.typing', { name: this.typingName }) : l10n.t('messages.typingAnonymous')}
            </p>`
          : nothing}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  #renderMessage(message: ChatMessage): TemplateResult {
    const kind = message.author.kind === 'system' ? 'system' : message.own ? 'own' : 'other';
    const failed = message.delivery === 'failed';
    return html`
      <li part="message ${kind}-message" class="message message--${kind} ${failed ? 'message--failed' : ''}" data-client-id=${message.clientId}>
        ${kind === 'system' ? nothing : html`<span part="author" class="message__author">${this.#authorName(message)}</span>`}
        <div part="bubble" class="message__bubble" dir="auto">${message.text ? this.#renderText(message.text) : nothing}${message
            .attachments?.length
            ? html`<div class="message__attachments">${message.attachments.map((a) => this.#renderAttachment(a))}</div>`
            : nothing}</div>
        <div part="meta" class="message__meta">
          <time datetime=${new Date(message.at).toISOString()}>${formatTime(message.at, this.#l10n.language)}</time>
          ${message.own && kind !== 'system' ? this.#renderDelivery(message) : nothing}
        </div>
      </li>
    `;
  }

  #renderText(text: string): unknown[] {
    const newTab = this.#l10n.t('messages.newTab');
    return linkify(text).map((segment) =>
      segment.href === undefined
        ? segment.text
        : html`<a part="link" href=${segment.href} target="_blank" rel="noopener noreferrer nofollow ugc"
            >${segment.text}<span class="visually-hidden"> ${newTab}</span></a
          >`,
    );
  }

  #renderAttachment(attachment: Attachment): TemplateResult {
    const url = safeResourceUrl(attachment.url);
    const label = this.#l10n.t('messages.attachment', { name: attachment.name, size: formatBytes(attachment.size, this.#l10n.language) });
    if (!url) return html`<span part="attachment">${label}</span>`;
    const thumbnail = attachment.thumbnailUrl === undefined ? undefined : safeResourceUrl(attachment.thumbnailUrl);
    if (attachment.type.startsWith('image/') && attachment.type !== 'image/svg+xml') {
      return html`<a part="attachment" href=${url} target="_blank" rel="noopener noreferrer"
        ><img part="image" class="message__image" src=${thumbnail ?? url} alt=${attachment.name} loading="lazy"
      /></a>`;
    }
    return html`<a part="attachment" href=${url} target="_blank" rel="noopener noreferrer" download=${attachment.name}>${label}</a>`;
  }

  #renderDelivery(message: ChatMessage): TemplateResult {
    const state = message.delivery;
    const text = this.#l10n.t(`messages.${state}`);
    const icon = { sending: '◷', sent: '✓', read: '✓✓', failed: '!' }[state];
    return html`<span part="delivery" class="message__delivery message__delivery--${state}" data-delivery=${state} title=${message.error?.message ?? text}
      ><span aria-hidden="true">${icon}</span> ${state === 'failed' || state === 'read' ? text : html`<span class="visually-hidden">${text}</span>`}</span
    >`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-message-list>`: the visitor or agent asks for earlier messages. */
    'parley-history-request': CustomEvent<{ readonly beforeSeq: number | undefined }>;
  }
}
