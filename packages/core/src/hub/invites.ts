/**
 * Invitations (flow 4, V7, V8, A7). An agent (or an auto-invite rule) invites
 * an online visitor; the invite expires unless answered. Accepting starts a
 * chat with the inviting agent (routed, for automatic invites); declining is
 * remembered for the visit.
 *
 * Proactive invites open the chat at once: the hub creates an active session
 * served by the inviting agent and sends, in this order, `session` (the new
 * session), `invite` (`proactive: true`, so the widget opens its window on
 * that session) and the agent's first `message`. Accepting acks with that
 * session, and so does the visitor's first message in it; declining ends
 * it; expiry leaves it open (the agent ends it).
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { InviteAnswerFrame, InviteSendFrame } from '../protocol/client-frames.js';
import type { Invite } from '../protocol/model.js';
import type { AckResults } from '../protocol/server-frames.js';
import { startChat, visitorSessionLock } from './chat-start.js';
import { type AgentCtx, agentOf, fail, notFound, requirePermission, type VisitorCtx } from './command.js';
import type { HubCore } from './core.js';
import { publishMessage } from './messages.js';
import { PERMISSIONS } from './permissions.js';
import { loadChanged } from './presence.js';
import type { AgentRecord, SessionRecord } from './records.js';
import { commitSession, notifySession, sessionInfo, lastSeqOf } from './session-records.js';
import { endSession } from './session-end.js';
import type { LiveVisitor, PendingInvite, SiteState } from './site-state.js';

export interface InviteSpec {
  readonly agent?: AgentRecord;
  readonly message: string;
  readonly proactive: boolean;
  readonly rule?: string;
  readonly expirySeconds: number;
}

/** Sends an invite (manual or automatic). Fails with `invalid_state` when the visitor already chats. */
export function openInvite(core: HubCore, state: SiteState, visitor: LiveVisitor, spec: InviteSpec): Promise<Invite> {
  const siteId = state.site.id;
  return core.locks.run(visitorSessionLock(siteId, visitor.id), async () => {
    if (state.openByVisitor.has(visitor.id)) fail(ERROR_CODES.invalidState, 'The visitor is already chatting.');
    const now = core.clock.now();
    const invite: Invite = {
      id: core.ids('invite'),
      visitorId: visitor.id,
      agentId: spec.agent?.id,
      agentName: spec.agent?.name,
      message: spec.message,
      proactive: spec.proactive && spec.agent !== undefined,
      rule: spec.rule,
      createdAt: now,
      expiresAt: now + spec.expirySeconds * 1000,
    };
    let session: SessionRecord | undefined;
    if (invite.proactive && spec.agent) {
      session = {
        id: core.ids('session'),
        siteId,
        visitorId: visitor.id,
        state: 'active',
        agentId: spec.agent.id,
        fields: {},
        createdAt: now,
        acceptedAt: now,
        readSeq: { visitor: 0, agent: 0 },
        autoReplies: 0,
      };
      await commitSession(core, state, session);
      notifySession(core, state, session, 0, { change: 'created' });
      loadChanged(core, state, spec.agent.id);
    }
    const pending: PendingInvite = { invite, sessionId: session?.id };
    state.invites.set(invite.id, pending);
    pending.timer = core.timers.set('invite.expiry', siteId, spec.expirySeconds * 1000, () => {
      if (state.invites.get(invite.id) === pending) closeInvite(core, state, pending, 'expired');
    });
    core.fanout.toVisitor(siteId, visitor.id, { type: 'invite', invite });
    if (session && spec.agent && invite.message) {
      const { message } = await core.store.appendMessage({
        id: core.ids('message'),
        sessionId: session.id,
        clientId: `inv_${invite.id}`,
        author: { kind: 'agent', id: spec.agent.id, name: spec.agent.name },
        at: now,
        text: invite.message,
      });
      publishMessage(core, state, session, message);
    }
    return invite;
  });
}

/** Ends a pending invite and tells the visitor and the inviting agent why. */
export function closeInvite(core: HubCore, state: SiteState, pending: PendingInvite, reason: 'accepted' | 'declined' | 'expired'): void {
  if (state.invites.get(pending.invite.id) !== pending) return;
  state.invites.delete(pending.invite.id);
  core.timers.clear(pending.timer);
  const { invite } = pending;
  const frame = { type: 'invite.closed', inviteId: invite.id, visitorId: invite.visitorId, reason } as const;
  core.fanout.toVisitor(state.site.id, invite.visitorId, frame);
  if (invite.agentId !== undefined) core.fanout.toAgent(invite.agentId, frame);
}

/**
 * A proactive invite's session moved on: the visitor wrote in it (`accepted`)
 * or it ended (`declined` / `expired`); the invite still showing closes.
 */
export function closeInvitesOfSession(
  core: HubCore,
  state: SiteState,
  sessionId: string,
  reason: 'accepted' | 'declined' | 'expired',
): void {
  for (const pending of [...state.invites.values()]) {
    if (pending.sessionId === sessionId) closeInvite(core, state, pending, reason);
  }
}

export async function sendInvite(ctx: AgentCtx, frame: InviteSendFrame): Promise<AckResults['invite.send']> {
  requirePermission(ctx, PERMISSIONS.reachOut);
  const { core, state } = ctx;
  const visitor = state.visitors.get(frame.visitorId);
  if (!visitor) return notFound('visitor');
  if (visitor.connections === 0) fail(ERROR_CODES.visitorGone, 'The visitor has left the site.');
  const invite = await openInvite(core, state, visitor, {
    agent: agentOf(ctx),
    message: frame.message ?? '',
    proactive: frame.proactive,
    expirySeconds: state.site.settings.inviteExpirySeconds,
  });
  return { invite };
}

export async function answerInvite(ctx: VisitorCtx, frame: InviteAnswerFrame): Promise<AckResults['invite.answer']> {
  const { core, state, actor } = ctx;
  const pending = state.invites.get(frame.inviteId);
  if (!pending || pending.invite.visitorId !== actor.visitorId) return notFound('invite');
  const { invite, sessionId } = pending;
  if (!frame.accept) {
    const visitor = state.visitors.get(actor.visitorId);
    if (visitor) visitor.declined = true;
    closeInvite(core, state, pending, 'declined');
    if (sessionId !== undefined) await endSession(core, state, sessionId, 'visitor');
    return {};
  }
  if (sessionId !== undefined) {
    closeInvite(core, state, pending, 'accepted');
    const record = state.sessions.get(sessionId)?.record ?? (await core.store.getSession(sessionId));
    if (!record) return {};
    return { session: sessionInfo(state, record, await lastSeqOf(core, state, sessionId), true) };
  }
  try {
    const record = await startChat(core, state, actor.visitorId, { fields: {}, agentId: invite.agentId });
    closeInvite(core, state, pending, 'accepted');
    return { session: sessionInfo(state, record, await lastSeqOf(core, state, record.id), true) };
  } catch (error) {
    closeInvite(core, state, pending, 'expired');
    throw error;
  }
}
