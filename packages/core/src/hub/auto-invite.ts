/**
 * Automatic invitations (V7) from the site's `inviteRules`: after
 * `delaySeconds` on a page whose URL contains `urlContains`, at most
 * `maxTimes` per visitor and visit, at least `intervalSeconds` apart; only
 * when an agent can take a chat now, the visitor is not chatting, has no
 * invite showing, and has not declined one in this visit. A proactive rule
 * opens the chat with the agent routing would pick.
 */
import { ParleyError } from '../errors.js';
import type { Conn } from './conn.js';
import type { HubCore } from './core.js';
import { bestAgent } from './assignment.js';
import { openInvite } from './invites.js';
import { availabilityOf } from './presence.js';
import type { InviteRule } from './records.js';
import type { LiveVisitor, SiteState, TabPage } from './site-state.js';

/** Whether a rule may invite this visitor now. */
export function mayAutoInvite(state: SiteState, visitor: LiveVisitor, rule: InviteRule, now: number): boolean {
  if (visitor.declined || visitor.connections === 0 || state.openByVisitor.has(visitor.id)) return false;
  for (const pending of state.invites.values()) if (pending.invite.visitorId === visitor.id) return false;
  if (availabilityOf(state) !== 'online') return false;
  const sent = visitor.autoInvites?.get(rule.name);
  return !sent || (sent.count < rule.maxTimes && now - sent.lastAt >= rule.intervalSeconds * 1000);
}

/** A tab shows a new page: arm the rules that match it (the previous page's timers were cleared). */
export function onPageView(core: HubCore, state: SiteState, conn: Conn, visitor: LiveVisitor, page: TabPage): void {
  for (const rule of state.site.settings.inviteRules) {
    if (rule.urlContains && !page.record.url.includes(rule.urlContains)) continue;
    const handle = core.timers.set('auto-invite', state.site.id, rule.delaySeconds * 1000, async () => {
      conn.inviteTimers = conn.inviteTimers.filter((t) => t !== handle);
      if (conn.closed || conn.page !== page) return;
      await fire(core, state, visitor, rule);
    });
    conn.inviteTimers = [...conn.inviteTimers, handle];
  }
}

async function fire(core: HubCore, state: SiteState, visitor: LiveVisitor, rule: InviteRule): Promise<void> {
  const now = core.clock.now();
  if (!mayAutoInvite(state, visitor, rule, now)) return;
  const agentId = rule.proactive ? bestAgent(state, {}) : undefined;
  if (rule.proactive && agentId === undefined) return;
  const sent = visitor.autoInvites?.get(rule.name);
  (visitor.autoInvites ??= new Map()).set(rule.name, { count: (sent?.count ?? 0) + 1, lastAt: now });
  try {
    await openInvite(core, state, visitor, {
      agent: agentId === undefined ? undefined : state.agents.get(agentId),
      message: rule.message,
      proactive: rule.proactive ?? false,
      rule: rule.name,
      expirySeconds: rule.expirySeconds,
    });
  } catch (error) {
    // The visitor started a chat in the meantime: no invite, and no harm.
    if (!(error instanceof ParleyError)) throw error;
  }
}
