import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Attachment } from '@parley/core';
import type { Composer, MessageList } from '@parley/widget/shared';
import { listCannedSource, type CannedItem } from '../api/canned.js';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { Conversation } from './conversation.js';

const CANNED: CannedItem[] = [
  { id: 'c1', kind: 'reply', title: 'Returns', text: 'You can return anything within 30 days.', shortcut: 'returns' },
  { id: 'c2', kind: 'reply', title: 'Delivery times', text: 'Parcels arrive in 2–4 working days.' },
  { id: 'c3', kind: 'link', title: 'Size guide', url: 'https://shop.example/sizes', text: 'Our size guide:' },
];

const list = (el: Conversation) => $<MessageList>(el, 'parley-message-list');
const composer = (el: Conversation) => $<Composer>(el, 'parley-composer');
const textarea = (el: Conversation) => $<HTMLTextAreaElement>(composer(el), 'textarea');
const bubbles = (el: Conversation) => $$(list(el), '[part~=message]').map((m) => text(m.querySelector('[part=bubble]')));

describe('<parley-conversation> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  async function openChat(name = 'Lia') {
    const ada = await hub.agent('ada');
    const chat = await hub.chattingVisitor(name);
    await until(() => ada.sessionById(chat.sessionId)?.state === 'active', 'routed to Ada');
    const el = await fixture<Conversation>(
      html`<parley-conversation style="height: 600px" .client=${ada} session-id=${chat.sessionId} .cannedSource=${listCannedSource(CANNED)}></parley-conversation>`,
    );
    return { ada, el, ...chat };
  }

  it('shows the history with delivery states and the visitor typing live, apart from what was sent', async () => {
    const { el, visitor } = await openChat();
    visitor.send('Hi, where is my parcel?');
    await until(() => bubbles(el).includes('Hi, where is my parcel?'), 'the visitor’s message');

    visitor.setDraft('It was ordered on Mon');
    await until(() => text(el.shadowRoot?.querySelector('[part=typing-preview] .typing-preview__draft')) === 'It was ordered on Mon', 'live preview');
    // The preview is not a message.
    expect(bubbles(el)).not.to.include('It was ordered on Mon');
    visitor.setDraft('It was ordered on Monday');
    await until(() => text(el.shadowRoot?.querySelector('.typing-preview__draft')) === 'It was ordered on Monday', 'preview follows the typing');
    visitor.send('It was ordered on Monday');
    await until(() => !el.shadowRoot?.querySelector('[part=typing-preview]'), 'preview gone once sent');
    await until(() => bubbles(el).includes('It was ordered on Monday'), 'now a message');

    type(textarea(el), 'Let me check.');
    await sendKeys({ press: 'Enter' });
    await until(() => visitor.messages().some((m) => m.text === 'Let me check.'), 'the visitor gets it');
    const own = () => $$(list(el), '[part~=own-message]').at(-1)!;
    await until(() => own().querySelector('[part=delivery]')?.getAttribute('data-delivery') === 'sent', 'sent');
    visitor.markRead();
    await until(() => own().querySelector('[part=delivery]')?.getAttribute('data-delivery') === 'read', 'read by the visitor');
    await expect(el).to.be.accessible();
  });

  it('searches canned replies as the agent types "/", and inserts the pick', async () => {
    const { el, visitor } = await openChat();
    type(textarea(el), '/deliv');
    await until(() => $$(el, 'parley-canned-picker').length === 1, 'the picker opens');
    const picker = $(el, 'parley-canned-picker');
    await until(() => $$(picker, '[role=option]').length === 1, 'one match');
    expect(text($(picker, '[role=option]'))).to.contain('Delivery times');
    $<HTMLInputElement>(picker, 'input').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => textarea(el).value === 'Parcels arrive in 2–4 working days.', 'inserted');
    await sendKeys({ press: 'Enter' }); // the composer has the focus back
    await until(() => visitor.messages().some((m) => m.text === 'Parcels arrive in 2–4 working days.'), 'sent');

    // The canned button opens the same search; links come with their text.
    $$<HTMLButtonElement>(el, 'parley-composer button').find((b) => text(b) === 'Canned replies')!.click();
    await el.updateComplete;
    const again = $(el, 'parley-canned-picker');
    type($<HTMLInputElement>(again, 'input'), 'size');
    await until(() => $$(again, '[role=option]').length === 1, 'the link found');
    $(again, '[role=option]').click();
    await until(() => textarea(el).value === 'Our size guide: https://shop.example/sizes', 'the link inserted');
  });

  it('"send and next" sends and asks for the next chat (button and Alt+Enter)', async () => {
    const { el, visitor } = await openChat();
    const next = spy<{ sessionId: string }>(el, 'parley-conversation-next');
    type(textarea(el), 'Done, anything else?');
    $<HTMLButtonElement>(el, '[part=send-next]').click();
    await until(() => visitor.messages().some((m) => m.text === 'Done, anything else?'), 'sent');
    expect(next).to.have.length(1);
    type(textarea(el), 'Bye!');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Alt' });
    await until(() => visitor.messages().some((m) => m.text === 'Bye!'), 'sent by Alt+Enter');
    expect(next).to.have.length(2);
    expect(visitor.messages().filter((m) => m.text === 'Bye!')).to.have.length(1);
  });

  it('sends files and screenshots through the upload function', async () => {
    const { el, visitor, sessionId } = await openChat();
    const uploads: string[] = [];
    el.upload = async (file, name, session) => {
      uploads.push(`${name}@${session}`);
      return { id: `file_${uploads.length}`, name, type: file.type || 'application/octet-stream', size: file.size, url: `https://files.example/${uploads.length}` } satisfies Attachment;
    };
    el.capture = async () => new Blob(['png'], { type: 'image/png' });
    await el.updateComplete;
    await el.sendFiles([new File(['hello'], 'notes.txt', { type: 'text/plain' })], ['notes.txt']);
    $$<HTMLButtonElement>(el, 'parley-composer button').find((b) => text(b) === 'Screenshot')!.click();
    await until(() => visitor.messages().filter((m) => m.attachments?.length).length === 2, 'both arrive');
    expect(uploads[0]).to.equal(`notes.txt@${sessionId}`);
    expect(uploads[1]).to.match(/^screenshot-.*\.png@/);
    expect($$(list(el), '[part=attachment]').length).to.equal(2);
  });

  it('loads a long history page by page', async () => {
    const { el, visitor, ada, sessionId } = await openChat();
    for (let i = 1; i <= 120; i++) visitor.send(`message ${i}`);
    await until(() => visitor.messages().filter((m) => m.delivery === 'sent' || m.delivery === 'read').length >= 121, 'all stored');
    // A fresh agent client holds only the latest page.
    ada.close();
    const again = await hub.agent('ada');
    el.client = again;
    await until(() => bubbles(el).includes('message 120'), 'the latest page');
    const shown = () => bubbles(el).filter((b) => b.startsWith('message ')).length;
    expect(shown()).to.be.below(120);
    const before = shown();
    $<HTMLButtonElement>(list(el), '[part=earlier]').click();
    await until(() => shown() > before, 'an earlier page');
    while (list(el).hasEarlier) {
      $<HTMLButtonElement>(list(el), '[part=earlier]').click();
      await until(() => !list(el).hasEarlier || shown() === 120, 'paging');
      await el.updateComplete;
    }
    expect(shown()).to.equal(120);
    expect(bubbles(el)[0]).to.equal('Hello, how can we help?');
    expect(again.sessionById(sessionId)?.state).to.equal('active');
  });

  it('asks for a rating and ends the chat, then offers the evaluation', async () => {
    const { el, visitor } = await openChat();
    let asked = false;
    visitor.on('ratingRequest', () => (asked = true));
    $$<HTMLButtonElement>(el, '[role=toolbar] button').find((b) => text(b) === 'Ask for a rating')!.click();
    await until(() => asked, 'the visitor is asked');
    const ended = spy<unknown>(el, 'parley-session-end');
    $$<HTMLButtonElement>(el, '[role=toolbar] button').find((b) => text(b) === 'End chat')!.click();
    await until(() => ended.length === 1, 'ended');
    await until(() => visitor.session?.state === 'ended', 'the visitor sees the end');
    await until(() => $$(el, 'parley-evaluation-form').length === 1, 'evaluation offered');
    expect(composer(el).disabled).to.equal(true);
  });
});
