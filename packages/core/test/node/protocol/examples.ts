/**
 * One or more valid examples of every frame and every ack result. `minimal`
 * examples carry only required fields (so removing any field must fail);
 * `full` examples carry every optional field too. The tables are typed by
 * frame type, so a new frame type fails to compile until it has examples.
 */
import type {
  AckResults,
  AgentInfo,
  ClientFrame,
  ClientFrameType,
  Invite,
  Message,
  OfflineMessage,
  PageView,
  ServerFrame,
  ServerFrameType,
  SessionInfo,
  TransferOffer,
  VisitorInfo,
  VisitorSettings,
} from '../../../src/protocol/index.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/index.js';

export interface Examples<F> {
  readonly minimal: readonly F[];
  readonly full?: readonly F[];
}

type ClientOf<K extends ClientFrameType> = Extract<ClientFrame, { type: K }>;
type ServerOf<K extends ServerFrameType> = Extract<ServerFrame, { type: K }>;

const T0 = 1_750_000_000_000;
const SIGNATURE = 'ab'.repeat(32);

export const session: SessionInfo = {
  id: 'ses_1',
  siteId: 'site_1',
  visitorId: 'vis_1',
  state: 'queued',
  fields: {},
  createdAt: T0,
  lastSeq: 0,
  readSeq: { visitor: 0, agent: 0 },
};

export const fullSession: SessionInfo = {
  id: 'ses_2',
  siteId: 'site_1',
  visitorId: 'vis_1',
  state: 'ended',
  agentId: 'agt_1',
  agentName: 'Ada',
  groupId: 'grp_sales',
  fields: { name: 'Bo', email: 'bo@example.com' },
  createdAt: T0,
  acceptedAt: T0 + 1_000,
  endedAt: T0 + 60_000,
  queuePosition: 1,
  lastSeq: 2,
  readSeq: { visitor: 2, agent: 1 },
  rating: { score: 5, comment: 'Thanks!' },
  evaluation: { topic: 'billing', level: 'easy', category: 'question', notes: 'Refund sent.' },
};

export const message: Message = {
  id: 'msg_1',
  sessionId: 'ses_1',
  clientId: 'cli_1',
  seq: 1,
  author: { kind: 'visitor', id: 'vis_1' },
  at: T0 + 2_000,
  text: 'Hello?',
};

export const fullMessage: Message = {
  id: 'msg_2',
  sessionId: 'ses_2',
  clientId: 'cli_2',
  seq: 2,
  author: { kind: 'agent', id: 'agt_1', name: 'Ada' },
  at: T0 + 3_000,
  text: 'Here is the invoice — 🧾.',
  attachments: [
    {
      id: 'fil_1',
      name: 'invoice.pdf',
      type: 'application/pdf',
      size: 12_345,
      url: 'https://files.example.com/fil_1',
      thumbnailUrl: 'https://files.example.com/fil_1/thumb',
    },
  ],
};

export const pageView: PageView = {
  url: 'https://shop.example.com/cart',
  title: 'Cart',
  referrer: 'https://www.google.com/search?q=shoes',
  searchEngine: 'Google',
  keyword: 'shoes',
  at: T0,
  dwellMs: 12_000,
};

export const visitor: VisitorInfo = {
  id: 'vis_1',
  siteId: 'site_1',
  online: true,
  visitCount: 1,
  enteredAt: T0,
  pageViews: 1,
};

export const fullVisitor: VisitorInfo = {
  ...visitor,
  name: 'Bo',
  member: { id: 'm-42', name: 'Bo', email: 'bo@example.com', verified: true },
  visitCount: 3,
  ip: '203.0.113.7',
  location: 'Lyon, FR',
  language: 'fr-FR',
  userAgent: 'Mozilla/5.0',
  leftAt: T0 + 90_000,
  referrer: pageView.referrer,
  searchEngine: 'Google',
  keyword: 'shoes',
  currentPage: pageView,
  pageViews: 4,
  sessionId: 'ses_1',
  sessionState: 'active',
  agentId: 'agt_1',
  waitingSince: T0 + 500,
  lastMessage: { text: 'Hello?', at: T0 + 2_000 },
  card: { company: 'Bo & Co' },
};

export const agent: AgentInfo = {
  id: 'agt_1',
  siteId: 'site_1',
  name: 'Ada',
  role: 'agent',
  groups: ['grp_sales'],
  status: 'online',
  capacity: 3,
  load: 1,
};

export const invite: Invite = {
  id: 'inv_1',
  visitorId: 'vis_1',
  message: 'Can I help?',
  proactive: false,
  createdAt: T0,
  expiresAt: T0 + 60_000,
};

