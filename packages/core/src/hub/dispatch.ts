/**
 * Which commands each role may send, and who handles them. A frame type not
 * in the actor's table is answered `unknown_type`; permissions within a role
 * are checked by the handlers (`forbidden`).
 */
import type { AgentCommandFrame, ClientFrame, VisitorCommandFrame } from '../protocol/client-frames.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import { setPresence } from './agent-presence.js';
import { type AgentCtx, type Ctx, fail, type VisitorCtx } from './command.js';
import type { Conn } from './conn.js';
import type { HubCore } from './core.js';
import { answerInvite, sendInvite } from './invites.js';
import { readMessages, sendMessage } from './messages.js';
import { leaveMessage } from './offline.js';
import { pushPage } from './page-push.js';
import {
  acceptSession,
  endCommand,
  evaluateSession,
  rateSession,
  requestChat,
  requestRating,
  sessionHistory,
} from './sessions.js';
import type { SiteState } from './site-state.js';
import { setVisibility, viewPage } from './trajectory.js';
import { answerTransfer, offerTransfer } from './transfer.js';
import { handleTyping } from './typing.js';
import { editCard, visitorDetail } from './visitor-context.js';
import { watchVisitors } from './visitor-list.js';

type Handlers<C, F extends { type: string }> = {
  readonly [T in Exclude<F['type'], 'ping'>]: (ctx: C, frame: Extract<F, { type: T }>) => Promise<unknown>;
};

const VISITOR: Handlers<VisitorCtx, VisitorCommandFrame> = {
  'page.view': viewPage,
  'page.visibility': setVisibility,
  'chat.request': requestChat,
  'message.send': sendMessage,
  'message.read': readMessages,
  typing: handleTyping,
  'invite.answer': answerInvite,
  'session.end': endCommand,
  'session.rate': rateSession,
  'offline.leave': leaveMessage,
  'session.history': sessionHistory,
};

const AGENT: Handlers<AgentCtx, AgentCommandFrame> = {
  'presence.set': setPresence,
  'visitors.watch': watchVisitors,
  'session.accept': acceptSession,
  'message.send': sendMessage,
  'message.read': readMessages,
  typing: handleTyping,
  'invite.send': sendInvite,
  'page.push': pushPage,
  'transfer.offer': offerTransfer,
  'transfer.answer': answerTransfer,
  'session.end': endCommand,
  'session.evaluate': evaluateSession,
  'rating.request': requestRating,
  'session.history': sessionHistory,
  'visitor.detail': visitorDetail,
  'visitor.card': editCard,
};

/**
 * Runs a command for an authenticated connection and returns its ack result
 * (`{}` when the handler has none). Throws `ParleyError` for answers the
 * client should get as an `error`.
 */
export async function dispatch(core: HubCore, conn: Conn, state: SiteState, frame: ClientFrame): Promise<object> {
  const actor = conn.actor;
  if (!actor) return fail(ERROR_CODES.unauthenticated, 'Send hello first.');
  const table: Readonly<Record<string, (ctx: Ctx, frame: ClientFrame) => Promise<unknown>>> =
    actor.role === 'visitor' ? (VISITOR as never) : (AGENT as never);
  const handler = Object.hasOwn(table, frame.type) ? table[frame.type] : undefined;
  if (!handler) return fail(ERROR_CODES.unknownType, `A ${actor.role} may not send "${frame.type}".`);
  const result = await handler({ core, conn, state, actor }, frame);
  return typeof result === 'object' && result !== null ? result : {};
}
