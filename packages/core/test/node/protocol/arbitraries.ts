/**
 * fast-check arbitraries for Parley's frames: valid client and server frames
 * (typed, so they cannot drift from the frame types), valid ack results, and
 * mutated frames as JSON text. Used by the decoder's fuzz test; the hub's fuzz
 * test reuses them, passing its own ids so commands hit real sessions:
 *
 * ```ts
 * const arbs = frameArbitraries({ ids: { session: fc.constantFrom(...sessionIds) } });
 * fc.assert(fc.property(fc.array(arbs.visitorCommand), async (frames) => { … }));
 * fc.assert(fc.property(mutatedFrame(arbs.clientFrame, CLIENT_FRAME_TYPES), ({ text }) => { … }));
 * ```
 */
import fc from 'fast-check';

import {
  AGENT_STATUSES,
  AVAILABILITIES,
  ERROR_CODES,
  LIMITS,
  PROTOCOL_VERSION,
  ROLES,
  SESSION_STATES,
  type AckResults,
  type AgentCommandFrame,
  type AgentInfo,
  type Attachment,
  type ClientFrame,
  type ClientFrameType,
  type Evaluation,
  type FormField,
  type Invite,
  type Message,
  type OfflineMessage,
  type PageView,
  type ServerFrame,
  type ServerFrameType,
  type SessionInfo,
  type TransferOffer,
  type VisitorCommandFrame,
  type VisitorInfo,
  type VisitorSettings,
} from '../../../src/protocol/index.js';

type ClientOf<K extends ClientFrameType> = Extract<ClientFrame, { type: K }>;
type ServerOf<K extends ServerFrameType> = Extract<ServerFrame, { type: K }>;
type Arbs = Record<string, fc.Arbitrary<unknown>>;
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Obj<R extends Arbs, O extends Arbs> = { [K in keyof R]: ValueOf<R[K]> } & { [K in keyof O]?: ValueOf<O[K]> };

/** An object with every `required` field and any subset of the `optional` ones (absent, never `undefined`). */
function obj<R extends Arbs, O extends Arbs = Record<never, never>>(required: R, optional?: O): fc.Arbitrary<Obj<R, O>> {
  const model: Arbs = { ...required, ...optional };
  return fc.record(model, { requiredKeys: Object.keys(required), noNullPrototype: true }) as fc.Arbitrary<never>;
}

const lit = <T extends string>(value: T) => fc.constant(value);

/** Keys a map may not hold; fast-check likes to generate them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Strings of at most `max` UTF-16 code units: mostly short, sometimes any code point, sometimes exactly `max`. */
export function text(max: number, min = 0): fc.Arbitrary<string> {
  const fit = (s: string) => s.slice(0, max);
  const pad = (s: string) => (s.length >= min ? s : s + 'x'.repeat(min - s.length));
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.string({ maxLength: Math.min(max, 12) }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 12) }).map(fit) },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }).map((s) => (s + 'y'.repeat(max)).slice(0, max)) },
    )
    .map(pad);
}

const short = text(LIMITS.shortText);
const long = text(LIMITS.longText);
const url = text(LIMITS.url);
/** A non-empty id of at most LIMITS.id characters. */
export const anyId = text(LIMITS.id, 1);
export const count = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 1_000 }) },
  { weight: 1, arbitrary: fc.nat() },
  { weight: 1, arbitrary: fc.constant(Number.MAX_SAFE_INTEGER) },
);
/** Finite numbers (times may be anything finite); `-0` becomes `0`, as JSON would make it. */
export const time = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4_102_444_800_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)) },
);
const key = (arb: fc.Arbitrary<string>) => arb.filter((k) => !RESERVED_KEYS.has(k));
/** A form's answers or a customer card: a few string entries. */
export const stringMap = fc.dictionary(key(short), long, { maxKeys: 4, noNullPrototype: true });
const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 64, maxLength: 64 });
const list = <T>(arb: fc.Arbitrary<T>, maxLength = 2) => fc.array(arb, { maxLength });

