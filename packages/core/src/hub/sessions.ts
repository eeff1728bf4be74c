/**
 * Session commands (flow 1): request, accept, end, rate, evaluate, ask for a
 * rating, read history. Who may do what:
 * - visitors act on their own sessions only (another's is `not_found`);
 * - the serving agent acts on its chat; supervisors also end and evaluate others';
 * - history: the visitor, the serving agent, supervisors; any agent with `chat`
 *   may read a queued chat before taking it, and any agent with `visitors.view`
 *   an ended one (the visitor's earlier chats, A11).
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import { LIMITS } from '../protocol/limits.js';
import type {
  ChatRequestFrame,
  RatingRequestFrame,
  SessionAcceptFrame,
  SessionEndFrame,
  SessionEvaluateFrame,
  SessionHistoryFrame,
  SessionRateFrame,
} from '../protocol/client-frames.js';
import type { AckResults } from '../protocol/server-frames.js';
import { assignSession } from './assignment.js';
import { startChat } from './chat-start.js';
import { type AgentCtx, can, canSupervise, type Ctx, fail, notFound, requirePermission, type VisitorCtx } from './command.js';
import { groupFromForm, validateForm } from './forms.js';
import { PERMISSIONS } from './permissions.js';
import type { SessionRecord } from './records.js';
import { endSession } from './session-end.js';
import { commitSession, findSession, type FoundSession, lastSeqOf, notifySession, sessionInfo } from './session-records.js';
import { isOpen } from './site-state.js';

/** The session if the actor is its visitor, or any agent of its site (finer checks follow). */
async function siteSession(ctx: Ctx, sessionId: string): Promise<FoundSession> {
  const found = await findSession(ctx.core, ctx.state, sessionId);
  if (!found) return notFound('session');
  if (ctx.actor.role === 'visitor' && found.record.visitorId !== ctx.actor.visitorId) notFound('session');
  return found;
}

const servesOrSupervises = (ctx: AgentCtx, record: SessionRecord) =>
  record.agentId === ctx.actor.agentId || canSupervise(ctx);

const wasServed = (record: SessionRecord) =>
  record.acceptedAt !== undefined && record.state !== 'queued' && record.state !== 'offline';

export async function requestChat(ctx: VisitorCtx, frame: ChatRequestFrame): Promise<AckResults['chat.request']> {
  const { core, state, actor } = ctx;
  const form = state.site.settings.preChatFields;
  const fields = validateForm(form, frame.fields);
  const groupId = frame.groupId || groupFromForm(form, fields);
  if (groupId !== undefined && !state.groups.some((g) => g.id === groupId)) notFound('group');
  const record = await startChat(core, state, actor.visitorId, { fields, groupId });
  const current = state.sessions.get(record.id)?.record ?? record;
  return { session: sessionInfo(state, current, await lastSeqOf(core, state, record.id), true) };
}

export async function acceptSession(ctx: AgentCtx, frame: SessionAcceptFrame): Promise<AckResults['session.accept']> {
  requirePermission(ctx, PERMISSIONS.chat);
  const { core, state, actor } = ctx;
  const found = await siteSession(ctx, frame.sessionId);
  return core.locks.run(frame.sessionId, async () => {
    const open = state.sessions.get(frame.sessionId);
    if (open?.record.state !== 'queued') {
      return fail(ERROR_CODES.invalidState, `The session is ${open?.record.state ?? found.record.state}, not queued.`);
    }
    const record = await assignSession(core, state, open.record, actor.agentId, { welcome: true });
    return { session: sessionInfo(state, record, open.lastSeq) };
  });
}

