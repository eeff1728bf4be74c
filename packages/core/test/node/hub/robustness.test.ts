import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLOSE_CODES } from '../../../src/transport/transport.js';
import { createHub } from '../../../src/hub/index.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { createEnv } from './support/env.js';
import { settle, TestPeer } from './support/peer.js';
import { startChat } from './support/chat.js';

test('a failing store answers internal, reports it, and the connection and other chats carry on', async () => {
  let failing = false;
  const env = await createEnv({
    wrapStore: (store) => ({
      ...store,
      appendMessage: (m) => (failing && m.clientId === 'boom' ? Promise.reject(new Error('disk full')) : store.appendMessage(m)),
    }),
  });
  const { visitor, agent, session } = await startChat(env);
  failing = true;
  const error = await visitor.fails('message.send', { sessionId: session.id, clientId: 'boom', text: 'x' }, 'internal');
  assert.equal(error.fatal, undefined);
  assert.equal(env.events.error.length, 1);
  assert.equal(env.events.error[0]?.where, 'command.message.send');
  assert.equal(env.events.error[0]?.siteId, 'site_a');
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'fine', text: 'y' });
  assert.equal((await agent.next('message')).message.clientId, 'fine');
  await env.close({ expectInternalErrors: true });
});

test('random frames never throw out of the hub nor close the connection', async () => {
  const env = await createEnv();
  const { visitor, session } = await startChat(env);
  const { peer: ada } = await env.agent('agt_bo');
  const types = ['chat.request', 'message.send', 'message.read', 'typing', 'session.end', 'session.rate', 'invite.answer', 'page.view', 'presence.set', 'transfer.offer', 'visitor.card', 'session.history'];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...types),
      fc.dictionary(fc.constantFrom('ref', 'sessionId', 'seq', 'draft', 'fields', 'url', 'text', 'clientId', 'score', 'status', 'card'), fc.jsonValue()),
      async (type, fields) => {
        visitor.send({ ...fields, type });
        ada.send({ ...fields, type });
      },
    ),
    { numRuns: 150 },
  );
  await settle(60);
  assert.equal(visitor.closeEvent, undefined);
  assert.equal(ada.closeEvent, undefined);
  // Still working.
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'after', text: 'still fine' });
  await env.close();
});

test('reloadSite picks up new settings and removes disabled agents', async () => {
  const env = await createEnv();
  const { visitor, agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  const site = await env.store.getSite('site_a');
  assert.ok(site);
  await env.store.saveSite({ ...site, settings: { ...site.settings, typingPreview: false } });
  const record = await env.store.getAgent('agt_bo');
  assert.ok(record);
  await env.store.saveAgent({ ...record, disabled: true });
  await env.hub.reloadSite('site_a');
  assert.equal((await bo.closed()).code, CLOSE_CODES.authFailed);
  assert.ok(await ada.next('agents', (f) => f.removed.includes('agt_bo')));
  visitor.send({ type: 'typing', sessionId: session.id, draft: 'now private' });
  await env.advance(500);
  await ada.none('typing');
  await env.hub.reloadSite('site_unknown');
  await env.close();
});

test('a restarted hub picks up the stored queue and open chats', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const { session: active } = await visitor.ok('chat.request', { fields: {} });
  await ada.ok('presence.set', { status: 'busy' });
  const { peer: waiting } = await env.visitor();
  const { session: queued } = await waiting.ok('chat.request', { fields: {} });
  await env.close();
  let n = 0;
  const hub = createHub({ store: env.store, auth: env.auth, clock: env.clock, ids: (kind) => `${kind}_r${++n}`, logger: { warn() {}, error() {} } });
  const again = new TestPeer(hub);
  again.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: await env.auth.issueAgentToken('site_a', 'agt_bo') });
  const welcome = await again.next('welcome');
  assert.equal(welcome.role, 'agent');
  if (welcome.role !== 'agent') return;
  assert.deepEqual(welcome.queue.map((s) => s.id), [queued.id]);
  // Bo, online, takes the waiting chat.
  assert.ok(await again.next('session', (f) => f.session.id === queued.id && f.session.state === 'active'));
  assert.equal((await env.store.getSession(active.id))?.state, 'active');
  await hub.close();
});
