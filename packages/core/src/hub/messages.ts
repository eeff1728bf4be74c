/**
 * Messages (flow 1): sending, idempotent by `clientId`; read receipts; the
 * hub's own system messages. Every new message goes to the visitor's
 * connections, the serving agent and the supervisors, once — except to the
 * connection that sent it, which has it in its ack.
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { Author, Message } from '../protocol/model.js';
import type { MessageReadFrame, MessageSendFrame } from '../protocol/client-frames.js';
import type { AckResults } from '../protocol/server-frames.js';
import { onAgentReply, onVisitorMessage } from './auto-reply.js';
import { type Ctx, fail, notFound, requirePermission } from './command.js';
import type { Conn } from './conn.js';
import { messageFrame } from './message-encoding.js';
import type { HubCore } from './core.js';
import { closeInvitesOfSession } from './invites.js';
import { PERMISSIONS } from './permissions.js';
import type { SessionRecord } from './records.js';
import { commitSession, findSession, type FoundSession, lastSeqOf } from './session-records.js';
import type { SiteState } from './site-state.js';
import { clearTyping } from './typing.js';
import { markVisitor } from './visitor-list.js';

const SYSTEM: Author = { kind: 'system', id: 'system' };

/**
 * Delivers a new message to everyone in the session and reports it. The
 * connection that sent it is left out: the ack of its `message.send` carries
 * the message (its other connections still receive it).
 */
export function publishMessage(core: HubCore, state: SiteState, record: SessionRecord, message: Message, sender?: Conn): void {
  const open = state.sessions.get(record.id);
  if (open && message.seq > open.lastSeq) open.lastSeq = message.seq;
  const frame = messageFrame(message);
  const fromVisitor = sender?.actor?.role === 'visitor';
  core.fanout.toVisitor(state.site.id, record.visitorId, frame, fromVisitor ? sender.key : undefined);
  core.fanout.toSessionAgents(state.site.id, record.agentId, frame, sender && !fromVisitor ? sender.key : undefined);
  if (message.author.kind !== 'system' && message.text) {
    const visitor = state.visitors.get(record.visitorId);
    if (visitor) {
      visitor.lastMessage = { text: message.text.slice(0, 200), at: message.at };
      markVisitor(core, state, record.visitorId);
    }
  }
  core.emit('message', { siteId: state.site.id, message });
}

/** Adds a message from the hub itself (welcome, auto-reply, transfer note). */
export async function appendSystemMessage(core: HubCore, state: SiteState, record: SessionRecord, text: string): Promise<Message> {
  const id = core.ids('message');
  const { message } = await core.store.appendMessage({
    id,
    sessionId: record.id,
    clientId: `sys_${id}`,
    author: SYSTEM,
    at: core.clock.now(),
    text,
  });
  publishMessage(core, state, record, message);
  return message;
}

/**
 * The session, if this actor takes part in it: its visitor, or (for agents)
 * the serving agent. An open session is answered at once from the cache.
 */
function ownSession(ctx: Ctx, sessionId: string): FoundSession | Promise<FoundSession> {
  const open = ctx.state.sessions.get(sessionId);
  if (open) return checkOwner(ctx, { record: open.record, open });
  return findSession(ctx.core, ctx.state, sessionId).then((found) => checkOwner(ctx, found ?? notFound('session')));
}

function checkOwner(ctx: Ctx, found: FoundSession): FoundSession {
  const { actor } = ctx;
  if (actor.role === 'visitor') {
    if (found.record.visitorId !== actor.visitorId) notFound('session');
  } else if (found.record.agentId !== actor.agentId) {
    fail(ERROR_CODES.forbidden, 'Only the agent serving this session may do this.');
  }
  return found;
}

export async function sendMessage(ctx: Ctx, frame: MessageSendFrame): Promise<AckResults['message.send']> {
  const { core, state, actor } = ctx;
  if (actor.role === 'agent') requirePermission(ctx as Ctx<typeof actor>, PERMISSIONS.chat);
  const found = await ownSession(ctx, frame.sessionId);
  return core.locks.run(frame.sessionId, async () => {
    const open = state.sessions.get(frame.sessionId);
    if (!open) {
      // A re-send after the session ended: answer with the message if it was stored.
      const stored = (await core.store.listMessages(frame.sessionId)).find((m) => m.clientId === frame.clientId);
      if (stored) return { message: stored };
      return fail(ERROR_CODES.invalidState, `The session is ${found.record.state}.`);
    }
    const record = open.record;
    if (actor.role === 'agent' && record.agentId !== actor.agentId) {
      fail(ERROR_CODES.forbidden, 'This session was given to another agent.');
    }
    const author: Author =
      actor.role === 'visitor'
        ? { kind: 'visitor', id: actor.visitorId, name: verifiedName(state, actor.visitorId) }
        : { kind: 'agent', id: actor.agentId, name: state.agents.get(actor.agentId)?.name };
    const { message, created } = await core.store.appendMessage({
      id: core.ids('message'),
      sessionId: record.id,
      clientId: frame.clientId,
      author,
      at: core.clock.now(),
      text: frame.text,
      attachments: frame.attachments,
    });
    if (!created) return { message };
    clearTyping(core, state, record.id, actor.role);
    publishMessage(core, state, record, message, ctx.conn);
    if (actor.role === 'visitor') {
      onVisitorMessage(core, state, open);
      closeInvitesOfSession(core, state, record.id, 'accepted');
    } else {
      onAgentReply(core, open);
    }
    return { message };
  });
}

function verifiedName(state: SiteState, visitorId: string): string | undefined {
  const member = state.visitors.get(visitorId)?.member;
  return member?.verified ? member.name : undefined;
}

/** The reader has seen everything up to `seq`; the other side is told. */
export async function readMessages(ctx: Ctx, frame: MessageReadFrame): Promise<void> {
  const { core, state, actor } = ctx;
  await ownSession(ctx, frame.sessionId);
  await core.locks.run(frame.sessionId, async () => {
    const found = await findSession(core, state, frame.sessionId);
    if (!found) return notFound('session');
    const lastSeq = await lastSeqOf(core, state, frame.sessionId);
    if (frame.seq > lastSeq) fail(ERROR_CODES.invalidState, `seq ${frame.seq} is beyond the session's last (${lastSeq}).`);
    const side = actor.role;
    if (frame.seq <= found.record.readSeq[side]) return;
    const next = { ...found.record, readSeq: { ...found.record.readSeq, [side]: frame.seq } };
    await commitSession(core, state, next);
    const read = { type: 'read', sessionId: next.id, side, seq: frame.seq } as const;
    if (side === 'visitor') core.fanout.toSessionAgents(state.site.id, next.agentId, read);
    else core.fanout.toVisitor(state.site.id, next.visitorId, read);
  });
}
