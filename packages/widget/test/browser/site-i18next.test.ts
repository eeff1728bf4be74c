/**
 * A site that runs i18next hands its instance to the widget: the texts go
 * through it, in the site's language, following the site's changes, with the
 * site's own words where it has them — and nothing else of the site's
 * i18next changes.
 */
import { expect } from '@open-wc/testing';
import { createMemoryStorage } from '@parley/core';
import i18next, { type i18n } from 'i18next';

import type { ParleyChat } from '../../src/chat/chat.js';
import { boot } from '../../src/embed/boot.js';
import type { ParleyFunction } from '../../src/embed/command-queue.js';
import { loadTexts } from '../../src/locales/load.js';
import { chatFixture, inWindow, launcherButton, launcherOf, until } from './support/chat-fixture.js';
import { startInPageHub, type InPageHub } from './support/in-page-hub.js';

/** A shop's i18next: its own namespace, and its own words for one of the widget's texts. */
async function shopI18next(language: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      en: { shop: { cart: 'Cart' }, parley: { 'launcher.open': 'Ask the shop' } },
      ja: { shop: { cart: 'カート' } },
    },
  });
  return instance;
}

const baseOf = (chat: ParleyChat) => chat.shadowRoot!.querySelector('[part=base]')!;

describe("<parley-chat> with the site's i18next", () => {
  let hub: InPageHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it("speaks the instance's language, with the site's words and the page's overrides, and follows changeLanguage", async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub, { language: 'ko' });
    await until(() => baseOf(chat).getAttribute('lang') === 'ko', 'Korean before the instance is given');

    const site = await shopI18next('en');
    chat.i18next = site;
    chat.texts = { 'launcher.online': 'Open now', 'ja/window.title': 'ショップの窓口' };
    await until(() => launcherButton(chat).textContent!.includes('Ask the shop'), "the site's own text in the parley namespace");
    expect(launcherButton(chat).textContent).to.contain('Open now');
    expect(baseOf(chat).getAttribute('lang')).to.equal('en');

    await site.changeLanguage('ja');
    const ja = await loadTexts('ja');
    await until(() => launcherButton(chat).textContent!.includes(ja['launcher.open']!), 'Japanese after the site changed language');
    await chat.show();
    await until(() => inWindow(chat, '[part=title]')?.textContent === 'ショップの窓口', 'the Japanese-only override');
    expect(inWindow(chat, 'parley-composer')!.shadowRoot!.querySelector('[part=send]')!.textContent).to.equal(ja['composer.send']);
    expect(baseOf(chat).getAttribute('lang')).to.equal('ja');

    // The site's i18next is as the site left it: its language, its namespaces, its words.
    expect(site.language).to.equal('ja');
    expect(site.t('shop:cart')).to.equal('カート');
    expect(site.getResource('en', 'parley', 'launcher.open')).to.equal('Ask the shop');

    await site.changeLanguage('ar');
    await until(() => baseOf(chat).getAttribute('dir') === 'rtl', 'right to left in Arabic');

    // Without the instance, the widget's own translator again, in its own language.
    chat.i18next = undefined;
    await until(() => baseOf(chat).getAttribute('lang') === 'ko', 'Korean again');
    await site.changeLanguage('en');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(baseOf(chat).getAttribute('lang')).to.equal('ko');
  });

  it("parley('i18next', instance) from the script tag's command queue, queued before the widget loaded", async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    await hub.agent('agt_ada');
    const site = await shopI18next('en');
    const win = window as Window & { parley?: ParleyFunction };
    // The site's stub, and a command queued before the widget's script ran.
    win.parley = function (...command: unknown[]) {
      (win.parley!.q ??= []).push(command);
    } as ParleyFunction;
    win.parley('i18next', site);
    const chat = document.createElement('parley-chat') as ParleyChat;
    chat.transport = hub.transport;
    chat.storage = createMemoryStorage();
    document.body.append(chat);
    const script = document.createElement('script');
    Object.assign(script.dataset, { site: hub.siteId, language: 'ko', preload: 'open', noTracking: '' });
    try {
      expect(boot(script)).to.equal(chat);
      await until(() => launcherOf(chat) && launcherButton(chat).textContent!.includes('Ask the shop'), "the site's text through its i18next");
      await site.changeLanguage('ja');
      const ja = await loadTexts('ja', ['launcher']);
      await until(() => launcherButton(chat).textContent!.includes(ja['launcher.open']!), 'the language the site changed to');
    } finally {
      chat.remove();
      delete win.parley;
    }
  });
});
