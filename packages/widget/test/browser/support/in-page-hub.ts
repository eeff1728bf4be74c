/**
 * A real Parley hub running in the test page (memory store, token auth, memory
 * transport), with a seeded site and agents, and factories for real
 * `VisitorClient`s and `AgentClient`s connected to it. Reusable by
 * `@parley/agent-elements`' tests by relative path:
 *
 * ```ts
 * import { startInPageHub } from '../../../widget/test/browser/support/in-page-hub.js';
 * const hub = await startInPageHub({ settings: { typingPreview: true } });
 * const agent = await hub.agent();            // connected, welcomed, online
 * const visitor = hub.visitor();              // not connected yet
 * // … then `await hub.close()` in afterEach
 * ```
 */
import {
  AgentClient,
  createMemoryStorage,
  createMemoryTransport,
  VisitorClient,
  type AgentClientOptions,
  type ClientStorage,
  type MemoryLink,
  type TransportFactory,
  type VisitorClientOptions,
} from '@parley/core';
import {
  createHub,
  createMemoryStore,
  createTokenAuth,
  defaultSiteSettings,
  signMember,
  type AgentRecord,
  type GroupRecord,
  type Hub,
  type SiteSettings,
  type Store,
  type TokenAuth,
} from '@parley/core/hub';

export const SITE_ID = 'site_test';
export const SITE_SECRET = 'in-page-site-secret-for-member-signatures';
const HUB_SECRET = 'in-page-hub-secret-of-at-least-32-characters';

/** An agent to seed; `id` and `name` are enough. */
export type SeedAgent = Partial<AgentRecord> & { readonly id: string };

export interface InPageHubOptions {
  /** Merged over `defaultSiteSettings()`, with `autoReply` off and `queueTimeoutSeconds: 0` unless given. */
  readonly settings?: Partial<SiteSettings>;
  /** Default: Ada (`agt_ada`, groups `grp_sales`) and Bo (`agt_bo`, `grp_support`), capacity 3. */
  readonly agents?: readonly SeedAgent[];
  /** Default: `grp_sales` (Sales) and `grp_support` (Support). */
  readonly groups?: readonly Omit<GroupRecord, 'siteId'>[];
  /** Milliseconds a test may wait for a client (default 4000). */
  readonly timeoutMs?: number;
}

export interface InPageHub {
  readonly hub: Hub;
  readonly store: Store;
  readonly auth: TokenAuth;
  readonly siteId: string;
  /** A transport factory to the hub, as a page's visitor would use (links kept in {@link links}). */
  readonly transport: TransportFactory;
  /** Every link opened through {@link transport} so far, so a test can `drop()` one. */
  readonly links: MemoryLink[];
  /** A visitor client on this site (not connected). Pass the same `storage` to model a reload or a second tab. */
  visitor(options?: Partial<VisitorClientOptions>): VisitorClient;
  /** An agent client, connected and welcomed (its first connection makes it `online`). Default agent: the first seeded. */
  agent(agentId?: string, options?: Partial<AgentClientOptions>): Promise<AgentClient>;
  /** A signed agent token, as the server's sign-in would give. */
  agentToken(agentId: string): Promise<string>;
  /** Member info signed with the site's secret (V17). */
  signMember(member: { id: string; name?: string; email?: string }): ReturnType<typeof signMember>;
  /** Changes the site's settings and reloads the site in the hub (visitors see them at their next welcome). */
  updateSettings(settings: Partial<SiteSettings>): Promise<void>;
  /** Resolves when `check()` is true, or rejects after the timeout with `what`. */
  until(check: () => boolean, what?: string): Promise<void>;
  /** Closes every client made here and the hub. */
  close(): Promise<void>;
}

export const DEFAULT_AGENTS: readonly SeedAgent[] = [
  { id: 'agt_ada', name: 'Ada', groups: ['grp_sales'] },
  { id: 'agt_bo', name: 'Bo', groups: ['grp_support'] },
];

/** Starts a hub in the page with one site, its groups and agents. */
export async function startInPageHub(options: InPageHubOptions = {}): Promise<InPageHub> {
  const store = createMemoryStore();
  const auth = createTokenAuth({ secret: HUB_SECRET });
  const timeoutMs = options.timeoutMs ?? 4000;
  let settings = defaultSiteSettings({ autoReply: undefined, queueTimeoutSeconds: 0, ...options.settings });
  await store.saveSite({ id: SITE_ID, name: 'Test shop', secret: SITE_SECRET, settings });
  for (const group of options.groups ?? [
    { id: 'grp_sales', name: 'Sales' },
    { id: 'grp_support', name: 'Support' },
  ]) {
    await store.saveGroup({ ...group, siteId: SITE_ID });
  }
  const agents = options.agents ?? DEFAULT_AGENTS;
  for (const agent of agents) {
    await store.saveAgent({
      siteId: SITE_ID,
      name: agent.id,
      login: agent.id,
      role: 'agent',
      groups: [],
      capacity: 3,
      ...agent,
    });
  }
  const hub = createHub({ store, auth, logger: { warn: () => {}, error: (...data) => console.error('[hub]', ...data) } });
  const links: MemoryLink[] = [];
  const transport = createMemoryTransport((end) => hub.connect(end), (link) => links.push(link));
  const clients: { close(): void }[] = [];

  const until = (check: () => boolean, what = 'a condition'): Promise<void> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        if (check()) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${what}`));
        setTimeout(poll, 10);
      };
      poll();
    });

  const agentToken = (agentId: string) => auth.issueAgentToken(SITE_ID, agentId);

  return {
    hub,
    store,
    auth,
    siteId: SITE_ID,
    transport,
    links,
    visitor(overrides = {}) {
      const client = new VisitorClient({ siteId: SITE_ID, transport, storage: createMemoryStorage(), language: 'en', ...overrides });
      clients.push(client);
      return client;
    },
    async agent(agentId = agents[0]!.id, overrides = {}) {
      const client = new AgentClient({ token: await agentToken(agentId), transport, storage: createMemoryStorage(), ...overrides });
      clients.push(client);
      client.connect();
      await until(() => client.status === 'open' && client.agent !== undefined, `agent ${agentId} to be welcomed`);
      return client;
    },
    agentToken,
    signMember: (member) => signMember(SITE_SECRET, member),
    async updateSettings(partial) {
      settings = { ...settings, ...partial };
      await store.saveSite({ id: SITE_ID, name: 'Test shop', secret: SITE_SECRET, settings });
      await hub.reloadSite(SITE_ID);
    },
    until,
    async close() {
      for (const client of clients) client.close();
      await hub.close();
    },
  };
}

/** A storage to share between two clients, to model a reload or a second tab. */
export function sharedStorage(): ClientStorage {
  return createMemoryStorage();
}
