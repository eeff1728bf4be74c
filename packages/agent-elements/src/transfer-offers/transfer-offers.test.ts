import { expect, fixture, html } from '@open-wc/testing';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import '../transfer-form/define.js';
import './define.js';
import type { TransferForm } from '../transfer-form/transfer-form.js';
import type { TransferOffers } from './transfer-offers.js';

/** Two agents, Ada serving a chat with some history, Bo ready to receive it. */
async function setUp(hub: TestHub) {
  const ada = await hub.agent('ada');
  const bo = await hub.agent('bo');
  const chat = await hub.chattingVisitor('Mia');
  await until(() => ada.sessionById(chat.sessionId)?.state === 'active', 'Ada serves the chat');
  chat.visitor.send('My order never came.');
  await until(() => ada.messages(chat.sessionId).some((m) => m.text === 'My order never came.'), 'history');
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <parley-transfer-form .client=${ada} session-id=${chat.sessionId}></parley-transfer-form>
    <parley-transfer-offers .client=${bo}></parley-transfer-offers>
  </div>`);
  const form = wrapper.querySelector<TransferForm>('parley-transfer-form')!;
  const offers = wrapper.querySelector<TransferOffers>('parley-transfer-offers')!;
  await until(() => $$(form, 'input[type=radio]').length > 0, 'choices shown');
  return { ada, bo, form, offers, ...chat };
}

const radio = (form: TransferForm, label: string) =>
  $$<HTMLInputElement>(form, 'input[type=radio]').find((r) => text(r.parentElement).startsWith(label))!;

describe('transfer between two agents, against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  afterEach(() => hub.close());

  it('Ada offers the chat to Bo, who sees the history and a countdown and accepts; both see the outcome', async () => {
    hub = await createTestHub();
    const { ada, bo, form, offers, sessionId, visitor } = await setUp(hub);
    const closes = spy<{ outcome: string }>(form, 'parley-transfer-close');
    const answers = spy<{ accept: boolean; session: { id: string; agentId: string } }>(offers, 'parley-transfer-answer');
    const bo_ = radio(form, 'Bo');
    expect(text(bo_.parentElement)).to.contain('Online, 0 of 3 chats');
    expect(bo_.disabled).to.equal(false);
    expect(radio(form, 'Cy').disabled).to.equal(true); // offline
    expect(text(radio(form, 'Group: Support').parentElement)).to.contain('1 of 2 members available');
    await expect(form).to.be.accessible();

    bo_.click();
    type($<HTMLTextAreaElement>(form, 'textarea'), 'Delivery question, over to you.');
    await form.updateComplete;
    $<HTMLButtonElement>(form, '[part=submit]').click();
    await until(() => $$(offers, '[part=offer]').length === 1, 'Bo gets the offer');
    await until(() => /^0:\d\d$/.test(text(form.shadowRoot?.querySelector('[part=countdown]'))), 'Ada sees the countdown');

    const offer = $(offers, '[part=offer]');
    expect(text(offer)).to.contain('Ada offers you the chat with Mia');
    expect(text(offer.querySelector('.note'))).to.equal('Delivery question, over to you.');
    const history = offer.querySelector('parley-message-list')!;
    await until(() => text(history.shadowRoot?.querySelector('ol')).includes('My order never came.'), 'the history is there');
    expect(text(offer.querySelector('[part=countdown]'))).to.match(/^0:[0-3]\d$/);
    await expect(offers).to.be.accessible();

    offer.querySelector<HTMLButtonElement>('[part=accept]')!.click();
    await until(() => answers.length === 1, 'answered');
    expect(answers[0]!.accept).to.equal(true);
    expect(answers[0]!.session.agentId).to.equal('agt_bo');
    await until(() => closes.length === 1, 'Ada learns the outcome');
    expect(closes[0]!.outcome).to.equal('accepted');
    await form.updateComplete;
    expect(text($(form, '[part=outcome]'))).to.equal('Your colleague took the chat.');
    await until(() => ada.sessionById(sessionId) === undefined, 'the chat left Ada');
    expect(bo.messages(sessionId).some((m) => m.text === 'My order never came.')).to.equal(true);
    await until(() => visitor.session?.agentId === 'agt_bo', 'the visitor is with Bo');
  });

  it('a declined offer leaves the chat with Ada, and says so', async () => {
    hub = await createTestHub();
    const { ada, form, offers, sessionId } = await setUp(hub);
    radio(form, 'Bo').click();
    await form.updateComplete;
    $<HTMLButtonElement>(form, '[part=submit]').click();
    await until(() => $$(offers, '[part=offer]').length === 1, 'offered');
    $(offers, '[part=decline]').click();
    await until(() => text(form.shadowRoot?.querySelector('[part=outcome]')) === 'Your colleague declined; the chat stays with you.', 'declined');
    await until(() => ada.sessionById(sessionId)?.state === 'active', 'back with Ada');
    await until(() => $$(offers, '[part=offer]').length === 0, 'the offer is gone');
  });

  it('an unanswered offer times out', async () => {
    hub = await createTestHub({ transferTimeoutSeconds: 2 });
    const { ada, form, offers, sessionId } = await setUp(hub);
    radio(form, 'Group: Support').click();
    await form.updateComplete;
    await form.offer();
    await until(() => $$(offers, '[part=offer]').length === 1, 'offered to the group’s Bo');
    await until(() => text(form.shadowRoot?.querySelector('[part=outcome]')) === 'No answer in time; the chat stays with you.', 'timed out', 5000);
    expect(ada.sessionById(sessionId)?.state).to.equal('active');
  });
});
