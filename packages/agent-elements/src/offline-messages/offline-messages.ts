import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, OfflineMessage } from '@parley/core';
import { LocalizeController, ParleyElement } from '@parley/widget/shared';
import type { OfflineMessageService } from '../api/offline.js';
import { OfflineMessagesController } from '../controllers/offline-messages-controller.js';
import { errorText } from '../internal/errors.js';
import { formatDateTime } from '../internal/format.js';
import { offlineMessagesStyles } from './offline-messages.styles.js';

export interface OfflineMessageDetail {
  readonly message: OfflineMessage;
}

/** Field names with a text of their own in the console's language; others show the site form's label, else their name. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set(['name', 'email', 'phone', 'message']);

/**
 * The messages visitors left when nobody could chat (V6, S5), newest first:
 * each one's fields as text, when it was left and whether it was replied, with
 * a "mark replied" button; a filter keeps only the ones not replied. Messages
 * load through `service` (the server's `GET /api/offline` in the console) and
 * the ones left while the agent is connected appear live (the client's
 * `offlineMessage` event).
 *
 * @tagname parley-offline-messages
 * @summary Visitors' left messages, newest first, live, with "mark replied" and a "not replied" filter.
 *
 * @event parley-offline-reply-request - Before a message is marked replied; cancelable. `detail: { message }`.
 * @event parley-offline-replied - A message was marked replied. `detail: { message }`.
 *
 * @csspart base - The panel.
 * @csspart filter - The "only not replied" checkbox.
 * @csspart count - The number of messages not replied.
 * @csspart list - The messages.
 * @csspart item - One message.
 * @csspart fields - Its fields (label and value).
 * @csspart time - When it was left.
 * @csspart state - Replied or not.
 * @csspart mark-replied - Its "mark replied" button.
 *
 * @cssproperty --parley-offline-messages-background - Default `--parley-color-surface`.
 * @cssproperty --parley-offline-messages-divider-color - Between messages. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-offline-messages-pending-color - The "not replied" mark. Default `--parley-color-accent`.
 */
export class OfflineMessages extends ParleyElement {
  static override styles = offlineMessagesStyles;

  /** The agent's client: messages left while it is connected appear live; marking needs the `chat` permission. */
  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#messages.client;
  }
  set client(client: AgentClient | undefined) {
    this.#messages.client = client;
  }

  /** Loads and marks the messages. */
  @property({ attribute: false })
  get service(): OfflineMessageService | undefined {
    return this.#messages.service;
  }
  set service(service: OfflineMessageService | undefined) {
    this.#messages.service = service;
  }

  /** Shows only the messages not replied. */
  @property({ type: Boolean, attribute: 'only-not-replied' }) onlyNotReplied = false;

  @state() private marking: string | undefined;
  @state() private error = '';

  readonly #messages = new OfflineMessagesController(this);
  readonly #l10n = new LocalizeController(this);

  /** The messages, newest first (the filter not applied). */
  get messages(): readonly OfflineMessage[] {
    return this.#messages.messages;
  }

  /** Marks a message replied as its button does (events included); resolves with it, or undefined when cancelled or refused. */
  async markReplied(id: string): Promise<OfflineMessage | undefined> {
    const message = this.#messages.get(id);
    const service = this.service;
    if (!message || !service || this.marking) return undefined;
    if (this.emit('parley-offline-reply-request', { message }, { cancelable: true }).defaultPrevented) return undefined;
    this.marking = id;
    this.error = '';
    try {
      await service.markReplied(id);
      const replied = this.#messages.setReplied(id) ?? { ...message, replied: true };
      this.emit('parley-offline-replied', { message: replied });
      return replied;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'offline.markFailed');
      return undefined;
    } finally {
      this.marking = undefined;
    }
  }

  /** Loads the messages again. */
  reload(): Promise<void> {
    return this.#messages.reload();
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const all = this.#messages.messages;
    const shown = this.onlyNotReplied ? all.filter((m) => !m.replied) : all;
    const pending = this.#messages.notReplied;
    const loadError = this.#messages.error === undefined ? '' : errorText(this.#messages.error, (key) => t(key), 'offline.loadFailed');
    return html`
      <section part="base" class="panel offline" aria-labelledby="heading" aria-busy=${this.#messages.loading ? 'true' : 'false'}>
        <div class="row">
          <h2 id="heading" class="heading">${t('offline.heading')}</h2>
          <span part="count" class="muted" data-count=${pending}>${t('offline.notRepliedCount', { count: pending })}</span>
        </div>
        <label class="field field--inline">
          <input
            part="filter"
            type="checkbox"
            .checked=${this.onlyNotReplied}
            @change=${(e: Event) => (this.onlyNotReplied = (e.target as HTMLInputElement).checked)}
          />${t('offline.onlyNotReplied')}
        </label>
        ${loadError ? html`<p class="error" role="alert">${loadError}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${shown.length === 0
          ? html`<p class="muted">${t(all.length === 0 ? 'offline.empty' : 'offline.allReplied')}</p>`
          : html`<ul part="list" class="list">
              ${shown.map((message) => this.#renderItem(message))}
            </ul>`}
      </section>
    `;
  }

  #renderItem(message: OfflineMessage): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const mayMark = this.service !== undefined && (this.client === undefined || this.client.permissions.includes('chat'));
    const who = message.fields['name'] || message.fields['email'] || t('offline.anonymous');
    return html`<li part="item" class="offline__item ${message.replied ? 'offline__item--replied' : ''}" data-id=${message.id}>
      <dl part="fields" class="offline__fields">
        ${Object.entries(message.fields).map(
          ([name, value]) => html`<div class="offline__field">
            <dt>${KNOWN_FIELDS.has(name) ? t(`offline.field.${name}`) : (message.labels?.[name] ?? name)}</dt>
            <dd dir="auto">${value}</dd>
          </div>`,
        )}
      </dl>
      <span class="offline__meta">
        <time part="time" datetime=${new Date(message.createdAt).toISOString()}>${formatDateTime(message.createdAt, this.#l10n.language)}</time>
        ·
        <span part="state" class="offline__state ${message.replied ? '' : 'offline__state--pending'}" data-replied=${message.replied ? 'true' : 'false'}>
          ${t(message.replied ? 'offline.replied' : 'offline.notReplied')}
        </span>
      </span>
      ${!message.replied && mayMark
        ? html`<button
            part="mark-replied"
            class="button offline__mark"
            type="button"
            aria-label=${t('offline.markRepliedNamed', { name: who })}
            ?disabled=${this.marking !== undefined}
            @click=${() => void this.markReplied(message.id)}
          >
            ${t('offline.markReplied')}
          </button>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-offline-reply-request': CustomEvent<OfflineMessageDetail>;
    'parley-offline-replied': CustomEvent<OfflineMessageDetail>;
  }
}
