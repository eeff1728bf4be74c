import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InviteRule } from '../../../src/hub/index.js';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('manual invite: shown to the visitor; accepting starts a chat with the inviting agent', async () => {
  const env = await createEnv({ settings: { inviteExpirySeconds: 90 } });
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor, welcome } = await env.visitor();
  const { invite } = await ada.ok('invite.send', { visitorId: welcome.visitorId, message: 'Can I help?', proactive: false });
  assert.deepEqual(invite, {
    id: 'inv_1',
    visitorId: welcome.visitorId,
    agentId: 'agt_ada',
    agentName: 'Ada',
    message: 'Can I help?',
    proactive: false,
    createdAt: env.clock.now(),
    expiresAt: env.clock.now() + 90_000,
  });
  assert.deepEqual((await visitor.next('invite')).invite, invite);
  const { session } = await visitor.ok('invite.answer', { inviteId: invite.id, accept: true });
  assert.deepEqual([session?.state, session?.agentId], ['active', 'agt_ada']);
  const closed = { type: 'invite.closed', inviteId: invite.id, visitorId: welcome.visitorId, reason: 'accepted' };
  assert.deepEqual(await visitor.next('invite.closed'), closed);
  assert.deepEqual(await ada.next('invite.closed'), closed);
  await visitor.fails('invite.answer', { inviteId: invite.id, accept: true }, 'not_found');
  await env.close();
});

test('an accepted invite whose agent has gone is routed like a chat request', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await env.agent('agt_bo');
  const { peer: visitor } = await env.visitor();
  const { invite } = await ada.ok('invite.send', { visitorId: 'vis_1', proactive: false });
  ada.close();
  await settle();
  const { session } = await visitor.ok('invite.answer', { inviteId: invite.id, accept: true });
  assert.equal(session?.agentId, 'agt_bo');
  await env.close();
});

test('decline and expiry close the invite for both sides', async () => {
  const env = await createEnv({ settings: { inviteExpirySeconds: 60 } });
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const first = await ada.ok('invite.send', { visitorId: 'vis_1', message: 'Hi', proactive: false });
  assert.deepEqual(await visitor.ok('invite.answer', { inviteId: first.invite.id, accept: false }), {});
  assert.equal((await ada.next('invite.closed')).reason, 'declined');
  assert.equal((await visitor.next('invite.closed')).reason, 'declined');
  const second = await ada.ok('invite.send', { visitorId: 'vis_1', message: 'Hi again', proactive: false });
  await env.advance(59_000);
  await ada.none('invite.closed');
  await env.advance(1_000);
  assert.deepEqual((await ada.next('invite.closed')), { type: 'invite.closed', inviteId: second.invite.id, visitorId: 'vis_1', reason: 'expired' });
  assert.equal((await visitor.next('invite.closed')).reason, 'expired');
  await visitor.fails('invite.answer', { inviteId: second.invite.id, accept: true }, 'not_found');
  await env.close();
});

test('invite errors: unknown, foreign or departed visitor, visitor already chatting, someone else\'s invite', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.fails('invite.send', { visitorId: 'vis_nope', proactive: false }, 'not_found');
  const { peer: foreign, welcome: fw } = await env.visitor({ siteId: 'site_b' });
  await ada.fails('invite.send', { visitorId: fw.visitorId, proactive: false }, 'not_found');
  foreign.close();
  const { peer: gone, welcome: gw } = await env.visitor();
  gone.close();
  await settle();
  await ada.fails('invite.send', { visitorId: gw.visitorId, proactive: false }, 'visitor_gone');
  await ada.fails('page.push', { visitorId: gw.visitorId, url: 'https://shop.example/' }, 'visitor_gone');
  const chat = await startChat(env, 'agt_ada', ada);
  await ada.fails('invite.send', { visitorId: chat.visitorId, proactive: true, message: 'x' }, 'invalid_state');
  const { peer: other, welcome: ow } = await env.visitor();
  const { invite } = await ada.ok('invite.send', { visitorId: ow.visitorId, proactive: false });
  await chat.visitor.fails('invite.answer', { inviteId: invite.id, accept: true }, 'not_found');
  await other.next('invite');
  await env.close();
});

test('proactive invite: the chat opens at once with the agent\'s message first', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const { invite } = await ada.ok('invite.send', { visitorId: 'vis_1', message: 'Hello, need a hand?', proactive: true });
  assert.equal(invite.proactive, true);
  await settle();
  const order = visitor.unread.map((f) => f.type).filter((t) => t === 'session' || t === 'invite' || t === 'message');
  assert.deepEqual(order, ['session', 'invite', 'message']);
  const session = (await visitor.next('session')).session;
  assert.deepEqual([session.state, session.agentId], ['active', 'agt_ada']);
  const first = (await visitor.next('message')).message;
  assert.deepEqual([first.seq, first.author.kind, first.text, first.sessionId], [1, 'agent', 'Hello, need a hand?', session.id]);
  assert.equal((await ada.next('session', (f) => f.session.id === session.id)).session.state, 'active');
  // Reloading the page: the chat and the invite are still there.
  const { welcome } = await env.visitor({ token: (await env.auth.issueVisitorToken('site_a', 'vis_1')) });
  assert.deepEqual(welcome.sessions.map((s) => s.id), [session.id]);
  assert.deepEqual(welcome.invites.map((i) => i.id), [invite.id]);
  const accepted = await visitor.ok('invite.answer', { inviteId: invite.id, accept: true });
  assert.equal(accepted.session?.id, session.id);
  assert.equal((await ada.next('invite.closed')).reason, 'accepted');
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'yes please' });
  assert.equal((await ada.next('message', (f) => f.message.clientId === 'c1')).message.text, 'yes please');
  await env.close();
});

