import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, Invite } from '@parley/core';
import { ClientController, LocalizeController, ParleyElement } from '@parley/widget/shared';
import { errorText } from '../internal/errors.js';
import { reachOutStyles } from './reach-out.styles.js';

export interface InviteRequestDetail {
  readonly visitorId: string;
  readonly proactive: boolean;
  readonly message: string;
}

export interface PagePushDetail {
  readonly visitorId: string;
  readonly url: string;
}

type InviteOutcome = 'accepted' | 'declined' | 'expired';

/**
 * Reaching out to a visitor (A7), from the visitor list or a chat: invite them
 * to chat (an invitation pops up on their page), open a proactive chat (their
 * chat window opens at once with the agent's message), or push a page (their
 * browser goes to a URL on one of the site's allowed origins). The invite's
 * outcome is shown when the visitor answers or it lapses.
 *
 * @tagname parley-reach-out
 * @summary Invite, proactive chat and page push for one visitor.
 *
 * @event parley-invite-request - Before an invitation or proactive chat goes out; cancelable. `detail: { visitorId, proactive, message }`.
 * @event parley-invite-send - The hub sent it. `detail: { invite }`.
 * @event parley-page-push-request - Before a page push; cancelable. `detail: { visitorId, url }`.
 * @event parley-page-push - The hub pushed the page. `detail: { visitorId, url }`.
 *
 * @csspart base - The element.
 * @csspart message - The invitation's message.
 * @csspart invite - The invite button.
 * @csspart proactive - The proactive chat button.
 * @csspart url - The page-push URL field.
 * @csspart push - The push button.
 * @csspart status - What happened last.
 */
export class ReachOut extends ParleyElement {
  static override styles = reachOutStyles;

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
  }

  @property({ attribute: 'visitor-id' }) visitorId = '';

  /** Hides the invitation (e.g. in a chat, where only page push makes sense). */
  @property({ type: Boolean, attribute: 'push-only' }) pushOnly = false;

  @state() private message = '';
  @state() private url = '';
  @state() private status = '';
  @state() private error = '';
  @state() private busy = false;
  #invite: Invite | undefined;

  #client: AgentClient | undefined;
  readonly #events = new ClientController<AgentEvents>(this, {
    events: ['inviteClosed'],
    onEvent: (type, event) => {
      if (type !== 'inviteClosed') return;
      const closed = event as AgentEvents['inviteClosed'];
      if (closed.inviteId === this.#invite?.id) this.status = this.#l10n.t(`reachOut.outcome.${closed.reason as InviteOutcome}`);
    },
  });
  readonly #l10n = new LocalizeController(this);

  /** Invites the visitor (proactive: opens their chat at once) as the buttons do, events included. */
  async invite(proactive: boolean, message: string = this.message): Promise<Invite | undefined> {
    const client = this.#client;
    const text = message.trim();
    if (!client || !this.visitorId || this.busy) return undefined;
    if (this.emit('parley-invite-request', { visitorId: this.visitorId, proactive, message: text }, { cancelable: true }).defaultPrevented) return undefined;
    return this.#run(async () => {
      const invite = await client.invite(this.visitorId, { proactive, ...(text && { message: text }) });
      this.#invite = invite;
      this.status = this.#l10n.t(proactive ? 'reachOut.proactiveSent' : 'reachOut.inviteSent');
      this.message = '';
      this.emit('parley-invite-send', { invite });
      return invite;
    });
  }

  /** Sends the visitor's browser to `url` as the push button does, events included. */
  async pushPage(url: string = this.url): Promise<boolean> {
    const client = this.#client;
    const target = url.trim();
    if (!client || !this.visitorId || !target || this.busy) return false;
    if (this.emit('parley-page-push-request', { visitorId: this.visitorId, url: target }, { cancelable: true }).defaultPrevented) return false;
    const done = await this.#run(async () => {
      await client.pushPage(this.visitorId, target);
      this.status = this.#l10n.t('reachOut.pushed');
      this.emit('parley-page-push', { visitorId: this.visitorId, url: target });
      return true;
    });
    return done === true;
  }

  async #run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      return await work();
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'reachOut.failed');
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('visitorId')) {
      this.status = '';
      this.error = '';
      this.#invite = undefined;
    }
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.#l10n.t(key);
    const allowed = this.#client?.permissions.includes('reach_out') ?? false;
    const disabled = !allowed || !this.visitorId || this.busy;
    return html`<div part="base" class="panel">
      <h2 class="heading">${t('reachOut.heading')}</h2>
      ${allowed ? nothing : html`<p class="muted">${t('reachOut.forbidden')}</p>`}
      ${this.pushOnly
        ? nothing
        : html`<form @submit=${(e: Event) => (e.preventDefault(), void this.invite(false))}>
            <label class="label" for="message">${t('reachOut.message')}</label>
            <textarea id="message" part="message" rows="2" maxlength="4000" placeholder=${t('reachOut.messagePlaceholder')}
              .value=${this.message} @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}></textarea>
            <div class="row">
              <button part="invite" class="button" type="submit" ?disabled=${disabled}>${t('reachOut.invite')}</button>
              <button part="proactive" class="button button--primary" type="button" ?disabled=${disabled} @click=${() => void this.invite(true)}>
                ${t('reachOut.proactive')}
              </button>
            </div>
          </form>`}
      <form @submit=${(e: Event) => (e.preventDefault(), void this.pushPage())}>
        <label class="label" for="url">${t('reachOut.url')}</label>
        <div class="row">
          <input id="url" part="url" class="reach-out__url" type="url" inputmode="url" maxlength="2048" placeholder="https://"
            .value=${this.url} @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)} />
          <button part="push" class="button" type="submit" ?disabled=${disabled || !this.url.trim()}>${t('reachOut.push')}</button>
        </div>
      </form>
      <p part="status" class="success" role="status">${this.status}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-invite-request': CustomEvent<InviteRequestDetail>;
    'parley-invite-send': CustomEvent<{ readonly invite: Invite }>;
    'parley-page-push-request': CustomEvent<PagePushDetail>;
    'parley-page-push': CustomEvent<PagePushDetail>;
  }
}
