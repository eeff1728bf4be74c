import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';

test('chat.request with an agent online: routed at once, welcome message, both sides told', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor, welcome } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: { topic: 'shoes' } });
  assert.equal(session.state, 'active');
  assert.equal(session.agentId, 'agt_ada');
  assert.equal(session.agentName, 'Ada');
  assert.equal(session.visitorId, welcome.visitorId);
  assert.deepEqual(session.fields, { topic: 'shoes' });
  assert.equal(session.lastSeq, 1);
  const welcomeMessage = await visitor.next('message');
  assert.deepEqual([welcomeMessage.message.author.kind, welcomeMessage.message.text, welcomeMessage.message.seq], ['system', 'Welcome!', 1]);
  const told = await ada.next('session', (f) => f.session.id === session.id);
  assert.equal(told.session.state, 'active');
  assert.equal((await ada.next('message')).message.text, 'Welcome!');
  const load = await ada.next('agents', (f) => f.updated.some((a) => a.id === 'agt_ada' && a.load === 1));
  assert.ok(load);
  assert.deepEqual(env.events.session.map((e) => [e.change, e.session.state]), [['created', 'active']]);
  assert.equal(env.events.message.length, 1);
  const stored = await env.store.getSession(session.id);
  assert.equal(stored?.acceptedAt, env.clock.now());
  // The visitor remembers its agent for next time.
  assert.equal((await env.store.getVisitor('site_a', welcome.visitorId))?.lastAgentId, 'agt_ada');
  await env.close();
});

test('asking twice returns the same open session', async () => {
  const env = await createEnv();
  await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  const first = await visitor.ok('chat.request', { fields: {} });
  const second = await visitor.ok('chat.request', { fields: {} });
  assert.equal(second.session.id, first.session.id);
  assert.equal((await env.store.listSessions({ siteId: 'site_a' })).length, 1);
  await env.close();
});

test('nobody online (or only away / invisible): no_agent_available and nothing is created', async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  await visitor.fails('chat.request', { fields: {} }, 'no_agent_available');
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('presence.set', { status: 'away' });
  const { peer: max } = await env.agent('agt_max');
  await max.ok('presence.set', { status: 'invisible' });
  await visitor.fails('chat.request', { fields: {} }, 'no_agent_available');
  assert.deepEqual(await env.store.listSessions({ siteId: 'site_a' }), []);
  // The visitor leaves a message instead.
  const { offlineMessage } = await visitor.ok('offline.leave', { fields: { email: 'a@b.co', message: 'hi' } });
  assert.deepEqual(offlineMessage.fields, { email: 'a@b.co', message: 'hi' });
  await env.close();
});

test('pre-chat form: required, select options and e-mail are checked (invalid_form)', async () => {
  const env = await createEnv({
    settings: {
      preChatFields: [
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'email', label: 'E-mail', kind: 'email', required: false },
        {
          name: 'topic',
          label: 'Question',
          kind: 'select',
          required: true,
          options: [
            { value: 'buy', label: 'Buying', groupId: 'grp_sales' },
            { value: 'help', label: 'Help', groupId: 'grp_support' },
          ],
        },
      ],
    },
  });
  await env.agent('agt_ada');
  await env.agent('agt_bo');
  const { peer: visitor } = await env.visitor();
  await visitor.fails('chat.request', { fields: { topic: 'help' } }, 'invalid_form');
  await visitor.fails('chat.request', { fields: { name: '   ', topic: 'help' } }, 'invalid_form');
  await visitor.fails('chat.request', { fields: { name: 'Bo', topic: 'other' } }, 'invalid_form');
  await visitor.fails('chat.request', { fields: { name: 'Bo', topic: 'help', email: 'nope' } }, 'invalid_form');
  // The question type picks the group: support is Bo's, though Ada is first in the list.
  const { session } = await visitor.ok('chat.request', { fields: { name: ' Cy ', topic: 'help', junk: 'x' } });
  assert.equal(session.groupId, 'grp_support');
  assert.equal(session.agentId, 'agt_bo');
  assert.deepEqual(session.fields, { name: 'Cy', topic: 'help' });
  await env.close();
});

test('an explicit group routes within it; an unknown or foreign group is not_found', async () => {
  const env = await createEnv();
  await env.agent('agt_ada');
  await env.agent('agt_bo');
  const { peer: v1 } = await env.visitor();
  await v1.fails('chat.request', { fields: {}, groupId: 'grp_nope' }, 'not_found');
  await v1.fails('chat.request', { fields: {}, groupId: 'grp_b' }, 'not_found');
  const { session } = await v1.ok('chat.request', { fields: {}, groupId: 'grp_support' });
  assert.equal(session.agentId, 'agt_bo');
  await env.close();
});

test('a group with nobody online refuses even when other agents are online', async () => {
  const env = await createEnv();
  await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  await visitor.fails('chat.request', { fields: {}, groupId: 'grp_support' }, 'no_agent_available');
  await env.close();
});

test('service mode balances concurrent chats', async () => {
  const env = await createEnv();
  await env.agent('agt_ada');
  await env.agent('agt_bo');
  const agents: string[] = [];
  for (let i = 0; i < 4; i++) {
    const { peer } = await env.visitor();
    agents.push((await peer.ok('chat.request', { fields: {} })).session.agentId ?? '-');
  }
  assert.deepEqual(agents, ['agt_ada', 'agt_bo', 'agt_ada', 'agt_bo']);
  await env.close();
});

test('sales mode gives the chat to whoever accepted fewest today', async () => {
  const env = await createEnv({ settings: { routing: 'sales' } });
  const today = env.clock.now() - 3600_000;
  for (let i = 0; i < 3; i++) {
    await env.store.saveSession({
      id: `ses_old${i}`,
      siteId: 'site_a',
      visitorId: `vis_old${i}`,
      state: 'ended',
      agentId: 'agt_ada',
      fields: {},
      createdAt: today,
      acceptedAt: today,
      readSeq: { visitor: 0, agent: 0 },
      autoReplies: 0,
    });
  }
  // Yesterday's chats do not count.
  await env.store.saveSession({
    id: 'ses_yesterday',
    siteId: 'site_a',
    visitorId: 'vis_y',
    state: 'ended',
    agentId: 'agt_bo',
    fields: {},
    createdAt: today - 86_400_000,
    acceptedAt: today - 86_400_000,
    readSeq: { visitor: 0, agent: 0 },
    autoReplies: 0,
  });
  await env.agent('agt_ada');
  await env.agent('agt_bo');
  const picked: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { peer } = await env.visitor();
    picked.push((await peer.ok('chat.request', { fields: {} })).session.agentId ?? '-');
  }
  // Bo had 0 today, then 1 (with load 1) — still fewer than Ada's 3.
  assert.deepEqual(picked, ['agt_bo', 'agt_bo']);
  await env.close();
});

test("the visitor's previous agent is preferred when it can take the chat", async () => {
  const env = await createEnv();
  await env.agent('agt_ada');
  await env.agent('agt_bo');
  const { peer: first, welcome } = await env.visitor();
  const { session } = await first.ok('chat.request', { fields: {} });
  assert.equal(session.agentId, 'agt_ada');
  await first.ok('session.end', { sessionId: session.id });
  // Make Ada the busier one; Bo would win on load alone.
  const { peer: other } = await env.visitor();
  assert.equal((await other.ok('chat.request', { fields: {} })).session.agentId, 'agt_ada');
  const { peer: again } = await env.visitor({ token: welcome.token });
  const next = await again.ok('chat.request', { fields: {} });
  assert.equal(next.session.agentId, 'agt_ada');
  await env.close();
});
