import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, TransferOffer, TransferTarget } from '@parley/core';
import { ClientController, LocalizeController, ParleyElement } from '@parley/widget/shared';
import { TickController } from '../controllers/tick-controller.js';
import { errorText } from '../internal/errors.js';
import { formatDuration } from '../internal/format.js';
import { secondsLeft, transferChoices } from './transfer-choices.js';
import { transferFormStyles } from './transfer-form.styles.js';

export type TransferOutcome = 'accepted' | 'declined' | 'timeout' | 'cancelled';

export interface TransferRequestDetail {
  readonly sessionId: string;
  readonly target: TransferTarget;
  readonly note?: string;
}

export interface TransferCloseDetail {
  readonly transferId: string;
  readonly sessionId: string;
  readonly outcome: TransferOutcome;
  readonly toAgentId: string;
}

/**
 * Offers a chat to a colleague or a group (A8), the sender's side: each
 * colleague with their presence and load, each group with how many of its
 * members could take the chat; an optional note. Once offered, a countdown
 * runs until the receiver answers, and the outcome is shown: accepted,
 * declined or timed out (the chat then stays with the sender). When nobody
 * else can take the chat, the form says so and offers nothing.
 *
 * @tagname parley-transfer-form
 * @summary Transfer a chat: choose an agent or group (availability shown), then see the outcome.
 *
 * @event parley-transfer-request - Before the offer goes out; cancelable. `detail: { sessionId, target, note }`.
 * @event parley-transfer-offer - The hub made the offer. `detail: { offer }`.
 * @event parley-transfer-close - The offer ended. `detail: { transferId, sessionId, outcome, toAgentId }`.
 *
 * @csspart base - The form.
 * @csspart choices - The fieldset of colleagues and groups.
 * @csspart note - The note field.
 * @csspart submit - The offer button.
 * @csspart countdown - The time left for the receiver.
 * @csspart outcome - The outcome text.
 *
 * @cssproperty --parley-transfer-urgent-color - The countdown's last seconds. Default `--parley-color-danger`.
 */
export class TransferForm extends ParleyElement {
  static override styles = transferFormStyles;

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
  }

  /** The chat to transfer (one the agent serves). */
  @property({ attribute: 'session-id' }) sessionId = '';

  @state() private choice = '';
  @state() private note = '';
  @state() private pending: TransferOffer | undefined;
  @state() private outcome: TransferOutcome | undefined;
  @state() private error = '';
  @state() private sending = false;

  #client: AgentClient | undefined;
  readonly #events = new ClientController<AgentEvents>(this, {
    events: ['agents', 'groups', 'transferClosed', 'status'],
    onEvent: (type, event) => {
      if (type === 'transferClosed') this.#closed(event as AgentEvents['transferClosed']);
    },
  });
  readonly #l10n = new LocalizeController(this);
  readonly #tick = new TickController(this, { active: () => this.pending !== undefined });

  /** Offers the chat to `agent:<id>` or `group:<id>` as the form does (events included). */
  async offer(choice: string = this.choice, note: string = this.note): Promise<TransferOffer | undefined> {
    const client = this.#client;
    const [kind, id] = choice.split(':');
    if (!client || !id || this.sending) return undefined;
    const target: TransferTarget = kind === 'group' ? { toGroupId: id } : { toAgentId: id };
    const trimmed = note.trim();
    const detail = { sessionId: this.sessionId, target, ...(trimmed && { note: trimmed }) };
    if (this.emit('parley-transfer-request', detail, { cancelable: true }).defaultPrevented) return undefined;
    this.sending = true;
    this.error = '';
    this.outcome = undefined;
    try {
      const offer = await client.transfer(this.sessionId, target, trimmed || undefined);
      this.pending = offer;
      this.emit('parley-transfer-offer', { offer });
      return offer;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'transfer.failed');
      return undefined;
    } finally {
      this.sending = false;
    }
  }

  #closed(closed: AgentEvents['transferClosed']): void {
    if (closed.transferId !== this.pending?.id) return;
    this.pending = undefined;
    this.outcome = closed.outcome;
    this.emit('parley-transfer-close', { transferId: closed.transferId, sessionId: closed.sessionId, outcome: closed.outcome, toAgentId: closed.toAgentId });
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const client = this.#client;
    if (!client) return html`<div part="base"></div>`;
    const choices = transferChoices(client);
    const pending = this.pending;
    return html`
      <form part="base" class="panel" aria-labelledby="heading" @submit=${this.#onSubmit}>
        <h2 id="heading" class="heading">${t('transfer.heading')}</h2>
        ${pending
          ? this.#renderPending(pending)
          : html`
              ${choices.possible ? nothing : html`<p class="error" role="status">${t('transfer.nobody')}</p>`}
              <fieldset part="choices">
                <legend>${t('transfer.to')}</legend>
                ${choices.agents.map(({ agent, available }) =>
                  this.#renderChoice(`agent:${agent.id}`, agent.name, this.#agentState(agent.status, agent.load, agent.capacity, available), available),
                )}
                ${choices.groups.map(({ group, available, members }) =>
                  this.#renderChoice(`group:${group.id}`, t('transfer.group', { name: group.name }), t('transfer.groupState', { available, count: members }), available > 0),
                )}
              </fieldset>
              <div class="field">
                <label for="note">${t('transfer.note')}</label>
                <textarea id="note" part="note" rows="2" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
              </div>
              <div class="row">
                <button part="submit" class="button button--primary" type="submit" ?disabled=${!this.choice || this.sending || !choices.possible}>
                  ${t('transfer.offer')}
                </button>
              </div>
            `}
        ${this.outcome ? html`<p part="outcome" class=${this.outcome === 'accepted' ? 'success' : 'error'} role="status">${t(`transfer.outcome.${this.outcome}`)}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </form>
    `;
  }

  #agentState(status: string, load: number, capacity: number, available: boolean): string {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const presence = t(`presence.${status}`);
    return available || status === 'online' ? t('transfer.agentState', { presence, load, capacity }) : presence;
  }

  #renderChoice(value: string, name: string, detail: string, available: boolean): TemplateResult {
    return html`<label class="choice ${available ? '' : 'choice--unavailable'}">
      <input type="radio" name="target" .value=${value} ?disabled=${!available} .checked=${this.choice === value} @change=${() => (this.choice = value)} />
      <span dir="auto">${name}</span> <span class="muted">— ${detail}</span>
    </label>`;
  }

  #renderPending(offer: TransferOffer): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const left = secondsLeft(offer.expiresAt, this.#tick.now);
    const to = this.#client?.agents.get(offer.toAgentId)?.name ?? offer.toAgentId;
    return html`<p role="status">
      ${t('transfer.waiting', { name: to })}
      <span part="countdown" class="countdown ${left <= 10 ? 'countdown--low' : ''}">${formatDuration(left * 1000)}</span>
    </p>`;
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.offer();
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-transfer-request': CustomEvent<TransferRequestDetail>;
    'parley-transfer-offer': CustomEvent<{ readonly offer: TransferOffer }>;
    'parley-transfer-close': CustomEvent<TransferCloseDetail>;
  }
}