/** Where ids come from; each defaults to any valid id. */
export interface FrameIds {
  readonly site?: fc.Arbitrary<string>;
  readonly session?: fc.Arbitrary<string>;
  readonly visitor?: fc.Arbitrary<string>;
  readonly agent?: fc.Arbitrary<string>;
  readonly group?: fc.Arbitrary<string>;
  readonly invite?: fc.Arbitrary<string>;
  readonly transfer?: fc.Arbitrary<string>;
  /** `clientId`s and `ref`s. */
  readonly client?: fc.Arbitrary<string>;
}

export interface FrameArbitraryOptions {
  readonly ids?: FrameIds;
  /** Tokens for `hello` (default: any valid token). */
  readonly token?: fc.Arbitrary<string>;
}

/** The types a visitor may send after `hello`, and those an agent may. */
export const VISITOR_COMMAND_TYPES = [
  'ping', 'page.view', 'page.visibility', 'chat.request', 'message.send', 'message.read', 'typing',
  'invite.answer', 'session.end', 'session.rate', 'offline.leave', 'session.history',
] as const satisfies readonly VisitorCommandFrame['type'][];
export const AGENT_COMMAND_TYPES = [
  'ping', 'presence.set', 'visitors.watch', 'session.accept', 'message.send', 'message.read', 'typing',
  'invite.send', 'page.push', 'transfer.offer', 'transfer.answer', 'session.end', 'session.evaluate',
  'rating.request', 'session.history', 'visitor.detail', 'visitor.card',
] as const satisfies readonly AgentCommandFrame['type'][];
// Compile-time: the lists name every command of each actor.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const commandListsComplete: [
  Missing<VisitorCommandFrame['type'], (typeof VISITOR_COMMAND_TYPES)[number]>,
  Missing<AgentCommandFrame['type'], (typeof AGENT_COMMAND_TYPES)[number]>,
] = [true, true];

export interface FrameArbitraries {
  readonly client: { readonly [K in ClientFrameType]: fc.Arbitrary<ClientOf<K>> };
  readonly server: { readonly [K in ServerFrameType]: fc.Arbitrary<ServerOf<K>> };
  readonly ackResults: { readonly [K in keyof AckResults]: fc.Arbitrary<AckResults[K]> };
  /** Any valid client frame, `hello` included. */
  readonly clientFrame: fc.Arbitrary<ClientFrame>;
  readonly visitorCommand: fc.Arbitrary<VisitorCommandFrame>;
  readonly agentCommand: fc.Arbitrary<AgentCommandFrame>;
  readonly serverFrame: fc.Arbitrary<ServerFrame>;
}

