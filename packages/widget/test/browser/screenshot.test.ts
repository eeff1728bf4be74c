import { expect, fixture, html } from '@open-wc/testing';

import { chatFixture, expectAccessible, inWindow, memoryUploader, until } from './support/chat-fixture.js';
import { startInPageHub, type InPageHub } from './support/in-page-hub.js';

const html2canvasLoaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('html2canvas'));

describe('screenshot (V13)', () => {
  let hub: InPageHub;
  afterEach(() => hub?.close());

  it('loads html2canvas only when asked, shows the capture for the visitor to check, and sends it as an image', async () => {
    await fixture(html`<main><h1>Order 7</h1><p>Your parcel is on its way.</p></main>`);
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    const ada = await hub.agent('agt_ada');
    const uploaded: { name: string; size: number }[] = [];
    const chat = await chatFixture(hub, { uploadFile: memoryUploader(uploaded) });
    await chat.show();
    await until(() => inWindow(chat, 'parley-composer'), 'the composer');
    expect(html2canvasLoaded()).to.equal(false);

    const button = inWindow<HTMLButtonElement>(chat, 'parley-composer [slot=toolbar]')!;
    expect(button.getAttribute('aria-label')).to.equal('Send a screenshot of this page');
    button.click();
    await until(() => inWindow(chat, '[part=screenshot] img'), 'the preview', 10_000);
    expect(html2canvasLoaded()).to.equal(true);
    const preview = inWindow<HTMLImageElement>(chat, '[part=screenshot] img')!;
    expect(preview.src.startsWith('blob:')).to.equal(true);
    expect(uploaded).to.deep.equal([]);
    await expectAccessible(chat);

    inWindow<HTMLButtonElement>(chat, '[part=screenshot] .window__primary')!.click();
    await until(() => ada.sessions.length === 1, 'the chat to start');
    const sessionId = ada.sessions[0]!.id;
    await until(() => ada.messages(sessionId).some((m) => m.attachments?.[0]?.type === 'image/png'), 'the screenshot at the agent');
    expect(uploaded[0]!.name).to.match(/^screenshot-.*\.png$/);
    expect(uploaded[0]!.size).to.be.greaterThan(100);
    expect(inWindow(chat, '[part=screenshot]')).to.equal(null);
  });

  it('Escape discards the preview', async () => {
    hub = await startInPageHub({ settings: { preChatFields: [] } });
    await hub.agent('agt_ada');
    const chat = await chatFixture(hub);
    await chat.show();
    await until(() => inWindow(chat, 'parley-composer [slot=toolbar]'), 'the button');
    inWindow<HTMLButtonElement>(chat, 'parley-composer [slot=toolbar]')!.click();
    await until(() => inWindow(chat, '[part=screenshot]'), 'the preview', 10_000);
    inWindow(chat, '[part=screenshot] button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !inWindow(chat, '[part=screenshot]'), 'discarded');
    expect(chat.open).to.equal(true);
  });
});