export const fullInvite: Invite = { ...invite, agentId: 'agt_1', agentName: 'Ada', proactive: true, rule: 'cart-30s' };

export const transfer: TransferOffer = {
  id: 'trf_1',
  sessionId: 'ses_1',
  fromAgentId: 'agt_1',
  toAgentId: 'agt_2',
  expiresAt: T0 + 30_000,
  session: { ...session, state: 'transferring', agentId: 'agt_1' },
  history: [],
};

export const fullTransfer: TransferOffer = {
  ...transfer,
  fromAgentName: 'Ada',
  toGroupId: 'grp_billing',
  note: 'Billing question.',
  history: [message, fullMessage],
};

export const offlineMessage: OfflineMessage = {
  id: 'off_1',
  siteId: 'site_1',
  visitorId: 'vis_1',
  fields: { email: 'bo@example.com', message: 'Call me back.' },
  labels: { email: 'E-mail', message: 'Message' },
  createdAt: T0,
  replied: false,
};

export const settings: VisitorSettings = {
  typingPreview: true,
  pushOrigins: ['https://shop.example.com'],
  preChatFields: [
    { name: 'name', label: 'Name', kind: 'text', required: false },
    {
      name: 'topic',
      label: 'Topic',
      kind: 'select',
      required: true,
      options: [
        { value: 'sales', label: 'Buying', groupId: 'grp_sales' },
        { value: 'other', label: 'Something else' },
      ],
    },
  ],
  offlineFields: [{ name: 'email', label: 'Email', kind: 'email', required: true }],
  texts: { 'launcher.title': 'Chat with us' },
  theme: { 'accent-color': '#0a7' },
};

