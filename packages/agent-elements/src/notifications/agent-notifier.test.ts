import { expect } from '@open-wc/testing';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { until } from '../../test/browser/support/dom.js';
import { AgentNotifier, type Notice, type NotificationOutput } from './agent-notifier.js';
import { createBrowserOutput } from './browser-output.js';
import { DEFAULT_NOTIFICATION_PREFS, withChannel } from './notification-prefs.js';

/** Records what would ring, show and flash. */
function fakeOutput(attentive = false) {
  const seen: string[] = [];
  const output: NotificationOutput & { attentiveNow: boolean } = {
    attentiveNow: attentive,
    attentive: () => output.attentiveNow,
    sound: (event) => seen.push(`sound ${event}`),
    desktop: (notice: Notice) => seen.push(`desktop ${notice.event}: ${notice.title} / ${notice.body}`),
    flashTitle: (text) => seen.push(`title ${text}`),
  };
  return { output, seen };
}

const t = (key: string, values?: Readonly<Record<string, string | number>>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('AgentNotifier against the hub', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('rings for chat requests, messages and transfer offers through the channels chosen per event', async () => {
    const ada = await hub.agent('ada');
    const bo = await hub.agent('bo');
    await ada.setPresence('busy');
    await bo.setPresence('busy'); // the chat waits in the queue
    const { output, seen } = fakeOutput();
    let now = Date.now();
    const notifier = new AgentNotifier({ client: ada, output, t, now: () => now });
    notifier.start();

    const { visitor, sessionId } = await hub.chattingVisitor('Sam');
    await until(() => seen.some((s) => s.startsWith('desktop chatRequest')), 'chat request');
    expect(seen).to.include('sound chatRequest');
    expect(seen.find((s) => s.startsWith('desktop chatRequest'))).to.contain('notify.chatRequest.bodyNamed {"name":"Sam"}');

    await ada.accept(sessionId);
    seen.length = 0;
    now += 2000;
    visitor.send('Thanks!');
    await until(() => seen.includes('title notify.message.title {"name":"Sam"}'), 'message flashes the title');
    expect(seen).to.include('sound message');
    expect(seen.some((s) => s.startsWith('desktop message'))).to.equal(false); // off by default

    // The agent looking at the chat: no notice for its messages.
    output.attentiveNow = true;
    seen.length = 0;
    const watching = new AgentNotifier({ client: ada, output, t, activeSession: () => sessionId });
    watching.start();
    notifier.stop();
    visitor.send('Are you there?');
    await until(() => ada.messages(sessionId).some((m) => m.text === 'Are you there?'), 'arrived');
    expect(seen).to.deep.equal([]);
    watching.stop();

    output.attentiveNow = false;
    const forBo = fakeOutput();
    const boNotifier = new AgentNotifier({ client: bo, output: forBo.output, t, prefs: withChannel(DEFAULT_NOTIFICATION_PREFS, 'transfer', 'sound', false) });
    boNotifier.start();
    await bo.setPresence('online');
    await ada.transfer(sessionId, { toAgentId: 'agt_bo' });
    await until(() => forBo.seen.some((s) => s.startsWith('desktop transfer')), 'Bo is told of the offer');
    expect(forBo.seen).not.to.include('sound transfer');
    expect(forBo.seen).to.include('title notify.transfer.title');
    boNotifier.stop();
  });

  it('tells of new visitors (not the list first seen), when the agent wants it; a cancelled notice stays silent', async () => {
    const ada = await hub.agent('ada');
    await hub.visitor(); // already there
    await ada.watchVisitors(true);
    await until(() => ada.visitors.size === 1, 'listed');
    const { output, seen } = fakeOutput();
    const notifier = new AgentNotifier({ client: ada, output, t, prefs: withChannel(DEFAULT_NOTIFICATION_PREFS, 'visitor', 'sound', true) });
    notifier.start();
    await hub.visitor();
    await until(() => seen.includes('sound visitor'), 'a new visitor');
    expect(seen).to.have.length(1);

    const vetoed: Notice[] = [];
    const quiet = new AgentNotifier({ client: ada, output, t, prefs: notifier.prefs, beforeNotify: (n) => (vetoed.push(n), false) });
    notifier.stop();
    quiet.start();
    await hub.visitor();
    await until(() => vetoed.length === 1, 'asked first');
    expect(seen).to.have.length(1);
    quiet.stop();
  });
});

describe('the browser’s notification channels', () => {
  it('flash the tab title until the agent looks', async () => {
    const output = createBrowserOutput();
    const original = document.title;
    output.flashTitle('New chat request');
    expect(document.title).to.equal('New chat request');
    expect(output.flashing).to.equal(true);
    output.stopFlash();
    expect(document.title).to.equal(original);
    output.sound('message'); // no exception without a user gesture
    output.dispose();
  });
});
