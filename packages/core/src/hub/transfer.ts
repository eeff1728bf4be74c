/**
 * Transfer (flow 6, A8) as a handshake. The serving agent offers its chat to
 * an agent or a group (the hub picks the group's best available member);
 * the receiver gets the offer with the whole history and accepts or declines.
 * Declined, timed out, or the receiver gone: the chat goes back to the
 * offering agent, or to the queue if that agent has left — never dropped.
 * While an offer waits, it holds one of the receiver's free slots.
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { TransferAnswerFrame, TransferOfferFrame } from '../protocol/client-frames.js';
import type { TransferOffer } from '../protocol/model.js';
import type { AckResults } from '../protocol/server-frames.js';
import { assignSession } from './assignment.js';
import { type AgentCtx, agentOf, fail, notFound, requirePermission } from './command.js';
import type { HubCore } from './core.js';
import { PERMISSIONS } from './permissions.js';
import { loadChanged, routingCandidates } from './presence.js';
import { scheduleAbandonCheck, scheduleDrain } from './queue.js';
import type { SessionRecord } from './records.js';
import { hasFreeSlot, rankAgents } from './routing.js';
import { commitSession, findSession, notifySession, sessionInfo } from './session-records.js';
import type { OpenSession, PendingTransfer, SiteState } from './site-state.js';

type Outcome = 'accepted' | 'declined' | 'timeout' | 'cancelled';

/** Who receives the offer; synchronous so the slot it reserves cannot be taken in between. */
function pickReceiver(state: SiteState, fromAgentId: string, frame: TransferOfferFrame): string {
  const candidates = routingCandidates(state);
  if (frame.toAgentId !== undefined) {
    const target = candidates.find((c) => c.agentId === frame.toAgentId);
    if (frame.toAgentId === fromAgentId || !target || !hasFreeSlot(target)) {
      fail(ERROR_CODES.transferUnavailable, 'That agent cannot take the chat now.');
    }
    return frame.toAgentId;
  }
  const best = rankAgents(candidates, { mode: 'service', groupId: frame.toGroupId, excludeAgentId: fromAgentId })[0];
  return best ?? fail(ERROR_CODES.transferUnavailable, 'Nobody else in that group can take the chat now.');
}

export async function offerTransfer(ctx: AgentCtx, frame: TransferOfferFrame): Promise<AckResults['transfer.offer']> {
  requirePermission(ctx, PERMISSIONS.transfer);
  const { core, state, actor } = ctx;
  if (frame.toAgentId !== undefined && !state.agents.has(frame.toAgentId)) notFound('agent');
  if (frame.toGroupId !== undefined && !state.groups.some((g) => g.id === frame.toGroupId)) notFound('group');
  const found = await findSession(core, state, frame.sessionId);
  if (!found) return notFound('session');
  const from = agentOf(ctx);
  return core.locks.run(frame.sessionId, async () => {
    const open = state.sessions.get(frame.sessionId);
    const record = open?.record ?? found.record;
    if (record.agentId !== actor.agentId) fail(ERROR_CODES.forbidden, 'Only the agent serving this session may transfer it.');
    if (!open || record.state !== 'active') return fail(ERROR_CODES.invalidState, `The session is ${record.state}.`);
    const toAgentId = pickReceiver(state, actor.agentId, frame);
    const transferring: SessionRecord = { ...record, state: 'transferring' };
    const timeoutMs = state.site.settings.transferTimeoutSeconds * 1000;
    const draft: TransferOffer = {
      id: core.ids('transfer'),
      sessionId: record.id,
      fromAgentId: from.id,
      fromAgentName: from.name,
      toAgentId,
      toGroupId: frame.toGroupId,
      note: frame.note,
      expiresAt: core.clock.now() + timeoutMs,
      session: sessionInfo(state, transferring, open.lastSeq),
      history: [],
    };
    const pending: PendingTransfer = { offer: draft };
    state.transfers.set(draft.id, pending);
    open.transferId = draft.id;
    await commitSession(core, state, transferring);
    const history = await core.store.listMessages(record.id);
    pending.offer = { ...draft, session: sessionInfo(state, transferring, open.lastSeq), history };
    pending.timer = core.timers.set('transfer.timeout', state.site.id, timeoutMs, () =>
      core.locks.run(record.id, async () => {
        if (state.transfers.get(draft.id) === pending) await closeTransfer(core, state, pending, 'timeout');
      }),
    );
    core.fanout.toAgent(toAgentId, { type: 'transfer.offer', transfer: pending.offer });
    notifySession(core, state, transferring, open.lastSeq);
    loadChanged(core, state, toAgentId);
    return { transfer: pending.offer };
  });
}

