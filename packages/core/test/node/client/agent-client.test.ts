import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStorage, type TransferOffer } from '../../../src/index.js';
import { agentSetup } from './support/clients.js';
import { FakeHub } from './support/fake-hub.js';
import { agentInfo, agentWelcome, message, sessionInfo, T0, visitorInfo } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

const queued = (id: string, visitorId = `vis_${id}`) =>
  sessionInfo({ id, visitorId, state: 'queued', agentId: undefined, agentName: undefined });

function offer(overrides: Partial<TransferOffer> = {}): TransferOffer {
  return {
    id: 'trf_1',
    sessionId: 'ses_7',
    fromAgentId: 'agt_2',
    fromAgentName: 'Bob',
    toAgentId: 'agt_1',
    expiresAt: T0 + 60_000,
    session: sessionInfo({ id: 'ses_7', agentId: 'agt_2', state: 'transferring' }),
    history: [message(1, { sessionId: 'ses_7', author: { kind: 'visitor', id: 'vis_7' } }), message(2, { sessionId: 'ses_7' })],
    ...overrides,
  };
}

describe('AgentClient: welcome state', () => {
  test('agent, permissions, colleagues, groups, sessions, queue and offers are readable at once', async () => {
    const hub = new FakeHub({
      welcome: () =>
        agentWelcome({
          permissions: ['chat', 'transfer'],
          agents: [agentInfo(), agentInfo({ id: 'agt_2', name: 'Bob', status: 'away' })],
          sessions: [sessionInfo()],
          queue: [queued('ses_2')],
          transfers: [offer()],
        }),
    });
    const { client, log, connect } = agentSetup({ hub });
    await connect();
    assert.equal(hub.link.frames('hello')[0]?.role, 'agent');
    assert.equal(client.agent?.name, 'Ann');
    assert.deepEqual(client.permissions, ['chat', 'transfer']);
    assert.equal(client.agents.get('agt_2')?.status, 'away');
    assert.deepEqual(client.groups, [{ id: 'grp_1', name: 'Sales' }]);
    assert.deepEqual(client.sessions.map((s) => s.id), ['ses_1']);
    assert.deepEqual(client.queue.map((s) => s.id), ['ses_2']);
    assert.deepEqual(client.transfers.map((t) => t.id), ['trf_1']);
    assert.equal(log.of('transferOffer').length, 1);

    hub.link.send({ type: 'agents', added: [agentInfo({ id: 'agt_3', name: 'Cy' })], updated: [agentInfo({ id: 'agt_2', name: 'Bob', status: 'online' })], removed: [] });
    hub.link.send({ type: 'queue', sessions: [] });
    await settle();
    assert.equal(client.agents.get('agt_2')?.status, 'online');
    assert.equal(client.agents.size, 3);
    assert.deepEqual(client.queue, []);
  });
});

describe('AgentClient: presence and the visitor list', () => {
  test('presence is set, and set again after a reconnect when the hub forgot it', async () => {
    const hub = new FakeHub();
    const { client, clock, log, connect } = agentSetup({ hub });
    await connect();
    await client.setPresence('busy');
    assert.equal(client.agent?.status, 'busy');
    assert.equal(log.of('agent').at(-1)?.status, 'busy');
    hub.link.drop();
    await advance(clock, 200);
    assert.deepEqual(hub.link.frames('presence.set').map((f) => f.status), ['busy']);
  });

  test('the visitor list is kept only while watching, and re-watched after a reconnect', async () => {
    const hub = new FakeHub();
    const { client, clock, log, connect } = agentSetup({ hub });
    await connect();
    hub.link.send({ type: 'visitors', added: [visitorInfo()], updated: [], removed: [] });
    await settle();
    assert.equal(client.visitors.size, 0, 'ignored while not watching');

    await client.watchVisitors(true);
    hub.link.send({ type: 'visitors', added: [visitorInfo(), visitorInfo({ id: 'vis_2' })], updated: [], removed: [] });
    hub.link.send({ type: 'visitors', added: [], updated: [visitorInfo({ id: 'vis_2', pageViews: 4 })], removed: ['vis_1'] });
    await settle();
    assert.deepEqual([...client.visitors.keys()], ['vis_2']);
    assert.equal(client.visitors.get('vis_2')?.pageViews, 4);

    hub.link.drop();
    await advance(clock, 200);
    assert.deepEqual(hub.link.frames('visitors.watch').map((f) => f.watch), [true], 'watching again');
    assert.equal(client.visitors.size, 0, 'the hub sends the list afresh');
    hub.link.send({ type: 'visitors', added: [visitorInfo({ id: 'vis_3' })], updated: [], removed: [] });
    await settle();
    assert.deepEqual([...client.visitors.keys()], ['vis_3']);

    await client.watchVisitors(false);
    assert.equal(client.visitors.size, 0);
    assert.deepEqual(log.of('visitors').at(-1)?.removed, ['vis_3']);
  });

  test('updateCard shows the new card in the list', async () => {
    const hub = new FakeHub({
      handlers: { 'visitor.card': (frame) => ({ result: { visitor: visitorInfo({ id: frame.visitorId, card: frame.card }) } }) },
    });
    const { client, connect } = agentSetup({ hub });
    await connect();
    await client.watchVisitors(true);
    hub.link.send({ type: 'visitors', added: [visitorInfo()], updated: [], removed: [] });
    await settle();
    await client.updateCard('vis_1', { vip: 'yes' });
    assert.deepEqual(client.visitors.get('vis_1')?.card, { vip: 'yes' });
  });
});

