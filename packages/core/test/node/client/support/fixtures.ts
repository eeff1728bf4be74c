/** Builders of protocol records and frames for the clients' tests; each takes overrides. */
import {
  PROTOCOL_VERSION,
  type AgentInfo,
  type AgentWelcomeFrame,
  type Message,
  type SessionInfo,
  type VisitorInfo,
  type VisitorSettings,
  type VisitorWelcomeFrame,
} from '../../../../src/index.js';

export const T0 = Date.UTC(2026, 0, 1);

export function settings(overrides: Partial<VisitorSettings> = {}): VisitorSettings {
  return {
    typingPreview: true,
    pushOrigins: ['https://shop.example'],
    preChatFields: [],
    offlineFields: [],
    texts: {},
    theme: {},
    ...overrides,
  };
}

export function sessionInfo(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    id: 'ses_1',
    siteId: 'site_1',
    visitorId: 'vis_1',
    state: 'active',
    agentId: 'agt_1',
    agentName: 'Ann',
    fields: {},
    createdAt: T0,
    lastSeq: 0,
    readSeq: { visitor: 0, agent: 0 },
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    sessionId: 'ses_1',
    clientId: `cli_hub_${seq}`,
    seq,
    author: { kind: 'agent', id: 'agt_1', name: 'Ann' },
    at: T0 + seq,
    text: `message ${seq}`,
    ...overrides,
  };
}

export function visitorWelcome(overrides: Partial<VisitorWelcomeFrame> = {}): VisitorWelcomeFrame {
  return {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'visitor',
    visitorId: 'vis_1',
    token: 'token-1',
    visitCount: 1,
    settings: settings(),
    availability: 'online',
    sessions: [],
    invites: [],
    ...overrides,
  };
}

export function agentInfo(overrides: Partial<AgentInfo> = {}): AgentInfo {
  return {
    id: 'agt_1',
    siteId: 'site_1',
    name: 'Ann',
    role: 'agent',
    groups: [],
    status: 'online',
    capacity: 3,
    load: 0,
    ...overrides,
  };
}

export function agentWelcome(overrides: Partial<AgentWelcomeFrame> = {}): AgentWelcomeFrame {
  return {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'agent',
    agent: agentInfo(),
    permissions: ['chat'],
    agents: [agentInfo()],
    groups: [{ id: 'grp_1', name: 'Sales' }],
    sessions: [],
    queue: [],
    transfers: [],
    ...overrides,
  };
}

export function visitorInfo(overrides: Partial<VisitorInfo> = {}): VisitorInfo {
  return {
    id: 'vis_1',
    siteId: 'site_1',
    online: true,
    visitCount: 1,
    enteredAt: T0,
    pageViews: 1,
    ...overrides,
  };
}