export async function answerTransfer(ctx: AgentCtx, frame: TransferAnswerFrame): Promise<AckResults['transfer.answer']> {
  const { core, state, actor } = ctx;
  const pending = state.transfers.get(frame.transferId);
  if (!pending) return notFound('transfer');
  if (pending.offer.toAgentId !== actor.agentId) fail(ERROR_CODES.forbidden, 'This offer was made to another agent.');
  return core.locks.run(pending.offer.sessionId, async () => {
    if (state.transfers.get(frame.transferId) !== pending) fail(ERROR_CODES.invalidState, 'The offer has closed already.');
    const record = await closeTransfer(core, state, pending, frame.accept ? 'accepted' : 'declined');
    return { session: sessionInfo(state, record, state.sessions.get(record.id)?.lastSeq ?? 0) };
  });
}

function tellBoth(core: HubCore, pending: PendingTransfer, outcome: Outcome): void {
  const { offer } = pending;
  const frame = { type: 'transfer.closed', transferId: offer.id, sessionId: offer.sessionId, outcome, toAgentId: offer.toAgentId } as const;
  core.fanout.toAgent(offer.fromAgentId, frame);
  core.fanout.toAgent(offer.toAgentId, frame);
}

/** Settles an offer. Call under the session's lock. */
async function closeTransfer(
  core: HubCore,
  state: SiteState,
  pending: PendingTransfer,
  outcome: Exclude<Outcome, 'cancelled'>,
): Promise<SessionRecord> {
  const { offer } = pending;
  state.transfers.delete(offer.id);
  core.timers.clear(pending.timer);
  const open = state.sessions.get(offer.sessionId);
  if (!open) {
    tellBoth(core, pending, 'cancelled');
    return (await core.store.getSession(offer.sessionId)) ?? fail(ERROR_CODES.notFound, 'No such session.');
  }
  open.transferId = undefined;
  const record = open.record;
  let next: SessionRecord;
  if (outcome === 'accepted') {
    const from = state.agents.get(offer.fromAgentId)?.name ?? 'An agent';
    const to = state.agents.get(offer.toAgentId)?.name ?? 'another agent';
    next = await assignSession(core, state, record, offer.toAgentId, { welcome: false, note: `${from} transferred the chat to ${to}.` });
  } else {
    // Back to the offering agent while it is connected; else to the queue, at its original place.
    const back = state.presence.has(offer.fromAgentId);
    next = back ? { ...record, state: 'active' } : { ...record, state: 'queued', agentId: undefined };
    await commitSession(core, state, next);
    notifySession(core, state, next, open.lastSeq, { previousAgentId: offer.fromAgentId });
    loadChanged(core, state, offer.fromAgentId, offer.toAgentId);
    if (!back) {
      scheduleDrain(core, state);
      scheduleAbandonCheck(core, state);
    }
  }
  tellBoth(core, pending, outcome);
  return next;
}

/** The session is ending: its pending offer is withdrawn. Call under the session's lock. */
export function cancelTransfer(core: HubCore, state: SiteState, open: OpenSession): void {
  const pending = open.transferId === undefined ? undefined : state.transfers.get(open.transferId);
  open.transferId = undefined;
  if (!pending) return;
  state.transfers.delete(pending.offer.id);
  core.timers.clear(pending.timer);
  tellBoth(core, pending, 'cancelled');
  loadChanged(core, state, pending.offer.toAgentId);
}

/** The receiving agent left: its offers count as declined. */
export function declineTransfersTo(core: HubCore, state: SiteState, agentId: string): void {
  for (const pending of [...state.transfers.values()]) {
    if (pending.offer.toAgentId !== agentId) continue;
    core.background('transfer.receiver-left', state.site.id, () =>
      core.locks.run(pending.offer.sessionId, async () => {
        if (state.transfers.get(pending.offer.id) === pending) await closeTransfer(core, state, pending, 'declined');
      }),
    );
  }
}

/** Offers waiting for this agent's answer, with the session as it is now. */
export function offersTo(state: SiteState, agentId: string): TransferOffer[] {
  return [...state.transfers.values()]
    .filter((p) => p.offer.toAgentId === agentId)
    .map((p) => {
      const open = state.sessions.get(p.offer.sessionId);
      return open ? { ...p.offer, session: sessionInfo(state, open.record, open.lastSeq) } : p.offer;
    });
}
