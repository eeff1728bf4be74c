import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormField } from '@parley/core';

import { chatFixture, expectAccessible, focused, inWindow, launcherButton, until } from '../../test/browser/support/chat-fixture.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';

describe('<parley-offline-form> (V6)', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('when nobody is there, the launcher offers to leave a message, and the message reaches the site', async () => {
    hub = await startInPageHub();
    const chat = await chatFixture(hub);
    await until(() => launcherButton(chat).textContent!.includes('Leave a message'), 'the leave-a-message launcher');
    launcherButton(chat).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => inWindow(chat, 'parley-offline-form'), 'the offline form');
    await until(() => focused()?.getAttribute('name') === 'name', 'focus on its first field');
    await expectAccessible(chat);
    await sendKeys({ type: 'Vera' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'vera@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Please call me back about order 7.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => inWindow(chat, '.window__done')?.textContent?.includes('Your message has been sent'), 'the thank-you');
    const [left] = await hub.store.listOfflineMessages(hub.siteId);
    expect(left!.fields).to.deep.equal({ name: 'Vera', email: 'vera@example.com', message: 'Please call me back about order 7.' });
    await expectAccessible(chat);
  });

  it('when the chosen team has nobody, the chat request turns into the offline form, keeping the answers', async () => {
    const topic: FormField = {
      name: 'topic',
      label: 'Question type',
      kind: 'select',
      required: true,
      options: [
        { value: 'buy', label: 'Buying', groupId: 'grp_sales' },
        { value: 'help', label: 'Help', groupId: 'grp_support' },
      ],
    };
    hub = await startInPageHub({
      settings: {
        preChatFields: [{ name: 'name', label: 'Name', kind: 'text', required: true }, topic],
        offlineFields: [
          { name: 'name', label: 'Name', kind: 'text', required: true },
          { name: 'message', label: 'Message', kind: 'textarea', required: true },
        ],
      },
    });
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    await chat.show();
    await until(() => inWindow(chat, 'parley-pre-chat-form'), 'the pre-chat form');
    const form = inWindow(chat, 'parley-pre-chat-form')!.shadowRoot!;
    const name = form.querySelector<HTMLInputElement>('input[name=name]')!;
    name.value = 'Vera';
    name.dispatchEvent(new Event('input'));
    const select = form.querySelector('select')!;
    select.value = 'help';
    select.dispatchEvent(new Event('change'));
    form.querySelector<HTMLButtonElement>('[part=submit]')!.click();

    await until(() => inWindow(chat, 'parley-offline-form'), 'the offline form');
    const offline = inWindow(chat, 'parley-offline-form')!.shadowRoot!;
    await until(() => offline.querySelector('[part=note]'), 'the note');
    expect(offline.querySelector('[part=note]')!.textContent).to.contain('Nobody can chat right now');
    expect(offline.querySelector<HTMLInputElement>('input[name=name]')!.value).to.equal('Vera');
    await expectAccessible(chat);
  });
});
