/**
 * `createHub`: wires the store, auth, bus, clock and ids into the engine and
 * serves connections. Everything else lives in the files this one imports;
 * see `connection.ts` for a connection's lifecycle.
 */
import { nanoid } from 'nanoid';
import { systemClock } from '../clock.js';
import { makeEventSource } from '../events.js';
import { createId } from '../ids.js';
import { CLOSE_CODES } from '../transport/transport.js';
import { createLocalBus } from './bus.js';
import { HubConnection } from './connection.js';
import { createTimerSet, type HubCore, type TimerSet } from './core.js';
import { createFanout } from './fanout.js';
import { createIdleWatch } from './idle.js';
import { createKeyedLock } from './lock.js';
import { agentInfo, refreshAvailability } from './presence.js';
import { restoreQueue, scheduleAbandonCheck, scheduleDrain } from './queue.js';
import { createSiteRegistry } from './site-state.js';
import type { Hub, HubEvents, HubLogger, HubOptions } from './types.js';

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

const consoleLogger: HubLogger = {
  warn: (message, ...data) => console.warn(`[parley hub] ${message}`, ...data),
  error: (message, ...data) => console.error(`[parley hub] ${message}`, ...data),
};

/**
 * Creates a hub over a store. One hub serves every site in the store; a
 * server adapter calls {@link Hub.connect} for each client connection.
 *
 * @example
 * ```ts
 * const hub = createHub({ store: createMemoryStore(), auth: createTokenAuth({ secret }) });
 * const transport = createMemoryTransport((end) => hub.connect(end));
 * ```
 */
export function createHub(options: HubOptions): Hub {
  const logger = options.logger ?? consoleLogger;
  const source = makeEventSource<HubEvents>();
  const inflight = new Set<Promise<void>>();
  const connections = new Set<HubConnection>();
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const bus = options.bus ?? createLocalBus();
  // Once closing, background work (timers, queue draining) stops: shutting down must
  // not turn queued chats into offline messages because every agent "left".
  let closing = false;

  const emit: HubCore['emit'] = (type, event) => {
    try {
      source.emit(type, event);
    } catch (error) {
      logger.error(`a listener of "${String(type)}" threw`, error);
    }
  };
  const report: HubCore['report'] = (where, error, siteId) => {
    logger.error(`internal failure in ${where}`, error);
    emit('error', siteId === undefined ? { where, error } : { where, error, siteId });
  };
  const background: HubCore['background'] = (where, siteId, work) => {
    if (closing) return;
    const task = Promise.resolve()
      .then(work)
      .catch((error: unknown) => report(where, error, siteId))
      .finally(() => inflight.delete(task));
    inflight.add(task);
  };
  const clock = options.clock ?? systemClock;
  const timers: TimerSet = createTimerSet(clock, background);
  const core: HubCore = {
    // Never in a frame (only in bus payloads), so tests stay deterministic.
    node: nanoid(10),
    store: options.store,
    auth: options.auth,
    bus,
    clock,
    ids: options.ids ?? createId,
    fanout: createFanout(bus),
    locks: createKeyedLock(),
    emit,
    logger,
    sites: createSiteRegistry(
      () => core,
      (state) => restoreQueue(core, state),
    ),
    timers,
    report,
    background,
    async settled() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
  };

  async function reloadSite(siteId: string): Promise<void> {
    const state = core.sites.peek(siteId);
    if (!state) return;
    const [site, agents, groups] = await Promise.all([
      core.store.getSite(siteId),
      core.store.listAgents(siteId),
      core.store.listGroups(siteId),
    ]);
    if (!site) return;
    const before = state.agents;
    state.site = site;
    state.groups = groups;
    state.agents = new Map(agents.map((a) => [a.id, a]));
    const gone = [...before.keys()].filter((id) => !state.agents.get(id) || state.agents.get(id)?.disabled);
    for (const conn of [...state.connections]) {
      if (conn.actor?.role === 'agent' && gone.includes(conn.actor.agentId)) {
        conn.close(CLOSE_CODES.authFailed, 'This agent was removed or disabled.');
      }
    }
    const listed = agents.filter((a) => !a.disabled);
    core.fanout.toSiteAgents(siteId, {
      type: 'agents',
      added: listed.filter((a) => !before.has(a.id)).map((a) => agentInfo(state, a)),
      updated: listed.filter((a) => before.has(a.id)).map((a) => agentInfo(state, a)),
      removed: gone,
    });
    refreshAvailability(core, state);
    scheduleDrain(core, state);
    scheduleAbandonCheck(core, state);
  }

  const gone = (conn: HubConnection) => void connections.delete(conn);
  const idle = createIdleWatch(core, connections, idleTimeoutMs);

  return {
    connect(transport, context = {}) {
      if (closing) {
        transport.close(CLOSE_CODES.goingAway, 'The hub is closed.');
        return;
      }
      const conn = new HubConnection(core, transport, context, gone);
      connections.add(conn);
      idle.watch(conn);
    },
    events: source.observable,
    reloadSite,
    async close() {
      if (closing) return;
      closing = true;
      for (const conn of [...connections]) conn.close(CLOSE_CODES.goingAway, 'The hub is closing.');
      await Promise.all([...connections].map((c) => c.done));
      await core.settled();
      await core.locks.idle();
      timers.clearAll();
      source.clear();
    },
  };
}
