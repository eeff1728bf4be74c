import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryStorage, VisitorClientBase } from '@parley/core';

import { until } from '../../test/browser/support/chat-fixture.js';
import { useEnglish } from '../../test/browser/support/english.js';
import { SITE_ID, startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';
import type { ChatWindow } from './chat-window.js';
import './define.js';

describe('<parley-chat-window> over a VisitorClientBase', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('attaches the chat to a client that has none, and the visitor chats', async () => {
    useEnglish();
    hub = await startInPageHub({ settings: { preChatFields: [], welcomeMessage: undefined } });
    const agent = await hub.agent();
    const client = new VisitorClientBase({ siteId: SITE_ID, transport: hub.transport, storage: createMemoryStorage(), language: 'en' });
    client.connect();
    await until(() => client.status === 'open', 'the client to connect');
    expect(client.chat).to.equal(undefined);

    const chatWindow = await fixture<ChatWindow>(html`<parley-chat-window .client=${client}></parley-chat-window>`);
    expect(client.chat, 'attached by the window').to.not.equal(undefined);
    const textarea = () => chatWindow.shadowRoot!.querySelector('parley-composer')?.shadowRoot?.querySelector('textarea');
    await until(textarea, 'the composer');
    textarea()!.focus();
    await sendKeys({ type: 'Hello from a base client' });
    await sendKeys({ press: 'Enter' });
    await until(() => agent.sessions.length === 1, 'the agent to have the chat');
    await until(() => agent.messages(agent.sessions[0]!.id).length === 1, 'the agent to receive the message');
    expect(agent.messages(agent.sessions[0]!.id)[0]!.text).to.equal('Hello from a base client');
    client.close();
  });
});
