import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, ChatMessage, Message, SessionInfo, TransferOffer } from '@parley/core';
import { ClientController, LocalizeController, MessageList, ParleyElement } from '@parley/widget/shared';
import { TickController } from '../controllers/tick-controller.js';
import { errorText } from '../internal/errors.js';
import { formatDuration } from '../internal/format.js';
import { secondsLeft } from '../transfer-form/transfer-choices.js';
import { transferOffersStyles } from './transfer-offers.styles.js';

export interface TransferAnswerDetail {
  readonly transferId: string;
  readonly accept: boolean;
  /** The chat as it is after the answer (the receiver's when accepted). */
  readonly session: SessionInfo;
}

/** A transferred history as the message list shows it to the receiver. */
function asChatMessage(message: Message): ChatMessage {
  return { ...message, delivery: 'sent', own: message.author.kind === 'agent' };
}

/**
 * Transfer offers to this agent (A8), the receiver's side: who offers which
 * chat, their note, the whole conversation so far, and a countdown to accept
 * or decline before the offer lapses (the chat then goes back to the sender).
 *
 * @tagname parley-transfer-offers
 * @summary Chats offered to the agent: history, countdown, accept or decline.
 *
 * @event parley-transfer-answer - The agent answered an offer. `detail: { transferId, accept, session }`.
 *
 * @csspart base - The section.
 * @csspart offer - One offer.
 * @csspart countdown - Its time left.
 * @csspart history - Its conversation so far (a `parley-message-list`).
 * @csspart accept - Its accept button.
 * @csspart decline - Its decline button.
 *
 * @cssproperty --parley-transfer-offer-background - Default `--parley-color-surface`.
 * @cssproperty --parley-transfer-offer-border-color - Default `--parley-color-accent`.
 * @cssproperty --parley-transfer-history-height - The history's height. Default `12rem`.
 * @cssproperty --parley-transfer-urgent-color - The countdown's last seconds. Default `--parley-color-danger`.
 */
export class TransferOffers extends ParleyElement {
  static override styles = transferOffersStyles;
  static override dependencies = { 'parley-message-list': MessageList };

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
  }

  @state() private answering: string | undefined;
  @state() private error = '';

  #client: AgentClient | undefined;
  readonly #events = new ClientController<AgentEvents>(this, { events: ['transferOffer', 'transferClosed', 'agents', 'status'] });
  readonly #l10n = new LocalizeController(this);
  readonly #tick = new TickController(this, { active: () => (this.#client?.transfers.length ?? 0) > 0 });
  readonly #histories = new WeakMap<TransferOffer, readonly ChatMessage[]>();

  /** Answers an offer as its buttons do (events included); resolves with the chat, or undefined when refused. */
  async answer(transferId: string, accept: boolean): Promise<SessionInfo | undefined> {
    const client = this.#client;
    if (!client || this.answering) return undefined;
    this.answering = transferId;
    this.error = '';
    try {
      const session = await client.answerTransfer(transferId, accept);
      this.emit('parley-transfer-answer', { transferId, accept, session });
      return session;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'transfer.answerFailed');
      return undefined;
    } finally {
      this.answering = undefined;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const offers = this.#client?.transfers ?? [];
    if (offers.length === 0 && !this.error) return nothing;
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    return html`<section part="base" class="panel" aria-labelledby="heading">
      <h2 id="heading" class="heading">${t('transfer.offers', { count: offers.length })}</h2>
      ${offers.map((offer) => this.#renderOffer(offer))}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  #renderOffer(offer: TransferOffer): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const left = secondsLeft(offer.expiresAt, this.#tick.now);
    const from = offer.fromAgentName ?? this.#client?.agents.get(offer.fromAgentId)?.name ?? offer.fromAgentId;
    const visitor = offer.session.fields.name || t('conversations.anonymous');
    let history = this.#histories.get(offer);
    if (!history) {
      history = offer.history.map(asChatMessage);
      this.#histories.set(offer, history);
    }
    const busy = this.answering !== undefined;
    return html`<article part="offer" class="offer" data-transfer-id=${offer.id} aria-label=${t('transfer.offerFrom', { name: from, visitor })}>
      <p>${t('transfer.offerFrom', { name: from, visitor })}</p>
      ${offer.note ? html`<p class="note" dir="auto">${offer.note}</p>` : nothing}
      <parley-message-list part="history" perspective="agent" no-announce .messages=${history}></parley-message-list>
      <p>
        ${left > 0 ? t('transfer.answerWithin') : t('transfer.expired')}
        ${left > 0 ? html`<span part="countdown" class="countdown ${left <= 10 ? 'countdown--low' : ''}">${formatDuration(left * 1000)}</span>` : nothing}
      </p>
      <div class="row">
        <button part="accept" class="button button--primary" type="button" ?disabled=${busy || left === 0} @click=${() => void this.answer(offer.id, true)}>
          ${t('transfer.accept')}
        </button>
        <button part="decline" class="button" type="button" ?disabled=${busy || left === 0} @click=${() => void this.answer(offer.id, false)}>
          ${t('transfer.decline')}
        </button>
      </div>
    </article>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-transfer-answer': CustomEvent<TransferAnswerDetail>;
  }
}
