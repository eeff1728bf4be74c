/** Schemas of the frames clients send; the hub decodes with these. */
import * as v from 'valibot';
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
  record,
  shortText,
  signedMember,
  stringRecord,
  text,
  time,
  url,
} from './model.js';

const ref = nonEmptyId;
const resume = v.optional(
  v.pipe(
    record(id, count),
    v.check((r) => Object.keys(r).length <= LIMITS.resumeSessions, 'too many sessions to resume'),
  ),
);

export const visitorHello = v.object({
  type: v.literal('hello'),
  v: count,
  role: v.literal('visitor'),
  siteId: nonEmptyId,
  token: v.optional(longText),
  member: v.optional(signedMember),
  language: v.optional(shortText),
  userAgent: v.optional(longText),
  resume,
});

export const agentHello = v.object({
  type: v.literal('hello'),
  v: count,
  role: v.literal('agent'),
  token: nonEmptyText(LIMITS.longText),
  resume,
});

export const hello = v.variant('role', [visitorHello, agentHello]);

export const ping = v.object({ type: v.literal('ping'), t: time });

export const pageView = v.object({
  type: v.literal('page.view'),
  url,
  title: text(LIMITS.title),
  referrer: v.optional(url),
});

export const pageVisibility = v.object({ type: v.literal('page.visibility'), hidden: v.boolean() });

export const chatRequest = v.object({
  type: v.literal('chat.request'),
  ref,
  fields: stringRecord,
  groupId: v.optional(id),
});

export const messageSend = v.pipe(
  v.object({
    type: v.literal('message.send'),
    ref,
    sessionId: nonEmptyId,
    clientId: nonEmptyId,
    text: v.optional(messageText),
    attachments: v.optional(attachments),
  }),
  v.check(
    (f) => (f.text?.trim().length ?? 0) > 0 || (f.attachments?.length ?? 0) > 0,
    'a message needs text or an attachment',
  ),
);

export const messageRead = v.object({
  type: v.literal('message.read'),
  sessionId: nonEmptyId,
  seq: count,
});

export const typing = v.object({
  type: v.literal('typing'),
  sessionId: nonEmptyId,
  draft: text(LIMITS.draft),
});

export const inviteAnswer = v.object({
  type: v.literal('invite.answer'),
  ref,
  inviteId: nonEmptyId,
  accept: v.boolean(),
});

export const sessionEnd = v.object({ type: v.literal('session.end'), ref, sessionId: nonEmptyId });

export const sessionRate = v.object({
  type: v.literal('session.rate'),
  ref,
  sessionId: nonEmptyId,
  score: integer(1, 5),
  comment: v.optional(longText),
});

export const offlineLeave = v.object({ type: v.literal('offline.leave'), ref, fields: stringRecord });

export const sessionHistory = v.object({
  type: v.literal('session.history'),
  ref,
  sessionId: nonEmptyId,
  beforeSeq: v.optional(count),
  afterSeq: v.optional(count),
  limit: v.optional(integer(1, LIMITS.historyPage)),
});

export const presenceSet = v.object({ type: v.literal('presence.set'), ref, status: agentStatus });

export const visitorsWatch = v.object({ type: v.literal('visitors.watch'), ref, watch: v.boolean() });

export const sessionAccept = v.object({ type: v.literal('session.accept'), ref, sessionId: nonEmptyId });

export const inviteSend = v.object({
  type: v.literal('invite.send'),
  ref,
  visitorId: nonEmptyId,
  message: v.optional(longText),
  proactive: v.boolean(),
});

export const pagePush = v.object({ type: v.literal('page.push'), ref, visitorId: nonEmptyId, url });

export const transferOffer = v.pipe(
  v.object({
    type: v.literal('transfer.offer'),
    ref,
    sessionId: nonEmptyId,
    toAgentId: v.optional(nonEmptyId),
    toGroupId: v.optional(nonEmptyId),
    note: v.optional(longText),
  }),
  v.check(
    (f) => (f.toAgentId === undefined) !== (f.toGroupId === undefined),
    'a transfer goes to exactly one of toAgentId or toGroupId',
  ),
);

export const transferAnswer = v.object({
  type: v.literal('transfer.answer'),
  ref,
  transferId: nonEmptyId,
  accept: v.boolean(),
});

export const sessionEvaluate = v.object({
  type: v.literal('session.evaluate'),
  ref,
  sessionId: nonEmptyId,
  evaluation,
});

export const ratingRequest = v.object({ type: v.literal('rating.request'), ref, sessionId: nonEmptyId });

export const visitorDetail = v.object({ type: v.literal('visitor.detail'), ref, visitorId: nonEmptyId });

export const visitorCard = v.object({
  type: v.literal('visitor.card'),
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
