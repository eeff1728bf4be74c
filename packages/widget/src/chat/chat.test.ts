import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { chatFixture, expectAccessible, focused, inWindow, launcherButton, launcherOf, until, windowOf } from '../../test/browser/support/chat-fixture.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';

describe('<parley-chat>', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('V2: the launcher shows online, busy and offline live, and says "Leave a message" when nobody can chat', async () => {
    hub = await startInPageHub({ agents: [{ id: 'agt_ada', name: 'Ada', capacity: 1 }] });
    const chat = await chatFixture(hub);
    const launcher = launcherOf(chat)!;
    await until(() => launcher.availability === 'offline', 'offline with no agent');
    expect(launcherButton(chat).textContent).to.contain('Leave a message');
    await expect(launcher).to.be.accessible();

    const agent = await hub.agent('agt_ada');
    await until(() => launcher.availability === 'online', 'online once Ada signs in');
    expect(launcherButton(chat).textContent).to.contain('Chat with us');
    expect(launcherButton(chat).textContent).to.contain('We are online');

    await agent.setPresence('busy');
    await until(() => launcher.availability === 'busy', 'busy when Ada is busy');
    expect(launcherButton(chat).textContent).to.contain('All agents are busy');
    await expectAccessible(chat);
  });

  it('opens by keyboard, moves focus into the window, and Escape gives focus back to the launcher', async () => {
    hub = await startInPageHub();
    await hub.agent();
    const chat = await chatFixture(hub);
    launcherButton(chat).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => windowOf(chat) && !windowOf(chat)!.hidden, 'the window to open');
    await until(() => focused()?.tagName === 'TEXTAREA' || focused()?.tagName === 'INPUT', 'focus in the window');
    expect(launcherButton(chat).getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(chat);
    await sendKeys({ press: 'Escape' });
    await until(() => !chat.open, 'the window to close');
    await until(() => focused() === launcherButton(chat), 'focus back on the launcher');
  });
});
