import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionInfo } from '@parley/core';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $$, spy, text, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import { markConversationRead } from '../controllers/read-signal.js';
import './define.js';
import type { ConversationList } from './conversation-list.js';
import { nextConversation } from './next-conversation.js';

const session = (id: string, state: SessionInfo['state'] = 'active'): SessionInfo => ({
  id,
  siteId: 's',
  visitorId: `v_${id}`,
  state,
  fields: {},
  createdAt: 0,
  lastSeq: 0,
  readSeq: { visitor: 0, agent: 0 },
});

describe('nextConversation', () => {
  const list = [session('a'), session('b'), session('c', 'ended'), session('d')];
  it('prefers the next open chat with unread messages, wrapping around', () => {
    expect(nextConversation(list, 'b', (id) => (id === 'a' ? 1 : 0))).to.equal('a');
    expect(nextConversation(list, 'a', (id) => (id === 'd' ? 2 : 0))).to.equal('d');
  });
  it('else the next open chat, else any other, else none', () => {
    expect(nextConversation(list, 'b', () => 0)).to.equal('d');
    expect(nextConversation(list, undefined, () => 0)).to.equal('a');
    expect(nextConversation([session('a'), session('c', 'ended')], 'a', () => 0)).to.equal('c');
    expect(nextConversation([session('a')], 'a', () => 0)).to.equal(undefined);
  });
});

describe('<parley-conversation-list> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('lists several chats at once with unread marks; Alt+Z goes to the next one with unread messages', async () => {
    const ada = await hub.agent('ada');
    const el = await fixture<ConversationList>(html`<parley-conversation-list .client=${ada}></parley-conversation-list>`);
    const selected = spy<{ sessionId: string }>(el, 'parley-conversation-select');
    const one = await hub.chattingVisitor('Gil');
    const two = await hub.chattingVisitor('Hana');
    const three = await hub.chattingVisitor('Ivo');
    await until(() => $$(el, '[part~=item]').length === 3, 'three chats');
    // Each chat starts with the welcome message; Ada reads them.
    await until(() => [one, two, three].every((s) => ada.messages(s.sessionId).length > 0), 'welcomes arrived');
    for (const s of [one, two, three]) markConversationRead(ada, s.sessionId);
    await until(() => $$(el, '[part=unread]').length === 0, 'all read');

    $$(el, '.conversations__select')[0]!.click();
    expect(selected.at(-1)?.sessionId).to.equal(one.sessionId);
    three.visitor.send('I am still here');
    await until(() => $$(el, '[part=unread]').length === 1, 'an unread mark on Ivo');
    expect(text($$(el, '[part~=item]')[2]!.querySelector('[part=unread]'))).to.equal('1 1 unread message');

    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Alt' });
    expect(selected.at(-1)?.sessionId).to.equal(three.sessionId);
    await el.updateComplete;
    expect($$(el, '[aria-current=true]').length).to.equal(1);
    expect(el.selectNext()).to.equal(one.sessionId);
    expect(text($$(el, 'h2')[0])).to.equal('My chats (3)');
    await expect(el).to.be.accessible();
  });

  it('keeps ended chats until closed; a configured shortcut replaces Alt+Z', async () => {
    const ada = await hub.agent('ada');
    const el = await fixture<ConversationList>(html`<parley-conversation-list .client=${ada} shortcut="Ctrl+Shift+ArrowDown"></parley-conversation-list>`);
    const selected = spy<{ sessionId: string }>(el, 'parley-conversation-select');
    const closed = spy<{ sessionId: string }>(el, 'parley-conversation-close');
    const one = await hub.chattingVisitor('Jo');
    const two = await hub.chattingVisitor('Kai');
    await until(() => $$(el, '[part~=item]').length === 2, 'two chats');
    await one.visitor.end();
    await until(() => $$(el, '[part=close]').length === 1, 'the ended chat can be closed');

    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Alt' });
    expect(selected).to.deep.equal([]);
    await sendKeys({ down: 'Control' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Control' });
    expect(selected.at(-1)?.sessionId).to.equal(two.sessionId);

    $$(el, '[part=close]')[0]!.click();
    expect(closed).to.deep.equal([{ sessionId: one.sessionId }]);
    await until(() => $$(el, '[part~=item]').length === 1, 'closed');
    expect(ada.sessionById(one.sessionId)).to.equal(undefined);
  });
});
