/**
 * The real hub in the test page: a memory store with one site, its groups and
 * agents, real AgentClients and VisitorClients over memory transports, and a
 * sign-in function shaped like the server's `POST /api/login` — what the
 * no-server demo does. Real time: the elements' timers run as they would.
 */
import { waitUntil } from '@open-wc/testing';
import {
  AgentClient,
  createMemoryStorage,
  createMemoryTransport,
  VisitorClient,
  type Role,
  type TransportFactory,
} from '@parley/core';
import {
  createHub,
  createMemoryStore,
  createTokenAuth,
  defaultSiteSettings,
  type Hub,
  type SiteSettings,
  type Store,
  type TokenAuth,
} from '@parley/core/hub';
import type { SignInFunction, SignInResult } from '../../../src/index.js';

export const SITE = 'site_shop';
export const PUSH_ORIGIN = 'https://shop.example';

/** Logins of the test site: two agents, a supervisor and an admin; `bo` needs a one-time code. */
export const AGENTS = {
  ada: { id: 'agt_ada', name: 'Ada', role: 'agent', groups: ['grp_sales'] },
  bo: { id: 'agt_bo', name: 'Bo', role: 'agent', groups: ['grp_support'] },
  cy: { id: 'agt_cy', name: 'Cy', role: 'supervisor', groups: ['grp_sales', 'grp_support'] },
  root: { id: 'agt_root', name: 'Root', role: 'admin', groups: [] },
} as const satisfies Record<string, { id: string; name: string; role: Role; groups: readonly string[] }>;
export type Login = keyof typeof AGENTS;
export const PASSWORD = 'correct horse battery staple';
export const ONE_TIME_CODE = '123456';

export interface TestHub {
  readonly hub: Hub;
  readonly store: Store;
  readonly auth: TokenAuth;
  /** A transport factory into the hub (each call of it is one connection). */
  readonly transport: TransportFactory;
  /** Signs in like the server: `{ token, agent }`, or a ParleyError-like `{ code }` rejection. */
  readonly signIn: SignInFunction;
  /** An agent's connected client (welcomed). */
  agent(login: Login): Promise<AgentClient>;
  /** A visitor's connected client (welcomed), optionally on a page. */
  visitor(options?: { language?: string; url?: string; title?: string; userAgent?: string }): Promise<VisitorClient>;
  /** A visitor who asked for a chat, and its session id. */
  chattingVisitor(name: string, options?: { groupId?: string }): Promise<{ visitor: VisitorClient; sessionId: string }>;
  close(): Promise<void>;
}

export function shopSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return defaultSiteSettings({
    typingPreview: true,
    pushOrigins: [PUSH_ORIGIN],
    preChatFields: [{ name: 'name', label: 'Name', kind: 'text', required: false }],
    welcomeMessage: 'Hello, how can we help?',
    autoReply: undefined,
    queueTimeoutSeconds: 0,
    transferTimeoutSeconds: 30,
    ...overrides,
  });
}

const until = (condition: () => boolean, what: string) => waitUntil(condition, `timed out: ${what}`, { timeout: 5000 });

export async function createTestHub(settings: Partial<SiteSettings> = {}): Promise<TestHub> {
  const store = createMemoryStore();
  const auth = createTokenAuth({ secret: 'an-agent-elements-test-secret-of-32-chars' });
  await store.saveSite({ id: SITE, name: 'Shop', secret: 'the-shop-signs-member-info-with-this', settings: shopSettings(settings) });
  await store.saveGroup({ id: 'grp_sales', siteId: SITE, name: 'Sales' });
  await store.saveGroup({ id: 'grp_support', siteId: SITE, name: 'Support' });
  for (const [login, a] of Object.entries(AGENTS)) {
    await store.saveAgent({ id: a.id, siteId: SITE, name: a.name, login, role: a.role, groups: [...a.groups], capacity: 3 });
  }
  const hub = createHub({ store, auth, idleTimeoutMs: 3600_000, logger: { warn: () => {}, error: (...data) => console.error(...data) } });
  const transport = createMemoryTransport((end) => hub.connect(end, { ip: '203.0.113.7', location: 'Lyon' }));
  const clients: { close(): void }[] = [];

  const signIn: SignInFunction = async ({ siteId, login, password, code }): Promise<SignInResult> => {
    const agent = (AGENTS as Record<string, (typeof AGENTS)[Login]>)[login];
    if (siteId !== SITE || !agent || password !== PASSWORD) throw Object.assign(new Error('The login or password is wrong.'), { code: 'bad_credentials' });
    if (login === 'bo' && code === undefined) throw Object.assign(new Error('Enter the one-time code.'), { code: 'code_required' });
    if (login === 'bo' && code !== ONE_TIME_CODE) throw Object.assign(new Error('The code is wrong.'), { code: 'bad_code' });
    return { token: await auth.issueAgentToken(SITE, agent.id), agent: { id: agent.id, siteId: SITE, name: agent.name, role: agent.role } };
  };

  const testHub: TestHub = {
    hub,
    store,
    auth,
    transport,
    signIn,
    async agent(login) {
      const client = new AgentClient({ token: await auth.issueAgentToken(SITE, AGENTS[login].id), transport, storage: createMemoryStorage() });
      clients.push(client);
      client.connect();
      await until(() => client.status === 'open', `${login} welcomed`);
      return client;
    },
    async visitor(options = {}) {
      const client = new VisitorClient({
        siteId: SITE,
        transport,
        storage: createMemoryStorage(),
        language: options.language ?? 'en-GB',
        userAgent: options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      });
      clients.push(client);
      client.connect();
      await until(() => client.status === 'open', 'visitor welcomed');
      client.trackPageView({ url: options.url ?? `${PUSH_ORIGIN}/shoes`, title: options.title ?? 'Shoes' });
      return client;
    },
    async chattingVisitor(name, options = {}) {
      const visitor = await testHub.visitor();
      const session = await visitor.requestChat({ name }, options.groupId ? { groupId: options.groupId } : {});
      return { visitor, sessionId: session.id };
    },
    async close() {
      for (const client of clients) client.close();
      await hub.close();
    },
  };
  return testHub;
}

export { until };
