import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ChatMessage } from '@parley/core';

import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';
import { useEnglish } from '../../test/browser/support/english.js';
import './define.js';
import type { MessageList } from './message-list.js';

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  clientId: `c_${Math.random().toString(36).slice(2)}`,
  sessionId: 'ses_1',
  author: { kind: 'agent', id: 'agt_ada', name: 'Ada' },
  at: Date.UTC(2026, 0, 5, 9, 30),
  delivery: 'sent',
  own: false,
  ...over,
});

describe('<parley-message-list>', () => {
  let hub: InPageHub | undefined;
  before(useEnglish);
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('shows a real conversation: own messages with their delivery state going sending → sent → read, agent messages announced', async () => {
    hub = await startInPageHub();
    const agent = await hub.agent();
    const visitor = hub.visitor();
    visitor.connect();
    await hub.until(() => visitor.status === 'open', 'the visitor to connect');
    await visitor.requestChat({ name: 'Vera' });
    const el = await fixture<MessageList>(html`<parley-message-list></parley-message-list>`);
    const sync = () => (el.messages = visitor.messages());
    visitor.on('messages', sync);
    sync();

    visitor.send('Hello, is my order shipped?');
    await el.updateComplete;
    const own = () => el.shadowRoot!.querySelector<HTMLElement>('.message--own [data-delivery]')!;
    expect(['sending', 'sent']).to.include(own().dataset.delivery);
    await waitUntil(() => own().dataset.delivery === 'sent', 'the hub acknowledges');

    const sessionId = visitor.session!.id;
    await hub.until(() => agent.messages(sessionId).some((m) => m.text?.startsWith('Hello')), 'the agent to receive it');
    agent.markRead(sessionId);
    await waitUntil(() => own().dataset.delivery === 'read', 'the agent read it');

    agent.send(sessionId, 'Yes, it left this morning.');
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('Ada: Yes, it left this morning.'), 'the live region to announce the agent');
    const other = el.shadowRoot!.querySelectorAll('.message--other');
    expect(other[other.length - 1]!.querySelector('[part=author]')!.textContent).to.equal('Ada');
    expect(el.shadowRoot!.querySelector('.message--own [part=author]')!.textContent).to.equal('You');
    await expect(el).to.be.accessible();
  });

  it('renders text as text, links only http(s) with rel=noopener, and never HTML', async () => {
    const el = await fixture<MessageList>(html`<parley-message-list></parley-message-list>`);
    el.messages = [
      message({ text: '<img src=x onerror="window.pwned=1"> see https://shop.example/a?b=1, or www.example.org. javascript:alert(1)' }),
    ];
    await el.updateComplete;
    const bubble = el.shadowRoot!.querySelector('[part=bubble]')!;
    expect(bubble.querySelector('img')).to.equal(null);
    expect(bubble.textContent).to.contain('<img src=x onerror="window.pwned=1">');
    const links = [...bubble.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://shop.example/a?b=1', 'https://www.example.org/']);
    for (const a of links) {
      expect(a.rel).to.contain('noopener');
      expect(a.target).to.equal('_blank');
    }
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('shows images inline and other files as links, refusing unsafe URLs', async () => {
    const el = await fixture<MessageList>(html`<parley-message-list></parley-message-list>`);
    el.messages = [
      message({
        attachments: [
          { id: 'f1', name: 'photo.png', type: 'image/png', size: 2048, url: 'https://files.example/f1' },
          { id: 'f2', name: 'invoice.pdf', type: 'application/pdf', size: 1_200_000, url: 'https://files.example/f2' },
          { id: 'f3', name: 'evil.png', type: 'image/png', size: 10, url: 'javascript:alert(1)' },
        ],
      }),
    ];
    await el.updateComplete;
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('img[part=image]')!;
    expect(img.getAttribute('src')).to.equal('https://files.example/f1');
    expect(img.alt).to.equal('photo.png');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part=attachment]')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://files.example/f1', 'https://files.example/f2']);
    expect(el.shadowRoot!.textContent).to.contain('evil.png');
    await expect(el).to.be.accessible();
  });

  it('asks for earlier messages and shows the typing line', async () => {
    const el = await fixture<MessageList>(html`<parley-message-list has-earlier typing typing-name="Ada"></parley-message-list>`);
    el.messages = [message({ seq: 7, text: 'Seven' }), message({ seq: 8, text: 'Eight' })];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=typing]')!.textContent).to.contain('Ada is typing…');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=earlier]')!.click());
    const event = await oneEvent(el, 'parley-history-request');
    expect(event.detail.beforeSeq).to.equal(7);
    await expect(el).to.be.accessible();
  });

  it('keeps the reader in place when earlier messages load above, and follows new ones at the end', async () => {
    const el = await fixture<MessageList>(html`<parley-message-list has-earlier style="height:200px"></parley-message-list>`);
    const page = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => message({ clientId: `m${from + i}`, seq: from + i, text: `Message ${from + i}` }));
    el.messages = page(41, 60);
    await el.updateComplete;
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part=scroller]')!;
    await waitUntil(() => scroller.scrollTop > 0, 'starts at the newest message');
    scroller.scrollTop = 0; // the reader scrolled up to the oldest shown, and asks for more
    const m41 = () => el.shadowRoot!.querySelector<HTMLElement>('[data-client-id="m41"]')!;
    const before = m41().getBoundingClientRect().top;
    el.messages = [...page(1, 40), ...el.messages];
    await el.updateComplete;
    expect(scroller.scrollTop).to.be.greaterThan(0, 'the view moved down with the content');
    expect(Math.abs(m41().getBoundingClientRect().top - before)).to.be.lessThan(2, 'message 41 stays where the reader was');

    scroller.scrollTop = scroller.scrollHeight; // back at the end: new messages are followed
    await el.updateComplete;
    el.messages = [...el.messages, message({ clientId: 'm61', seq: 61, text: 'Message 61' })];
    await el.updateComplete;
    await waitUntil(() => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2, 'follows the newest');
  });

  it('marks a refused message as not delivered', async () => {
    const el = await fixture<MessageList>(html`<parley-message-list></parley-message-list>`);
    el.messages = [message({ own: true, author: { kind: 'visitor', id: 'v' }, delivery: 'failed', text: 'x' })];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-delivery=failed]')!.textContent).to.contain('Not delivered');
    await expect(el).to.be.accessible();
  });
});
