import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signMember } from '../../../src/hub/index.js';
import { createEnv, SECRET } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('a new visitor gets an id, a token, its site\'s visitor settings and nothing private', async () => {
  const env = await createEnv();
  const { welcome } = await env.visitor();
  assert.equal(welcome.visitorId, 'vis_1');
  assert.equal(welcome.visitCount, 1);
  assert.deepEqual(await env.auth.verifyVisitorToken(welcome.token), { siteId: 'site_a', visitorId: 'vis_1' });
  assert.deepEqual(Object.keys(welcome.settings).sort(), ['offlineFields', 'preChatFields', 'pushOrigins', 'texts', 'theme', 'typingPreview']);
  assert.deepEqual([welcome.availability, welcome.sessions, welcome.invites], ['offline', [], []]);
  const stored = await env.store.getVisitor('site_a', 'vis_1');
  assert.deepEqual([stored?.visitCount, stored?.firstSeenAt], [1, env.clock.now()]);
  await env.close();
});

test('visits: tabs share one; coming back within 30 minutes is the same visit; after, a new one', async () => {
  const env = await createEnv();
  const { peer: tab1, welcome } = await env.visitor();
  const { token } = welcome;
  await env.advance(40 * 60_000);
  // A second tab while the first is still open: same visit, however long it has been.
  const { peer: tab2, welcome: w2 } = await env.visitor({ token });
  assert.deepEqual([w2.visitorId, w2.visitCount], ['vis_1', 1]);
  tab1.close();
  tab2.close();
  await settle();
  await env.advance(29 * 60_000);
  const { peer: back, welcome: w3 } = await env.visitor({ token });
  assert.equal(w3.visitCount, 1);
  back.close();
  await settle();
  await env.advance(30 * 60_000);
  const { welcome: w4 } = await env.visitor({ token });
  assert.equal(w4.visitCount, 2);
  assert.equal((await env.store.getVisitor('site_a', 'vis_1'))?.visitCount, 2);
  await env.close();
});

test('member info: a valid signature is verified and stored; a bad one is shown unverified and not stored', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('visitors.watch', { watch: true });
  await ada.next('visitors');
  const good = await signMember(SECRET, { id: 'm-1', name: 'Mia', email: 'mia@x.io' });
  await env.visitor({ member: good });
  const forged = { data: JSON.stringify({ id: 'm-2', name: 'Boss' }), signature: good.signature };
  await env.visitor({ member: forged });
  await env.advance(250);
  const list = await ada.next('visitors');
  const members = list.added.map((v) => [v.id, v.name, v.member?.name, v.member?.verified]);
  assert.deepEqual(members, [['vis_1', 'Mia', 'Mia', true], ['vis_2', undefined, 'Boss', false]]);
  assert.deepEqual((await env.store.getVisitor('site_a', 'vis_1'))?.member, { id: 'm-1', name: 'Mia', email: 'mia@x.io', verified: true });
  assert.equal((await env.store.getVisitor('site_a', 'vis_2'))?.member, undefined);
  await env.close();
});

test('resume: a visitor gets exactly the messages it missed, never another visitor\'s', async () => {
  const env = await createEnv();
  const { visitor, agent, session, token } = await startChat(env);
  const other = await startChat(env, 'agt_ada', agent);
  await other.visitor.ok('message.send', { sessionId: other.session.id, clientId: 'o1', text: 'secret' });
  visitor.drop();
  await settle();
  await agent.ok('message.send', { sessionId: session.id, clientId: 'a1', text: 'missed 1' });
  await agent.ok('message.send', { sessionId: session.id, clientId: 'a2', text: 'missed 2' });
  const { peer: back, welcome } = await env.visitor({ token, resume: { [session.id]: 1, [other.session.id]: 0, ses_unknown: 0 } });
  assert.deepEqual(welcome.sessions.map((s) => [s.id, s.lastSeq]), [[session.id, 3]]);
  const missed = await back.take('message');
  assert.deepEqual(missed.map((m) => m.message.text), ['missed 1', 'missed 2']);
  await env.close();
});

test('live visitor list: snapshot, batched changes, departure, removal after five minutes', async () => {
  const env = await createEnv();
  const { peer: early } = await env.visitor({ context: { ip: '203.0.113.9', location: 'Lyon', userAgent: 'UA/1' }, language: 'fr' });
  await env.advance(250);
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: bo } = await env.agent('agt_bo');
  await ada.ok('visitors.watch', { watch: true });
  const snapshot = await ada.next('visitors');
  assert.deepEqual(snapshot.added.map((v) => [v.id, v.online, v.ip, v.location, v.userAgent, v.language, v.visitCount]), [
    ['vis_1', true, '203.0.113.9', 'Lyon', 'UA/1', 'fr', 1],
  ]);
  // Two visitors arrive within one batch: one frame.
  await env.visitor();
  await env.visitor();
  await settle();
  await ada.none('visitors');
  await env.advance(250);
  const batch = await ada.next('visitors');
  assert.deepEqual(batch.added.map((v) => v.id), ['vis_2', 'vis_3']);
  // Not watching, no list.
  await bo.none('visitors');
  early.close();
  await env.advance(250);
  const left = (await ada.next('visitors')).updated.find((v) => v.id === 'vis_1');
  assert.deepEqual([left?.online, left?.leftAt], [false, env.clock.now() - 250]);
  await env.advance(5 * 60_000);
  assert.deepEqual((await ada.next('visitors')).removed, ['vis_1']);
  await ada.ok('visitors.watch', { watch: false });
  await env.visitor();
  await env.advance(250);
  await ada.none('visitors');
  await env.close();
});

test('a visitor who comes back before removal is online again, not added twice', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('visitors.watch', { watch: true });
  await ada.next('visitors');
  const { peer: visitor, welcome } = await env.visitor();
  await env.advance(250);
  await ada.next('visitors');
  visitor.close();
  await env.advance(60_000);
  ada.clear();
  await env.visitor({ token: welcome.token });
  await env.advance(250);
  const frame = await ada.next('visitors');
  assert.deepEqual(frame.added, []);
  assert.deepEqual(frame.updated.map((v) => [v.id, v.online, v.leftAt]), [['vis_1', true, undefined]]);
  await env.advance(10 * 60_000);
  await ada.none('visitors');
  await env.close();
});
