import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';

import {
  animationsDone,
  chatFixture,
  expectAccessible,
  focused,
  inWindow,
  launcherButton,
  launcherOf,
  until,
  windowOf,
} from '../../test/browser/support/chat-fixture.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';

/** Opens the chat with the launcher and types a first message, which starts the chat (no pre-chat fields). */
async function openAndSay(chat: HTMLElement & { open: boolean }, text: string): Promise<void> {
  launcherButton(chat as never).click();
  await until(() => inWindow(chat as never, 'parley-composer'), 'the composer');
  await until(() => focused()?.tagName === 'TEXTAREA', 'focus in the composer');
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<parley-chat-window> (V3)', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('sends and receives in real time, with delivery states sending → sent → read, links made safe, emoji and images inline', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [], welcomeMessage: undefined } });
    const agent = await hub.agent();
    const chat = await chatFixture(hub);
    await openAndSay(chat, 'Hello 👋 where is https://shop.example/orders/7?');

    const ownDelivery = () => inWindow(chat, 'parley-message-list >>> .message--own [data-delivery]')?.getAttribute('data-delivery');
    await until(() => ownDelivery() === 'sent', 'the message to be acknowledged');
    await until(() => agent.sessions.length === 1, 'the agent to have the chat');
    const sessionId = agent.sessions[0]!.id;
    await until(() => agent.messages(sessionId).length === 1, 'the agent to receive it');
    expect(agent.messages(sessionId)[0]!.text).to.equal('Hello 👋 where is https://shop.example/orders/7?');
    const link = inWindow<HTMLAnchorElement>(chat, 'parley-message-list >>> .message--own a')!;
    expect(link.href).to.equal('https://shop.example/orders/7');
    expect(link.rel).to.contain('noopener');

    agent.markRead(sessionId);
    await until(() => ownDelivery() === 'read', 'the read receipt');

    agent.send(sessionId, { text: 'Here it is', attachments: [{ id: 'f1', name: 'parcel.png', type: 'image/png', size: 1200, url: 'https://files.example/parcel.png' }] });
    await until(() => inWindow(chat, 'parley-message-list >>> img[part=image]'), 'the image inline');
    await until(() => inWindow(chat, 'parley-message-list >>> [role=status]')?.textContent?.includes('Here it is'), 'the announcement');
    expect(inWindow(chat, '[part=subtitle]')!.textContent).to.contain('You are chatting with Ada');
    await expectAccessible(chat);
  });

  it('minimises and restores: the conversation and the draft stay, unread messages show on the launcher', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [], welcomeMessage: undefined } });
    const agent = await hub.agent();
    const chat = await chatFixture(hub);
    await openAndSay(chat, 'Hi');
    await until(() => agent.sessions.length === 1, 'the agent to have the chat');
    await sendKeys({ type: 'half-written' });

    inWindow<HTMLButtonElement>(chat, '[part=minimize]')!.click();
    await until(() => !chat.open, 'minimised');
    expect(windowOf(chat)!.hidden).to.equal(true);
    await until(() => focused() === launcherButton(chat), 'focus back on the launcher');

    agent.send(agent.sessions[0]!.id, 'Are you still there?');
    await until(() => launcherOf(chat)!.unread === 1, 'one unread message on the launcher');
    expect(launcherButton(chat).textContent).to.contain('1 unread message');
    await expectAccessible(chat);

    await sendKeys({ press: 'Enter' });
    await until(() => chat.open && !windowOf(chat)!.hidden, 'restored');
    expect(inWindow<HTMLTextAreaElement>(chat, 'parley-composer >>> textarea')!.value).to.equal('half-written');
    expect(inWindow(chat, 'parley-message-list >>> .message--other')!.textContent).to.contain('Are you still there?');
    await until(() => agent.sessions[0]!.readSeq.visitor >= 2 || launcherOf(chat)!.unread === 0, 'read once restored');
  });

  it('takes the whole screen on a narrow viewport', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    await hub.agent();
    await setViewport({ width: 375, height: 667 });
    try {
      const chat = await chatFixture(hub);
      await chat.show();
      await until(() => windowOf(chat) && !windowOf(chat)!.hidden, 'the window');
      await animationsDone();
      const box = windowOf(chat)!.getBoundingClientRect();
      expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 375, 667]);
      await expectAccessible(chat);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('ends the chat, then offers a rating and a new chat', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    const agent = await hub.agent();
    const chat = await chatFixture(hub);
    await openAndSay(chat, 'Thanks, bye');
    await until(() => inWindow(chat, '[part=end]'), 'the end button');
    inWindow<HTMLButtonElement>(chat, '[part=end]')!.click();
    await until(() => inWindow(chat, 'parley-rating'), 'the rating after the end');
    expect(inWindow(chat, '.window__ended')!.textContent).to.contain('This chat has ended.');
    await until(() => agent.sessions[0]?.state === 'ended' || agent.sessions.length === 0, 'the agent sees it ended');
    await expectAccessible(chat);
    inWindow<HTMLButtonElement>(chat, '.window__ended .window__link')!.click();
    await until(() => !inWindow(chat, 'parley-rating'), 'a fresh start');
    expect(inWindow(chat, 'parley-composer')).to.not.equal(null);
    expect(inWindow<HTMLElement & { messages: unknown[] }>(chat, 'parley-message-list')!.messages).to.deep.equal([]);
  });
});
