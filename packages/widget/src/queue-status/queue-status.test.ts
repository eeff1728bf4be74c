import { expect, fixture, html } from '@open-wc/testing';

import { chatFixture, expectAccessible, inWindow, until } from '../../test/browser/support/chat-fixture.js';
import { useEnglish } from '../../test/browser/support/english.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';
import './define.js';
import type { QueueStatus } from './queue-status.js';

describe('<parley-queue-status> (V5)', () => {
  let hub: InPageHub | undefined;
  before(useEnglish);
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('says the place in the queue in a live region', async () => {
    const el = await fixture<QueueStatus>(html`<parley-queue-status position="3"></parley-queue-status>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('You are number 3 in the queue.');
    el.position = 0;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Waiting for an agent…');
    await expect(el).to.be.accessible();
  });

  it('shows the visitor its place and updates it live as the queue moves, until an agent takes the chat', async () => {
    hub = await startInPageHub({ agents: [{ id: 'agt_ada', name: 'Ada', capacity: 1 }], settings: { preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const first = hub.visitor();
    const second = hub.visitor();
    for (const v of [first, second]) {
      v.connect();
      await hub.until(() => v.status === 'open');
    }
    await first.requestChat({});
    await second.requestChat({});
    await hub.until(() => second.queuePosition === 1, 'the second visitor to queue');

    const chat = await chatFixture(hub);
    await chat.show();
    await until(() => inWindow(chat, 'parley-composer'), 'the window');
    const composer = inWindow<HTMLElement & { send(): void; value: string }>(chat, 'parley-composer')!;
    composer.value = 'Is anyone there?';
    composer.send();
    const place = () => inWindow(chat, 'parley-queue-status')?.shadowRoot?.textContent ?? '';
    await until(() => place().includes('number 2'), 'second in the queue');
    await expectAccessible(chat);

    await second.end();
    await until(() => place().includes('number 1'), 'first in the queue');

    await ada.end(ada.sessions[0]!.id);
    await until(() => !inWindow(chat, 'parley-queue-status'), 'taken by Ada');
    expect(inWindow(chat, '[part=subtitle]')!.textContent).to.contain('Ada');
  });
});
