/** valibot schemas of the protocol's records; each is checked against its type in `check-types.ts`. */
import * as v from 'valibot';
import { LIMITS } from '../limits.js';
import { AGENT_STATUSES, AVAILABILITIES, ROLES, SESSION_STATES } from '../model.js';

/**
 * A rule on a value, reported the way valibot's own actions are (`Invalid value:
 * Expected … but received …`). Numeric bounds and non-emptiness are stated with
 * it rather than with valibot's `integer`, `minValue`, `maxValue`, `finite` and
 * `minLength`: every kind of action brings its own code into the clients'
 * bundles, and one kind does the work of five.
 */
export const rule = <T>(test: (value: T) => boolean, expected: string) =>
  v.check<T, (issue: v.CheckIssue<T>) => string>(
    test,
    (issue) => `Invalid value: Expected ${expected} but received ${issue.received}`,
  );

/** An integer from `min` to `max` (inclusive). */
export const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.pipe(
    v.number(),
    rule<number>(
      (n) => Number.isInteger(n) && n >= min && n <= max,
      max === Number.MAX_SAFE_INTEGER ? `an integer >=${min}` : `an integer from ${min} to ${max}`,
    ),
  );

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const nonEmptyText = (max: number) => v.pipe(text(max), rule<string>((s) => s !== '', 'a non-empty string'));
export const id = text(LIMITS.id);
export const nonEmptyId = nonEmptyText(LIMITS.id);
export const count = integer(0);
export const time = v.pipe(v.number(), rule<number>(Number.isFinite, 'a finite number'));
export const shortText = text(LIMITS.shortText);
export const longText = text(LIMITS.longText);
export const messageText = text(LIMITS.messageText);
export const url = text(LIMITS.url);

/** Keys `v.record` would silently drop; a map holding one is refused instead. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * A JSON object used as a map. Unlike bare `v.record`, it refuses arrays and
 * reserved keys rather than quietly taking or dropping them.
 */
export const record = <K extends v.GenericSchema<string, string>, V extends v.GenericSchema>(key: K, value: V) =>
  v.pipe(
    v.unknown(),
    v.check(
      (input) =>
        typeof input === 'object' &&
        input !== null &&
        !Array.isArray(input) &&
        !RESERVED_KEYS.some((reserved) => Object.hasOwn(input, reserved)),
      'Invalid type: Expected an object without __proto__, constructor or prototype keys',
    ),
    v.record(key, value),
  );

export const stringRecord = v.pipe(
  record(shortText, longText),
  v.check((r) => Object.keys(r).length <= LIMITS.formFields, 'too many fields'),
);

export const agentStatus = v.picklist(AGENT_STATUSES);
export const availability = v.picklist(AVAILABILITIES);
export const sessionState = v.picklist(SESSION_STATES);
export const role = v.picklist(ROLES);

export const author = v.object({
  kind: v.picklist(['visitor', 'agent', 'system']),
  id,
  name: v.optional(shortText),
});

export const attachment = v.object({
  id: nonEmptyId,
  name: shortText,
  type: shortText,
  size: count,
  url,
  thumbnailUrl: v.optional(url),
});
export const attachments = v.pipe(v.array(attachment), v.maxLength(LIMITS.attachments));

export const message = v.object({
  id,
  sessionId: id,
  clientId: id,
  seq: count,
  author,
  at: time,
  text: v.optional(messageText),
  attachments: v.optional(attachments),
});

export const rating = v.object({
  score: integer(1, 5),
  comment: v.optional(longText),
});

export const evaluation = v.object({
  topic: v.optional(shortText),
  level: v.optional(shortText),
  category: v.optional(shortText),
  notes: v.optional(longText),
});

export const sessionInfo = v.object({
  id,
  siteId: id,
  visitorId: id,
  state: sessionState,
  agentId: v.optional(id),
  agentName: v.optional(shortText),
  groupId: v.optional(id),
  fields: stringRecord,
  createdAt: time,
  acceptedAt: v.optional(time),
  endedAt: v.optional(time),
  queuePosition: v.optional(count),
  lastSeq: count,
  readSeq: v.object({ visitor: count, agent: count }),
  rating: v.optional(rating),
  evaluation: v.optional(evaluation),
});

export const pageView = v.object({
  url,
  title: text(LIMITS.title),
  referrer: v.optional(url),
  searchEngine: v.optional(shortText),
  keyword: v.optional(shortText),
  at: time,
  dwellMs: count,
});

export const memberInfo = v.object({
  id: shortText,
  name: v.optional(shortText),
  email: v.optional(shortText),
  verified: v.boolean(),
});

export const visitorInfo = v.object({
  id,
  siteId: id,
  online: v.boolean(),
  name: v.optional(shortText),
  member: v.optional(memberInfo),
  visitCount: count,
  ip: v.optional(shortText),
  location: v.optional(shortText),
  language: v.optional(shortText),
  userAgent: v.optional(longText),
  enteredAt: time,
  leftAt: v.optional(time),
  referrer: v.optional(url),
  searchEngine: v.optional(shortText),
  keyword: v.optional(shortText),
  currentPage: v.optional(pageView),
  pageViews: count,
  sessionId: v.optional(id),
  sessionState: v.optional(sessionState),
  agentId: v.optional(id),
  waitingSince: v.optional(time),
  lastMessage: v.optional(v.object({ text: messageText, at: time })),
  card: v.optional(stringRecord),
});

export const agentInfo = v.object({
  id,
  siteId: id,
  name: shortText,
  role,
  groups: v.array(id),
  // Spelled out: a spread here would keep this schema in bundles that never use it.
  status: v.picklist(['online', 'busy', 'away', 'invisible', 'offline']),
  capacity: count,
  load: count,
});

export const groupInfo = v.object({ id, name: shortText });

export const invite = v.object({
  id,
  visitorId: id,
  agentId: v.optional(id),
  agentName: v.optional(shortText),
  message: longText,
  proactive: v.boolean(),
  rule: v.optional(shortText),
  createdAt: time,
  expiresAt: time,
});

export const transferOffer = v.object({
  id,
  sessionId: id,
  fromAgentId: id,
  fromAgentName: v.optional(shortText),
  toAgentId: id,
  toGroupId: v.optional(id),
  note: v.optional(longText),
  expiresAt: time,
  session: sessionInfo,
  history: v.array(message),
});

export const formField = v.object({
  name: shortText,
  label: shortText,
  kind: v.picklist(['text', 'email', 'tel', 'textarea', 'select']),
  required: v.boolean(),
  options: v.optional(
    v.array(v.object({ value: shortText, label: shortText, groupId: v.optional(id) })),
  ),
});

export const offlineMessage = v.object({
  id,
  siteId: id,
  visitorId: id,
  fields: stringRecord,
  createdAt: time,
  replied: v.boolean(),
});

export const visitorSettings = v.object({
  typingPreview: v.boolean(),
  pushOrigins: v.array(url),
  preChatFields: v.array(formField),
  offlineFields: v.array(formField),
  texts: record(shortText, longText),
  theme: record(shortText, shortText),
});

export const signedMember = v.object({
  data: longText,
  signature: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/i)),
});
