import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDraftThrottle } from '../../../src/client/throttle.js';
import { createFakeClock } from '../../../src/index.js';
import { agentSetup, visitorSetup } from './support/clients.js';
import { FakeHub } from './support/fake-hub.js';
import { agentWelcome, message, sessionInfo, settings, visitorWelcome } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

const drafts = (hub: FakeHub) => hub.frames('typing').map((f) => f.draft);
const visitorHub = (typingPreview: boolean) =>
  new FakeHub({ welcome: () => visitorWelcome({ settings: settings({ typingPreview }), sessions: [sessionInfo()] }) });

describe('draft throttle', () => {
  test('leading value at once, at most one per interval, the last value always, empty at once', async () => {
    const clock = createFakeClock();
    const sent: [number, string][] = [];
    const start = clock.now();
    const throttle = createDraftThrottle(clock, 300, (draft) => (sent.push([clock.now() - start, draft]), true));
    throttle.push('h');
    await clock.advance(100);
    throttle.push('he');
    await clock.advance(100);
    throttle.push('hel');
    await clock.advance(100);
    throttle.push('hell');
    await clock.advance(250);
    throttle.push('hello');
    throttle.push('');
    await clock.advance(1_000);
    // 'hell' and 'hello' were still pending when the draft was emptied: they never go out.
    assert.deepEqual(sent, [
      [0, 'h'],
      [300, 'hel'],
      [550, ''],
    ]);
  });

  test('nothing is sent twice in a row and a value back to the last sent one is not sent', async () => {
    const clock = createFakeClock();
    const sent: string[] = [];
    const throttle = createDraftThrottle(clock, 300, (draft) => (sent.push(draft), true));
    throttle.push('a');
    throttle.push('ab');
    throttle.push('a');
    await clock.advance(1_000);
    throttle.push('a');
    assert.deepEqual(sent, ['a']);
  });
});

describe('visitor drafts (typing preview)', () => {
  test('drafts go out throttled while the site enables typing preview', async () => {
    const { client, hub, clock, connect } = visitorSetup({ hub: visitorHub(true) });
    await connect();
    assert.equal(client.typingPreviewEnabled, true);
    for (const draft of ['W', 'Wh', 'Whe', 'Wher', 'Where']) {
      client.setDraft(draft);
      await advance(clock, 50);
    }
    assert.deepEqual(drafts(hub), ['W']);
    await advance(clock, 300);
    assert.deepEqual(drafts(hub), ['W', 'Where'], 'the trailing value follows within the interval');
    client.setDraft('');
    assert.deepEqual(drafts(hub), ['W', 'Where', ''], 'cleared at once');
  });

  test('nothing at all is sent while typing preview is off', async () => {
    const { client, hub, clock, connect } = visitorSetup({ hub: visitorHub(false) });
    await connect();
    assert.equal(client.typingPreviewEnabled, false);
    client.setDraft('secret');
    await advance(clock, 1_000);
    client.setDraft('');
    client.send('secret');
    await advance(clock, 1_000);
    assert.deepEqual(hub.frames('typing'), []);
  });

  test('sending clears the preview', async () => {
    const { client, hub, clock, connect } = visitorSetup({ hub: visitorHub(true) });
    await connect();
    client.setDraft('Hi there');
    client.send('Hi there');
    await advance(clock, 1_000);
    assert.deepEqual(drafts(hub), ['Hi there', '']);
    const order = hub.link.received.map((f) => f.type).filter((t) => t === 'typing' || t === 'message.send');
    assert.deepEqual(order, ['typing', 'typing', 'message.send'], 'the preview is gone before the message arrives');
  });

  test('a draft typed while offline goes out after the welcome', async () => {
    const { client, hub, clock, connect } = visitorSetup({ hub: visitorHub(true) });
    await connect();
    hub.link.drop();
    await settle();
    client.setDraft('still typing');
    await advance(clock, 200);
    assert.equal(client.status, 'open');
    assert.deepEqual(hub.link.frames('typing').map((f) => f.draft), ['still typing']);
  });

  test('the agent typing indicator lapses without news and ends with their message', async () => {
    const { client, hub, clock, log, connect } = visitorSetup({ hub: visitorHub(true) });
    await connect();
    hub.link.send({ type: 'typing', sessionId: 'ses_1', side: 'agent', active: true });
    await settle();
    assert.equal(client.agentTyping(), true);
    await advance(clock, 30_000);
    assert.equal(client.agentTyping(), false, 'lapsed');
    hub.link.send({ type: 'typing', sessionId: 'ses_1', side: 'agent', active: true });
    await settle();
    assert.equal(client.agentTyping(), true);
    hub.link.send({ type: 'message', message: message(1) });
    await settle();
    assert.equal(client.agentTyping(), false, 'the message ends it');
    assert.deepEqual(
      log.of('typing').map((t) => t.active),
      [true, false, true, false],
    );
  });
});

describe('agent typing', () => {
  test("agents see the visitor's draft, and their own typing is throttled per session", async () => {
    const hub = new FakeHub({
      welcome: () => agentWelcome({ sessions: [sessionInfo(), sessionInfo({ id: 'ses_2', visitorId: 'vis_2' })] }),
    });
    const { client, clock, connect } = agentSetup({ hub });
    await connect();
    hub.link.send({ type: 'typing', sessionId: 'ses_1', side: 'visitor', draft: 'my parcel', active: true });
    await settle();
    assert.deepEqual(client.typing('ses_1'), { sessionId: 'ses_1', side: 'visitor', active: true, draft: 'my parcel' });
    assert.equal(client.typing('ses_2'), undefined);

    client.setTyping('ses_1', 'L');
    client.setTyping('ses_2', 'H');
    client.setTyping('ses_1', 'Let');
    client.setTyping('ses_1', 'Let me');
    await advance(clock, 300);
    assert.deepEqual(
      hub.frames('typing').map((f) => [f.sessionId, f.draft]),
      [
        ['ses_1', 'L'],
        ['ses_2', 'H'],
        ['ses_1', 'Let me'],
      ],
    );
  });
});
