/** Schemas of the frames the hub sends; clients decode with these. */
import * as v from 'valibot';
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

const visitorWelcome = v.object({
  type: v.literal('welcome'),
  v: count,
  role: v.literal('visitor'),
  visitorId: id,
  token: longText,
  visitCount: count,
  settings: visitorSettings,
  availability,
  sessions: v.array(sessionInfo),
  invites: v.array(invite),
});

const agentWelcome = v.object({
  type: v.literal('welcome'),
  v: count,
  role: v.literal('agent'),
  agent: agentInfo,
  permissions: v.array(shortText),
  agents: v.array(agentInfo),
  groups: v.array(groupInfo),
  sessions: v.array(sessionInfo),
  queue: v.array(sessionInfo),
  transfers: v.array(transferOffer),
});

const changes = <T extends v.GenericSchema>(item: T) => ({
  added: v.array(item),
  updated: v.array(item),
  removed: v.array(id),
});

const side = v.picklist(['visitor', 'agent']);

const ack = v.object({ type: v.literal('ack'), ref: nonEmptyId, result: v.record(v.string(), v.unknown()) });
const error = v.object({
  type: v.literal('error'),
  ref: v.optional(nonEmptyId),
  code: v.picklist(Object.values(ERROR_CODES)),
  message: longText,
  fatal: v.optional(v.boolean()),
});
const pong = v.object({ type: v.literal('pong'), t: time });
const session = v.object({ type: v.literal('session'), session: sessionInfo });
const messageFrame = v.object({ type: v.literal('message'), message });
const read = v.object({ type: v.literal('read'), sessionId: id, side, seq: count });
const typing = v.object({
  type: v.literal('typing'),
  sessionId: id,
  side,
  draft: v.optional(text(LIMITS.draft)),
  active: v.boolean(),
});
const inviteClosed = v.object({
  type: v.literal('invite.closed'),
  inviteId: id,
  visitorId: id,
  reason: v.picklist(['accepted', 'declined', 'expired']),
});
const availabilityFrame = v.object({ type: v.literal('availability'), status: availability });
const inviteFrame = v.object({ type: v.literal('invite'), invite });
const pagePush = v.object({ type: v.literal('page.push'), url });
const ratingRequest = v.object({ type: v.literal('rating.request'), sessionId: id });
const transferOffered = v.object({ type: v.literal('transfer.offer'), transfer: transferOffer });
const transferClosed = v.object({
  type: v.literal('transfer.closed'),
  transferId: id,
  sessionId: id,
  outcome: v.picklist(['accepted', 'declined', 'timeout', 'cancelled']),
  toAgentId: id,
});
const visitors = v.object({ type: v.literal('visitors'), ...changes(visitorInfo) });
const agents = v.object({ type: v.literal('agents'), ...changes(agentInfo) });
const queue = v.object({ type: v.literal('queue'), sessions: v.array(sessionInfo) });
const offlineMessageFrame = v.object({ type: v.literal('offline.message'), offlineMessage });

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
  welcome: v.variant('role', [visitorWelcome, agentWelcome]),
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

const withSession = v.object({ session: sessionInfo });
const messageResult = v.object({ message });
const historyResult = v.object({ messages: v.array(message) });
const inviteAnswered = v.object({ session: v.optional(sessionInfo) });
const offlineLeft = v.object({ offlineMessage });
const inviteSent = v.object({ invite });
const transferOfferResult = v.object({ transfer: transferOffer });
const visitorDetail = v.object({
  visitor: visitorInfo,
  pageViews: v.array(pageView),
  sessions: v.array(sessionInfo),
});
const visitorCard = v.object({ visitor: visitorInfo });

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