/** Arbitraries of every valid frame, drawing ids from `options.ids`. */
export function frameArbitraries(options: FrameArbitraryOptions = {}): FrameArbitraries {
  const ids = options.ids ?? {};
  const site = ids.site ?? anyId;
  const session = ids.session ?? anyId;
  const visitor = ids.visitor ?? anyId;
  const agent = ids.agent ?? anyId;
  const group = ids.group ?? anyId;
  const invite = ids.invite ?? anyId;
  const transfer = ids.transfer ?? anyId;
  const clientId = ids.client ?? anyId;
  const token = options.token ?? text(LIMITS.longText, 1);
  const ref = clientId;

  // Records.
  const attachment: fc.Arbitrary<Attachment> = obj(
    { id: anyId, name: short, type: short, size: count, url },
    { thumbnailUrl: url },
  );
  const author = obj({ kind: fc.constantFrom('visitor', 'agent', 'system'), id: anyId }, { name: short });
  const message: fc.Arbitrary<Message> = obj(
    { id: anyId, sessionId: session, clientId, seq: count, author, at: time },
    { text: text(LIMITS.messageText), attachments: list(attachment, 3) },
  );
  const rating = obj({ score: fc.integer({ min: 1, max: 5 }) }, { comment: long });
  const evaluation: fc.Arbitrary<Evaluation> = obj({}, { topic: short, level: short, category: short, notes: long });
  const sessionInfo: fc.Arbitrary<SessionInfo> = obj(
    {
      id: session,
      siteId: site,
      visitorId: visitor,
      state: fc.constantFrom(...SESSION_STATES),
      fields: stringMap,
      createdAt: time,
      lastSeq: count,
      readSeq: obj({ visitor: count, agent: count }),
    },
    {
      agentId: agent,
      agentName: short,
      groupId: group,
      acceptedAt: time,
      endedAt: time,
      queuePosition: count,
      rating,
      evaluation,
    },
  );
  const pageView: fc.Arbitrary<PageView> = obj(
    { url, title: text(LIMITS.title), at: time, dwellMs: count },
    { referrer: url, searchEngine: short, keyword: short },
  );
  const visitorInfo: fc.Arbitrary<VisitorInfo> = obj(
    { id: visitor, siteId: site, online: fc.boolean(), visitCount: count, enteredAt: time, pageViews: count },
    {
      name: short,
      member: obj({ id: short, verified: fc.boolean() }, { name: short, email: short }),
      ip: short,
      location: short,
      language: short,
      userAgent: long,
      leftAt: time,
      referrer: url,
      searchEngine: short,
      keyword: short,
      currentPage: pageView,
      sessionId: session,
      sessionState: fc.constantFrom(...SESSION_STATES),
      agentId: agent,
      waitingSince: time,
      lastMessage: obj({ text: text(LIMITS.messageText), at: time }),
      card: stringMap,
    },
  );
  const agentInfo: fc.Arbitrary<AgentInfo> = obj({
    id: agent,
    siteId: site,
    name: short,
    role: fc.constantFrom(...ROLES),
    groups: list(group, 3),
    status: fc.constantFrom(...AGENT_STATUSES, 'offline' as const),
    capacity: count,
    load: count,
  });
  const inviteInfo: fc.Arbitrary<Invite> = obj(
    { id: invite, visitorId: visitor, message: long, proactive: fc.boolean(), createdAt: time, expiresAt: time },
    { agentId: agent, agentName: short, rule: short },
  );
  const transferOffer: fc.Arbitrary<TransferOffer> = obj(
    {
      id: transfer,
      sessionId: session,
      fromAgentId: agent,
      toAgentId: agent,
      expiresAt: time,
      session: sessionInfo,
      history: list(message),
    },
    { fromAgentName: short, toGroupId: group, note: long },
  );
  const offlineMessage: fc.Arbitrary<OfflineMessage> = obj(
    {
      id: anyId,
      siteId: site,
      visitorId: visitor,
      fields: stringMap,
      createdAt: time,
      replied: fc.boolean(),
    },
    { labels: stringMap },
  );
  const formField: fc.Arbitrary<FormField> = obj(
    {
      name: short,
      label: short,
      kind: fc.constantFrom('text', 'email', 'tel', 'textarea', 'select'),
      required: fc.boolean(),
    },
    { options: list(obj({ value: short, label: short }, { groupId: group }), 3) },
  );
  const settings: fc.Arbitrary<VisitorSettings> = obj({
    typingPreview: fc.boolean(),
    pushOrigins: list(url),
    preChatFields: list(formField),
    offlineFields: list(formField),
    texts: fc.dictionary(key(short), long, { maxKeys: 3, noNullPrototype: true }),
    theme: fc.dictionary(key(short), short, { maxKeys: 3, noNullPrototype: true }),
  });
  const resume = fc.dictionary(key(session), count, { maxKeys: 3, noNullPrototype: true });
  const version = fc.oneof({ weight: 4, arbitrary: fc.constant(PROTOCOL_VERSION) }, { weight: 1, arbitrary: count });

  const client: FrameArbitraries['client'] = {
    hello: fc.oneof(
      obj(
        { type: lit('hello'), v: version, role: lit('visitor'), siteId: site },
        {
          token,
          member: obj({ data: long, signature: hex64 }),
          language: short,
          userAgent: long,
          resume,
        },
      ),
      obj({ type: lit('hello'), v: version, role: lit('agent'), token }, { resume }),
    ),
    ping: obj({ type: lit('ping'), t: time }),
    'page.view': obj({ type: lit('page.view'), url, title: text(LIMITS.title) }, { referrer: url }),
    'page.visibility': obj({ type: lit('page.visibility'), hidden: fc.boolean() }),
    'chat.request': obj({ type: lit('chat.request'), ref, fields: stringMap }, { groupId: group }),
    'message.send': obj(
      { type: lit('message.send'), ref, sessionId: session, clientId },
      { text: text(LIMITS.messageText), attachments: list(attachment, 3) },
    ).map((frame) =>
      (frame.text?.trim().length ?? 0) > 0 || (frame.attachments?.length ?? 0) > 0 ? frame : { ...frame, text: 'hi' },
    ),
    'message.read': obj({ type: lit('message.read'), sessionId: session, seq: count }),
    typing: obj({ type: lit('typing'), sessionId: session, draft: text(LIMITS.draft) }),
    'invite.answer': obj({ type: lit('invite.answer'), ref, inviteId: invite, accept: fc.boolean() }),
    'session.end': obj({ type: lit('session.end'), ref, sessionId: session }),
    'session.rate': obj(
      { type: lit('session.rate'), ref, sessionId: session, score: fc.integer({ min: 1, max: 5 }) },
      { comment: long },
    ),
    'offline.leave': obj({ type: lit('offline.leave'), ref, fields: stringMap }),
    'session.history': obj(
      { type: lit('session.history'), ref, sessionId: session },
      { beforeSeq: count, afterSeq: count, limit: fc.integer({ min: 1, max: LIMITS.historyPage }) },
    ),
    'presence.set': obj({ type: lit('presence.set'), ref, status: fc.constantFrom(...AGENT_STATUSES) }),
    'visitors.watch': obj({ type: lit('visitors.watch'), ref, watch: fc.boolean() }),
    'session.accept': obj({ type: lit('session.accept'), ref, sessionId: session }),
    'invite.send': obj(
      { type: lit('invite.send'), ref, visitorId: visitor, proactive: fc.boolean() },
      { message: long },
    ),
    'page.push': obj({ type: lit('page.push'), ref, visitorId: visitor, url }),
    'transfer.offer': fc
      .tuple(
        obj({ type: lit('transfer.offer'), ref, sessionId: session }, { note: long }),
        fc.oneof(obj({ toAgentId: agent }), obj({ toGroupId: group })),
      )
      .map(([frame, target]) => ({ ...frame, ...target })),
    'transfer.answer': obj({ type: lit('transfer.answer'), ref, transferId: transfer, accept: fc.boolean() }),
    'session.evaluate': obj({ type: lit('session.evaluate'), ref, sessionId: session, evaluation }),
    'rating.request': obj({ type: lit('rating.request'), ref, sessionId: session }),
    'visitor.detail': obj({ type: lit('visitor.detail'), ref, visitorId: visitor }),
    'visitor.card': obj({ type: lit('visitor.card'), ref, visitorId: visitor, card: stringMap }),
  };

  const ackResults: FrameArbitraries['ackResults'] = {
    'chat.request': obj({ session: sessionInfo }),
    'message.send': obj({ message }),
    'invite.answer': obj({}, { session: sessionInfo }),
    'session.end': obj({ session: sessionInfo }),
    'session.rate': obj({ session: sessionInfo }),
    'offline.leave': obj({ offlineMessage }),
    'session.history': obj({ messages: list(message, 4) }),
    'session.accept': obj({ session: sessionInfo }),
    'invite.send': obj({ invite: inviteInfo }),
    'transfer.offer': obj({ transfer: transferOffer }),
    'transfer.answer': obj({ session: sessionInfo }),
    'session.evaluate': obj({ session: sessionInfo }),
    'visitor.detail': obj({ visitor: visitorInfo, pageViews: list(pageView, 3), sessions: list(sessionInfo) }),
    'visitor.card': obj({ visitor: visitorInfo }),
  };

  const changes = <T>(item: fc.Arbitrary<T>) => ({ added: list(item), updated: list(item), removed: list(anyId, 3) });
  const side = fc.constantFrom('visitor', 'agent');
  const server: FrameArbitraries['server'] = {
    welcome: fc.oneof(
      obj({
        type: lit('welcome'),
        v: version,
        role: lit('visitor'),
        visitorId: visitor,
        token: long,
        visitCount: count,
        settings,
        availability: fc.constantFrom(...AVAILABILITIES),
        sessions: list(sessionInfo),
        invites: list(inviteInfo),
      }),
      obj({
        type: lit('welcome'),
        v: version,
        role: lit('agent'),
        agent: agentInfo,
        permissions: list(short, 4),
        agents: list(agentInfo),
        groups: list(obj({ id: group, name: short })),
        sessions: list(sessionInfo),
        queue: list(sessionInfo),
        transfers: list(transferOffer, 1),
      }),
    ),
    ack: obj({
      type: lit('ack'),
      ref,
      result: fc.oneof(fc.constant({}), ...(Object.values(ackResults) as fc.Arbitrary<Record<string, unknown>>[])),
    }),
    error: obj(
      { type: lit('error'), code: fc.constantFrom(...Object.values(ERROR_CODES)), message: long },
      { ref, fatal: fc.boolean() },
    ),
    pong: obj({ type: lit('pong'), t: time }),
    availability: obj({ type: lit('availability'), status: fc.constantFrom(...AVAILABILITIES) }),
    session: obj({ type: lit('session'), session: sessionInfo }),
    message: obj({ type: lit('message'), message }),
    read: obj({ type: lit('read'), sessionId: session, side, seq: count }),
    typing: obj({ type: lit('typing'), sessionId: session, side, active: fc.boolean() }, { draft: text(LIMITS.draft) }),
    invite: obj({ type: lit('invite'), invite: inviteInfo }),
    'invite.closed': obj({
      type: lit('invite.closed'),
      inviteId: invite,
      visitorId: visitor,
      reason: fc.constantFrom('accepted', 'declined', 'expired'),
    }),
    'page.push': obj({ type: lit('page.push'), url }),
    'rating.request': obj({ type: lit('rating.request'), sessionId: session }),
    'transfer.offer': obj({ type: lit('transfer.offer'), transfer: transferOffer }),
    'transfer.closed': obj({
      type: lit('transfer.closed'),
      transferId: transfer,
      sessionId: session,
      outcome: fc.constantFrom('accepted', 'declined', 'timeout', 'cancelled'),
      toAgentId: agent,
    }),
    visitors: obj({ type: lit('visitors'), ...changes(visitorInfo) }),
    agents: obj({ type: lit('agents'), ...changes(agentInfo) }),
    queue: obj({ type: lit('queue'), sessions: list(sessionInfo, 3) }),
    'offline.message': obj({ type: lit('offline.message'), offlineMessage }),
  };

  const pick = <F>(table: object, types: readonly string[]) =>
    fc.oneof(...types.map((type) => (table as Record<string, fc.Arbitrary<F>>)[type]!));
  return {
    client,
    server,
    ackResults,
    clientFrame: pick<ClientFrame>(client, Object.keys(client)),
    visitorCommand: pick<VisitorCommandFrame>(client, VISITOR_COMMAND_TYPES),
    agentCommand: pick<AgentCommandFrame>(client, AGENT_COMMAND_TYPES),
    serverFrame: pick<ServerFrame>(server, Object.keys(server)),
  };
}

