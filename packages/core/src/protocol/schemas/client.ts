/** Schemas of the frames clients send; the hub decodes with these. */
import { LIMITS } from '../limits.js';
import {
  agentStatus,
  attachments,
  count,
  evaluation,
  id,
  integer,
  longText,
  messageText,
  nonEmptyId,
  nonEmptyText,
  shortText,
  signedMember,
  stringRecord,
  text,
  time,
  url,
} from './model.js';
import { boolean, check, literal, object, optional, record, variant } from './validator.js';

const ref = nonEmptyId;
const resume = optional(
  check(record(id, count), (r) => Object.keys(r).length <= LIMITS.resumeSessions, 'too many sessions to resume'),
);

export const visitorHello = object({
  type: literal('hello'),
  v: count,
  role: literal('visitor'),
  siteId: nonEmptyId,
  token: optional(longText),
  member: optional(signedMember),
  language: optional(shortText),
  userAgent: optional(longText),
  resume,
});

export const agentHello = object({
  type: literal('hello'),
  v: count,
  role: literal('agent'),
  token: nonEmptyText(LIMITS.longText),
  resume,
});

export const hello = variant('role', { visitor: visitorHello, agent: agentHello });

export const ping = object({ type: literal('ping'), t: time });

export const pageView = object({
  type: literal('page.view'),
  url,
  title: text(LIMITS.title),
  referrer: optional(url),
});

export const pageVisibility = object({ type: literal('page.visibility'), hidden: boolean });

export const chatRequest = object({
  type: literal('chat.request'),
  ref,
  fields: stringRecord,
  groupId: optional(id),
});

export const messageSend = check(
  object({
    type: literal('message.send'),
    ref,
    sessionId: nonEmptyId,
    clientId: nonEmptyId,
    text: optional(messageText),
    attachments: optional(attachments),
  }),
  (f) => (f.text?.trim().length ?? 0) > 0 || (f.attachments?.length ?? 0) > 0,
  'a message needs text or an attachment',
);

export const messageRead = object({
  type: literal('message.read'),
  sessionId: nonEmptyId,
  seq: count,
});

export const typing = object({
  type: literal('typing'),
  sessionId: nonEmptyId,
  draft: text(LIMITS.draft),
});

export const inviteAnswer = object({
  type: literal('invite.answer'),
  ref,
  inviteId: nonEmptyId,
  accept: boolean,
});

export const sessionEnd = object({ type: literal('session.end'), ref, sessionId: nonEmptyId });

export const sessionRate = object({
  type: literal('session.rate'),
  ref,
  sessionId: nonEmptyId,
  score: integer(1, 5),
  comment: optional(longText),
});

export const offlineLeave = object({ type: literal('offline.leave'), ref, fields: stringRecord });

export const sessionHistory = object({
  type: literal('session.history'),
  ref,
  sessionId: nonEmptyId,
  beforeSeq: optional(count),
  afterSeq: optional(count),
  limit: optional(integer(1, LIMITS.historyPage)),
});

export const presenceSet = object({ type: literal('presence.set'), ref, status: agentStatus });

export const visitorsWatch = object({ type: literal('visitors.watch'), ref, watch: boolean });

export const sessionAccept = object({ type: literal('session.accept'), ref, sessionId: nonEmptyId });

export const inviteSend = object({
  type: literal('invite.send'),
  ref,
  visitorId: nonEmptyId,
  message: optional(longText),
  proactive: boolean,
});

export const pagePush = object({ type: literal('page.push'), ref, visitorId: nonEmptyId, url });

export const transferOffer = check(
  object({
    type: literal('transfer.offer'),
    ref,
    sessionId: nonEmptyId,
    toAgentId: optional(nonEmptyId),
    toGroupId: optional(nonEmptyId),
    note: optional(longText),
  }),
  (f) => (f.toAgentId === undefined) !== (f.toGroupId === undefined),
  'a transfer goes to exactly one of toAgentId or toGroupId',
);

export const transferAnswer = object({
  type: literal('transfer.answer'),
  ref,
  transferId: nonEmptyId,
  accept: boolean,
});

export const sessionEvaluate = object({
  type: literal('session.evaluate'),
  ref,
  sessionId: nonEmptyId,
  evaluation,
});

export const ratingRequest = object({ type: literal('rating.request'), ref, sessionId: nonEmptyId });

export const visitorDetail = object({ type: literal('visitor.detail'), ref, visitorId: nonEmptyId });

export const visitorCard = object({
  type: literal('visitor.card'),
  ref,
  visitorId: nonEmptyId,
  card: stringRecord,
});

/** Schema of every client frame by its `type`. */
export const CLIENT_FRAME_SCHEMAS = {
  hello,
  ping,
  'page.view': pageView,
  'page.visibility': pageVisibility,
  'chat.request': chatRequest,
  'message.send': messageSend,
  'message.read': messageRead,
  typing,
  'invite.answer': inviteAnswer,
  'session.end': sessionEnd,
  'session.rate': sessionRate,
  'offline.leave': offlineLeave,
  'session.history': sessionHistory,
  'presence.set': presenceSet,
  'visitors.watch': visitorsWatch,
  'session.accept': sessionAccept,
  'invite.send': inviteSend,
  'page.push': pagePush,
  'transfer.offer': transferOffer,
  'transfer.answer': transferAnswer,
  'session.evaluate': sessionEvaluate,
  'rating.request': ratingRequest,
  'visitor.detail': visitorDetail,
  'visitor.card': visitorCard,
} as const;