export const CLIENT_EXAMPLES: { readonly [K in ClientFrameType]: Examples<ClientOf<K>> } = {
  hello: {
    minimal: [
      { type: 'hello', v: PROTOCOL_VERSION, role: 'visitor', siteId: 'site_1' },
      { type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: 'a.b' },
    ],
    full: [
      {
        type: 'hello',
        v: PROTOCOL_VERSION,
        role: 'visitor',
        siteId: 'site_1',
        token: 'eyJrIjoidiJ9.c2ln',
        member: { data: '{"id":"m-42","name":"Bo"}', signature: SIGNATURE },
        language: 'fr-FR',
        userAgent: 'Mozilla/5.0',
        resume: { ses_1: 4 },
      },
      { type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: 'a.b', resume: { ses_1: 0, ses_2: 17 } },
    ],
  },
  ping: { minimal: [{ type: 'ping', t: T0 }] },
  'page.view': {
    minimal: [{ type: 'page.view', url: 'https://shop.example.com/', title: 'Shop' }],
    full: [{ type: 'page.view', url: 'https://shop.example.com/cart', title: 'Cart', referrer: 'https://duck.com/' }],
  },
  'page.visibility': { minimal: [{ type: 'page.visibility', hidden: true }] },
  'chat.request': {
    minimal: [{ type: 'chat.request', ref: 'ref_1', fields: {} }],
    full: [{ type: 'chat.request', ref: 'ref_1', fields: { name: 'Bo', topic: 'sales' }, groupId: 'grp_sales' }],
  },
  'message.send': {
    minimal: [
      { type: 'message.send', ref: 'ref_2', sessionId: 'ses_1', clientId: 'cli_1', text: 'Hello?' },
      { type: 'message.send', ref: 'ref_2', sessionId: 'ses_1', clientId: 'cli_1', attachments: fullMessage.attachments! },
    ],
    full: [
      {
        type: 'message.send',
        ref: 'ref_2',
        sessionId: 'ses_1',
        clientId: 'cli_1',
        text: 'See attached',
        attachments: fullMessage.attachments!,
      },
    ],
  },
  'message.read': { minimal: [{ type: 'message.read', sessionId: 'ses_1', seq: 3 }] },
  typing: {
    minimal: [
      { type: 'typing', sessionId: 'ses_1', draft: 'I would like' },
      { type: 'typing', sessionId: 'ses_1', draft: '' },
    ],
  },
  'invite.answer': { minimal: [{ type: 'invite.answer', ref: 'ref_3', inviteId: 'inv_1', accept: true }] },
  'session.end': { minimal: [{ type: 'session.end', ref: 'ref_4', sessionId: 'ses_1' }] },
  'session.rate': {
    minimal: [{ type: 'session.rate', ref: 'ref_5', sessionId: 'ses_1', score: 4 }],
    full: [{ type: 'session.rate', ref: 'ref_5', sessionId: 'ses_1', score: 1, comment: 'Too slow.' }],
  },
  'offline.leave': {
    minimal: [{ type: 'offline.leave', ref: 'ref_6', fields: { email: 'bo@example.com', message: 'Call me' } }],
  },
  'session.history': {
    minimal: [{ type: 'session.history', ref: 'ref_7', sessionId: 'ses_1' }],
    full: [{ type: 'session.history', ref: 'ref_7', sessionId: 'ses_1', beforeSeq: 50, afterSeq: 0, limit: 200 }],
  },
  'presence.set': { minimal: [{ type: 'presence.set', ref: 'ref_8', status: 'away' }] },
  'visitors.watch': { minimal: [{ type: 'visitors.watch', ref: 'ref_9', watch: true }] },
  'session.accept': { minimal: [{ type: 'session.accept', ref: 'ref_10', sessionId: 'ses_1' }] },
  'invite.send': {
    minimal: [{ type: 'invite.send', ref: 'ref_11', visitorId: 'vis_1', proactive: false }],
    full: [{ type: 'invite.send', ref: 'ref_11', visitorId: 'vis_1', message: 'Need help?', proactive: true }],
  },
  'page.push': {
    minimal: [{ type: 'page.push', ref: 'ref_12', visitorId: 'vis_1', url: 'https://shop.example.com/sale' }],
  },
  'transfer.offer': {
    minimal: [
      { type: 'transfer.offer', ref: 'ref_13', sessionId: 'ses_1', toAgentId: 'agt_2' },
      { type: 'transfer.offer', ref: 'ref_13', sessionId: 'ses_1', toGroupId: 'grp_billing' },
    ],
    full: [{ type: 'transfer.offer', ref: 'ref_13', sessionId: 'ses_1', toGroupId: 'grp_billing', note: 'Refund' }],
  },
  'transfer.answer': { minimal: [{ type: 'transfer.answer', ref: 'ref_14', transferId: 'trf_1', accept: false }] },
  'session.evaluate': {
    minimal: [{ type: 'session.evaluate', ref: 'ref_15', sessionId: 'ses_1', evaluation: {} }],
    full: [{ type: 'session.evaluate', ref: 'ref_15', sessionId: 'ses_1', evaluation: fullSession.evaluation! }],
  },
  'rating.request': { minimal: [{ type: 'rating.request', ref: 'ref_16', sessionId: 'ses_1' }] },
  'visitor.detail': { minimal: [{ type: 'visitor.detail', ref: 'ref_17', visitorId: 'vis_1' }] },
  'visitor.card': {
    minimal: [{ type: 'visitor.card', ref: 'ref_18', visitorId: 'vis_1', card: { company: 'Bo & Co', tier: 'gold' } }],
  },
};

export const ACK_RESULT_EXAMPLES: { readonly [K in keyof AckResults]: AckResults[K] } = {
  'chat.request': { session },
  'message.send': { message },
  'invite.answer': { session },
  'session.end': { session: fullSession },
  'session.rate': { session: fullSession },
  'offline.leave': { offlineMessage },
  'session.history': { messages: [message, fullMessage] },
  'session.accept': { session: { ...session, state: 'active', agentId: 'agt_1' } },
  'invite.send': { invite: fullInvite },
  'transfer.offer': { transfer: fullTransfer },
  'transfer.answer': { session: { ...session, state: 'active', agentId: 'agt_2' } },
  'session.evaluate': { session: fullSession },
  'visitor.detail': { visitor: fullVisitor, pageViews: [pageView], sessions: [fullSession] },
  'visitor.card': { visitor: fullVisitor },
};

