import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { chatFixture, expectAccessible, focused, inWindow, until } from '../../test/browser/support/chat-fixture.js';
import { useEnglish } from '../../test/browser/support/english.js';
import { recordEvents } from '../../test/browser/support/events.js';
import { startInPageHub, type InPageHub } from '../../test/browser/support/in-page-hub.js';
import './define.js';
import type { Rating } from './rating.js';

describe('<parley-rating> (V14)', () => {
  let hub: InPageHub | undefined;
  before(useEnglish);
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('rates by keyboard: arrows choose the score, then a comment, then send', async () => {
    const el = await fixture<Rating>(html`<parley-rating></parley-rating>`);
    const rated = recordEvents(el, 'parley-rating-submit');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Choose a score first.');
    expect(rated.count).to.equal(0);

    el.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.rating__choice')!.textContent).to.equal('Happy');
    expect(el.shadowRoot!.querySelectorAll('.rating__star--on').length).to.equal(4);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Quick and kind' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(rated.details).to.deep.equal([{ score: 4, comment: 'Quick and kind' }]);
    await expect(el).to.be.accessible();
  });

  it("when the agent asks, the visitor rates during the chat and the agent gets the score and comment", async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    await chat.show();
    await until(() => inWindow(chat, 'parley-composer'), 'the composer');
    const composer = inWindow<HTMLElement & { value: string; send(): void }>(chat, 'parley-composer')!;
    composer.value = 'Solved, thanks!';
    composer.send();
    await until(() => ada.sessions.length === 1, 'the chat');
    const sessionId = ada.sessions[0]!.id;
    await ada.requestRating(sessionId);
    await until(() => inWindow(chat, 'parley-rating'), 'the rating form');
    await expectAccessible(chat);
    const rating = inWindow(chat, 'parley-rating')!.shadowRoot!;
    rating.querySelectorAll<HTMLInputElement>('input[type=radio]')[4]!.click();
    rating.querySelector('textarea')!.value = 'Great help';
    rating.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => ada.sessionById(sessionId)?.rating?.score === 5, 'the agent to get the rating');
    expect(ada.sessionById(sessionId)!.rating).to.deep.equal({ score: 5, comment: 'Great help' });
    await until(() => inWindow(chat, 'parley-rating')?.shadowRoot?.querySelector('[part=thanks]') != null, 'the visitor is thanked, in the chat');
    expect(focused()).to.not.equal(null);
  });
});
