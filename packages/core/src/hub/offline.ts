/** Leave a message (V6, S5): validated, stored, shown to the site's agents, reported for forwarding. */
import type { OfflineLeaveFrame } from '../protocol/client-frames.js';
import type { OfflineMessage } from '../protocol/model.js';
import type { AckResults } from '../protocol/server-frames.js';
import type { VisitorCtx } from './command.js';
import type { HubCore } from './core.js';
import { labelsOf, validateForm } from './forms.js';
import type { SiteState } from './site-state.js';

/** Tells the site's agents and the hub's listeners (e-mail, webhooks) about a left message. */
export function announceOffline(core: HubCore, state: SiteState, offlineMessage: OfflineMessage): void {
  core.fanout.toSiteAgents(state.site.id, { type: 'offline.message', offlineMessage });
  core.emit('offline', { offlineMessage });
}

export async function leaveMessage(ctx: VisitorCtx, frame: OfflineLeaveFrame): Promise<AckResults['offline.leave']> {
  const { core, state, actor } = ctx;
  const form = state.site.settings.offlineFields;
  const fields = validateForm(form, frame.fields);
  const offlineMessage: OfflineMessage = {
    id: core.ids('offline'),
    siteId: state.site.id,
    visitorId: actor.visitorId,
    fields,
    labels: labelsOf(form, fields),
    createdAt: core.clock.now(),
    replied: false,
  };
  await core.store.saveOfflineMessage(offlineMessage);
  announceOffline(core, state, offlineMessage);
  return { offlineMessage };
}
