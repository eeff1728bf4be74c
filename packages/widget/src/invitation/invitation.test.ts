import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { chatFixture, expectAccessible, focused, inWindow, until, windowOf } from '../../test/browser/support/chat-fixture.js';
import { useEnglish } from '../../test/browser/support/english.js';
import { recordEvents } from '../../test/browser/support/events.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';
import type { ParleyChat } from '../chat/chat.js';
import './define.js';
import type { Invitation } from './invitation.js';

/** The invitation's shadow root, once `<parley-chat>` has loaded and rendered it. */
const invitationOf = (chat: ParleyChat) => chat.shadowRoot!.querySelector('parley-invitation')?.shadowRoot;

describe('<parley-invitation> (V7, V8)', () => {
  let hub: InPageHub | undefined;
  before(useEnglish);
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('shows who invites and asks reply or decline, announced politely', async () => {
    const el = await fixture<Invitation>(html`<parley-invitation></parley-invitation>`);
    const live = () => el.shadowRoot!.querySelector('[role=status]')!.textContent;
    expect(live()).to.equal('');
    el.invite = { id: 'inv_1', visitorId: 'v', agentName: 'Ada', message: 'Can I help you find a size?', proactive: false, createdAt: 0, expiresAt: 1 };
    await el.updateComplete;
    expect(live()).to.equal('Message from Ada: Can I help you find a size?');
    const accepted = recordEvents(el, 'parley-invite-accept');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=accept]')!.click();
    expect(accepted.details).to.deep.equal([{ inviteId: 'inv_1' }]);
    await expectAccessible(el);
  });

  it("an agent's invitation pops up without taking focus; replying by keyboard opens the chat with that agent", async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const pageButton = await fixture<HTMLButtonElement>(html`<button>Add to cart</button>`);
    const chat = await chatFixture(hub);
    pageButton.focus();
    await ada.invite(chat.client!.visitorId!, { proactive: false, message: 'Can I help you find a size?' });
    await until(() => invitationOf(chat)?.querySelector('[part=message]'), 'the invitation');
    expect(invitationOf(chat)!.querySelector('[part=title]')!.textContent).to.equal('Message from Ada');
    expect(focused()).to.equal(pageButton);
    await expectAccessible(chat);

    invitationOf(chat)!.querySelector<HTMLButtonElement>('[part=accept]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => chat.open && windowOf(chat), 'the window to open');
    await until(() => ada.sessions.length === 1, 'the chat to start with Ada');
    await until(() => !invitationOf(chat)?.querySelector('[part=base]'), 'the invitation to go');
    await until(() => focused()?.tagName === 'TEXTAREA', 'focus in the message box');
  });

  it('declining tells the agent', async () => {
    hub = await startInPageHub();
    const ada = await hub.agent('agt_ada');
    const closed: string[] = [];
    ada.on('inviteClosed', (e) => closed.push(e.reason));
    const chat = await chatFixture(hub);
    await ada.invite(chat.client!.visitorId!, { proactive: false, message: 'Hello?' });
    await until(() => invitationOf(chat)?.querySelector('[part=decline]'), 'the invitation');
    invitationOf(chat)!.querySelector<HTMLButtonElement>('[part=decline]')!.click();
    await until(() => closed.includes('declined'), 'the agent to hear it was declined');
    expect(chat.open).to.equal(false);
  });

  it("the site's auto-invite rules invite the visitor after a while on a matching page", async () => {
    hub = await startInPageHub({
      settings: {
        inviteRules: [
          { name: 'browsing', delaySeconds: 1, urlContains: location.host, maxTimes: 1, intervalSeconds: 600, expirySeconds: 60, message: 'Need help choosing?' },
        ],
      },
    });
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub, { tracking: true });
    await until(() => invitationOf(chat)?.querySelector('[part=message]')?.textContent === 'Need help choosing?', 'the automatic invitation', 5000);
    expect(invitationOf(chat)!.querySelector('[part=title]')!.textContent).to.equal('Message from our team');
  });

  it('an invitation that arrives before the page is idle shows at once, announced', async () => {
    // The page never idles here, so only the invitation itself can bring <parley-invitation> in.
    const idle = window.requestIdleCallback;
    window.requestIdleCallback = () => 0;
    try {
      hub = await startInPageHub();
      const ada = await hub.agent('agt_ada');
      const chat = await chatFixture(hub);
      expect(chat.shadowRoot!.querySelector('parley-invitation')).to.equal(null);
      await ada.invite(chat.client!.visitorId!, { proactive: false, message: 'Early bird?' });
      await until(() => invitationOf(chat)?.querySelector('[part=message]')?.textContent === 'Early bird?', 'the invitation');
      expect(invitationOf(chat)!.querySelector('[role=status]')!.textContent).to.equal('Message from Ada: Early bird?');
      await expectAccessible(chat);
    } finally {
      window.requestIdleCallback = idle;
    }
  });

  it('a proactive chat opens the window with the agent writing first, without taking focus or blocking the page', async () => {
    hub = await startInPageHub({ settings: { welcomeMessage: undefined } });
    const ada = await hub.agent('agt_ada');
    const pageButton = await fixture<HTMLButtonElement>(html`<button>Checkout</button>`);
    const chat = await chatFixture(hub);
    const opened = recordEvents(chat, 'parley-window-open');
    pageButton.focus();
    await ada.invite(chat.client!.visitorId!, { proactive: true, message: 'Hi! I am Ada, any question about delivery?' });
    await until(() => chat.open && windowOf(chat) && !windowOf(chat)!.hidden, 'the window to open by itself');
    expect(opened.details).to.deep.equal([{ reason: 'proactive' }]);
    await until(() => inWindow(chat, 'parley-message-list >>> .message--other')?.textContent?.includes('any question about delivery'), "Ada's message");
    expect(focused()).to.equal(pageButton);
    expect(windowOf(chat)!.shadowRoot!.querySelector('[role=dialog]')!.getAttribute('aria-modal')).to.equal('false');
    // The page is still usable: its button takes clicks and keys.
    let clicks = 0;
    pageButton.addEventListener('click', () => clicks++);
    await sendKeys({ press: 'Enter' });
    expect(clicks).to.equal(1);
    await expectAccessible(chat);

    // Replying accepts the invitation.
    inWindow<HTMLElement & { value: string; send(): void }>(chat, 'parley-composer')!.value = 'Yes: when will it arrive?';
    inWindow<HTMLElement & { send(): void }>(chat, 'parley-composer')!.send();
    await until(() => ada.messages(ada.sessions[0]!.id).some((m) => m.text === 'Yes: when will it arrive?'), 'Ada to get the reply');
  });
});
