import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, SessionInfo } from '@parley/core';
import { ClientController, LocalizeController, ParleyElement } from '@parley/widget/shared';
import { ReadSignalController } from '../controllers/read-signal.js';
import { TickController } from '../controllers/tick-controller.js';
import { formatDuration } from '../internal/format.js';
import { errorText } from '../internal/errors.js';
import { conversationCounters } from './counters.js';
import { queueStyles } from './queue.styles.js';

export interface SessionIdDetail {
  readonly sessionId: string;
}

/**
 * The site's waiting queue (A4): each waiting chat with its wait time, oldest
 * first, an accept button for each and one for the oldest; and the agent's
 * counters: unread messages in their chats, and ended chats waiting for their
 * evaluation.
 *
 * @tagname parley-queue
 * @summary Waiting chats with wait times, accept, and unread / to-evaluate counters.
 *
 * @event parley-session-accept-request - Before a chat is accepted; cancelable. `detail: { sessionId }`.
 * @event parley-session-accept - The agent took the chat. `detail: { session }`.
 *
 * @csspart base - The queue.
 * @csspart counters - The counters.
 * @csspart unread - The unread counter's value.
 * @csspart to-evaluate - The pending-evaluation counter's value.
 * @csspart accept-next - The "accept the oldest" button.
 * @csspart list - The waiting chats.
 * @csspart item - One waiting chat.
 * @csspart wait - Its wait time.
 * @csspart accept - Its accept button.
 *
 * @cssproperty --parley-queue-background - Default `--parley-color-surface`.
 * @cssproperty --parley-queue-divider-color - Between chats. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-queue-long-wait-color - Wait times past `long-wait-seconds`. Default `--parley-color-danger`.
 */
export class Queue extends ParleyElement {
  static override styles = queueStyles;

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
    this.#reads.client = client;
  }

  /** Wait times from this many seconds on are highlighted. */
  @property({ type: Number, attribute: 'long-wait-seconds' }) longWaitSeconds = 60;

  @state() private accepting: string | undefined;
  @state() private error = '';

  #client: AgentClient | undefined;
  readonly #events = new ClientController<AgentEvents>(this, {
    events: ['queue', 'session', 'sessionRemoved', 'messages', 'agent', 'status'],
  });
  readonly #reads = new ReadSignalController(this);
  readonly #l10n = new LocalizeController(this);
  readonly #tick = new TickController(this, { active: () => (this.#client?.queue.length ?? 0) > 0 });

  /** Accepts a waiting chat as its button does (events included); resolves with it, or undefined when cancelled or refused. */
  async accept(sessionId: string): Promise<SessionInfo | undefined> {
    const client = this.#client;
    if (!client || this.accepting) return undefined;
    if (this.emit('parley-session-accept-request', { sessionId }, { cancelable: true }).defaultPrevented) return undefined;
    this.accepting = sessionId;
    this.error = '';
    try {
      const session = await client.accept(sessionId);
      this.emit('parley-session-accept', { session });
      return session;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'queue.acceptFailed');
      return undefined;
    } finally {
      this.accepting = undefined;
    }
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const client = this.#client;
    const queue = client?.queue ?? [];
    const mayChat = client?.permissions.includes('chat') ?? false;
    const counters = client ? conversationCounters(client) : { unread: 0, toEvaluate: 0 };
    const now = this.#tick.now;
    return html`
      <section part="base" class="panel queue" aria-labelledby="heading">
        <div class="row">
          <h2 id="heading" class="heading">${t('queue.heading', { count: queue.length })}</h2>
          ${mayChat && queue.length > 0
            ? html`<button
                part="accept-next"
                class="button button--primary"
                type="button"
                ?disabled=${this.accepting !== undefined}
                @click=${() => void this.accept(queue[0]!.id)}
              >
                ${t('queue.acceptNext')}
              </button>`
            : nothing}
        </div>
        <dl part="counters" class="queue__counters">
          <div class="queue__counter"><dt>${t('queue.unread')}</dt><dd part="unread" data-count=${counters.unread}>${counters.unread}</dd></div>
          <div class="queue__counter">
            <dt>${t('queue.toEvaluate')}</dt><dd part="to-evaluate" data-count=${counters.toEvaluate}>${counters.toEvaluate}</dd>
          </div>
        </dl>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${queue.length === 0
          ? html`<p class="muted">${t('queue.empty')}</p>`
          : html`<ul part="list" class="list">
              ${queue.map((session) => this.#renderItem(session, now, mayChat))}
            </ul>`}
      </section>
    `;
  }

  #renderItem(session: SessionInfo, now: number, mayChat: boolean): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const name = session.fields.name || t('queue.anonymous');
    const waited = now - session.createdAt;
    const group = session.groupId === undefined ? undefined : this.#client?.groups.find((g) => g.id === session.groupId)?.name;
    const long = waited >= this.longWaitSeconds * 1000;
    return html`<li part="item" class="queue__item" data-session-id=${session.id}>
      <span class="queue__name" dir="auto">${name}</span>
      <span class="queue__meta">
        <span part="wait" class="queue__wait ${long ? 'queue__wait--long' : ''}">${t('queue.waiting', { time: formatDuration(waited) })}</span>
        ${group ? html` · <span dir="auto">${group}</span>` : nothing}
      </span>
      ${mayChat
        ? html`<button
            part="accept"
            class="button queue__accept"
            type="button"
            aria-label=${t('queue.acceptNamed', { name })}
            ?disabled=${this.accepting !== undefined}
            @click=${() => void this.accept(session.id)}
          >
            ${t('queue.accept')}
          </button>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-session-accept-request': CustomEvent<SessionIdDetail>;
    'parley-session-accept': CustomEvent<{ readonly session: SessionInfo }>;
  }
}
