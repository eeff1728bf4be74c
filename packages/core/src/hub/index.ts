/**
 * `@parley/core/hub` — the engine behind Parley's chat: conversations,
 * routing, queue, presence, the live visitor list, invitations, transfers and
 * fan-out, as pure logic over injected interfaces ({@link Store}, {@link Bus},
 * {@link HubAuth}, a clock and an id generator). It does no I/O of its own,
 * so it runs in a Node server, another runtime, or in a page over a memory
 * transport.
 *
 * ```ts
 * import { createHub, createMemoryStore, createTokenAuth } from '@parley/core/hub';
 *
 * const hub = createHub({ store: createMemoryStore(), auth: createTokenAuth({ secret }) });
 * server.on('connection', (socket) => hub.connect(toTransport(socket), { ip: socket.remoteAddress }));
 * ```
 *
 * Store adapters prove themselves with `@parley/core/hub/conformance`.
 *
 * @packageDocumentation
 */
export { createHub } from './hub.js';
export type { Hub, HubOptions, HubEvents, HubLogger, ConnectionContext } from './types.js';

export type { Store, SessionQuery, MessageQuery } from './store.js';
export type {
  SiteRecord,
  SiteSettings,
  InviteRule,
  AgentRecord,
  GroupRecord,
  VisitorRecord,
  PageViewRecord,
  SessionRecord,
  NewMessage,
  OfflineMessageRecord,
  FormField,
} from './records.js';
export { createMemoryStore } from './memory-store.js';

export { createLocalBus, TOPICS } from './bus.js';
export type { Bus } from './bus.js';

export { createTokenAuth, signMember, verifyMember } from './auth.js';
export type { HubAuth, TokenAuth, TokenAuthOptions } from './auth.js';

export { PERMISSIONS, permissionsOf, roleCan } from './permissions.js';
export type { Permission } from './permissions.js';

export { rankAgents, hasFreeSlot, startOfUtcDay } from './routing.js';
export type { RoutingCandidate, RoutingRequest } from './routing.js';

export { defaultSiteSettings } from './defaults.js';

// For integrators' tests: deterministic time and ids.
export { createFakeClock } from '../clock.js';
export type { Clock, FakeClock } from '../clock.js';
export { createSequentialIds } from '../ids.js';
export type { IdGenerator } from '../ids.js';
