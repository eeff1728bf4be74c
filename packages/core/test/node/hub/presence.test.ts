import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';

test('agent welcome: itself, permissions by role, colleagues, groups', async () => {
  const env = await createEnv();
  const { welcome: ada } = await env.agent('agt_ada');
  assert.deepEqual(ada.agent, { id: 'agt_ada', siteId: 'site_a', name: 'Ada', role: 'agent', groups: ['grp_sales'], status: 'online', capacity: 2, load: 0 });
  assert.ok(ada.permissions.includes('chat'));
  assert.ok(!ada.permissions.includes('sessions.supervise'));
  assert.deepEqual(ada.agents.map((a) => [a.id, a.status]), [['agt_ada', 'online'], ['agt_bo', 'offline'], ['agt_sue', 'offline'], ['agt_max', 'offline']]);
  assert.deepEqual(ada.groups, [{ id: 'grp_sales', name: 'Sales' }, { id: 'grp_support', name: 'Support' }]);
  assert.deepEqual([ada.sessions, ada.queue, ada.transfers], [[], [], []]);
  const { welcome: sue } = await env.agent('agt_sue');
  assert.ok(sue.permissions.includes('sessions.supervise'));
  assert.ok(!sue.permissions.includes('presence.invisible'));
  const { welcome: max } = await env.agent('agt_max');
  assert.ok(max.permissions.includes('presence.invisible') && max.permissions.includes('site.manage'));
  await env.close();
});

test('presence changes fan out to the site\'s agents; the last connection closing means offline', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: bo } = await env.agent('agt_bo');
  assert.equal((await ada.next('agents', (f) => f.updated.some((a) => a.id === 'agt_bo'))).updated[0]?.status, 'online');
  await bo.ok('presence.set', { status: 'away' });
  assert.equal((await ada.next('agents', (f) => f.updated.some((a) => a.id === 'agt_bo' && a.status === 'away'))).updated.length, 1);
  // A second tab keeps Bo connected; closing one is not leaving.
  const { peer: bo2, welcome } = await env.agent('agt_bo');
  assert.equal(welcome.agent.status, 'away');
  bo.close();
  await settle();
  await ada.none('agents');
  bo2.close();
  assert.ok(await ada.next('agents', (f) => f.updated.some((a) => a.id === 'agt_bo' && a.status === 'offline')));
  await env.close();
});

test('invisible needs the permission and looks offline to colleagues and visitors', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.fails('presence.set', { status: 'invisible' }, 'forbidden');
  const { peer: visitor, welcome: seen } = await env.visitor();
  assert.equal(seen.availability, 'online');
  const { peer: max } = await env.agent('agt_max');
  await ada.ok('presence.set', { status: 'away' });
  await visitor.none('availability');
  await max.ok('presence.set', { status: 'invisible' });
  assert.ok(await ada.next('agents', (f) => f.updated.some((a) => a.id === 'agt_max' && a.status === 'offline')));
  assert.equal((await visitor.next('availability')).status, 'offline');
  const { welcome } = await env.agent('agt_bo');
  assert.equal(welcome.agents.find((a) => a.id === 'agt_max')?.status, 'offline');
  await env.close();
});

test('availability: online with a free slot, busy when all full or busy, offline when nobody is', async () => {
  const env = await createEnv({ agents: { agt_ada: { capacity: 1 } } });
  const { peer: visitor, welcome } = await env.visitor();
  assert.equal(welcome.availability, 'offline');
  const { peer: ada } = await env.agent('agt_ada');
  assert.equal((await visitor.next('availability')).status, 'online');
  const { peer: chatter } = await env.visitor();
  const { session } = await chatter.ok('chat.request', { fields: {} });
  assert.equal((await visitor.next('availability')).status, 'busy');
  await chatter.ok('session.end', { sessionId: session.id });
  assert.equal((await visitor.next('availability')).status, 'online');
  await ada.ok('presence.set', { status: 'busy' });
  assert.equal((await visitor.next('availability')).status, 'busy');
  ada.close();
  assert.equal((await visitor.next('availability')).status, 'offline');
  // Only changes are sent.
  await visitor.none('availability');
  await env.close();
});

test('a disconnected agent keeps its chats; reconnecting, it gets them in welcome and resumes', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: {} });
  await ada.next('message');
  ada.drop();
  await settle();
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'are you there?' });
  const { peer: again, welcome } = await env.agent('agt_ada', { [session.id]: 1 });
  assert.deepEqual(welcome.sessions.map((s) => s.id), [session.id]);
  assert.equal((await again.next('message')).message.text, 'are you there?');
  await env.close();
});
