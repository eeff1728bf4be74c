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
  token: text(LIMITS.longText),
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

// ── frames both roles receive ───────────────────────────────────────────────

const side = v.picklist(['visitor', 'agent']);

const COMMON_FRAME_SCHEMAS = {
  ack: v.object({ type: v.literal('ack'), ref: nonEmptyId, result: v.record(v.string(), v.unknown()) }),
  error: v.object({
    type: v.literal('error'),
    ref: v.optional(nonEmptyId),
    code: v.picklist(Object.values(ERROR_CODES)),
    message: text(LIMITS.longText),
    fatal: v.optional(v.boolean()),
  }),
  pong: v.object({ type: v.literal('pong'), t: time }),
  session: v.object({ type: v.literal('session'), session: sessionInfo }),
  message: v.object({ type: v.literal('message'), message }),
  read: v.object({ type: v.literal('read'), sessionId: id, side, seq: count }),
  typing: v.object({
    type: v.literal('typing'),
    sessionId: id,
    side,
    draft: v.optional(text(LIMITS.draft)),
    active: v.boolean(),
  }),
  'invite.closed': v.object({
    type: v.literal('invite.closed'),
    inviteId: id,
    visitorId: id,
    reason: v.picklist(['accepted', 'declined', 'expired']),
  }),
} as const;

/**
 * Schema of every frame the hub sends a visitor, by its `type`. Agent-only
 * frames are not here: a visitor that received one would report `unknown_type`.
 */
export const VISITOR_FRAME_SCHEMAS = {
  ...COMMON_FRAME_SCHEMAS,
  welcome: visitorWelcome,
  availability: v.object({ type: v.literal('availability'), status: availability }),
  invite: v.object({ type: v.literal('invite'), invite }),
  'page.push': v.object({ type: v.literal('page.push'), url }),
  'rating.request': v.object({ type: v.literal('rating.request'), sessionId: id }),
} as const;

/** Schema of every frame the hub sends an agent, by its `type`. */
export const AGENT_FRAME_SCHEMAS = {
  ...COMMON_FRAME_SCHEMAS,
  welcome: agentWelcome,
  'transfer.offer': v.object({ type: v.literal('transfer.offer'), transfer: transferOffer }),
  'transfer.closed': v.object({
    type: v.literal('transfer.closed'),
    transferId: id,
    sessionId: id,
    outcome: v.picklist(['accepted', 'declined', 'timeout', 'cancelled']),
    toAgentId: id,
  }),
  visitors: v.object({ type: v.literal('visitors'), ...changes(visitorInfo) }),
  agents: v.object({ type: v.literal('agents'), ...changes(agentInfo) }),
  queue: v.object({ type: v.literal('queue'), sessions: v.array(sessionInfo) }),
  'offline.message': v.object({ type: v.literal('offline.message'), offlineMessage }),
} as const;

/** Schema of every server frame by its `type`, whichever role receives it (for tools and tests). */
export const SERVER_FRAME_SCHEMAS = {
  ...VISITOR_FRAME_SCHEMAS,
  ...AGENT_FRAME_SCHEMAS,
  welcome: v.variant('role', [visitorWelcome, agentWelcome]),
} as const;

// ── `ack.result` by command, for the commands that return something ─────────

const COMMON_ACK_SCHEMAS = {
  'message.send': v.object({ message }),
  'session.end': v.object({ session: sessionInfo }),
  'session.history': v.object({ messages: v.array(message) }),
} as const;

/** Schemas of `ack.result` for the visitor's commands. */
export const VISITOR_ACK_SCHEMAS = {
  ...COMMON_ACK_SCHEMAS,
  'chat.request': v.object({ session: sessionInfo }),
  'invite.answer': v.object({ session: v.optional(sessionInfo) }),
  'session.rate': v.object({ session: sessionInfo }),
  'offline.leave': v.object({ offlineMessage }),
} as const;

/** Schemas of `ack.result` for the agent's commands. */
export const AGENT_ACK_SCHEMAS = {
  ...COMMON_ACK_SCHEMAS,
  'session.accept': v.object({ session: sessionInfo }),
  'invite.send': v.object({ invite }),
  'transfer.offer': v.object({ transfer: transferOffer }),
  'transfer.answer': v.object({ session: sessionInfo }),
  'session.evaluate': v.object({ session: sessionInfo }),
  'visitor.detail': v.object({
    visitor: visitorInfo,
    pageViews: v.array(pageView),
    sessions: v.array(sessionInfo),
  }),
  'visitor.card': v.object({ visitor: visitorInfo }),
} as const;

/** Schemas of `ack.result` by command, for every command that returns something. */
export const ACK_RESULT_SCHEMAS = { ...VISITOR_ACK_SCHEMAS, ...AGENT_ACK_SCHEMAS } as const;
