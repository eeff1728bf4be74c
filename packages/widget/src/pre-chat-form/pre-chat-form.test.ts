import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormField } from '@parley/core';

import { chatFixture, expectAccessible, focused, inWindow, launcherButton, until } from '../../test/browser/support/chat-fixture.js';
import { useEnglish } from '../../test/browser/support/english.js';
import { recordEvents } from '../../test/browser/support/events.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';
import './define.js';
import type { PreChatForm } from './pre-chat-form.js';

const FIELDS: readonly FormField[] = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'email', label: 'E-mail', kind: 'email', required: true },
  {
    name: 'topic',
    label: 'Question type',
    kind: 'select',
    required: true,
    options: [
      { value: 'buy', label: 'Buying', groupId: 'grp_sales' },
      { value: 'help', label: 'Help with an order', groupId: 'grp_support' },
    ],
  },
];

describe('<parley-pre-chat-form> (V4)', () => {
  let hub: InPageHub | undefined;
  before(useEnglish);
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('marks required fields, refuses what the hub would refuse, tells why next to the field and focuses the first problem', async () => {
    const form = await fixture<PreChatForm>(html`<parley-pre-chat-form .fields=${FIELDS}></parley-pre-chat-form>`);
    const submitted = recordEvents(form, 'parley-prechat-submit');
    const root = form.shadowRoot!;
    expect(root.querySelector('label[for$=name]')!.textContent).to.contain('(required)');
    await expect(form).to.be.accessible();

    form.focus();
    await sendKeys({ type: 'Ada' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'not-an-address' });
    root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await form.updateComplete;
    await until(() => focused() === root.querySelector('input[name=email]'), 'focus on the first problem');
    const email = root.querySelector<HTMLInputElement>('input[name=email]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('E-mail must be an e-mail address.');
    expect(root.querySelector('select')!.getAttribute('aria-invalid')).to.equal('true');
    expect(submitted.count).to.equal(0);
    await expect(form).to.be.accessible();

    email.value = '';
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Tab' });
    const select = root.querySelector('select')!;
    select.value = 'help';
    select.dispatchEvent(new Event('change'));
    await sendKeys({ press: 'Enter' });
    root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    expect(submitted.details).to.deep.equal([{ fields: { name: 'Ada', email: 'ada@example.com', topic: 'help' } }]);
  });

  it('routes the chat by question type to the group that answers it (a real hub, two agents)', async () => {
    hub = await startInPageHub({ settings: { preChatFields: FIELDS } });
    await hub.agent('agt_ada');
    const bo = await hub.agent('agt_bo');
    const chat = await chatFixture(hub);
    launcherButton(chat).click();
    await until(() => inWindow(chat, 'parley-pre-chat-form'), 'the pre-chat form');
    await until(() => focused()?.getAttribute('name') === 'name', 'focus on the first field');
    await expectAccessible(chat);
    await sendKeys({ type: 'Vera' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'vera@example.com' });
    await sendKeys({ press: 'Tab' });
    const select = inWindow<HTMLSelectElement>(chat, 'parley-pre-chat-form >>> select')!;
    expect(focused()).to.equal(select);
    select.value = 'help';
    select.dispatchEvent(new Event('change'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });

    await until(() => bo.sessions.length === 1, 'Bo (support) to get the chat');
    expect(bo.sessions[0]!.fields).to.deep.equal({ name: 'Vera', email: 'vera@example.com', topic: 'help' });
    expect(bo.sessions[0]!.groupId).to.equal('grp_support');
    await until(() => inWindow(chat, 'parley-composer'), 'the conversation');
    await until(() => focused()?.tagName === 'TEXTAREA', 'focus moves on to the message box');
  });
});
