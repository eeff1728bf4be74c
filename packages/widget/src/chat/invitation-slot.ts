/**
 * What `<parley-chat>` loads for invitations, when the page is idle or at once
 * when one arrives: `<parley-invitation>` (registered on import) and its
 * template as `<parley-chat>` places it. A chunk of its own in the script-tag
 * bundle, so neither is in what every visitor downloads first, and an
 * invitation does not pull the window's chunk.
 */
import { html, type TemplateResult } from 'lit';
import type { Invite } from '@parley/core';

import '../invitation/define.js';

/** The invitation beside the launcher; `answer` gets the visitor's reply or decline. */
export function renderInvitation(
  invite: Invite | undefined,
  answer: (inviteId: string, accept: boolean, event: Event) => void,
): TemplateResult {
  return html`<parley-invitation
    part="invitation"
    exportparts="base:invitation-base,message:invitation-message,accept:invitation-accept,decline:invitation-decline"
    class="chat__invitation"
    .invite=${invite}
    @parley-invite-accept=${(e: CustomEvent<{ inviteId: string }>) => answer(e.detail.inviteId, true, e)}
    @parley-invite-decline=${(e: CustomEvent<{ inviteId: string }>) => answer(e.detail.inviteId, false, e)}
  ></parley-invitation>`;
}
