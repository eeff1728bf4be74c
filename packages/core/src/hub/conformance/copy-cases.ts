/**
 * Conformance of isolation: what a caller holds is a copy. Changing a record
 * after saving it, or one that was read, must not change what is stored —
 * the hub relies on it (a database gives it for free; a cache must copy).
 */
import { checkEqual } from './assert.js';
import { agent, message, offlineMessage, pageView, session, site, visitor } from './fixtures.js';
import type { StoreConformanceCase } from './types.js';

/** Writes through readonly types, as a careless caller might. */
const mutable = <T>(value: T) => value as { -readonly [K in keyof T]: T[K] } & Record<string, unknown>;

export const copyCases: StoreConformanceCase[] = [
  {
    name: 'copies: records saved then changed by the caller stay as saved',
    async run(store) {
      const s = site();
      const a = agent();
      const v = visitor({ card: { phone: '1' } });
      const ses = session();
      const pv = pageView();
      const off = offlineMessage();
      await store.saveSite(s);
      await store.saveAgent(a);
      await store.saveVisitor(v);
      await store.saveSession(ses);
      await store.savePageView(pv);
      await store.saveOfflineMessage(off);
      mutable(s).name = 'changed';
      (mutable(s.settings).pushOrigins as string[]).push('https://evil.example');
      (a.groups as string[]).push('grp_x');
      mutable(v.card as Record<string, string>).phone = '2';
      mutable(ses.readSeq).visitor = 99;
      mutable(ses.fields as Record<string, string>).name = 'changed';
      mutable(pv).dwellMs = 5;
      mutable(off.fields as Record<string, string>).email = 'x';
      checkEqual(await store.getSite('site_a'), site(), 'site');
      checkEqual(await store.getAgent('agt_1'), agent(), 'agent');
      checkEqual(await store.getVisitor('site_a', 'vis_1'), visitor({ card: { phone: '1' } }), 'visitor');
      checkEqual(await store.getSession('ses_1'), session(), 'session');
      checkEqual(await store.listPageViews('site_a', 'vis_1'), [pageView()], 'page view');
      checkEqual(await store.getOfflineMessage('off_1'), offlineMessage(), 'offline message');
    },
  },
  {
    name: 'copies: records read then changed by the caller do not change the store',
    async run(store) {
      await store.saveSite(site());
      await store.saveSession(session());
      await store.saveAgent(agent());
      const readSite = await store.getSite('site_a');
      if (readSite) mutable(readSite.settings).typingPreview = false;
      const [listed] = await store.listSessions({ siteId: 'site_a' });
      if (listed) mutable(listed).state = 'ended';
      const [listedAgent] = await store.listAgents('site_a');
      if (listedAgent) (listedAgent.groups as string[]).length = 0;
      checkEqual(await store.getSite('site_a'), site(), 'site read back unchanged');
      checkEqual(await store.getSession('ses_1'), session(), 'session read back unchanged');
      checkEqual(await store.getAgent('agt_1'), agent(), 'agent read back unchanged');
    },
  },
  {
    name: 'copies: messages appended or listed then changed stay as stored',
    async run(store) {
      const input = message({ author: { kind: 'visitor', id: 'vis_1', name: 'Bo' } });
      const { message: stored } = await store.appendMessage(input);
      mutable(input).text = 'changed input';
      mutable(input.author).name = 'X';
      mutable(stored).text = 'changed output';
      const [listed] = await store.listMessages('ses_1');
      if (listed) mutable(listed).seq = 42;
      const [again] = await store.listMessages('ses_1');
      checkEqual(again?.text, 'Hello', 'text as appended');
      checkEqual(again?.author.name, 'Bo', 'author as appended');
      checkEqual(again?.seq, 1, 'seq as stored');
      const repeat = await store.appendMessage(message({ id: 'msg_2' }));
      checkEqual(repeat.message.text, 'Hello', 'a repeat returns the stored message, not a changed copy');
    },
  },
  {
    name: 'close resolves',
    async run(store) {
      await store.close();
    },
  },
];
