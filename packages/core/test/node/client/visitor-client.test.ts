import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStorage, type Invite, type VisitorHelloFrame } from '../../../src/index.js';
import { visitorSetup } from './support/clients.js';
import { FakeHub } from './support/fake-hub.js';
import { message, sessionInfo, settings, T0, visitorWelcome } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

const hellos = (hub: FakeHub) => hub.frames('hello') as VisitorHelloFrame[];
const quietly = async <T>(fn: () => Promise<T>): Promise<T> => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
};

describe('VisitorClient: identity', () => {
  test('keeps the token from the welcome and comes back with it', async () => {
    const storage = createMemoryStorage();
    let visits = 0;
    const hub = new FakeHub({ welcome: () => visitorWelcome({ token: 'signed-vis_1', visitCount: ++visits }) });
    const first = visitorSetup({
      hub,
      storage,
      options: { language: 'fr-FR', userAgent: 'Test/1.0' },
    });
    await first.connect();
    assert.equal(first.client.visitorId, 'vis_1');
    assert.equal(first.client.visitCount, 1);
    assert.deepEqual(first.log.of('identity'), [{ visitorId: 'vis_1', visitCount: 1 }]);
    assert.deepEqual(hellos(hub)[0], { type: 'hello', v: 1, role: 'visitor', siteId: 'site_1', language: 'fr-FR', userAgent: 'Test/1.0' });
    first.client.close();

    const second = visitorSetup({ hub, storage });
    await second.connect();
    assert.equal(hellos(hub)[1]?.token, 'signed-vis_1');
    assert.equal(second.client.visitCount, 2);
  });

  test('a refused token is dropped and the visitor comes back as new; the old data goes', async () => {
    const storage = createMemoryStorage();
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo()] }) });
    const first = visitorSetup({ hub, storage });
    await first.connect();
    hub.link.send({ type: 'message', message: message(1) });
    await settle();
    first.client.close();

    const rotated = new FakeHub({
      welcome: (hello) =>
        hello.role === 'visitor' && hello.token
          ? { type: 'error', code: 'auth_failed', message: 'bad token', fatal: true }
          : visitorWelcome({ visitorId: 'vis_9', token: 'token-9' }),
    });
    const second = visitorSetup({ hub: rotated, storage });
    await second.connect();
    assert.equal(second.client.status, 'open');
    assert.equal(second.client.visitorId, 'vis_9');
    assert.deepEqual(hellos(rotated).map((h) => h.token), ['token-1', undefined]);
    assert.deepEqual(second.log.of('error'), [], 'handled, not reported');
    assert.deepEqual(second.client.messages('ses_1'), []);
    await settle();
    assert.deepEqual(await storage.entries('v:site_1:msg:'), []);
    assert.equal(await storage.get('v:site_1:token'), 'token-9');
  });

  test('a refusal without a token is final', async () => {
    const hub = new FakeHub({ welcome: () => ({ type: 'error', code: 'auth_failed', message: 'unknown site', fatal: true }) });
    const { client, log, clock, connect } = visitorSetup({ hub });
    await connect();
    assert.equal(client.status, 'closed');
    assert.equal(log.of('error')[0]?.code, 'auth_failed');
    await advance(clock, 60_000);
    assert.equal(hub.links.length, 1);
  });

  test('identify() reconnects with the signed member', async () => {
    const { client, hub, connect } = visitorSetup();
    await connect();
    const member = { data: '{"id":"u1"}', signature: 'ab'.repeat(32) };
    client.identify(member);
    await settle();
    assert.equal(client.status, 'open');
    assert.equal(hub.links.length, 2);
    assert.deepEqual(hellos(hub)[1]?.member, member);
    assert.equal(hellos(hub)[1]?.token, 'token-1');
  });
});