export async function endCommand(ctx: Ctx, frame: SessionEndFrame): Promise<AckResults['session.end']> {
  const { core, state, actor } = ctx;
  if (actor.role === 'agent') requirePermission(ctx as AgentCtx, PERMISSIONS.chat);
  await siteSession(ctx, frame.sessionId);
  const ended = await endSession(core, state, frame.sessionId, actor.role, (record) => {
    if (actor.role === 'agent' && !servesOrSupervises(ctx as AgentCtx, record)) {
      fail(ERROR_CODES.forbidden, 'Only the serving agent or a supervisor may end this session.');
    }
  });
  if (!ended) return fail(ERROR_CODES.invalidState, 'The session has ended already.');
  return { session: sessionInfo(state, ended, await lastSeqOf(core, state, ended.id), actor.role === 'visitor') };
}

export async function rateSession(ctx: VisitorCtx, frame: SessionRateFrame): Promise<AckResults['session.rate']> {
  const { core, state } = ctx;
  await siteSession(ctx, frame.sessionId);
  return core.locks.run(frame.sessionId, async () => {
    const record = (await findSession(core, state, frame.sessionId))?.record ?? notFound('session');
    if (!wasServed(record)) fail(ERROR_CODES.invalidState, 'Only a chat an agent took can be rated.');
    const next: SessionRecord = { ...record, rating: { score: frame.score, comment: frame.comment } };
    await commitSession(core, state, next);
    const lastSeq = await lastSeqOf(core, state, next.id);
    notifySession(core, state, next, lastSeq);
    return { session: sessionInfo(state, next, lastSeq, true) };
  });
}

export async function evaluateSession(ctx: AgentCtx, frame: SessionEvaluateFrame): Promise<AckResults['session.evaluate']> {
  requirePermission(ctx, PERMISSIONS.evaluate);
  const { core, state } = ctx;
  await siteSession(ctx, frame.sessionId);
  return core.locks.run(frame.sessionId, async () => {
    const record = (await findSession(core, state, frame.sessionId))?.record ?? notFound('session');
    if (!servesOrSupervises(ctx, record)) fail(ERROR_CODES.forbidden, 'Only the agent who served this chat or a supervisor may evaluate it.');
    if (!wasServed(record)) fail(ERROR_CODES.invalidState, 'Only a chat an agent took can be evaluated.');
    const next: SessionRecord = { ...record, evaluation: frame.evaluation };
    await commitSession(core, state, next);
    const lastSeq = await lastSeqOf(core, state, next.id);
    notifySession(core, state, next, lastSeq, { toVisitor: false });
    return { session: sessionInfo(state, next, lastSeq) };
  });
}

export async function requestRating(ctx: AgentCtx, frame: RatingRequestFrame): Promise<Record<string, never>> {
  requirePermission(ctx, PERMISSIONS.chat);
  const { record } = await siteSession(ctx, frame.sessionId);
  if (!servesOrSupervises(ctx, record)) fail(ERROR_CODES.forbidden, 'Only the serving agent may ask for a rating.');
  if (!wasServed(record)) fail(ERROR_CODES.invalidState, 'Only a chat an agent took can be rated.');
  ctx.core.fanout.toVisitor(ctx.state.site.id, record.visitorId, { type: 'rating.request', sessionId: record.id });
  return {};
}

export async function sessionHistory(ctx: Ctx, frame: SessionHistoryFrame): Promise<AckResults['session.history']> {
  const { record } = await siteSession(ctx, frame.sessionId);
  if (ctx.actor.role === 'agent') {
    const agent = ctx as AgentCtx;
    const allowed =
      servesOrSupervises(agent, record) ||
      (record.state === 'queued' && can(agent, PERMISSIONS.chat)) ||
      (!isOpen(record.state) && can(agent, PERMISSIONS.viewVisitors));
    if (!allowed) fail(ERROR_CODES.forbidden, 'You may not read this session.');
  }
  const messages = await ctx.core.store.listMessages(record.id, {
    afterSeq: frame.afterSeq,
    beforeSeq: frame.beforeSeq,
    limit: Math.min(frame.limit ?? LIMITS.historyPage, LIMITS.historyPage),
  });
  return { messages };
}
