import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('visitor.detail: the visitor, its trajectory and its earlier chats', async () => {
  const env = await createEnv();
  const { visitor, agent: ada, session, visitorId, token } = await startChat(env);
  visitor.send({ type: 'page.view', url: 'https://shop.example/', title: 'Home' });
  await visitor.ok('session.end', { sessionId: session.id });
  visitor.close();
  await settle();
  const { peer: back } = await env.visitor({ token });
  const { session: second } = await back.ok('chat.request', { fields: {} });
  const detail = await ada.ok('visitor.detail', { visitorId });
  assert.deepEqual([detail.visitor.id, detail.visitor.online, detail.visitor.visitCount], [visitorId, true, 1]);
  assert.deepEqual(detail.pageViews.map((p) => p.url), ['https://shop.example/']);
  assert.deepEqual(detail.sessions.map((s) => [s.id, s.state]), [[second.id, 'active'], [session.id, 'ended']]);
  await ada.fails('visitor.detail', { visitorId: 'vis_nope' }, 'not_found');
  await env.close();
});

test('visitor.detail of a visitor who is not here any more comes from the store', async () => {
  const env = await createEnv();
  await env.store.saveVisitor({ id: 'vis_old', siteId: 'site_a', visitCount: 4, firstSeenAt: 1, lastSeenAt: 2, card: { tier: 'gold' } });
  const { peer: ada } = await env.agent('agt_ada');
  const detail = await ada.ok('visitor.detail', { visitorId: 'vis_old' });
  assert.deepEqual([detail.visitor.online, detail.visitor.visitCount, detail.visitor.card], [false, 4, { tier: 'gold' }]);
  await env.close();
});

test('visitor.card: stored, shown in the live list, kept across visits', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('visitors.watch', { watch: true });
  await ada.next('visitors');
  const { peer: visitor, welcome } = await env.visitor();
  await env.advance(250);
  await ada.next('visitors');
  const { visitor: info } = await ada.ok('visitor.card', { visitorId: welcome.visitorId, card: { phone: '+33 1 23', note: 'VIP' } });
  assert.deepEqual(info.card, { phone: '+33 1 23', note: 'VIP' });
  await env.advance(250);
  assert.deepEqual((await ada.next('visitors')).updated[0]?.card, { phone: '+33 1 23', note: 'VIP' });
  assert.deepEqual((await env.store.getVisitor('site_a', welcome.visitorId))?.card, { phone: '+33 1 23', note: 'VIP' });
  visitor.close();
  await settle();
  await env.advance(31 * 60_000);
  await env.visitor({ token: welcome.token });
  assert.deepEqual((await ada.ok('visitor.detail', { visitorId: welcome.visitorId })).visitor.card, { phone: '+33 1 23', note: 'VIP' });
  await ada.fails('visitor.card', { visitorId: 'vis_nope', card: {} }, 'not_found');
  await env.close();
});
