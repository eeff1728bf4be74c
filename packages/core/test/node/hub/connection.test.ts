import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../../src/transport/transport.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { createEnv, SITE } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('a command before hello is refused with unauthenticated, and hello still works after', async () => {
  const env = await createEnv();
  const peer = env.raw();
  const error = await peer.fails('chat.request', { fields: {} }, 'unauthenticated');
  assert.equal(error.fatal, undefined);
  peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'visitor', siteId: SITE });
  const welcome = await peer.next('welcome');
  assert.equal(welcome.role, 'visitor');
  await env.close();
});

test('ping is answered with pong carrying the same t, before and after hello', async () => {
  const env = await createEnv();
  const peer = env.raw();
  peer.send({ type: 'ping', t: 42 });
  assert.equal((await peer.next('pong')).t, 42);
  const { peer: visitor } = await env.visitor();
  visitor.send({ type: 'ping', t: 7 });
  assert.equal((await visitor.next('pong')).t, 7);
  await env.close();
});

test('a wrong protocol version is fatal: error protocol_version, close 4002', async () => {
  const env = await createEnv();
  const peer = env.raw();
  peer.send({ type: 'hello', v: PROTOCOL_VERSION + 1, role: 'visitor', siteId: SITE });
  const error = await peer.next('error');
  assert.equal(error.code, 'protocol_version');
  assert.equal(error.fatal, true);
  assert.equal((await peer.closed()).code, CLOSE_CODES.protocolVersion);
  await env.close();
});

test('a bad agent token is fatal: auth_failed, close 4001', async () => {
  const env = await createEnv();
  for (const token of ['nonsense', (await env.auth.issueVisitorToken(SITE, 'vis_x'))]) {
    const peer = env.raw();
    peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token });
    const error = await peer.next('error');
    assert.equal(error.code, 'auth_failed');
    assert.equal(error.fatal, true);
    assert.equal((await peer.closed()).code, CLOSE_CODES.authFailed);
  }
  await env.close();
});

test('a disabled or deleted agent cannot sign in', async () => {
  const env = await createEnv();
  for (const agentId of ['agt_off', 'agt_nobody']) {
    const peer = env.raw();
    peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: await env.auth.issueAgentToken(SITE, agentId) });
    assert.equal((await peer.next('error')).code, 'auth_failed');
    assert.equal((await peer.closed()).code, CLOSE_CODES.authFailed);
  }
  // A token naming the wrong site for the agent is refused too.
  const peer = env.raw();
  peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: await env.auth.issueAgentToken('site_b', 'agt_ada') });
  assert.equal((await peer.next('error')).code, 'auth_failed');
  await env.close();
});

test('a visitor token of another site, or a forged one, is fatal auth_failed', async () => {
  const env = await createEnv();
  const { welcome } = await env.visitor({ siteId: 'site_b' });
  for (const token of [welcome.token, `${welcome.token}x`, (await env.auth.issueAgentToken(SITE, 'agt_ada'))]) {
    const peer = env.raw();
    peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'visitor', siteId: SITE, token });
    const error = await peer.next('error');
    assert.equal(error.code, 'auth_failed');
    assert.equal((await peer.closed()).code, CLOSE_CODES.authFailed);
  }
  await env.close();
});

test('an unknown site is fatal not_found', async () => {
  const env = await createEnv();
  const peer = env.raw();
  peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'visitor', siteId: 'site_nope' });
  const error = await peer.next('error');
  assert.equal(error.code, 'not_found');
  assert.equal(error.fatal, true);
  await peer.closed();
  await env.close();
});

test("a visitor from an origin outside the site's allowedOrigins is refused", async () => {
  const env = await createEnv({ settings: { allowedOrigins: ['https://shop.example', 'https://m.shop.example/'] } });
  const hello = { type: 'hello', v: PROTOCOL_VERSION, role: 'visitor', siteId: SITE } as const;
  const evil = env.raw({ origin: 'https://evil.example' });
  evil.send(hello);
  const error = await evil.next('error');
  assert.deepEqual([error.code, error.fatal], ['forbidden', true]);
  assert.equal((await evil.closed()).code, CLOSE_CODES.policyViolation);
  for (const origin of ['https://shop.example', 'https://m.shop.example', undefined]) {
    const peer = env.raw(origin === undefined ? {} : { origin });
    peer.send(hello);
    assert.equal((await peer.next('welcome')).role, 'visitor');
  }
  await env.close();
});

test('hello twice is refused without closing', async () => {
  const env = await createEnv();
  const { peer } = await env.visitor();
  peer.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'visitor', siteId: SITE });
  assert.equal((await peer.next('error')).code, 'unauthenticated');
  peer.send({ type: 'ping', t: 1 });
  await peer.next('pong');
  assert.equal(peer.closeEvent, undefined);
  await env.close();
});

