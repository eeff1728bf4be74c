/**
 * The whole of core in one process: the real hub over a memory store, and
 * real VisitorClients and AgentClients connected to it through memory
 * transports, all on one fake clock. Links can be cut like a lost network.
 */
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers/promises';
import {
  AgentClient,
  createMemoryStorage,
  createMemoryTransport,
  VisitorClient,
  type ClientStorage,
  type MemoryLink,
  type SignedMember,
} from '../../../../src/index.js';
import {
  createFakeClock,
  createHub,
  createMemoryStore,
  createTokenAuth,
  defaultSiteSettings,
  type FakeClock,
  type Hub,
  type SiteSettings,
  type Store,
  type TokenAuth,
} from '../../../../src/hub/index.js';

/**
 * Lets real event-loop turns pass: WebCrypto (token and signature checks) completes
 * on Node's thread pool, outside the microtasks the fake clock flushes.
 */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await setImmediate();
}

export const SITE = 'site_shop';
export const SITE_SECRET = 'the-shop-signs-member-info-with-this';
export const PUSH_ORIGIN = 'https://shop.example';

export interface World {
  readonly hub: Hub;
  readonly store: Store;
  readonly clock: FakeClock;
  readonly auth: TokenAuth;
  /** Every memory link made so far, newest last. */
  readonly links: MemoryLink[];
  visitor(options?: { storage?: ClientStorage; member?: SignedMember; siteId?: string; navigate?: (url: string) => void }): Promise<VisitorClient>;
  agent(agentId: string, options?: { storage?: ClientStorage }): Promise<AgentClient>;
  /** Lets time pass (timers fire, frames flow). */
  tick(ms?: number): Promise<void>;
  /** Waits, in clock steps, until `condition` holds; fails after `ms` of clock time. */
  until(condition: () => boolean, what: string, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export function shopSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return defaultSiteSettings({
    typingPreview: true,
    pushOrigins: [PUSH_ORIGIN],
    preChatFields: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      {
        name: 'topic',
        label: 'Question type',
        kind: 'select',
        required: false,
        options: [
          { value: 'buy', label: 'Buying', groupId: 'grp_sales' },
          { value: 'help', label: 'Help', groupId: 'grp_support' },
        ],
      },
    ],
    offlineFields: [
      { name: 'email', label: 'E-mail', kind: 'email', required: true },
      { name: 'message', label: 'Message', kind: 'textarea', required: true },
    ],
    welcomeMessage: 'Hello, how can we help?',
    autoReply: undefined,
    queueTimeoutSeconds: 0,
    transferTimeoutSeconds: 30,
    ...overrides,
  });
}

/** Two agents who both serve sales and support, with room for two chats each. */
export async function createWorld(settings: Partial<SiteSettings> = {}): Promise<World> {
  const store = createMemoryStore();
  const clock = createFakeClock(Date.UTC(2026, 10, 2, 9));
  const auth = createTokenAuth({ secret: 'an-e2e-hub-secret-of-32-characters-or-more', clock });
  await store.saveSite({ id: SITE, name: 'Shop', secret: SITE_SECRET, settings: shopSettings(settings) });
  await store.saveSite({ id: 'site_other', name: 'Other', secret: 'other-secret', settings: shopSettings() });
  for (const g of ['grp_sales', 'grp_support']) await store.saveGroup({ id: g, siteId: SITE, name: g });
  const agent = (id: string, name: string) =>
    store.saveAgent({ id, siteId: SITE, name, login: id, role: 'agent', groups: ['grp_sales', 'grp_support'], capacity: 2 });
  await agent('agt_ada', 'Ada');
  await agent('agt_bo', 'Bo');
  await store.saveAgent({ id: 'agt_zed', siteId: 'site_other', name: 'Zed', login: 'zed', role: 'agent', groups: [], capacity: 2 });

  const errors: unknown[] = [];
  const hub = createHub({ store, auth, clock, idleTimeoutMs: 3600_000, logger: { warn: () => {}, error: (...d) => errors.push(d) } });
  hub.events.on('error', (e) => errors.push(e));
  const links: MemoryLink[] = [];
  const transport = () => createMemoryTransport((end) => hub.connect(end, { ip: '127.0.0.1' }), (link) => links.push(link));
  const clients: { close(): void }[] = [];

  const world: World = {
    hub,
    store,
    clock,
    auth,
    links,
    async visitor(o = {}) {
      const client = new VisitorClient({
        siteId: o.siteId ?? SITE,
        transport: transport(),
        storage: o.storage ?? createMemoryStorage(),
        clock,
        random: () => 0.5,
        language: 'en-GB',
        ...(o.member && { member: o.member }),
        ...(o.navigate && { navigate: o.navigate }),
      });
      clients.push(client);
      client.connect();
      await world.until(() => client.status === 'open' || client.status === 'closed', 'visitor welcomed');
      return client;
    },
    async agent(agentId, o = {}) {
      const siteId = agentId === 'agt_zed' ? 'site_other' : SITE;
      const client = new AgentClient({
        token: await auth.issueAgentToken(siteId, agentId),
        transport: transport(),
        storage: o.storage ?? createMemoryStorage(),
        clock,
        random: () => 0.5,
      });
      clients.push(client);
      client.connect();
      await world.until(() => client.status === 'open', `${agentId} welcomed`);
      return client;
    },
    async tick(ms = 0) {
      await clock.advance(ms);
      await settle();
    },
    async until(condition, what, ms = 60_000) {
      for (let waited = 0; !condition(); waited += 50) {
        if (waited > ms) assert.fail(`timed out waiting for: ${what}`);
        await settle();
        if (condition()) break;
        await clock.advance(50);
      }
    },
    async close() {
      for (const c of clients) c.close();
      await clock.advance(10);
      await hub.close();
      assert.deepEqual(errors, [], 'the hub reported internal errors');
    },
  };
  return world;
}