describe('VisitorClient: state from the hub', () => {
  test('settings, availability, sessions, queue position and invites are readable at once', async () => {
    const invite: Invite = { id: 'inv_1', visitorId: 'vis_1', message: 'Need help?', proactive: false, createdAt: T0, expiresAt: T0 + 60_000 };
    const hub = new FakeHub({
      welcome: () =>
        visitorWelcome({
          availability: 'busy',
          settings: settings({ typingPreview: false }),
          sessions: [sessionInfo({ state: 'queued', queuePosition: 3, agentId: undefined, agentName: undefined })],
          invites: [invite],
        }),
    });
    const { client, log, connect } = visitorSetup({ hub });
    await connect();
    assert.equal(client.availability, 'busy');
    assert.equal(client.settings?.typingPreview, false);
    assert.equal(client.session?.id, 'ses_1');
    assert.equal(client.queuePosition, 3);
    assert.deepEqual(client.invites, [invite]);

    hub.link.send({ type: 'availability', status: 'online' });
    hub.link.send({ type: 'session', session: sessionInfo({ state: 'queued', queuePosition: 1, agentId: undefined }) });
    hub.link.send({ type: 'invite.closed', inviteId: 'inv_1', visitorId: 'vis_1', reason: 'expired' });
    await settle();
    assert.equal(client.availability, 'online');
    assert.equal(client.queuePosition, 1);
    assert.deepEqual(client.invites, []);
    assert.deepEqual(log.of('availability'), ['busy', 'online']);
    assert.deepEqual(log.of('inviteClosed'), [{ inviteId: 'inv_1', reason: 'expired' }]);
  });

  test('transfer notices: started, then done with the previous agent', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo()] }) });
    const { client, log, connect } = visitorSetup({ hub });
    await connect();
    hub.link.send({ type: 'session', session: sessionInfo({ state: 'transferring' }) });
    hub.link.send({ type: 'session', session: sessionInfo({ agentId: 'agt_2', agentName: 'Bob' }) });
    await settle();
    assert.deepEqual(
      log.of('transfer').map((t) => [t.phase, t.previousAgentName, t.session.agentName]),
      [
        ['started', 'Ann', 'Ann'],
        ['done', 'Ann', 'Bob'],
      ],
    );
    assert.equal(client.session?.agentName, 'Bob');
  });

  test('a session that ended while the visitor was away is kept as ended', async () => {
    let sessions = [sessionInfo()];
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions }) });
    const { client, clock, connect } = visitorSetup({ hub });
    await connect();
    sessions = [];
    hub.link.drop();
    await advance(clock, 200);
    assert.equal(client.session?.state, 'ended');
  });

  test('rating requests are announced', async () => {
    const { client, hub, log, connect } = visitorSetup({ hub: new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo()] }) }) });
    await connect();
    hub.link.send({ type: 'rating.request', sessionId: 'ses_1' });
    await settle();
    assert.deepEqual(log.of('ratingRequest'), [{ sessionId: 'ses_1' }]);
    void client;
  });

  test('bad frames from the hub are reported and ignored; state is untouched', async () => {
    const { client, hub, log, connect } = visitorSetup({ hub: new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo()] }) }) });
    await connect();
    hub.link.sendRaw('{"type":"message","message":{"seq":-1}}');
    hub.link.sendRaw('{"type":"session","session":null}');
    hub.link.sendRaw('}{');
    await settle();
    assert.deepEqual(
      log.of('error').map((e) => e.code),
      ['bad_frame', 'bad_frame', 'bad_frame'],
    );
    assert.deepEqual(client.messages(), []);
    assert.equal(client.session?.state, 'active');
    assert.equal(client.status, 'open');
  });
});

describe('VisitorClient: commands', () => {
  test('requestChat, end and rate update the session', async () => {
    const hub = new FakeHub({
      handlers: {
        'session.end': (frame) => ({ result: { session: sessionInfo({ id: frame.sessionId, state: 'ended', createdAt: 1 }) } }),
        'session.rate': (frame) => ({
          result: { session: sessionInfo({ id: frame.sessionId, state: 'ended', createdAt: 1, rating: { score: frame.score } }) },
        }),
      },
    });
    const { client, connect } = visitorSetup({ hub });
    await connect();
    const session = await client.requestChat({ name: 'Ada' }, { groupId: 'grp_1' });
    assert.equal(session.state, 'queued');
    assert.deepEqual(hub.link.frames('chat.request')[0]?.fields, { name: 'Ada' });
    assert.equal(hub.link.frames('chat.request')[0]?.groupId, 'grp_1');
    assert.equal(client.session?.id, 'ses_new');
    await client.end();
    assert.equal(client.session?.state, 'ended');
    await client.rate(5, 'Great');
    assert.deepEqual(client.session?.rating, { score: 5 });
    assert.deepEqual(hub.link.frames('session.rate')[0], {
      type: 'session.rate',
      ref: hub.link.frames('session.rate')[0]?.ref,
      sessionId: 'ses_new',
      score: 5,
      comment: 'Great',
    });
  });

  test('requestChat rejects with no_agent_available; leaveMessage leaves one', async () => {
    const hub = new FakeHub({
      handlers: {
        'chat.request': () => ({ error: 'no_agent_available', message: 'Nobody is here.' }),
        'offline.leave': (frame) => ({
          result: { offlineMessage: { id: 'off_1', siteId: 'site_1', visitorId: 'vis_1', fields: frame.fields, createdAt: T0, replied: false } },
        }),
      },
    });
    const { client, connect } = visitorSetup({ hub });
    await connect();
    await assert.rejects(client.requestChat({}), { code: 'no_agent_available', command: 'chat.request' });
    const left = await client.leaveMessage({ email: 'a@b.c', message: 'Call me' });
    assert.equal(left.id, 'off_1');
  });

  test('answering an invite removes it and joins the chat it opened', async () => {
    const invite: Invite = { id: 'inv_1', visitorId: 'vis_1', message: 'Hi!', proactive: true, createdAt: T0, expiresAt: T0 + 1 };
    const hub = new FakeHub({
      welcome: () => visitorWelcome({ invites: [invite] }),
      handlers: { 'invite.answer': () => ({ result: { session: sessionInfo() } }) },
    });
    const { client, log, connect } = visitorSetup({ hub });
    await connect();
    assert.deepEqual(log.of('invite'), [invite]);
    const session = await client.answerInvite('inv_1', true);
    assert.equal(session?.id, 'ses_1');
    assert.deepEqual(client.invites, []);
    assert.equal(client.session?.state, 'active');
    assert.deepEqual(log.of('inviteClosed'), [{ inviteId: 'inv_1', reason: 'accepted' }]);
  });
});

