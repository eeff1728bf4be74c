/** Conformance of sites, agents, groups, visitors, page views and offline messages. */
import { check, checkEqual, idsOf } from './assert.js';
import { agent, offlineMessage, pageView, site, T0, visitor } from './fixtures.js';
import type { StoreConformanceCase } from './types.js';

export const recordCases: StoreConformanceCase[] = [
  {
    name: 'sites: save, get, list, replace; unknown ids give undefined',
    async run(store) {
      check((await store.getSite('site_x')) === undefined, 'getSite of an unknown id must be undefined');
      await store.saveSite(site());
      await store.saveSite(site({ id: 'site_b', name: 'Shop B' }));
      checkEqual(await store.getSite('site_a'), site(), 'getSite returns the saved site whole');
      checkEqual(idsOf(await store.listSites()).sort(), ['site_a', 'site_b'], 'listSites lists every site');
      await store.saveSite(site({ name: 'Renamed' }));
      checkEqual((await store.getSite('site_a'))?.name, 'Renamed', 'saveSite replaces by id');
      checkEqual((await store.listSites()).length, 2, 'replacing must not add a site');
    },
  },
  {
    name: 'agents: per site, oldest first, replace in place, delete',
    async run(store) {
      await store.saveAgent(agent({ id: 'agt_1' }));
      await store.saveAgent(agent({ id: 'agt_2', login: 'bo' }));
      await store.saveAgent(agent({ id: 'agt_9', siteId: 'site_b' }));
      await store.saveAgent(agent({ id: 'agt_3', login: 'cy' }));
      checkEqual(idsOf(await store.listAgents('site_a')), ['agt_1', 'agt_2', 'agt_3'], 'listAgents: the site only, oldest first');
      await store.saveAgent(agent({ id: 'agt_1', capacity: 7, disabled: true }));
      checkEqual(idsOf(await store.listAgents('site_a')), ['agt_1', 'agt_2', 'agt_3'], 'replacing keeps the order');
      checkEqual(await store.getAgent('agt_1'), agent({ id: 'agt_1', capacity: 7, disabled: true }), 'getAgent after replace');
      await store.deleteAgent('agt_2');
      check((await store.getAgent('agt_2')) === undefined, 'deleteAgent removes it');
      checkEqual(idsOf(await store.listAgents('site_a')), ['agt_1', 'agt_3'], 'deleted agent is not listed');
      checkEqual(idsOf(await store.listAgents('site_b')), ['agt_9'], 'other site untouched');
      await store.deleteAgent('agt_unknown');
    },
  },
  {
    name: 'groups: per site, replace, delete',
    async run(store) {
      await store.saveGroup({ id: 'grp_1', siteId: 'site_a', name: 'Sales' });
      await store.saveGroup({ id: 'grp_2', siteId: 'site_a', name: 'Support' });
      await store.saveGroup({ id: 'grp_3', siteId: 'site_b', name: 'Other' });
      await store.saveGroup({ id: 'grp_1', siteId: 'site_a', name: 'Sales team' });
      checkEqual(
        (await store.listGroups('site_a')).sort((a, b) => a.id.localeCompare(b.id)),
        [
          { id: 'grp_1', siteId: 'site_a', name: 'Sales team' },
          { id: 'grp_2', siteId: 'site_a', name: 'Support' },
        ],
        'listGroups: the site only, replaced by id',
      );
      await store.deleteGroup('grp_2');
      checkEqual(idsOf(await store.listGroups('site_a')), ['grp_1'], 'deleteGroup removes it');
      checkEqual(idsOf(await store.listGroups('site_b')), ['grp_3'], 'other site untouched');
    },
  },
  {
    name: 'visitors: keyed by site and id, replace',
    async run(store) {
      check((await store.getVisitor('site_a', 'vis_1')) === undefined, 'unknown visitor is undefined');
      await store.saveVisitor(visitor());
      await store.saveVisitor(visitor({ siteId: 'site_b', visitCount: 5 }));
      checkEqual((await store.getVisitor('site_a', 'vis_1'))?.visitCount, 1, 'same id on two sites are two visitors');
      checkEqual((await store.getVisitor('site_b', 'vis_1'))?.visitCount, 5, 'same id on two sites are two visitors');
      const full = visitor({
        visitCount: 2,
        lastSeenAt: T0 + 1,
        member: { id: 'm1', name: 'Bo', verified: true },
        card: { phone: '123' },
        lastAgentId: 'agt_1',
      });
      await store.saveVisitor(full);
      checkEqual(await store.getVisitor('site_a', 'vis_1'), full, 'saveVisitor replaces; every field kept');
    },
  },
  {
    name: 'page views: upsert by id, oldest first, the newest `limit`',
    async run(store) {
      await store.savePageView(pageView({ id: 'pv_1', at: T0 }));
      await store.savePageView(pageView({ id: 'pv_3', at: T0 + 20, url: 'https://shop.example/c' }));
      await store.savePageView(pageView({ id: 'pv_2', at: T0 + 10, url: 'https://shop.example/b', referrer: 'https://www.google.com/search?q=x', searchEngine: 'Google', keyword: 'x' }));
      await store.savePageView(pageView({ id: 'pv_x', visitorId: 'vis_2', at: T0 + 5 }));
      await store.savePageView(pageView({ id: 'pv_y', siteId: 'site_b', at: T0 + 5 }));
      await store.savePageView(pageView({ id: 'pv_1', at: T0, dwellMs: 9000 }));
      const views = await store.listPageViews('site_a', 'vis_1');
      checkEqual(idsOf(views), ['pv_1', 'pv_2', 'pv_3'], 'listPageViews: the visitor only, oldest first, no duplicate on upsert');
      checkEqual(views[0]?.dwellMs, 9000, 'savePageView replaces by id');
      checkEqual(views[1]?.keyword, 'x', 'every field kept');
      checkEqual(idsOf(await store.listPageViews('site_a', 'vis_1', 2)), ['pv_2', 'pv_3'], 'limit keeps the newest, oldest first');
      checkEqual(idsOf(await store.listPageViews('site_b', 'vis_1')), ['pv_y'], 'per site');
    },
  },
  {
    name: 'offline messages: newest first, replied filter, limit, get, replace',
    async run(store) {
      for (let i = 1; i <= 5; i++) {
        await store.saveOfflineMessage(offlineMessage({ id: `off_${i}`, createdAt: T0 + i * 1000, replied: i % 2 === 0 }));
      }
      await store.saveOfflineMessage(offlineMessage({ id: 'off_b', siteId: 'site_b' }));
      checkEqual(idsOf(await store.listOfflineMessages('site_a')), ['off_5', 'off_4', 'off_3', 'off_2', 'off_1'], 'newest first, the site only');
      checkEqual(idsOf(await store.listOfflineMessages('site_a', { replied: false })), ['off_5', 'off_3', 'off_1'], 'replied: false');
      checkEqual(idsOf(await store.listOfflineMessages('site_a', { replied: true })), ['off_4', 'off_2'], 'replied: true');
      checkEqual(idsOf(await store.listOfflineMessages('site_a', { limit: 2 })), ['off_5', 'off_4'], 'limit keeps the newest');
      checkEqual(await store.getOfflineMessage('off_3'), offlineMessage({ id: 'off_3', createdAt: T0 + 3000 }), 'get returns it whole');
      await store.saveOfflineMessage(offlineMessage({ id: 'off_3', createdAt: T0 + 3000, replied: true }));
      checkEqual((await store.getOfflineMessage('off_3'))?.replied, true, 'save replaces by id (mark replied)');
      checkEqual((await store.listOfflineMessages('site_a')).length, 5, 'replacing must not add one');
      check((await store.getOfflineMessage('off_unknown')) === undefined, 'unknown id is undefined');
    },
  },
];