test("the visitor's first message in a proactive chat accepts its invite", async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const { invite } = await ada.ok('invite.send', { visitorId: 'vis_1', message: 'Hi!', proactive: true });
  const session = (await visitor.next('session')).session;
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'hello' });
  assert.deepEqual(await ada.next('invite.closed'), { type: 'invite.closed', inviteId: invite.id, visitorId: 'vis_1', reason: 'accepted' });
  await env.advance(600_000);
  await ada.none('invite.closed');
  await visitor.fails('invite.answer', { inviteId: invite.id, accept: false }, 'not_found');
  await env.close();
});

test('declining a proactive invite ends its chat', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const { invite } = await ada.ok('invite.send', { visitorId: 'vis_1', message: 'Hi!', proactive: true });
  const session = (await visitor.next('session')).session;
  await visitor.ok('invite.answer', { inviteId: invite.id, accept: false });
  assert.equal((await ada.next('session', (f) => f.session.state === 'ended')).session.id, session.id);
  assert.equal((await env.store.getSession(session.id))?.endedBy, 'visitor');
  await env.close();
});

const rule: InviteRule = {
  name: 'pricing',
  delaySeconds: 10,
  urlContains: '/pricing',
  maxTimes: 2,
  intervalSeconds: 60,
  expirySeconds: 30,
  message: 'Questions about prices?',
};

test('auto-invite: delay on a matching page, expiry, interval and maxTimes', async () => {
  const env = await createEnv({ settings: { inviteRules: [rule] } });
  await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const view = (path: string) => visitor.send({ type: 'page.view', url: `https://shop.example${path}`, title: path });
  view('/about');
  await env.advance(20_000);
  await visitor.none('invite');
  view('/pricing');
  await env.advance(9_000);
  view('/pricing/pro');
  await env.advance(9_000);
  await visitor.none('invite');
  await env.advance(1_000);
  const invite = (await visitor.next('invite')).invite;
  assert.deepEqual([invite.rule, invite.agentId, invite.message, invite.proactive, invite.expiresAt - invite.createdAt], ['pricing', undefined, 'Questions about prices?', false, 30_000]);
  await env.advance(30_000);
  assert.equal((await visitor.next('invite.closed')).reason, 'expired');
  // Too soon after the first (60 s interval).
  view('/pricing');
  await env.advance(10_000);
  await visitor.none('invite');
  await env.advance(20_000);
  view('/pricing');
  await env.advance(10_000);
  assert.equal((await visitor.next('invite')).invite.rule, 'pricing');
  await env.advance(30_000);
  await env.advance(120_000);
  view('/pricing');
  await env.advance(10_000);
  await visitor.none('invite');
  await env.close();
});

test('auto-invite: never after a decline in this visit, never while chatting or when nobody can chat', async () => {
  const env = await createEnv({ settings: { inviteRules: [{ ...rule, maxTimes: 10, intervalSeconds: 0 }] } });
  const { peer: visitor } = await env.visitor();
  const view = () => visitor.send({ type: 'page.view', url: 'https://shop.example/pricing', title: 'Pricing' });
  view();
  await env.advance(10_000);
  await visitor.none('invite');
  const { peer: ada } = await env.agent('agt_ada');
  view();
  await env.advance(10_000);
  const { invite } = await visitor.next('invite');
  // Accepting an automatic invite routes the chat.
  const { session } = await visitor.ok('invite.answer', { inviteId: invite.id, accept: true });
  assert.equal(session?.agentId, 'agt_ada');
  view();
  await env.advance(10_000);
  await visitor.none('invite');
  await ada.ok('session.end', { sessionId: session?.id ?? '' });
  view();
  await env.advance(10_000);
  const again = (await visitor.next('invite')).invite;
  await visitor.ok('invite.answer', { inviteId: again.id, accept: false });
  view();
  await env.advance(10_000);
  await visitor.none('invite');
  await env.close();
});

test('auto-invite with a proactive rule opens a chat with the agent routing picks', async () => {
  const env = await createEnv({ settings: { inviteRules: [{ ...rule, proactive: true }] } });
  await env.agent('agt_bo');
  const { peer: visitor } = await env.visitor();
  visitor.send({ type: 'page.view', url: 'https://shop.example/pricing', title: 'Pricing' });
  await env.advance(10_000);
  const { invite } = await visitor.next('invite');
  assert.deepEqual([invite.proactive, invite.agentId, invite.rule], [true, 'agt_bo', 'pricing']);
  const message = await visitor.next('message');
  assert.deepEqual([message.message.author.id, message.message.text], ['agt_bo', 'Questions about prices?']);
  await env.close();
});
