import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { useEnglish } from '../../test/browser/support/english.js';
import { recordEvents } from '../../test/browser/support/events.js';
import './define.js';
import type { Composer } from './composer.js';

describe('<parley-composer>', () => {
  before(useEnglish);

  it('sends with Enter, keeps a new line with Shift+Enter, and reports the draft', async () => {
    const el = await fixture<Composer>(html`<parley-composer></parley-composer>`);
    const drafts = recordEvents(el, 'parley-draft-change');
    const sent = recordEvents(el, 'parley-message-send');
    el.focus();
    await sendKeys({ type: 'Hi' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'there' });
    expect(drafts.last?.value).to.equal('Hi\nthere');
    await sendKeys({ press: 'Enter' });
    expect(sent.details).to.deep.equal([{ text: 'Hi\nthere' }]);
    expect(el.value).to.equal('');
    expect(drafts.last?.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('keeps the text when the send is prevented, and ignores blank text', async () => {
    const el = await fixture<Composer>(html`<parley-composer></parley-composer>`);
    el.addEventListener('parley-message-send', (e) => e.preventDefault(), { once: true });
    el.focus();
    await sendKeys({ type: 'kept' });
    await sendKeys({ press: 'Enter' });
    expect(el.value).to.equal('kept');
    el.value = '   ';
    const sent = recordEvents(el, 'parley-message-send');
    el.send();
    expect(sent.count).to.equal(0);
  });

  it('inserts an emoji by keyboard and closes the palette with Escape, focus back on its button', async () => {
    const el = await fixture<Composer>(html`<parley-composer></parley-composer>`);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=emoji-button]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.activeElement?.closest('[part=emoji]')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=emoji]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('😂');
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('textarea'));
  });

  it('reports files from the picker, a drop and a paste', async () => {
    const el = await fixture<Composer>(html`<parley-composer allow-files accept="image/*"></parley-composer>`);
    const file = new File(['hello'], 'note.txt', { type: 'text/plain' });
    const transfer = new DataTransfer();
    transfer.items.add(file);

    const base = el.shadowRoot!.querySelector('[part=base]')!;
    setTimeout(() => base.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })));
    const dropped = await oneEvent(el, 'parley-files-select');
    expect(dropped.detail.source).to.equal('drop');
    expect(dropped.detail.files[0]!.name).to.equal('note.txt');

    const input = el.shadowRoot!.querySelector('textarea')!;
    setTimeout(() => input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })));
    const pasted = await oneEvent(el, 'parley-files-select');
    expect(pasted.detail.source).to.equal('paste');

    const picker = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(picker.accept).to.equal('image/*');
    picker.files = transfer.files;
    setTimeout(() => picker.dispatchEvent(new Event('change')));
    const picked = await oneEvent(el, 'parley-files-select');
    expect(picked.detail.source).to.equal('picker');
    await expect(el).to.be.accessible();
  });
});
