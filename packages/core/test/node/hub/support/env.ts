/**
 * A hub over a memory store with a fake clock and sequential ids, two sites
 * and their agents, and helpers to connect visitors and agents that have
 * been welcomed. `close()` fails the test if the hub reported an internal error.
 */
import assert from 'node:assert/strict';
import {
  createFakeClock,
  createHub,
  createMemoryStore,
  createSequentialIds,
  createTokenAuth,
  defaultSiteSettings,
  type AgentRecord,
  type FakeClock,
  type GroupRecord,
  type Hub,
  type HubEvents,
  type SiteSettings,
  type Store,
  type TokenAuth,
} from '../../../../src/hub/index.js';
import type { ConnectionContext } from '../../../../src/hub/index.js';
import { PROTOCOL_VERSION } from '../../../../src/protocol/version.js';
import type { SignedMember } from '../../../../src/protocol/model.js';
import { settle, TestPeer, type FrameOf } from './peer.js';

export const SITE = 'site_a';
export const OTHER_SITE = 'site_b';
export const SECRET = 'site-a-secret-for-member-signatures';

/** Test-friendly settings: no auto reply, no queue timeout, preview on, one push origin. */
export function testSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return defaultSiteSettings({
    typingPreview: true,
    pushOrigins: ['https://shop.example'],
    preChatFields: [],
    offlineFields: [],
    welcomeMessage: 'Welcome!',
    autoReply: undefined,
    queueTimeoutSeconds: 0,
    ...overrides,
  });
}

const agent = (id: string, over: Partial<AgentRecord> = {}): AgentRecord => ({
  id,
  siteId: SITE,
  name: id.replace('agt_', '').replace(/^./, (c) => c.toUpperCase()),
  login: id,
  role: 'agent',
  groups: [],
  capacity: 2,
  ...over,
});

/** Agents of site_a: ada (sales), bo (support), sue (supervisor), max (admin); site_b: zed. */
export const AGENTS: readonly AgentRecord[] = [
  agent('agt_ada', { groups: ['grp_sales'] }),
  agent('agt_bo', { groups: ['grp_support'] }),
  agent('agt_sue', { role: 'supervisor', groups: ['grp_sales', 'grp_support'] }),
  agent('agt_max', { role: 'admin', groups: [] }),
  agent('agt_off', { disabled: true }),
  agent('agt_zed', { siteId: OTHER_SITE, groups: [] }),
];

export const GROUPS: readonly GroupRecord[] = [
  { id: 'grp_sales', siteId: SITE, name: 'Sales' },
  { id: 'grp_support', siteId: SITE, name: 'Support' },
  { id: 'grp_b', siteId: OTHER_SITE, name: 'B' },
];

export interface EnvOptions {
  readonly settings?: Partial<SiteSettings>;
  /** Replaces the default agents' fields by id. */
  readonly agents?: Readonly<Record<string, Partial<AgentRecord>>>;
  readonly idleTimeoutMs?: number;
  /** Wraps the memory store (e.g. to make one method fail). */
  readonly wrapStore?: (store: Store) => Store;
}

export interface VisitorOptions {
  readonly siteId?: string;
  readonly token?: string;
  readonly member?: SignedMember;
  readonly resume?: Record<string, number>;
  readonly context?: ConnectionContext;
  readonly language?: string;
}

export interface TestEnv {
  readonly hub: Hub;
  readonly store: Store;
  readonly clock: FakeClock;
  readonly auth: TokenAuth;
  readonly events: { [K in keyof HubEvents]: HubEvents[K][] };
  visitor(options?: VisitorOptions): Promise<{ peer: TestPeer; welcome: Extract<FrameOf<'welcome'>, { role: 'visitor' }> }>;
  agent(agentId: string, resume?: Record<string, number>): Promise<{ peer: TestPeer; welcome: Extract<FrameOf<'welcome'>, { role: 'agent' }> }>;
  /** A peer that has not said hello. */
  raw(context?: ConnectionContext): TestPeer;
  advance(ms: number): Promise<void>;
  /** What the hub logged as internal failures. */
  readonly internal: unknown[];
  /** Closes the hub; fails if it reported internal errors, unless they were expected. */
  close(options?: { expectInternalErrors?: boolean }): Promise<void>;
}

export async function createEnv(options: EnvOptions = {}): Promise<TestEnv> {
  const store = createMemoryStore();
  const clock = createFakeClock(Date.UTC(2026, 0, 5, 9));
  const auth = createTokenAuth({ secret: 'a-hub-secret-of-at-least-32-characters', clock });
  await store.saveSite({ id: SITE, name: 'Shop A', secret: SECRET, settings: testSettings(options.settings) });
  await store.saveSite({ id: OTHER_SITE, name: 'Shop B', secret: 'site-b-secret', settings: testSettings() });
  for (const a of AGENTS) await store.saveAgent({ ...a, ...options.agents?.[a.id] });
  for (const g of GROUPS) await store.saveGroup(g);
  const internal: unknown[] = [];
  const hub = createHub({
    store: options.wrapStore ? options.wrapStore(store) : store,
    auth,
    clock,
    ids: createSequentialIds(),
    idleTimeoutMs: options.idleTimeoutMs ?? 24 * 3600_000,
    logger: { warn: () => {}, error: (...data) => internal.push(data) },
  });
  const events: TestEnv['events'] = { session: [], message: [], offline: [], error: [] };
  for (const type of Object.keys(events) as (keyof HubEvents)[]) {
    hub.events.on(type, (event) => (events[type] as unknown[]).push(event));
  }
  const peers: TestPeer[] = [];
  const raw = (context?: ConnectionContext) => {
    const peer = new TestPeer(hub, context);
    peers.push(peer);
    return peer;
  };
  return {
    hub,
    store,
    clock,
    auth,
    events,
    internal,
    raw,
    async visitor(o = {}) {
      const peer = raw(o.context);
      peer.send({
        type: 'hello',
        v: PROTOCOL_VERSION,
        role: 'visitor',
        siteId: o.siteId ?? SITE,
        ...(o.token && { token: o.token }),
        ...(o.member && { member: o.member }),
        ...(o.resume && { resume: o.resume }),
        ...(o.language && { language: o.language }),
      });
      const welcome = await peer.next('welcome');
      assert.equal(welcome.role, 'visitor');
      return { peer, welcome: welcome as Extract<FrameOf<'welcome'>, { role: 'visitor' }> };
    },
    async agent(agentId, resume) {
      const record = AGENTS.find((a) => a.id === agentId);
      const peer = raw();
      const token = await auth.issueAgentToken(record?.siteId ?? SITE, agentId);
      peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token, ...(resume && { resume }) });
      const welcome = await peer.next('welcome');
      assert.equal(welcome.role, 'agent');
      return { peer, welcome: welcome as Extract<FrameOf<'welcome'>, { role: 'agent' }> };
    },
    async advance(ms) {
      await clock.advance(ms);
      await settle();
    },
    async close(o = {}) {
      await settle();
      await hub.close();
      if (o.expectInternalErrors) return;
      assert.deepEqual(internal, [], 'the hub reported internal errors');
      assert.deepEqual(events.error, [], 'the hub emitted error events');
    },
  };
}
