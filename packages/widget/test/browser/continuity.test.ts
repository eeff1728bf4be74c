import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { createMemoryStorage } from '@parley/core';

import type { ParleyChat } from '../../src/chat/chat.js';
import { chatFixture, inWindow, until, windowOf } from './support/chat-fixture.js';
import { startInPageHub, type InPageHub } from './support/in-page-hub.js';

const texts = (chat: ParleyChat) =>
  [...(inWindow(chat, 'parley-message-list')?.shadowRoot?.querySelectorAll('[part~=bubble]') ?? [])].map((b) => b.textContent?.trim());

function say(chat: ParleyChat, text: string): void {
  const composer = inWindow<HTMLElement & { value: string; send(): void }>(chat, 'parley-composer')!;
  composer.value = text;
  composer.send();
}

describe('continuity (V18)', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('a chat carries on across page loads: the window reopens with the conversation, and a message unsent at unload is delivered once', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [], welcomeMessage: undefined } });
    const ada = await hub.agent('agt_ada');
    const storage = createMemoryStorage();
    const first = await chatFixture(hub, { storage });
    await first.show();
    await until(() => inWindow(first, 'parley-composer'), 'the composer');
    say(first, 'Hello from page one');
    await until(() => ada.sessions.length === 1, 'the chat');
    const sessionId = ada.sessions[0]!.id;
    await until(() => ada.messages(sessionId).length === 1, 'the first message at the agent');
    const visitorId = first.client!.visitorId;

    // The network drops, the visitor writes, and leaves the page before it comes back.
    hub.links.at(-1)!.drop();
    say(first, 'Written offline, then the page changed');
    await until(() => texts(first).includes('Written offline, then the page changed'), 'shown as sending');
    fixtureCleanup();

    // The next page: same storage, as IndexedDB would be.
    const second = await chatFixture(hub, { storage });
    expect(second.client!.visitorId).to.equal(visitorId);
    await until(() => second.open && windowOf(second) && !windowOf(second)!.hidden, 'the window to reopen by itself');
    await until(() => texts(second).includes('Hello from page one'), 'the conversation so far');
    await until(() => ada.messages(sessionId).some((m) => m.text === 'Written offline, then the page changed'), 'the unsent message delivered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ada.messages(sessionId).filter((m) => m.text === 'Written offline, then the page changed')).to.have.length(1);
    expect(texts(second).filter((t) => t === 'Written offline, then the page changed')).to.have.length(1);
  });

  it('two tabs of the same visitor show the same chat', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [], welcomeMessage: undefined } });
    const ada = await hub.agent('agt_ada');
    const storage = createMemoryStorage();
    const tabA = await chatFixture(hub, { storage });
    await tabA.show();
    await until(() => inWindow(tabA, 'parley-composer'), 'the composer');
    say(tabA, 'From tab A');
    await until(() => ada.sessions.length === 1, 'the chat');
    const tabB = await fixture<ParleyChat>(html`<parley-chat site=${hub.siteId} language="en" preload="open" no-tracking .transport=${hub.transport} .storage=${storage}></parley-chat>`);
    await until(() => tabB.client?.status === 'open', 'tab B to connect');
    expect(tabB.client!.visitorId).to.equal(tabA.client!.visitorId);
    await tabB.show();
    await until(() => texts(tabB).includes('From tab A'), 'tab B to show the chat');
    ada.send(ada.sessions[0]!.id, 'Seen in both tabs');
    await until(() => texts(tabA).includes('Seen in both tabs') && texts(tabB).includes('Seen in both tabs'), 'both tabs to get the answer');
  });
});
