import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

import type { ParleyChat } from '../../src/chat/chat.js';
import { resolveLanguage } from '../../src/chat/texts.js';
import { LANGUAGES, pickLanguage, type Language } from '../../src/i18n/languages.js';
import { loadTexts, TEXT_PARTS } from '../../src/locales/load.js';
import { chatFixture, expectAccessible, inWindow, launcherButton, launcherOf, until, windowOf } from './support/chat-fixture.js';
import { startInPageHub, type InPageHub } from './support/in-page-hub.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys a language must have for every key of English: plural families need each of the language's own categories. */
function expectedKeys(english: readonly string[], language: Language): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english) {
    if (PLURAL.test(key)) for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

describe('languages (V15)', () => {
  let hub: InPageHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  for (const part of TEXT_PARTS) {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      it(`${language} has every ${part} text English has, and no other`, async () => {
        const english = Object.keys(await loadTexts('en', [part]));
        const texts = await loadTexts(language, [part]);
        expect(Object.keys(texts).sort()).to.deep.equal(expectedKeys(english, language));
        for (const [key, text] of Object.entries(texts)) {
          expect(text.trim(), `${language} ${key}`).to.not.equal('');
          const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
          const englishKey = PLURAL.test(key) ? key.replace(PLURAL, '_other') : key;
          const englishText = (await loadTexts('en', [part]))[englishKey] ?? '';
          if (!PLURAL.test(key)) expect(placeholders(text), `${language} ${key} placeholders`).to.deep.equal(placeholders(englishText));
        }
      });
    }
  }

  it("chooses the first of the visitor's languages it ships", () => {
    expect(pickLanguage(['de-DE', 'ja-JP', 'en'])).to.equal('ja');
    expect(pickLanguage(['zh-HK'])).to.equal('zh-TW');
    expect(pickLanguage(['zh-Hant'])).to.equal('zh-TW');
    expect(pickLanguage(['zh'])).to.equal('zh-CN');
    expect(pickLanguage(['ko-KR'])).to.equal('ko');
    expect(pickLanguage(['fr', 'de'])).to.equal('en');
    expect(resolveLanguage('', ['ru-RU', 'en'])).to.equal('ru');
    expect(resolveLanguage('xx', ['ru-RU'])).to.equal('ru');
    expect(resolveLanguage('zh-TW', ['ru-RU'])).to.equal('zh-TW');
  });

  it('without a language attribute, speaks the browser\'s (navigator.languages)', async () => {
    hub = await startInPageHub();
    const original = Object.getOwnPropertyDescriptor(navigator, 'languages');
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['ko-KR', 'en-US'] });
    try {
      const chat = await fixture<ParleyChat>(html`<parley-chat site=${hub.siteId} no-tracking preload="open" .transport=${hub.transport}></parley-chat>`);
      await until(() => launcherOf(chat), 'the launcher');
      await until(() => launcherButton(chat).textContent!.includes('메시지 남기기'), 'Korean texts');
    } finally {
      if (original) Object.defineProperty(navigator, 'languages', original);
      else delete (navigator as { languages?: unknown }).languages;
    }
  });

  for (const language of ['zh-CN', 'zh-TW', 'ja', 'ko', 'ru'] as const) {
    it(`${language}: launcher and window speak it, and pass axe`, async () => {
      hub = await startInPageHub({ settings: { preChatFields: [] } });
      await hub.agent('agt_ada');
      const chat = await chatFixture(hub, { language });
      const launcherTexts = await loadTexts(language, ['launcher']);
      const windowTexts = await loadTexts(language, ['window', 'messages']);
      await until(() => launcherButton(chat).textContent!.includes(launcherTexts['launcher.open']!), 'the launcher text');
      await chat.show();
      await until(() => inWindow(chat, '[part=title]')?.textContent === windowTexts['window.title'], 'the window title');
      expect(inWindow(chat, 'parley-composer')!.shadowRoot!.querySelector('[part=send]')!.textContent).to.equal(windowTexts['composer.send']);
      expect(chat.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal(language);
      await expectAccessible(chat);
    });
  }

  it('ar: right-to-left, mirrored to the left corner, and accessible', async () => {
    await setViewport({ width: 1024, height: 768 });
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub, { language: 'ar' });
    const base = chat.shadowRoot!.querySelector('[part=base]')!;
    await until(() => base.getAttribute('dir') === 'rtl', 'right-to-left');
    expect(launcherButton(chat).textContent).to.contain('تحدث معنا');
    const launcherBox = launcherOf(chat)!.getBoundingClientRect();
    expect(launcherBox.left).to.be.lessThan(100);
    await chat.show();
    await until(() => windowOf(chat) && !windowOf(chat)!.hidden, 'the window');
    expect(windowOf(chat)!.getBoundingClientRect().left).to.be.lessThan(100);
    expect(getComputedStyle(inWindow(chat, '[part=header]')!).direction).to.equal('rtl');
    expect(inWindow(chat, 'parley-composer')!.shadowRoot!.querySelector('[part=send]')!.textContent).to.equal('إرسال');
    await expectAccessible(chat);
  });

  it('reduced motion: no opening animation', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      hub = await startInPageHub({ settings: { preChatFields: [] } });
      const chat = await chatFixture(hub);
      await chat.show();
      await until(() => inWindow(chat, '.window'), 'the window');
      const duration = parseFloat(getComputedStyle(inWindow(chat, '.window')!).animationDuration);
      expect(duration).to.be.lessThan(0.001);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
