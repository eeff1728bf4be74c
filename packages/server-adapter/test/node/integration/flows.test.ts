/**
 * The six flows of DESIGN.md through the real server — HTTP sign-in, the hub,
 * the SQLite store — with the real `VisitorClient` and `AgentClient`, once
 * over WebSocket and once over long-poll (the same test body).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { AgentClient, FallbackKind, ParleyError, VisitorClient } from '@parley/core';

import { makeAgent, makeVisitor, nextEvent, until, type ClientOptions } from './support/clients.js';
import { AGENTS, SITE_ID, startTestServer, testSiteSettings, type TestServer } from './support/server.js';

const KINDS: readonly FallbackKind[] = ['websocket', 'long-poll'];

for (const kind of KINDS) {
  describe(`the six flows over ${kind}`, () => {
    let t: TestServer;
    let ada: AgentClient;
    let sam: AgentClient;
    const visitors: VisitorClient[] = [];

    before(async () => {
      t = await startTestServer();
      ada = makeAgent(t.url, await t.signIn('ada'), { kind });
      sam = makeAgent(t.url, await t.signIn('sam'), { kind });
      await until('agents connected', () => ada.status === 'open' && sam.status === 'open');
    });
    after(async () => {
      for (const v of visitors) v.close();
      ada.close();
      sam.close();
      await t.close();
    });

    /** A connected visitor. */
    async function visitor(options: Omit<ClientOptions, 'kind'> = {}): Promise<VisitorClient> {
      const v = makeVisitor(t.url, { kind, ...options });
      visitors.push(v);
      await until('visitor connected', () => v.status === 'open' && v.visitorId !== undefined);
      return v;
    }

    const has = (list: readonly { text?: string }[], text: string) => list.some((m) => m.text === text);

    it('1. sessions: queue with position, accept, messages both ways, rating, end; offline message when nobody can chat', async () => {
      await ada.setPresence('busy');
      await sam.setPresence('busy');
      const vera = await visitor();
      const asked = await vera.requestChat({ name: 'Vera', question: 'help' });
      assert.equal(asked.state, 'queued');
      assert.equal(asked.groupId, 'grp_support', 'the question type routed it');
      await until('queue position', () => vera.queuePosition === 1);
      await until('agents see the queue', () => sam.queue.some((s) => s.id === asked.id));

      const accepted = await sam.accept(asked.id);
      assert.equal(accepted.agentId, AGENTS.sam.id);
      await until('visitor sees the agent', () => vera.session?.state === 'active' && vera.session.agentId === AGENTS.sam.id);

      vera.send('Hello, my parcel is late');
      await until('agent gets the message', () => has(sam.messages(asked.id), 'Hello, my parcel is late'));
      sam.send(asked.id, 'Let me check that for you.');
      await until('visitor gets the reply', () => has(vera.messages(asked.id), 'Let me check that for you.'));
      const own = vera.messages(asked.id).find((m) => m.own);
      assert.ok(own && (own.delivery === 'sent' || own.delivery === 'read'));

      const ratingAsked = nextEvent<{ sessionId: string }>((h) => vera.on('ratingRequest', h));
      await sam.requestRating(asked.id);
      assert.equal((await ratingAsked).sessionId, asked.id);
      const ended = await vera.end();
      assert.equal(ended.state, 'ended');
      const rated = await vera.rate(5, 'Quick and kind');
      assert.equal(rated.rating?.score, 5);

      await ada.setPresence('away');
      await sam.setPresence('away');
      const otto = await visitor();
      await until('nobody available', () => otto.availability === 'offline');
      await assert.rejects(otto.requestChat({ name: 'Otto' }), (e: ParleyError) => e.code === 'no_agent_available');
      const seen = nextEvent<{ id: string }>((h) => ada.on('offlineMessage', h));
      const left = await otto.leaveMessage({ name: 'Otto', email: 'otto@example.com', message: 'Please call me back' });
      assert.equal((await seen).id, left.id);
      await ada.setPresence('online');
      await sam.setPresence('online');
    });

    it('2. trajectory: page views with referrer, search engine and keyword, streamed to a watching agent', async () => {
      await ada.watchVisitors(true);
      const wanda = await visitor();
      const id = wanda.visitorId!;
      wanda.trackPageView({ url: 'http://shop.test/pricing', title: 'Pricing', referrer: 'https://www.google.com/search?q=chat+widget' });
      await until('the agent sees the page', () => ada.visitors.get(id)?.currentPage?.url === 'http://shop.test/pricing');
      const listed = ada.visitors.get(id)!;
      assert.equal(listed.searchEngine, 'Google');
      assert.equal(listed.keyword, 'chat widget');
      wanda.trackPageView({ url: 'http://shop.test/checkout', title: 'Checkout' });
      await until('the agent sees the next page', () => ada.visitors.get(id)?.currentPage?.url === 'http://shop.test/checkout');
      const detail = await ada.visitorDetail(id);
      assert.deepEqual(
        detail.pageViews.map((p) => p.url),
        ['http://shop.test/pricing', 'http://shop.test/checkout'],
      );
      await ada.watchVisitors(false);
    });

    it('3. typing preview: the visitor’s draft reaches the agent and clears on send', async () => {
      const tia = await visitor();
      const session = await tia.requestChat({ name: 'Tia' });
      const agent = session.agentId === AGENTS.ada.id ? ada : sam;
      await until('the agent has the chat', () => agent.sessionById(session.id) !== undefined);
      tia.setDraft('Where is my ord');
      await until('the agent sees the draft', () => agent.typing(session.id)?.draft === 'Where is my ord');
      tia.send('Where is my order?');
      await until('the preview is cleared', () => agent.typing(session.id)?.active !== true);
      agent.setTyping(session.id, 'Checking');
      await until('the visitor sees the agent typing', () => tia.agentTyping(session.id));
      await tia.end();
    });

    it('4. invites: manual invite accepted, one declined, and an auto-invite rule', async () => {
      const ivan = await visitor();
      const invited = nextEvent<{ id: string; message: string }>((h) => ivan.on('invite', h));
      await ada.invite(ivan.visitorId!, { message: 'Need a hand?', proactive: false });
      const invite = await invited;
      assert.equal(invite.message, 'Need a hand?');
      const session = await ivan.answerInvite(invite.id, true);
      assert.equal(session?.state, 'active');
      assert.equal(session?.agentId, AGENTS.ada.id, 'the inviting agent gets the chat');
      await ivan.end();

      const again = nextEvent<{ id: string }>((h) => ivan.on('invite', h));
      const declined = nextEvent<{ reason: string }>((h) => sam.on('inviteClosed', h), (e) => e.reason === 'declined');
      await sam.invite(ivan.visitorId!, { message: 'Still there?', proactive: false });
      await ivan.answerInvite((await again).id, false);
      await declined;

      const site = (await t.server.store.getSite(SITE_ID))!;
      await t.server.store.saveSite({
        ...site,
        settings: {
          ...site.settings,
          inviteRules: [{ name: 'Pricing help', delaySeconds: 1, urlContains: 'pricing', maxTimes: 1, intervalSeconds: 60, expirySeconds: 30, message: 'Comparing plans?' }],
        },
      });
      await t.server.hub.reloadSite(SITE_ID);
      const pia = await visitor();
      const auto = nextEvent<{ rule?: string; message: string }>((h) => pia.on('invite', h));
      pia.trackPageView({ url: 'http://shop.test/pricing', title: 'Pricing' });
      const rule = await auto;
      assert.equal(rule.rule, 'Pricing help');
      assert.equal(rule.message, 'Comparing plans?');
      await t.server.store.saveSite({ ...site, settings: testSiteSettings() });
      await t.server.hub.reloadSite(SITE_ID);
    });

    it('5. page push: an allowed URL reaches the visitor and navigates; another origin is refused', async () => {
      const navigated: string[] = [];
      const paul = await visitor({ navigate: (url) => navigated.push(url) });
      const pushed = nextEvent<{ url: string }>((h) => paul.on('pagePush', h));
      await sam.pushPage(paul.visitorId!, 'http://shop.test/shipping');
      assert.equal((await pushed).url, 'http://shop.test/shipping');
      await until('navigated', () => navigated.includes('http://shop.test/shipping'));
      await assert.rejects(sam.pushPage(paul.visitorId!, 'https://evil.test/'), (e: ParleyError) => e.code === 'origin_not_allowed');
    });

    it('6. transfer: offered with history and accepted; declined keeps the chat; the conversation never drops', async () => {
      await sam.setPresence('busy');
      const theo = await visitor();
      const session = await theo.requestChat({ name: 'Theo' });
      assert.equal(session.agentId, AGENTS.ada.id);
      await sam.setPresence('online');
      theo.send('First question');
      await until('Ada has it', () => has(ada.messages(session.id), 'First question'));

      const offered = nextEvent<{ id: string; note?: string; history: readonly { text?: string }[] }>((h) => sam.on('transferOffer', h));
      const told = nextEvent<{ phase: string }>((h) => theo.on('transfer', h), (n) => n.phase === 'done');
      await ada.transfer(session.id, { toAgentId: AGENTS.sam.id }, 'Returning customer');
      const offer = await offered;
      assert.equal(offer.note, 'Returning customer');
      assert.ok(has(offer.history, 'First question'), 'the history comes with the offer');
      const taken = await sam.answerTransfer(offer.id, true);
      assert.equal(taken.agentId, AGENTS.sam.id);
      await told;
      theo.send('Second question');
      await until('Sam has it', () => has(sam.messages(session.id), 'Second question'));

      const offeredBack = nextEvent<{ id: string }>((h) => ada.on('transferOffer', h));
      const declined = nextEvent<{ outcome: string }>((h) => sam.on('transferClosed', h), (e) => e.outcome === 'declined');
      await sam.transfer(session.id, { toAgentId: AGENTS.ada.id });
      await ada.answerTransfer((await offeredBack).id, false);
      await declined;
      await until('Sam still serves it', () => sam.sessionById(session.id)?.state === 'active' && sam.sessionById(session.id)?.agentId === AGENTS.sam.id);
      theo.send('Third question');
      await until('Sam has the next message', () => has(sam.messages(session.id), 'Third question'));
      await theo.end();
    });
  });
}
