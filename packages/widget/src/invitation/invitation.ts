import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Invite } from '@parley/core';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { invitationStyles } from './invitation.styles.js';

/**
 * An invitation to chat, from an agent or an automatic rule, shown beside the
 * launcher without taking focus or blocking the page; announced politely to
 * screen readers.
 *
 * @tagname parley-invitation
 * @summary An agent's (or an auto-invite rule's) invitation to chat, with reply and decline.
 *
 * @event parley-invite-accept - The visitor replies to `detail.inviteId`.
 * @event parley-invite-decline - The visitor declines `detail.inviteId`.
 *
 * @csspart base - The invitation card.
 * @csspart title - Who it is from.
 * @csspart message - The invitation's text.
 * @csspart accept - The reply button.
 * @csspart decline - The decline button.
 *
 * @cssproperty --parley-invitation-background - The card. Default `--parley-color-surface`.
 * @cssproperty --parley-invitation-color - Its text. Default `--parley-color-on-surface`.
 */
export class Invitation extends ParleyElement {
  static override styles = invitationStyles;

  /** The invitation to show; nothing shows without one. */
  @property({ attribute: false }) invite: Invite | undefined;

  readonly #l10n = new LocalizeController(this);

  #answer(accept: boolean): void {
    const invite = this.invite;
    if (invite) this.emit(accept ? 'parley-invite-accept' : 'parley-invite-decline', { inviteId: invite.id });
  }

  protected override render(): TemplateResult {
    const invite = this.invite;
    const { t } = this.#l10n.translator;
    const from = invite?.agentName ? t('invitation.from', { name: invite.agentName }) : t('invitation.fromTeam');
    // The live region stays in place, so an invitation arriving is announced.
    return html`${invite
        ? html`<section part="base" class="invitation" aria-label=${t('invitation.label')}>
            <p part="title" class="invitation__title">${from}</p>
            <p part="message" class="invitation__message" dir="auto">${invite.message}</p>
            <div class="invitation__actions">
              <button part="decline" type="button" @click=${() => this.#answer(false)}>${t('invitation.decline')}</button>
              <button part="accept" class="invitation__accept" type="button" @click=${() => this.#answer(true)}>${t('invitation.accept')}</button>
            </div>
          </section>`
        : nothing}
      <div class="visually-hidden" role="status">${invite ? `${from}: ${invite.message}` : ''}</div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-invitation>`: the visitor replies to an invitation. */
    'parley-invite-accept': CustomEvent<{ readonly inviteId: string }>;
    /** `<parley-invitation>`: the visitor declines an invitation. */
    'parley-invite-decline': CustomEvent<{ readonly inviteId: string }>;
  }
}