describe('AgentClient: sessions', () => {
  test('accepting a queued session brings it and its messages so far', async () => {
    const hub = new FakeHub({
      welcome: () => agentWelcome({ queue: [queued('ses_2')] }),
      handlers: { 'session.accept': (frame) => ({ result: { session: sessionInfo({ id: frame.sessionId, lastSeq: 2 }) } }) },
    });
    hub.store('ses_2', 'cli_1', { text: 'Hello?' }, { kind: 'visitor', id: 'vis_2' });
    hub.store('ses_2', 'cli_2', { text: 'Anyone?' }, { kind: 'visitor', id: 'vis_2' });
    const { client, connect } = agentSetup({ hub });
    await connect();
    await client.accept('ses_2');
    await settle();
    assert.deepEqual(client.sessions.map((s) => s.id), ['ses_2']);
    assert.deepEqual(client.queue, []);
    assert.deepEqual(client.messages('ses_2').map((m) => m.text), ['Hello?', 'Anyone?']);
    assert.equal(client.unreadCount('ses_2'), 2);
  });

  test('accepting a transfer brings the session with its history; declining does not', async () => {
    const hub = new FakeHub({
      welcome: () => agentWelcome({ transfers: [offer(), offer({ id: 'trf_2', sessionId: 'ses_8' })] }),
      handlers: { 'transfer.answer': (frame) => ({ result: { session: sessionInfo({ id: frame.transferId === 'trf_1' ? 'ses_7' : 'ses_8', agentId: 'agt_1', lastSeq: 2 }) } }) },
    });
    const { client, connect } = agentSetup({ hub });
    await connect();
    await client.answerTransfer('trf_1', true);
    await settle();
    assert.deepEqual(client.sessions.map((s) => s.id), ['ses_7']);
    assert.deepEqual(client.messages('ses_7').map((m) => m.seq), [1, 2]);
    assert.equal(hub.link.frames('session.history').length, 0, 'the offer carried the history');
    await client.answerTransfer('trf_2', false);
    assert.deepEqual(client.sessions.map((s) => s.id), ['ses_7']);
    assert.deepEqual(client.transfers, []);
  });

  test('a session transferred away leaves the list; an ended one stays until forgotten', async () => {
    const hub = new FakeHub({ welcome: () => agentWelcome({ sessions: [sessionInfo(), sessionInfo({ id: 'ses_2', createdAt: 2 })] }) });
    const { client, log, connect } = agentSetup({ hub });
    await connect();
    hub.link.send({ type: 'message', message: message(1) });
    hub.link.send({ type: 'transfer.closed', transferId: 'trf_1', sessionId: 'ses_1', outcome: 'accepted', toAgentId: 'agt_2' });
    hub.link.send({ type: 'session', session: sessionInfo({ id: 'ses_2', createdAt: 2, state: 'ended' }) });
    await settle();
    assert.deepEqual(client.sessions.map((s) => [s.id, s.state]), [['ses_2', 'ended']]);
    assert.deepEqual(client.messages('ses_1'), []);
    assert.deepEqual(log.of('sessionRemoved').map((e) => e.session.id), ['ses_1']);
    assert.deepEqual(log.of('transferClosed')[0], { transferId: 'trf_1', sessionId: 'ses_1', outcome: 'accepted', toAgentId: 'agt_2' });
    client.forget('ses_2');
    assert.deepEqual(client.sessions, []);
  });

  test('loadHistory merges earlier messages in order', async () => {
    const hub = new FakeHub({ welcome: () => agentWelcome({ sessions: [sessionInfo({ lastSeq: 5 })] }) });
    for (let i = 1; i <= 5; i++) hub.store('ses_1', `cli_${i}`, { text: `m${i}` }, { kind: 'visitor', id: 'vis_1' });
    const { client, connect } = agentSetup({ hub });
    await connect();
    // Caught up with the newest page at the welcome (all five fit); drop the older ones to page back.
    assert.deepEqual(client.messages('ses_1').map((m) => m.seq), [1, 2, 3, 4, 5]);
    const older = await client.loadHistory('ses_1', { beforeSeq: 3, limit: 10 });
    assert.deepEqual(older.map((m) => m.seq), [1, 2]);
    assert.deepEqual(client.messages('ses_1').map((m) => m.seq), [1, 2, 3, 4, 5], 'nothing twice');
  });

  test('commands: invite, push, transfer, end, evaluate, rating, detail', async () => {
    const session = sessionInfo({ state: 'ended', evaluation: { topic: 'billing' } });
    const hub = new FakeHub({
      welcome: () => agentWelcome({ sessions: [sessionInfo()] }),
      handlers: {
        'invite.send': (f) => ({ result: { invite: { id: 'inv_1', visitorId: f.visitorId, message: f.message ?? '', proactive: f.proactive, createdAt: T0, expiresAt: T0 + 1 } } }),
        'transfer.offer': () => ({ result: { transfer: offer({ id: 'trf_9', sessionId: 'ses_1' }) } }),
        'session.end': () => ({ result: { session: sessionInfo({ state: 'ended' }) } }),
        'session.evaluate': () => ({ result: { session } }),
        'visitor.detail': (f) => ({ result: { visitor: visitorInfo({ id: f.visitorId }), pageViews: [], sessions: [] } }),
        'page.push': () => ({ error: 'origin_not_allowed', message: 'no' }),
      },
    });
    const { client, connect } = agentSetup({ hub });
    await connect();
    assert.equal((await client.invite('vis_1', { message: 'Hi', proactive: true })).proactive, true);
    await assert.rejects(client.pushPage('vis_1', 'https://evil.example'), { code: 'origin_not_allowed' });
    assert.equal((await client.transfer('ses_1', { toGroupId: 'grp_1' }, 'VIP')).id, 'trf_9');
    assert.deepEqual(hub.link.frames('transfer.offer')[0], { type: 'transfer.offer', ref: hub.link.frames('transfer.offer')[0]?.ref, sessionId: 'ses_1', toGroupId: 'grp_1', note: 'VIP' });
    await client.requestRating('ses_1');
    assert.equal((await client.end('ses_1')).state, 'ended');
    assert.deepEqual((await client.evaluate('ses_1', { topic: 'billing' })).evaluation, { topic: 'billing' });
    assert.equal(client.sessionById('ses_1')?.evaluation?.topic, 'billing');
    assert.equal((await client.visitorDetail('vis_4')).visitor.id, 'vis_4');
    assert.deepEqual(hub.invalid, []);
  });

  test('another agent on the same storage does not inherit the previous one’s data', async () => {
    const storage = createMemoryStorage();
    const hub = new FakeHub({ welcome: () => agentWelcome({ sessions: [sessionInfo()] }), handlers: { 'message.send': () => 'silent' } });
    const first = agentSetup({ hub, storage });
    await first.connect();
    first.client.send('ses_1', 'unsent reply');
    hub.link.send({ type: 'message', message: message(1, { author: { kind: 'visitor', id: 'vis_1' } }) });
    await settle();
    first.client.close();

    const other = new FakeHub({ welcome: () => agentWelcome({ agent: agentInfo({ id: 'agt_2', name: 'Bob' }), sessions: [sessionInfo({ agentId: 'agt_2' })] }) });
    const second = agentSetup({ hub: other, storage, options: { token: 'bob-token' } });
    await second.connect();
    await settle();
    assert.deepEqual(other.link.frames('message.send'), [], "Ann's unsent reply is not sent as Bob");
    assert.deepEqual(second.client.messages('ses_1').filter((m) => m.text === 'unsent reply'), []);
    assert.equal(await storage.get('a:agentId'), 'agt_2');
  });

  test('after a reload, older unsent replies go out before ones typed while storage was being read', async () => {
    const storage = createMemoryStorage();
    const hub = new FakeHub({ welcome: () => agentWelcome({ sessions: [sessionInfo()] }), handlers: { 'message.send': () => 'silent' } });
    const first = agentSetup({ hub, storage });
    await first.connect();
    first.client.send('ses_1', 'older');
    await settle();
    first.client.close();
    await advance(first.clock, 1_000);

    delete hub.handlers['message.send'];
    const second = agentSetup({ hub, storage, clock: first.clock });
    second.client.connect();
    second.client.send('ses_1', 'newer'); // before the outbox was read back
    await settle();
    assert.deepEqual(hub.link.frames('message.send').map((f) => f.text), ['older', 'newer']);
    assert.deepEqual(second.client.messages('ses_1').map((m) => [m.text, m.seq]), [
      ['older', 1],
      ['newer', 2],
    ]);
  });
});