test('malformed frames get an error (with ref when readable) and the connection carries on', async () => {
  const env = await createEnv();
  const { peer } = await env.visitor();
  peer.send('not json');
  assert.equal((await peer.next('error')).code, 'bad_frame');
  peer.send('[1,2]');
  assert.equal((await peer.next('error')).code, 'bad_frame');
  peer.send({ type: 'chat.request', ref: 'bad1', fields: 'nope' });
  const bad = await peer.next('error');
  assert.deepEqual([bad.code, bad.ref], ['bad_frame', 'bad1']);
  peer.send({ type: 'teleport', ref: 'x1' });
  const unknown = await peer.next('error');
  assert.deepEqual([unknown.code, unknown.ref], ['unknown_type', 'x1']);
  peer.send('x'.repeat(300 * 1024));
  assert.equal((await peer.next('error')).code, 'frame_too_large');
  peer.send({ type: 'ping', t: 3 });
  assert.equal((await peer.next('pong')).t, 3);
  await env.close();
});

test("a frame type outside the actor's role is unknown_type", async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  await visitor.fails('session.accept', { sessionId: 'ses_1' }, 'unknown_type');
  await visitor.fails('transfer.offer', { sessionId: 'ses_1', toAgentId: 'agt_bo' }, 'unknown_type');
  const { peer: agent } = await env.agent('agt_ada');
  await agent.fails('chat.request', { fields: {} }, 'unknown_type');
  await agent.fails('offline.leave', { fields: {} }, 'unknown_type');
  await agent.fails('invite.answer', { inviteId: 'inv_1', accept: true }, 'unknown_type');
  await env.close();
});

test('an idle connection is closed with heartbeatTimeout; pings keep it open', async () => {
  const env = await createEnv({ idleTimeoutMs: 60_000 });
  const { peer: quiet } = await env.visitor();
  const { peer: pinging } = await env.visitor();
  for (let i = 0; i < 4; i++) {
    await env.advance(30_000);
    pinging.send({ type: 'ping', t: i });
    await pinging.next('pong');
  }
  assert.equal((await quiet.closed()).code, CLOSE_CODES.heartbeatTimeout);
  assert.equal(pinging.closeEvent, undefined);
  await env.advance(60_000);
  assert.equal((await pinging.closed()).code, CLOSE_CODES.heartbeatTimeout);
  await env.close();
});

test('a connection that never says hello is closed when idle', async () => {
  const env = await createEnv({ idleTimeoutMs: 60_000 });
  const peer = env.raw();
  await env.advance(59_000);
  assert.equal(peer.closeEvent, undefined);
  await env.advance(1_000);
  assert.equal((await peer.closed()).code, CLOSE_CODES.heartbeatTimeout);
  await env.close();
});

test('hub.close closes every connection and refuses new ones', async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  const { peer: agent } = await env.agent('agt_ada');
  await env.hub.close();
  assert.equal((await visitor.closed()).code, CLOSE_CODES.goingAway);
  assert.equal((await agent.closed()).code, CLOSE_CODES.goingAway);
  const late = env.raw();
  await settle();
  assert.equal((await late.closed()).code, CLOSE_CODES.goingAway);
  await env.close();
});

test('a listener that throws does not break the hub', async () => {
  const env = await createEnv();
  env.hub.events.on('session', () => {
    throw new Error('listener bug');
  });
  const { peer: agent } = await env.agent('agt_ada');
  const { peer } = await env.visitor();
  const { session } = await peer.ok('chat.request', { fields: {} });
  assert.equal(session.state, 'active');
  await agent.next('session');
  // The listener's failure is logged, not turned into an error event.
  await env.close({ expectInternalErrors: true });
  assert.equal(env.internal.length, 1);
  assert.deepEqual(env.events.error, []);
});

test('frames about different sessions run side by side; one session\'s frames and every other frame keep their order', async () => {
  // Session A's first message waits in the store until released.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const env = await createEnv({
    wrapStore: (store) => ({
      ...store,
      appendMessage: async (m) => {
        if (m.clientId === 'a1') await held;
        return store.appendMessage(m);
      },
    }),
  });
  const a = await startChat(env);
  const b = await startChat(env, 'agt_ada', a.agent);
  const agent = a.agent;
  const refs = { a1: agent.newRef(), a2: agent.newRef(), b1: agent.newRef(), presence: agent.newRef() };
  agent.send({ type: 'message.send', ref: refs.a1, sessionId: a.session.id, clientId: 'a1', text: 'first in A' });
  agent.send({ type: 'message.send', ref: refs.a2, sessionId: a.session.id, clientId: 'a2', text: 'second in A' });
  agent.send({ type: 'message.send', ref: refs.b1, sessionId: b.session.id, clientId: 'b1', text: 'in B' });
  agent.send({ type: 'presence.set', ref: refs.presence, status: 'busy' });
  await settle();
  const acked = () => agent.received.filter((f) => f.type === 'ack').map((f) => (f as { ref: string }).ref);
  // B did not wait for A's store write; A's second message and the presence change did.
  assert.deepEqual(acked(), [refs.b1]);
  release();
  await settle();
  assert.deepEqual(acked(), [refs.b1, refs.a1, refs.a2, refs.presence]);
  const seqs = (await a.visitor.take('message')).map((f) => [f.message.clientId, f.message.seq]);
  assert.deepEqual(seqs, [['a1', 2], ['a2', 3]]);
  await env.close();
});
