import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { chatFixture, expectAccessible, focused, inWindow, launcherButton, until } from './support/chat-fixture.js';
import { startInPageHub, type InPageHub } from './support/in-page-hub.js';

describe('typing preview (V11)', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  async function startChatting(chat: Parameters<typeof launcherButton>[0]) {
    launcherButton(chat).click();
    await until(() => focused()?.tagName === 'TEXTAREA', 'the message box');
    await sendKeys({ type: 'Hi' });
    await sendKeys({ press: 'Enter' });
  }

  it('when the site turns it on, the visitor is told, and the agent sees the draft until it is sent', async () => {
    hub = await startInPageHub({ settings: { typingPreview: true, preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    await startChatting(chat);
    await until(() => ada.sessions.length === 1, 'the chat');
    const sessionId = ada.sessions[0]!.id;
    const notice = inWindow(chat, '[data-notice=typing-preview]')!;
    expect(notice.textContent).to.equal('Agents can see what you type before you send it.');
    await expectAccessible(chat);

    await sendKeys({ type: 'My order number is 7' });
    await until(() => ada.typing(sessionId)?.draft === 'My order number is 7', 'the draft to reach Ada');
    await sendKeys({ press: 'Enter' });
    await until(() => !ada.typing(sessionId)?.draft, 'the preview to clear once sent');
  });

  it('when the site turns it off (the default), nothing is said and no draft leaves the page', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    await startChatting(chat);
    await until(() => ada.sessions.length === 1, 'the chat');
    const sessionId = ada.sessions[0]!.id;
    const drafts: (string | undefined)[] = [];
    ada.on('typing', (event) => drafts.push(event.draft));
    expect(inWindow(chat, '[data-notice=typing-preview]')).to.equal(null);
    await sendKeys({ type: 'a private thought' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(drafts.filter(Boolean)).to.deep.equal([]);
    expect(ada.typing(sessionId)?.draft).to.equal(undefined);
  });
});
