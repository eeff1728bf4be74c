/** Schemas of the protocol's records; each is checked against its type in `check-types.ts`. */
import { LIMITS } from '../limits.js';
import { AGENT_STATUSES, AVAILABILITIES, ROLES, SESSION_STATES } from '../model.js';
import { array, boolean, check, maxLength, number, object, optional, picklist, record, regex, rule, string } from './validator.js';

/** An integer from `min` to `max` (inclusive). */
export const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  rule(
    number,
    (n) => Number.isInteger(n) && n >= min && n <= max,
    max === Number.MAX_SAFE_INTEGER ? `an integer >=${min}` : `an integer from ${min} to ${max}`,
  );

export const text = (max: number) => maxLength(string, max);
export const nonEmptyText = (max: number) => rule(text(max), (s) => s !== '', 'a non-empty string');
export const id = text(LIMITS.id);
export const nonEmptyId = nonEmptyText(LIMITS.id);
export const count = integer(0);
export const time = rule(number, Number.isFinite, 'a finite number');
export const shortText = text(LIMITS.shortText);
export const longText = text(LIMITS.longText);
export const messageText = text(LIMITS.messageText);
export const url = text(LIMITS.url);

export const stringRecord = check(
  record(shortText, longText),
  (r) => Object.keys(r).length <= LIMITS.formFields,
  'too many fields',
);

export const agentStatus = picklist(AGENT_STATUSES);
export const availability = picklist(AVAILABILITIES);
export const sessionState = picklist(SESSION_STATES);
export const role = picklist(ROLES);

export const author = object({
  kind: picklist(['visitor', 'agent', 'system']),
  id,
  name: optional(shortText),
});

export const attachment = object({
  id: nonEmptyId,
  name: shortText,
  type: shortText,
  size: count,
  url,
  thumbnailUrl: optional(url),
});
export const attachments = maxLength(array(attachment), LIMITS.attachments);

export const message = object({
  id,
  sessionId: id,
  clientId: id,
  seq: count,
  author,
  at: time,
  text: optional(messageText),
  attachments: optional(attachments),
});

export const rating = object({
  score: integer(1, 5),
  comment: optional(longText),
});

export const evaluation = object({
  topic: optional(shortText),
  level: optional(shortText),
  category: optional(shortText),
  notes: optional(longText),
});

export const sessionInfo = object({
  id,
  siteId: id,
  visitorId: id,
  state: sessionState,
  agentId: optional(id),
  agentName: optional(shortText),
  groupId: optional(id),
  fields: stringRecord,
  createdAt: time,
  acceptedAt: optional(time),
  endedAt: optional(time),
  queuePosition: optional(count),
  lastSeq: count,
  readSeq: object({ visitor: count, agent: count }),
  rating: optional(rating),
  evaluation: optional(evaluation),
});

export const pageView = object({
  url,
  title: text(LIMITS.title),
  referrer: optional(url),
  searchEngine: optional(shortText),
  keyword: optional(shortText),
  at: time,
  dwellMs: count,
});

export const memberInfo = object({
  id: shortText,
  name: optional(shortText),
  email: optional(shortText),
  verified: boolean,
});

export const visitorInfo = object({
  id,
  siteId: id,
  online: boolean,
  name: optional(shortText),
  member: optional(memberInfo),
  visitCount: count,
  ip: optional(shortText),
  location: optional(shortText),
  language: optional(shortText),
  userAgent: optional(longText),
  enteredAt: time,
  leftAt: optional(time),
  referrer: optional(url),
  searchEngine: optional(shortText),
  keyword: optional(shortText),
  currentPage: optional(pageView),
  pageViews: count,
  sessionId: optional(id),
  sessionState: optional(sessionState),
  agentId: optional(id),
  waitingSince: optional(time),
  lastMessage: optional(object({ text: messageText, at: time })),
  card: optional(stringRecord),
});

export const agentInfo = object({
  id,
  siteId: id,
  name: shortText,
  role,
  groups: array(id),
  // Spelled out: a spread here would keep this schema in bundles that never use it.
  status: picklist(['online', 'busy', 'away', 'invisible', 'offline']),
  capacity: count,
  load: count,
});

export const groupInfo = object({ id, name: shortText });

export const invite = object({
  id,
  visitorId: id,
  agentId: optional(id),
  agentName: optional(shortText),
  message: longText,
  proactive: boolean,
  rule: optional(shortText),
  createdAt: time,
  expiresAt: time,
});

export const transferOffer = object({
  id,
  sessionId: id,
  fromAgentId: id,
  fromAgentName: optional(shortText),
  toAgentId: id,
  toGroupId: optional(id),
  note: optional(longText),
  expiresAt: time,
  session: sessionInfo,
  history: array(message),
});

export const formField = object({
  name: shortText,
  label: shortText,
  kind: picklist(['text', 'email', 'tel', 'textarea', 'select']),
  required: boolean,
  options: optional(
    array(object({ value: shortText, label: shortText, groupId: optional(id) })),
  ),
});

export const offlineMessage = object({
  id,
  siteId: id,
  visitorId: id,
  fields: stringRecord,
  labels: optional(stringRecord),
  createdAt: time,
  replied: boolean,
});

export const visitorSettings = object({
  typingPreview: boolean,
  pushOrigins: array(url),
  preChatFields: array(formField),
  offlineFields: array(formField),
  texts: record(shortText, longText),
  theme: record(shortText, shortText),
});

export const signedMember = object({
  data: longText,
  signature: regex(/^[0-9a-f]{64}$/i),
});
