import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { useEnglish } from '../../test/browser/support/english.js';
import { recordEvents } from '../../test/browser/support/events.js';
import './define.js';
import type { Launcher } from './launcher.js';

describe('<parley-launcher> (V2)', () => {
  before(useEnglish);

  it('asks to open, or to close when expanded; the request can be vetoed', async () => {
    const el = await fixture<Launcher>(html`<parley-launcher availability="online"></parley-launcher>`);
    const opens = recordEvents(el, 'parley-window-open-request');
    const closes = recordEvents(el, 'parley-window-close-request');
    el.focus();
    await sendKeys({ press: 'Enter' });
    expect(opens.details).to.deep.equal([{ source: 'launcher' }]);
    el.expanded = true;
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.textContent).to.contain('Close chat');
    await sendKeys({ press: 'Space' });
    expect(closes.count).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('tells the truth about availability and unread messages, in every variant', async () => {
    for (const variant of ['floating', 'fixed', 'link'] as const) {
      const el = await fixture<Launcher>(html`<parley-launcher variant=${variant} availability="offline" unread="3"></parley-launcher>`);
      const button = el.shadowRoot!.querySelector('button')!;
      expect(button.textContent).to.contain('Leave a message');
      expect(button.textContent).to.contain('We are offline');
      expect(button.textContent).to.contain('3 unread messages');
      expect(button.classList.contains(`launcher--${variant}`)).to.equal(true);
      await expect(el).to.be.accessible();
    }
  });

  it("shows the site's icon when given one (http/https only)", async () => {
    const el = await fixture<Launcher>(html`<parley-launcher icon="https://shop.example/chat.svg"></parley-launcher>`);
    expect(el.shadowRoot!.querySelector('img[part=icon]')!.getAttribute('src')).to.equal('https://shop.example/chat.svg');
    el.icon = 'javascript:alert(1)';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('svg[part=icon]')).to.not.equal(null);
  });
});
