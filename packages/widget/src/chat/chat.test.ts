import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { chatFixture, expectAccessible, focused, inWindow, launcherButton, launcherOf, until, windowOf } from '../../test/browser/support/chat-fixture.js';
import { recordEvents } from '../../test/browser/support/events.js';
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

describe('<parley-chat>: page push, trajectory and the site settings', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('V9: an agent pushes a page on an allowed origin (the page may veto it); other origins are never followed', async () => {
    hub = await startInPageHub({ settings: { pushOrigins: [location.origin] } });
    const ada = await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    const requests = recordEvents(chat, 'parley-navigate-request');
    chat.addEventListener('parley-navigate-request', (e) => e.preventDefault());
    await ada.pushPage(chat.client!.visitorId!, `${location.origin}/shop/shoes?size=42`);
    await until(() => requests.count === 1, 'the navigation request');
    expect(requests.last).to.deep.equal({ url: `${location.origin}/shop/shoes?size=42` });

    let refused = false;
    await ada.pushPage(chat.client!.visitorId!, 'https://elsewhere.example/phish').catch(() => (refused = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(refused).to.equal(true);
    expect(requests.count).to.equal(1);
  });

  it('V10: reports the page, SPA route changes and custom page views to the agents', async () => {
    hub = await startInPageHub();
    const ada = await hub.agent('agt_ada');
    const start = location.href;
    const chat = await chatFixture(hub, { tracking: true });
    const visitorId = chat.client!.visitorId!;
    const urls = async () => (await ada.visitorDetail(visitorId)).pageViews.map((view) => view.url);
    await until(async () => (await urls()).includes(start), 'the first page view');
    history.pushState({}, '', '/products/42');
    try {
      let seen: string[] = [];
      await until(async () => (seen = await urls()).includes(`${location.origin}/products/42`), 'the route change');
      chat.trackPageView({ url: '/checkout/step-2', title: 'Payment' });
      await until(async () => (seen = await urls()).includes(`${location.origin}/checkout/step-2`), 'the custom page view');
      expect(seen.slice(-3)).to.deep.equal([start, `${location.origin}/products/42`, `${location.origin}/checkout/step-2`]);
    } finally {
      history.replaceState({}, '', start);
    }
  });

  it("applies the site's texts and theme from the hub, with the page's attributes and properties over them", async () => {
    hub = await startInPageHub({
      settings: {
        texts: { 'launcher.open': 'Talk to Shop', 'launcher.close': 'Hide Shop chat', 'ja/launcher.open': 'ショップに相談' },
        theme: { 'color-accent': 'rgb(11, 110, 79)', 'launcher-color': 'rgb(255, 255, 255)' },
      },
    });
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    const base = () => launcherOf(chat)!.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
    await until(() => launcherButton(chat).textContent!.includes('Talk to Shop'), "the site's text");
    expect(getComputedStyle(base()).backgroundColor).to.equal('rgb(11, 110, 79)');
    await expectAccessible(chat);

    chat.texts = { 'launcher.open': 'Questions? Ask us' };
    chat.theme = { 'color-accent': 'rgb(90, 30, 120)' };
    await until(() => launcherButton(chat).textContent!.includes('Questions? Ask us'), "the page's text");
    await until(() => getComputedStyle(base()).backgroundColor === 'rgb(90, 30, 120)', "the page's colour");

    chat.language = 'ja';
    await until(() => launcherButton(chat).textContent!.includes('Questions? Ask us'), 'a plain page override stays in every language');
    chat.texts = {};
    await until(() => launcherButton(chat).textContent!.includes('ショップに相談'), "the site's Japanese text");
    expect(chat.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('ja');
  });

  it("V17: identifies a signed-in member with the site's signature; a forged one stays unverified", async () => {
    hub = await startInPageHub();
    const ada = await hub.agent('agt_ada');
    await ada.watchVisitors(true);
    const chat = await chatFixture(hub);
    const visitorId = chat.client!.visitorId!;
    chat.identify(await hub.signMember({ id: 'u_42', name: 'Grace Hopper' }));
    await until(() => ada.visitors.get(visitorId)?.member?.verified === true, 'the verified member at the agent');
    expect(ada.visitors.get(visitorId)!.member!.name).to.equal('Grace Hopper');
    chat.identify({ data: JSON.stringify({ id: 'u_1', name: 'Admin' }), signature: '00'.repeat(32) });
    await until(() => ada.visitors.get(chat.client!.visitorId!)?.member?.id === 'u_1', 'the forged claim');
    expect(ada.visitors.get(chat.client!.visitorId!)!.member!.verified).to.equal(false);
  });

  it('settings changed on the hub apply at the next connection without touching the embed', async () => {
    hub = await startInPageHub();
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    await until(() => launcherButton(chat).textContent!.includes('Chat with us'), 'the default text');
    await hub.updateSettings({ texts: { 'launcher.open': 'Ask our florists' } });
    hub.links.at(-1)!.drop();
    await until(() => launcherButton(chat).textContent!.includes('Ask our florists'), 'the new text after reconnecting');
  });
});
