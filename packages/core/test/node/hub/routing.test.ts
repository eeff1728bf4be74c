import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasFreeSlot, rankAgents, startOfUtcDay, type RoutingCandidate } from '../../../src/hub/index.js';

const c = (agentId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  agentId,
  status: 'online',
  groups: [],
  capacity: 3,
  load: 0,
  reserved: 0,
  acceptedToday: 0,
  ...over,
});

test('only online agents below capacity are eligible', () => {
  const ranked = rankAgents(
    [
      c('busy', { status: 'busy' }),
      c('away', { status: 'away' }),
      c('invisible', { status: 'invisible' }),
      c('offline', { status: 'offline' }),
      c('full', { load: 3 }),
      c('reserved', { load: 2, reserved: 1 }),
      c('ok', { load: 2 }),
    ],
    { mode: 'service' },
  );
  assert.deepEqual(ranked, ['ok']);
});

test('service mode: fewest concurrent chats first, ties in list order', () => {
  const ranked = rankAgents([c('a', { load: 2 }), c('b', { load: 1 }), c('c', { load: 1, acceptedToday: 0 }), c('d', { load: 0, reserved: 1 })], {
    mode: 'service',
  });
  assert.deepEqual(ranked, ['b', 'c', 'd', 'a']);
});

test('sales mode: fewest chats accepted today first, then load', () => {
  const ranked = rankAgents(
    [c('a', { acceptedToday: 5, load: 0 }), c('b', { acceptedToday: 2, load: 2 }), c('c', { acceptedToday: 2, load: 1 })],
    { mode: 'sales' },
  );
  assert.deepEqual(ranked, ['c', 'b', 'a']);
});

test('group binding, exclusion and the preferred previous agent', () => {
  const agents = [c('a', { groups: ['g1'], load: 2 }), c('b', { groups: ['g1', 'g2'] }), c('c', { groups: ['g2'] })];
  assert.deepEqual(rankAgents(agents, { mode: 'service', groupId: 'g1' }), ['b', 'a']);
  assert.deepEqual(rankAgents(agents, { mode: 'service', groupId: 'g1', preferAgentId: 'a' }), ['a', 'b']);
  assert.deepEqual(rankAgents(agents, { mode: 'service', groupId: 'g2', excludeAgentId: 'b' }), ['c']);
  // A preferred agent who cannot take it is not forced in.
  assert.deepEqual(rankAgents([c('a', { load: 3 }), c('b')], { mode: 'service', preferAgentId: 'a' }), ['b']);
  assert.deepEqual(rankAgents(agents, { mode: 'service', groupId: 'g9' }), []);
});

test('property: the ranking holds exactly the eligible agents, best first', () => {
  const candidate = fc.record({
    agentId: fc.string({ minLength: 1, maxLength: 3 }),
    status: fc.constantFrom('online', 'busy', 'away', 'invisible', 'offline'),
    groups: fc.subarray(['g1', 'g2']),
    capacity: fc.integer({ min: 0, max: 4 }),
    load: fc.integer({ min: 0, max: 4 }),
    reserved: fc.integer({ min: 0, max: 2 }),
    acceptedToday: fc.integer({ min: 0, max: 9 }),
  }) as fc.Arbitrary<RoutingCandidate>;
  fc.assert(
    fc.property(
      fc.uniqueArray(candidate, { selector: (x) => x.agentId, maxLength: 8 }),
      fc.constantFrom('service', 'sales'),
      fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
      (candidates, mode, groupId) => {
        const ranked = rankAgents(candidates, { mode: mode as 'service' | 'sales', groupId });
        const eligible = candidates.filter((x) => hasFreeSlot(x) && (groupId === undefined || x.groups.includes(groupId)));
        assert.deepEqual([...ranked].sort(), eligible.map((x) => x.agentId).sort());
        const byId = new Map(candidates.map((x) => [x.agentId, x]));
        const key = (id: string) => {
          const x = byId.get(id)!;
          return mode === 'sales' ? [x.acceptedToday, x.load + x.reserved] : [x.load + x.reserved, 0];
        };
        for (let i = 1; i < ranked.length; i++) {
          const [a1, a2] = key(ranked[i - 1]!);
          const [b1, b2] = key(ranked[i]!);
          assert.ok(a1! < b1! || (a1 === b1 && a2! <= b2!), 'ranked best first');
        }
      },
    ),
  );
});

test('startOfUtcDay', () => {
  assert.equal(startOfUtcDay(Date.UTC(2026, 4, 3, 23, 59, 59)), Date.UTC(2026, 4, 3));
  assert.equal(startOfUtcDay(Date.UTC(2026, 4, 3)), Date.UTC(2026, 4, 3));
});
