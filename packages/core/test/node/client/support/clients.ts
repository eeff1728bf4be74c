/** Builds a client wired to a fake hub, a fake clock and memory storage, with its events recorded. */
import {
  AgentClient,
  createFakeClock,
  createMemoryStorage,
  VisitorClient,
  type AgentClientOptions,
  type AgentEvents,
  type ClientStorage,
  type FakeClock,
  type VisitorClientOptions,
  type VisitorEvents,
} from '../../../../src/index.js';
import { FakeHub, type FakeHubOptions } from './fake-hub.js';
import { recorder, settle } from './settle.js';

const VISITOR_EVENTS = [
  'status',
  'messages',
  'typing',
  'error',
  'identity',
  'settings',
  'availability',
  'session',
  'transfer',
  'invite',
  'inviteClosed',
  'pagePush',
  'ratingRequest',
] as const satisfies readonly (keyof VisitorEvents)[];

const AGENT_EVENTS = [
  'status',
  'messages',
  'typing',
  'error',
  'agent',
  'agents',
  'groups',
  'session',
  'sessionRemoved',
  'queue',
  'visitors',
  'transferOffer',
  'transferClosed',
  'inviteClosed',
  'offlineMessage',
] as const satisfies readonly (keyof AgentEvents)[];

export interface Setup {
  readonly clock?: FakeClock;
  readonly hub?: FakeHub | FakeHubOptions;
  readonly storage?: ClientStorage;
}

function common(setup: Setup) {
  const clock = setup.clock ?? createFakeClock();
  const hub = setup.hub instanceof FakeHub ? setup.hub : new FakeHub(setup.hub);
  const storage = setup.storage ?? createMemoryStorage();
  return { clock, hub, storage };
}

export function visitorSetup(setup: Setup & { readonly options?: Partial<VisitorClientOptions> } = {}) {
  const { clock, hub, storage } = common(setup);
  const client = new VisitorClient({
    siteId: 'site_1',
    transport: hub.factory,
    storage,
    clock,
    random: () => 0.5,
    ...setup.options,
  });
  const log = recorder<VisitorEvents>(client, VISITOR_EVENTS);
  const connect = async () => {
    client.connect();
    await settle();
  };
  return { clock, hub, storage, client, log, connect };
}

export function agentSetup(setup: Setup & { readonly options?: Partial<AgentClientOptions> } = {}) {
  const { clock, hub, storage } = common(setup);
  const client = new AgentClient({ token: 'agent-token', transport: hub.factory, storage, clock, random: () => 0.5, ...setup.options });
  const log = recorder<AgentEvents>(client, AGENT_EVENTS);
  const connect = async () => {
    client.connect();
    await settle();
  };
  return { clock, hub, storage, client, log, connect };
}
