/** Schemas of the frames the hub sends; clients decode with these. */
import { ERROR_CODES } from '../error-codes.js';
import { LIMITS } from '../limits.js';
import {
  agentInfo,
  availability,
  count,
  groupInfo,
  id,
  invite,
  longText,
  message,
  nonEmptyId,
  offlineMessage,
  pageView,
  sessionInfo,
  shortText,
  text,
  time,
  transferOffer,
  url,
  visitorInfo,
  visitorSettings,
} from './model.js';
import { anyObject, array, boolean, literal, object, optional, picklist, variant, type Schema } from './validator.js';

const visitorWelcome = object({
  type: literal('welcome'),
  v: count,
  role: literal('visitor'),
  visitorId: id,
  token: longText,
  visitCount: count,
  settings: visitorSettings,
  availability,
  sessions: array(sessionInfo),
  invites: array(invite),
});

const agentWelcome = object({
  type: literal('welcome'),
  v: count,
  role: literal('agent'),
  agent: agentInfo,
  permissions: array(shortText),
  agents: array(agentInfo),
  groups: array(groupInfo),
  sessions: array(sessionInfo),
  queue: array(sessionInfo),
  transfers: array(transferOffer),
});

const changes = <T>(item: Schema<T>) => ({
  added: array(item),
  updated: array(item),
  removed: array(id),
});

const side = picklist(['visitor', 'agent']);

const ack = object({ type: literal('ack'), ref: nonEmptyId, result: anyObject });
const error = object({
  type: literal('error'),
  ref: optional(nonEmptyId),
  code: picklist(Object.values(ERROR_CODES)),
  message: longText,
  fatal: optional(boolean),
});
const pong = object({ type: literal('pong'), t: time });
const session = object({ type: literal('session'), session: sessionInfo });
const messageFrame = object({ type: literal('message'), message });
const read = object({ type: literal('read'), sessionId: id, side, seq: count });
const typing = object({
  type: literal('typing'),
  sessionId: id,
  side,
  draft: optional(text(LIMITS.draft)),
  active: boolean,
});
const inviteClosed = object({
  type: literal('invite.closed'),
  inviteId: id,
  visitorId: id,
  reason: picklist(['accepted', 'declined', 'expired']),
});
const availabilityFrame = object({ type: literal('availability'), status: availability });
const inviteFrame = object({ type: literal('invite'), invite });
const pagePush = object({ type: literal('page.push'), url });
const ratingRequest = object({ type: literal('rating.request'), sessionId: id });
const transferOffered = object({ type: literal('transfer.offer'), transfer: transferOffer });
const transferClosed = object({
  type: literal('transfer.closed'),
  transferId: id,
  sessionId: id,
  outcome: picklist(['accepted', 'declined', 'timeout', 'cancelled']),
  toAgentId: id,
});
const visitors = object({ type: literal('visitors'), ...changes(visitorInfo) });
const agents = object({ type: literal('agents'), ...changes(agentInfo) });
const queue = object({ type: literal('queue'), sessions: array(sessionInfo) });
const offlineMessageFrame = object({ type: literal('offline.message'), offlineMessage });

// The maps below list their schemas by name (no spreads), so a bundle keeps only
// the maps, and the schemas, that it uses.

/**
 * Schema of every frame the hub sends a visitor, by its `type`. Agent-only
 * frames are not here: a visitor that received one would report `unknown_type`.
 */
export const VISITOR_FRAME_SCHEMAS = {
  welcome: visitorWelcome,
  ack,
  error,
  pong,
  availability: availabilityFrame,
  session,
  message: messageFrame,
  read,
  typing,
  invite: inviteFrame,
  'invite.closed': inviteClosed,
  'page.push': pagePush,
  'rating.request': ratingRequest,
} as const;

/** Schema of every frame the hub sends an agent, by its `type`. */
export const AGENT_FRAME_SCHEMAS = {
  welcome: agentWelcome,
  ack,
  error,
  pong,
  session,
  message: messageFrame,
  read,
  typing,
  'invite.closed': inviteClosed,
  'transfer.offer': transferOffered,
  'transfer.closed': transferClosed,
  visitors,
  agents,
  queue,
  'offline.message': offlineMessageFrame,
} as const;

/** Schema of every server frame by its `type`, whichever role receives it (for tools and tests). */
export const SERVER_FRAME_SCHEMAS = {
  welcome: variant('role', { visitor: visitorWelcome, agent: agentWelcome }),
  ack,
  error,
  pong,
  availability: availabilityFrame,
  session,
  message: messageFrame,
  read,
  typing,
  invite: inviteFrame,
  'invite.closed': inviteClosed,
  'page.push': pagePush,
  'rating.request': ratingRequest,
  'transfer.offer': transferOffered,
  'transfer.closed': transferClosed,
  visitors,
  agents,
  queue,
  'offline.message': offlineMessageFrame,
} as const;

// ── `ack.result` by command, for the commands that return something ─────────

const withSession = object({ session: sessionInfo });
const messageResult = object({ message });
const historyResult = object({ messages: array(message) });
const inviteAnswered = object({ session: optional(sessionInfo) });
const offlineLeft = object({ offlineMessage });
const inviteSent = object({ invite });
const transferOfferResult = object({ transfer: transferOffer });
const visitorDetail = object({
  visitor: visitorInfo,
  pageViews: array(pageView),
  sessions: array(sessionInfo),
});
const visitorCard = object({ visitor: visitorInfo });

/** Schemas of `ack.result` for the visitor's commands. */
export const VISITOR_ACK_SCHEMAS = {
  'chat.request': withSession,
  'message.send': messageResult,
  'invite.answer': inviteAnswered,
  'session.end': withSession,
  'session.rate': withSession,
  'offline.leave': offlineLeft,
  'session.history': historyResult,
} as const;

/** Schemas of `ack.result` for the agent's commands. */
export const AGENT_ACK_SCHEMAS = {
  'message.send': messageResult,
  'session.end': withSession,
  'session.history': historyResult,
  'session.accept': withSession,
  'invite.send': inviteSent,
  'transfer.offer': transferOfferResult,
  'transfer.answer': withSession,
  'session.evaluate': withSession,
  'visitor.detail': visitorDetail,
  'visitor.card': visitorCard,
} as const;

/** Schemas of `ack.result` by command, for every command that returns something. */
export const ACK_RESULT_SCHEMAS = {
  'chat.request': withSession,
  'message.send': messageResult,
  'invite.answer': inviteAnswered,
  'session.end': withSession,
  'session.rate': withSession,
  'offline.leave': offlineLeft,
  'session.history': historyResult,
  'session.accept': withSession,
  'invite.send': inviteSent,
  'transfer.offer': transferOfferResult,
  'transfer.answer': withSession,
  'session.evaluate': withSession,
  'visitor.detail': visitorDetail,
  'visitor.card': visitorCard,
} as const;