/** The default arbitraries: any valid ids. */
export const arbitraries = frameArbitraries();
export const CLIENT_FRAME_TYPES = Object.keys(arbitraries.client) as ClientFrameType[];
export const SERVER_FRAME_TYPES = Object.keys(arbitraries.server) as ServerFrameType[];

// ---------------------------------------------------------------------------
// Mutations

/** A frame after one to three mutations, as the text a peer would send. */
export interface MutatedFrame {
  readonly text: string;
  /** What was done, for the failure report. */
  readonly mutations: readonly string[];
}

const MUTATION_KINDS = [
  'remove',
  'replace',
  'swapType',
  'lengthen',
  'number',
  'rawLiteral',
  'reservedKey',
  'duplicateKey',
] as const;
type MutationKind = (typeof MUTATION_KINDS)[number];

interface MutationSpec {
  readonly kind: MutationKind;
  readonly at: number;
  readonly json: unknown;
  readonly type: string;
  readonly number: number;
  readonly length: number;
  readonly raw: string;
  readonly reserved: string;
}

/** A marker replaced by a raw JSON literal after stringifying (so `1e999` and `NaN` reach the parser). */
const RAW = '\u2063raw\u2063';

const ALL_TYPES = [...new Set<string>([...CLIENT_FRAME_TYPES, ...SERVER_FRAME_TYPES])];
const mutationSpec = (types: readonly string[]): fc.Arbitrary<MutationSpec> =>
  fc.record({
    kind: fc.constantFrom(...MUTATION_KINDS),
    at: fc.nat(),
    json: fc.jsonValue({ maxDepth: 3 }),
    type: fc.constantFrom(...types, ...ALL_TYPES, '', 'hello ', 'PING', '__proto__', 'constructor', 'toString'),
    number: fc.constantFrom(NaN, Infinity, -Infinity, -1, -0.5, 0.5, 1.5, 6, 1e21, -1e308, 1e308, 2 ** 53 + 2, 2 ** 31),
    length: fc.constantFrom(
      LIMITS.id + 1,
      LIMITS.shortText + 1,
      LIMITS.title + 1,
      LIMITS.url + 1,
      LIMITS.longText + 1,
      LIMITS.messageText + 1,
    ),
    raw: fc.constantFrom('1e999', '-1e999', 'NaN', 'Infinity', 'undefined', '-0', '01', '.5', '1.', '"\\ud800"', '"\\u0000"', '[]', '{}'),
    reserved: fc.constantFrom('__proto__', 'constructor', 'prototype'),
  });

