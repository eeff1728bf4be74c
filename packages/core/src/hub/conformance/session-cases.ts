/** Conformance of sessions: save, queries, sales-mode counts. */
import { check, checkEqual, idsOf } from './assert.js';
import { message, session, T0 } from './fixtures.js';
import type { StoreConformanceCase } from './types.js';
import type { Store } from '../store.js';

/** Six sessions of site_a and one of site_b, created a minute apart. */
async function seed(store: Store): Promise<void> {
  const minute = 60_000;
  await store.saveSession(session({ id: 'ses_1', createdAt: T0, state: 'ended', agentId: 'agt_1', acceptedAt: T0 + 1, endedAt: T0 + 2, endedBy: 'visitor' }));
  await store.saveSession(session({ id: 'ses_2', createdAt: T0 + minute, state: 'active', agentId: 'agt_2', acceptedAt: T0 + minute }));
  await store.saveSession(session({ id: 'ses_3', createdAt: T0 + 2 * minute, state: 'queued', visitorId: 'vis_2' }));
  await store.saveSession(session({ id: 'ses_4', createdAt: T0 + 3 * minute, state: 'active', agentId: 'agt_1', acceptedAt: T0 + 3 * minute, visitorId: 'vis_2' }));
  await store.saveSession(session({ id: 'ses_5', createdAt: T0 + 4 * minute, state: 'offline', visitorId: 'vis_3' }));
  await store.saveSession(session({ id: 'ses_6', createdAt: T0 + 5 * minute, state: 'transferring', agentId: 'agt_1', acceptedAt: T0 + 5 * minute }));
  await store.saveSession(session({ id: 'ses_b', siteId: 'site_b', createdAt: T0 + 5 * minute, agentId: 'agt_1' }));
}

export const sessionCases: StoreConformanceCase[] = [
  {
    name: 'sessions: save, get whole, replace by id',
    async run(store) {
      check((await store.getSession('ses_x')) === undefined, 'unknown session is undefined');
      const full = session({
        state: 'ended',
        agentId: 'agt_1',
        groupId: 'grp_1',
        acceptedAt: T0 + 1,
        endedAt: T0 + 2,
        endedBy: 'agent',
        readSeq: { visitor: 3, agent: 4 },
        rating: { score: 5, comment: 'Great' },
        evaluation: { topic: 'billing', level: 'high', category: 'sales', notes: 'ok' },
        autoReplies: 2,
      });
      await store.saveSession(session());
      await store.saveSession(full);
      checkEqual(await store.getSession('ses_1'), full, 'getSession returns every field of the latest save');
      checkEqual((await store.listSessions({ siteId: 'site_a' })).length, 1, 'replacing must not add a session');
    },
  },
  {
    name: 'listSessions: the site only, newest first',
    async run(store) {
      await seed(store);
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a' })), ['ses_6', 'ses_5', 'ses_4', 'ses_3', 'ses_2', 'ses_1'], 'newest first');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_b' })), ['ses_b'], 'other site');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_c' })), [], 'unknown site lists nothing');
    },
  },
  {
    name: 'listSessions: by states, agent, visitor, combined',
    async run(store) {
      await seed(store);
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', states: ['active', 'transferring'] })), ['ses_6', 'ses_4', 'ses_2'], 'states');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', states: [] })), [], 'no state matches nothing');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', agentId: 'agt_1' })), ['ses_6', 'ses_4', 'ses_1'], 'agent');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', visitorId: 'vis_2' })), ['ses_4', 'ses_3'], 'visitor');
      checkEqual(
        idsOf(await store.listSessions({ siteId: 'site_a', visitorId: 'vis_2', agentId: 'agt_1', states: ['active'] })),
        ['ses_4'],
        'filters combine with AND',
      );
    },
  },
  {
    name: 'listSessions: time range [from, to), limit',
    async run(store) {
      await seed(store);
      const minute = 60_000;
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', from: T0 + 2 * minute })), ['ses_6', 'ses_5', 'ses_4', 'ses_3'], 'from is inclusive');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', to: T0 + 2 * minute })), ['ses_2', 'ses_1'], 'to is exclusive');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', from: T0 + minute, to: T0 + 3 * minute })), ['ses_3', 'ses_2'], 'range');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', limit: 2 })), ['ses_6', 'ses_5'], 'limit keeps the newest');
    },
  },
  {
    name: 'listSessions: default limit is 100',
    async run(store) {
      for (let i = 0; i < 105; i++) await store.saveSession(session({ id: `ses_${i}`, createdAt: T0 + i }));
      const found = await store.listSessions({ siteId: 'site_a' });
      checkEqual(found.length, 100, 'at most 100 without a limit');
      checkEqual(found[0]?.id, 'ses_104', 'the newest first');
    },
  },
  {
    name: 'listSessions: text search in messages, case-insensitive',
    async run(store) {
      await seed(store);
      await store.appendMessage(message({ id: 'msg_1', sessionId: 'ses_2', clientId: 'c1', text: 'Where is my ORDER?' }));
      await store.appendMessage(message({ id: 'msg_2', sessionId: 'ses_4', clientId: 'c2', text: 'refund please' }));
      await store.appendMessage(message({ id: 'msg_3', sessionId: 'ses_4', clientId: 'c3', text: 'my order 42' }));
      await store.appendMessage(message({ id: 'msg_4', sessionId: 'ses_b', clientId: 'c4', text: 'order' }));
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', text: 'order' })), ['ses_4', 'ses_2'], 'matches any message, once per session');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', text: 'REFUND' })), ['ses_4'], 'case-insensitive');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', text: 'nothing like it' })), [], 'no match');
      checkEqual(idsOf(await store.listSessions({ siteId: 'site_a', text: 'order', agentId: 'agt_2' })), ['ses_2'], 'with other filters');
    },
  },
  {
    name: 'countAcceptedSince: per site and agent, acceptedAt at or after',
    async run(store) {
      await seed(store);
      const minute = 60_000;
      checkEqual(await store.countAcceptedSince('site_a', 'agt_1', T0), 3, 'all of agt_1 on site_a');
      checkEqual(await store.countAcceptedSince('site_a', 'agt_1', T0 + 3 * minute), 2, 'inclusive bound');
      checkEqual(await store.countAcceptedSince('site_a', 'agt_2', T0 + 2 * minute), 0, 'before since is not counted');
      checkEqual(await store.countAcceptedSince('site_a', 'agt_9', T0), 0, 'unknown agent');
      checkEqual(await store.countAcceptedSince('site_b', 'agt_1', T0), 0, 'never accepted ones do not count');
    },
  },
];