export const SERVER_EXAMPLES: { readonly [K in ServerFrameType]: Examples<ServerOf<K>> } = {
  welcome: {
    minimal: [
      {
        type: 'welcome',
        v: PROTOCOL_VERSION,
        role: 'visitor',
        visitorId: 'vis_1',
        token: 'eyJrIjoidiJ9.c2ln',
        visitCount: 1,
        settings: { ...settings, pushOrigins: [], preChatFields: [], offlineFields: [], texts: {}, theme: {} },
        availability: 'offline',
        sessions: [],
        invites: [],
      },
      {
        type: 'welcome',
        v: PROTOCOL_VERSION,
        role: 'agent',
        agent,
        permissions: [],
        agents: [],
        groups: [],
        sessions: [],
        queue: [],
        transfers: [],
      },
    ],
    full: [
      {
        type: 'welcome',
        v: PROTOCOL_VERSION,
        role: 'visitor',
        visitorId: 'vis_1',
        token: 'eyJrIjoidiJ9.c2ln',
        visitCount: 3,
        settings,
        availability: 'online',
        sessions: [session, fullSession],
        invites: [fullInvite],
      },
      {
        type: 'welcome',
        v: PROTOCOL_VERSION,
        role: 'agent',
        agent,
        permissions: ['session.accept', 'transfer.offer'],
        agents: [agent, { ...agent, id: 'agt_2', name: 'Bea', role: 'supervisor', status: 'offline', load: 0 }],
        groups: [{ id: 'grp_sales', name: 'Sales' }],
        sessions: [fullSession],
        queue: [{ ...session, queuePosition: 1 }],
        transfers: [fullTransfer],
      },
    ],
  },
  ack: {
    minimal: [{ type: 'ack', ref: 'ref_1', result: {} }],
    full: Object.values(ACK_RESULT_EXAMPLES).map((result, i) => ({ type: 'ack' as const, ref: `ref_${i}`, result })),
  },
  error: {
    minimal: [{ type: 'error', code: 'bad_frame', message: 'The frame is not valid JSON.' }],
    full: [{ type: 'error', ref: 'ref_1', code: 'auth_failed', message: 'The token did not verify.', fatal: true }],
  },
  pong: { minimal: [{ type: 'pong', t: T0 }] },
  availability: { minimal: [{ type: 'availability', status: 'busy' }] },
  session: { minimal: [{ type: 'session', session }], full: [{ type: 'session', session: fullSession }] },
  message: { minimal: [{ type: 'message', message }], full: [{ type: 'message', message: fullMessage }] },
  read: { minimal: [{ type: 'read', sessionId: 'ses_1', side: 'agent', seq: 2 }] },
  typing: {
    minimal: [{ type: 'typing', sessionId: 'ses_1', side: 'agent', active: true }],
    full: [{ type: 'typing', sessionId: 'ses_1', side: 'visitor', draft: 'I would like', active: true }],
  },
  invite: { minimal: [{ type: 'invite', invite }], full: [{ type: 'invite', invite: fullInvite }] },
  'invite.closed': { minimal: [{ type: 'invite.closed', inviteId: 'inv_1', visitorId: 'vis_1', reason: 'expired' }] },
  'page.push': { minimal: [{ type: 'page.push', url: 'https://shop.example.com/sale' }] },
  'rating.request': { minimal: [{ type: 'rating.request', sessionId: 'ses_1' }] },
  'transfer.offer': {
    minimal: [{ type: 'transfer.offer', transfer }],
    full: [{ type: 'transfer.offer', transfer: fullTransfer }],
  },
  'transfer.closed': {
    minimal: [{ type: 'transfer.closed', transferId: 'trf_1', sessionId: 'ses_1', outcome: 'timeout', toAgentId: 'agt_2' }],
  },
  visitors: {
    minimal: [{ type: 'visitors', added: [], updated: [], removed: [] }],
    full: [{ type: 'visitors', added: [fullVisitor], updated: [visitor], removed: ['vis_9'] }],
  },
  agents: {
    minimal: [{ type: 'agents', added: [], updated: [], removed: [] }],
    full: [{ type: 'agents', added: [agent], updated: [{ ...agent, status: 'busy' }], removed: ['agt_9'] }],
  },
  queue: { minimal: [{ type: 'queue', sessions: [] }], full: [{ type: 'queue', sessions: [session, fullSession] }] },
  'offline.message': { minimal: [{ type: 'offline.message', offlineMessage }] },
};

function flatten<F>(table: object, which: 'minimal' | 'all'): F[] {
  return (Object.values(table) as Examples<F>[]).flatMap((examples) =>
    which === 'minimal' ? examples.minimal : [...examples.minimal, ...(examples.full ?? [])],
  );
}

/** Every client example, minimal ones first within each type. */
export const ALL_CLIENT_EXAMPLES: readonly ClientFrame[] = flatten(CLIENT_EXAMPLES, 'all');
export const ALL_SERVER_EXAMPLES: readonly ServerFrame[] = flatten(SERVER_EXAMPLES, 'all');
/** Examples with required fields only: removing any field must fail. */
export const MINIMAL_CLIENT_EXAMPLES: readonly ClientFrame[] = flatten(CLIENT_EXAMPLES, 'minimal');
export const MINIMAL_SERVER_EXAMPLES: readonly ServerFrame[] = flatten(SERVER_EXAMPLES, 'minimal');
