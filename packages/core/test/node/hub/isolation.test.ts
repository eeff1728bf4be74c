import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('nothing of one site reaches another site\'s connections', async () => {
  const env = await createEnv();
  const { peer: zed } = await env.agent('agt_zed');
  await zed.ok('visitors.watch', { watch: true });
  const snapshot = await zed.next('visitors');
  const { peer: visitorB } = await env.visitor({ siteId: 'site_b' });
  zed.clear();
  visitorB.clear();
  // A whole chat on site A: presence, queue, visitors, messages, typing, invites, offline messages.
  const { visitor, agent: ada, session } = await startChat(env);
  const { welcome: browsing } = await env.visitor();
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'private' });
  visitor.send({ type: 'typing', sessionId: session.id, draft: 'draft' });
  await ada.ok('presence.set', { status: 'busy' });
  const { peer: queued } = await env.visitor();
  await queued.ok('chat.request', { fields: {} });
  await queued.ok('offline.leave', { fields: { message: 'x' } });
  await ada.ok('invite.send', { visitorId: browsing.visitorId, proactive: true, message: 'hi' });
  await env.advance(1_000);
  assert.deepEqual(snapshot.added, []);
  const leaked = zed.unread.filter((f) => JSON.stringify(f).includes('site_a') || JSON.stringify(f).includes(session.id));
  assert.deepEqual(leaked, []);
  await zed.none('message', 'typing', 'queue', 'session', 'offline.message', 'agents');
  await visitorB.none();
  await env.close();
});

test('ids of another site are not_found for every command', async () => {
  const env = await createEnv();
  const { session, visitorId } = await startChat(env);
  const { peer: zed } = await env.agent('agt_zed');
  for (const [type, fields] of [
    ['session.accept', { sessionId: session.id }],
    ['session.end', { sessionId: session.id }],
    ['session.history', { sessionId: session.id }],
    ['session.evaluate', { sessionId: session.id, evaluation: {} }],
    ['rating.request', { sessionId: session.id }],
    ['message.send', { sessionId: session.id, clientId: 'z', text: 'hi' }],
    ['transfer.offer', { sessionId: session.id, toAgentId: 'agt_zed' }],
    ['invite.send', { visitorId, proactive: false }],
    ['page.push', { visitorId, url: 'https://shop.example/' }],
    ['visitor.detail', { visitorId }],
    ['visitor.card', { visitorId, card: { x: 'y' } }],
  ] as const) {
    await zed.fails(type, fields, 'not_found');
  }
  const { peer: visitorB } = await env.visitor({ siteId: 'site_b' });
  await visitorB.fails('message.send', { sessionId: session.id, clientId: 'z', text: 'hi' }, 'not_found');
  await visitorB.fails('session.end', { sessionId: session.id }, 'not_found');
  await visitorB.fails('session.rate', { sessionId: session.id, score: 1 }, 'not_found');
  await visitorB.fails('session.history', { sessionId: session.id }, 'not_found');
  // Resuming another site's session gives nothing.
  await env.visitor({ siteId: 'site_b', resume: { [session.id]: 0 } }).then(async ({ peer }) => peer.none('message'));
  assert.equal((await env.store.getSession(session.id))?.state, 'active');
  await env.close();
});

test('a site\'s availability is its own', async () => {
  const env = await createEnv();
  const { peer: visitorB, welcome } = await env.visitor({ siteId: 'site_b' });
  assert.equal(welcome.availability, 'offline');
  await env.agent('agt_ada');
  await settle();
  await visitorB.none('availability');
  await env.agent('agt_zed');
  assert.equal((await visitorB.next('availability')).status, 'online');
  await env.close();
});
