/** Records the conformance cases save; complete and valid, with overrides. */
import type {
  AgentRecord,
  NewMessage,
  OfflineMessageRecord,
  PageViewRecord,
  SessionRecord,
  SiteRecord,
  SiteSettings,
  VisitorRecord,
} from '../records.js';

export const T0 = Date.UTC(2026, 0, 1, 12);

// A function, so a case that mutates what it saved never changes the next fixture.
const settings = (): SiteSettings => ({
  typingPreview: true,
  pushOrigins: ['https://shop.example'],
  preChatFields: [{ name: 'name', label: 'Name', kind: 'text', required: true }],
  offlineFields: [],
  texts: { title: 'Hello' },
  theme: { accent: '#06c' },
  routing: 'service',
  allowedOrigins: [],
  welcomeMessage: 'Welcome!',
  inviteRules: [
    { name: 'pricing', delaySeconds: 10, urlContains: '/pricing', maxTimes: 1, intervalSeconds: 60, expirySeconds: 30, message: 'Hi' },
  ],
  transferTimeoutSeconds: 60,
  inviteExpirySeconds: 60,
  queueTimeoutSeconds: 0,
  loginIpAllowList: [],
});

export const site = (over: Partial<SiteRecord> = {}): SiteRecord => ({
  id: 'site_a',
  name: 'Shop A',
  secret: 'secret-a',
  settings: settings(),
  ...over,
});

export const agent = (over: Partial<AgentRecord> = {}): AgentRecord => ({
  id: 'agt_1',
  siteId: 'site_a',
  name: 'Ada',
  login: 'ada',
  role: 'agent',
  groups: ['grp_1'],
  capacity: 3,
  ...over,
});

export const visitor = (over: Partial<VisitorRecord> = {}): VisitorRecord => ({
  id: 'vis_1',
  siteId: 'site_a',
  visitCount: 1,
  firstSeenAt: T0,
  lastSeenAt: T0,
  ...over,
});

export const pageView = (over: Partial<PageViewRecord> = {}): PageViewRecord => ({
  id: 'pv_1',
  siteId: 'site_a',
  visitorId: 'vis_1',
  url: 'https://shop.example/',
  title: 'Home',
  at: T0,
  dwellMs: 0,
  ...over,
});

export const session = (over: Partial<SessionRecord> = {}): SessionRecord => ({
  id: 'ses_1',
  siteId: 'site_a',
  visitorId: 'vis_1',
  state: 'queued',
  fields: { name: 'Bo' },
  createdAt: T0,
  readSeq: { visitor: 0, agent: 0 },
  autoReplies: 0,
  ...over,
});

export const message = (over: Partial<NewMessage> = {}): NewMessage => ({
  id: 'msg_1',
  sessionId: 'ses_1',
  clientId: 'cli_1',
  author: { kind: 'visitor', id: 'vis_1' },
  at: T0,
  text: 'Hello',
  ...over,
});

export const offlineMessage = (over: Partial<OfflineMessageRecord> = {}): OfflineMessageRecord => ({
  id: 'off_1',
  siteId: 'site_a',
  visitorId: 'vis_1',
  fields: { email: 'bo@example.com', message: 'Call me' },
  createdAt: T0,
  replied: false,
  ...over,
});