describe('VisitorClient: page push', () => {
  const pushHub = () =>
    new FakeHub({ welcome: () => visitorWelcome({ settings: settings({ pushOrigins: ['https://shop.example', 'http://localhost:8080/'] }) }) });

  test('an allowed origin is announced and followed', async () => {
    const visited: string[] = [];
    const { hub, log, connect } = visitorSetup({ hub: pushHub(), options: { navigate: (url) => visited.push(url) } });
    await connect();
    hub.link.send({ type: 'page.push', url: 'https://shop.example/cart?x=1' });
    hub.link.send({ type: 'page.push', url: 'http://localhost:8080/help' });
    await settle();
    assert.deepEqual(visited, ['https://shop.example/cart?x=1', 'http://localhost:8080/help']);
    assert.deepEqual(log.of('pagePush'), [{ url: 'https://shop.example/cart?x=1' }, { url: 'http://localhost:8080/help' }]);
    assert.deepEqual(log.of('error'), []);
  });

  for (const url of [
    'https://evil.example/phish',
    'http://shop.example/cart',
    'https://shop.example.evil.example/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    '/relative/path',
  ]) {
    test(`a push to ${url} is dropped with an error`, async () => {
      const visited: string[] = [];
      const { hub, log, connect } = visitorSetup({ hub: pushHub(), options: { navigate: (u) => visited.push(u) } });
      await connect();
      hub.link.send({ type: 'page.push', url });
      await settle();
      assert.deepEqual(visited, []);
      assert.deepEqual(log.of('pagePush'), []);
      assert.equal(log.of('error')[0]?.code, 'origin_not_allowed');
    });
  }
});

describe('VisitorClient: trajectory', () => {
  test('page views made while disconnected are sent after the welcome, in order, the latest kept', async () => {
    const { client, hub, clock, connect } = visitorSetup();
    for (let i = 0; i < 25; i++) client.trackPageView({ url: `https://shop.example/p/${i}`, title: `Page ${i}` });
    await connect();
    const urls = hub.link.frames('page.view').map((f) => f.url);
    assert.equal(urls.length, 20);
    assert.equal(urls[0], 'https://shop.example/p/5');
    assert.equal(urls.at(-1), 'https://shop.example/p/24');

    client.trackPageView({ url: 'https://shop.example/live', title: 'Live', referrer: 'https://www.google.com/search?q=shoes' });
    assert.deepEqual(hub.link.frames('page.view').at(-1), {
      type: 'page.view',
      url: 'https://shop.example/live',
      title: 'Live',
      referrer: 'https://www.google.com/search?q=shoes',
    });
    hub.link.drop();
    await settle();
    client.setPageHidden(true);
    await advance(clock, 200);
    assert.deepEqual(hub.link.frames('page.visibility'), [{ type: 'page.visibility', hidden: true }]);
    assert.deepEqual(hub.link.frames('page.view'), [], 'views already sent are not sent again');
  });

  test('a URL that is not absolute http(s) is dropped', async () => {
    const { client, hub, connect } = visitorSetup();
    await connect();
    await quietly(async () => {
      client.trackPageView({ url: 'about:blank', title: 'x' });
      client.trackPageView({ url: '/relative', title: 'x' });
    });
    assert.deepEqual(hub.link.frames('page.view'), []);
    assert.deepEqual(hub.invalid, []);
  });
});