type Path = (string | number)[];

function collectPaths(value: unknown, prefix: Path, out: { path: Path; value: unknown }[]): void {
  out.push({ path: prefix, value });
  if (typeof value !== 'object' || value === null) return;
  for (const [k, child] of Object.entries(value)) {
    collectPaths(child, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  return node;
}

function setOwn(target: object, k: string | number, value: unknown): void {
  // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
  Object.defineProperty(target, k, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies one mutation to `root` in place; returns a description. Paths are chosen by `spec.at`. */
function applyMutation(root: Record<string, unknown>, spec: MutationSpec, raws: string[], extra: string[]): string {
  const all: { path: Path; value: unknown }[] = [];
  collectPaths(root, [], all);
  const inner = all.filter((entry) => entry.path.length > 0);
  const choose = <T>(items: readonly T[]): T | undefined => (items.length ? items[spec.at % items.length] : undefined);
  const where = (path: Path) => path.join('.') || '(root)';
  switch (spec.kind) {
    case 'remove': {
      const target = choose(inner);
      if (!target) return 'remove: nothing';
      const parent = parentOf(root, target.path);
      const last = target.path[target.path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      return `remove ${where(target.path)}`;
    }
    case 'replace': {
      const target = choose(inner);
      if (!target) return 'replace: nothing';
      setOwn(parentOf(root, target.path), target.path[target.path.length - 1]!, spec.json);
      return `replace ${where(target.path)} with ${JSON.stringify(spec.json)?.slice(0, 80)}`;
    }
    case 'swapType':
      root.type = spec.type;
      return `type := ${JSON.stringify(spec.type)}`;
    case 'lengthen': {
      const target = choose(inner.filter((entry) => typeof entry.value !== 'number' && typeof entry.value !== 'boolean'));
      if (!target) return 'lengthen: nothing';
      const parent = parentOf(root, target.path);
      const last = target.path[target.path.length - 1]!;
      const value = target.value;
      if (typeof value === 'string') {
        parent[last] = value + 'z'.repeat(Math.max(1, spec.length - value.length));
      } else if (Array.isArray(value)) {
        const item = value[0] ?? 'z';
        parent[last] = Array.from({ length: spec.length % 60 }, () => item);
      } else if (typeof value === 'object' && value !== null) {
        for (let i = 0; i < LIMITS.formFields + 1; i++) setOwn(value, `k${i}`, 'v');
      }
      return `lengthen ${where(target.path)} to ${spec.length}`;
    }
    case 'number': {
      const target = choose(inner.filter((entry) => typeof entry.value === 'number')) ?? choose(inner);
      if (!target) return 'number: nothing';
      setOwn(parentOf(root, target.path), target.path[target.path.length - 1]!, spec.number);
      return `number ${where(target.path)} := ${spec.number}`;
    }
    case 'rawLiteral': {
      const target = choose(inner);
      if (!target) return 'raw: nothing';
      setOwn(parentOf(root, target.path), target.path[target.path.length - 1]!, `${RAW}${raws.length}`);
      raws.push(spec.raw);
      return `raw ${where(target.path)} := ${spec.raw}`;
    }
    case 'reservedKey': {
      // Objects only: JSON has no named keys on arrays.
      const target = choose(
        all.filter((entry) => typeof entry.value === 'object' && entry.value !== null && !Array.isArray(entry.value)),
      );
      if (!target) return 'reserved: nothing';
      setOwn(target.value as object, spec.reserved, spec.json);
      return `${spec.reserved} in ${where(target.path)}`;
    }
    case 'duplicateKey': {
      const k = choose(Object.keys(root)) ?? 'type';
      extra.push(`${JSON.stringify(k)}:${JSON.stringify(spec.json) ?? 'null'}`);
      return `duplicate ${k} := ${JSON.stringify(spec.json)?.slice(0, 80)}`;
    }
  }
}

/** Valid frames from `frames`, mutated one to three times, as JSON text. */
export function mutatedFrame(frames: fc.Arbitrary<object>, types: readonly string[] = ALL_TYPES): fc.Arbitrary<MutatedFrame> {
  return fc.tuple(frames, fc.array(mutationSpec(types), { minLength: 1, maxLength: 3 })).map(([frame, specs]) => {
    const root = JSON.parse(JSON.stringify(frame)) as Record<string, unknown>;
    const raws: string[] = [];
    const extra: string[] = [];
    const mutations = specs.map((spec) => applyMutation(root, spec, raws, extra));
    let text = JSON.stringify(root);
    raws.forEach((raw, i) => {
      text = text.replace(JSON.stringify(`${RAW}${i}`), raw);
    });
    if (extra.length > 0 && text.endsWith('}')) text = `${text.slice(0, -1)}${text === '{}' ? '' : ','}${extra.join(',')}}`;
    return { text, mutations };
  });
}

export const mutatedClientFrame = mutatedFrame(arbitraries.clientFrame, CLIENT_FRAME_TYPES);
export const mutatedServerFrame = mutatedFrame(arbitraries.serverFrame, SERVER_FRAME_TYPES);

// ---------------------------------------------------------------------------
// Noise

/** Field names the frames use, so random objects sometimes look like frames. */
const FIELD_NAMES = ['type', 'ref', 'v', 'role', 'siteId', 'token', 'sessionId', 'clientId', 'text', 'attachments',
  'seq', 'draft', 'fields', 'url', 'title', 'status', 'result', 'code', 'message', 'session', 'resume', 'accept',
  'toAgentId', 'toGroupId', 'visitorId', 'card', 'evaluation', 't', 'score', 'limit', 'added', 'removed'];

/** Any text: random strings, JSON of random values, and objects with a real `type` and random fields. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.json({ maxDepth: 4 }),
  fc
    .tuple(
      fc.constantFrom(...ALL_TYPES),
      fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 3 }), {
        maxKeys: 6,
      }),
    )
    .map(([type, fields]) => JSON.stringify({ ...fields, type })),
);
