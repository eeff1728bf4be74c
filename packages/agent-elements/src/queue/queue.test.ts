import { expect, fixture, html } from '@open-wc/testing';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import { markConversationRead } from '../controllers/read-signal.js';
import './define.js';
import type { Queue } from './queue.js';

const items = (el: Queue) => $$(el, '[part=item]');

describe('<parley-queue> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('lists waiting chats oldest first with their wait, and accepts one', async () => {
    const ada = await hub.agent('ada');
    await ada.setPresence('busy');
    const el = await fixture<Queue>(html`<parley-queue .client=${ada}></parley-queue>`);
    const accepted = spy<{ session: { id: string } }>(el, 'parley-session-accept');
    const first = await hub.chattingVisitor('Cleo');
    const second = await hub.chattingVisitor('Dan');
    await until(() => items(el).length === 2, 'two waiting');
    expect(items(el).map((i) => text(i.querySelector('.queue__name')))).to.deep.equal(['Cleo', 'Dan']);
    expect(text(items(el)[0]!.querySelector('[part=wait]'))).to.match(/^waiting 0:0\d$/);
    expect(text($(el, 'h2'))).to.equal('Waiting (2)');
    await expect(el).to.be.accessible();

    items(el)[1]!.querySelector<HTMLButtonElement>('[part=accept]')!.click();
    await until(() => accepted.length === 1, 'accepted');
    expect(accepted[0]!.session.id).to.equal(second.sessionId);
    await until(() => items(el).length === 1, 'one left waiting');
    expect(ada.sessionById(second.sessionId)?.state).to.equal('active');

    $<HTMLButtonElement>(el, '[part=accept-next]').click();
    await until(() => ada.sessionById(first.sessionId)?.state === 'active', 'the oldest accepted');
    await until(() => text($(el, 'p.muted')) === 'Nobody is waiting.', 'empty queue');
  });

  it('honours a cancelled accept, and says why an accept failed', async () => {
    const ada = await hub.agent('ada');
    const bo = await hub.agent('bo');
    await ada.setPresence('busy');
    await bo.setPresence('busy');
    const el = await fixture<Queue>(html`<parley-queue .client=${ada}></parley-queue>`);
    const { sessionId } = await hub.chattingVisitor('Eve');
    await until(() => items(el).length === 1, 'waiting');
    el.addEventListener('parley-session-accept-request', (e) => e.preventDefault(), { once: true });
    expect(await el.accept(sessionId)).to.equal(undefined);
    expect(ada.queue.length).to.equal(1);

    await bo.accept(sessionId); // a colleague is quicker
    expect(await el.accept(sessionId)).to.equal(undefined);
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.equal('This is no longer possible: the chat has changed meanwhile.');
  });

  it('shows what visitors typed as text, never as HTML', async () => {
    const ada = await hub.agent('ada');
    await ada.setPresence('busy');
    const el = await fixture<Queue>(html`<parley-queue .client=${ada}></parley-queue>`);
    await hub.chattingVisitor('<img src=x onerror="window.pwned=1"><b>Bold</b>');
    await until(() => items(el).length === 1, 'waiting');
    expect(text(items(el)[0]!.querySelector('.queue__name'))).to.equal('<img src=x onerror="window.pwned=1"><b>Bold</b>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('counts unread messages and chats waiting for their evaluation', async () => {
    const ada = await hub.agent('ada');
    const el = await fixture<Queue>(html`<parley-queue .client=${ada}></parley-queue>`);
    const { visitor, sessionId } = await hub.chattingVisitor('Fay'); // routed to Ada, who is online
    await until(() => ada.sessionById(sessionId)?.state === 'active', 'routed to Ada');
    visitor.send('Hello?');
    visitor.send('Anyone there?');
    // The welcome message (system) and the visitor's two.
    await until(() => $(el, '[part=unread]').dataset.count === '3', 'three unread');
    markConversationRead(ada, sessionId);
    await until(() => $(el, '[part=unread]').dataset.count === '0', 'read');
    await ada.end(sessionId);
    await until(() => $(el, '[part=to-evaluate]').dataset.count === '1', 'one to evaluate');
    await ada.evaluate(sessionId, { topic: 'Delivery' });
    await until(() => $(el, '[part=to-evaluate]').dataset.count === '0', 'evaluated');
  });
});
