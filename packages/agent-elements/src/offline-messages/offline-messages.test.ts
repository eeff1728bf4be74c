import { expect, fixture, html } from '@open-wc/testing';
import type { OfflineMessage } from '@parley/core';
import { createTestHub, SITE, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import { listOfflineMessages, type OfflineMessageService } from '../api/offline.js';
import './define.js';
import type { OfflineMessages } from './offline-messages.js';

const items = (el: OfflineMessages) => $$(el, '[part=item]');
const fieldsOf = (item: Element) =>
  [...item.querySelectorAll('.offline__field')].map((f) => `${text(f.querySelector('dt'))}: ${text(f.querySelector('dd'))}`);

/** The server's calls over the in-page hub's store, recording the marks. */
function storeService(hub: TestHub): OfflineMessageService & { marked: string[] } {
  const marked: string[] = [];
  return {
    marked,
    list: (query = {}) => hub.store.listOfflineMessages(SITE, query),
    async markReplied(id) {
      marked.push(id);
      const message = await hub.store.getOfflineMessage(id);
      if (!message) throw Object.assign(new Error('gone'), { code: 'not_found' });
      await hub.store.saveOfflineMessage({ ...message, replied: true });
    },
  };
}

const left = (id: string, createdAt: number, fields: Record<string, string>, replied = false): OfflineMessage => ({
  id,
  siteId: SITE,
  visitorId: `vis_${id}`,
  fields,
  createdAt,
  replied,
});

describe('<parley-offline-messages> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('shows a message a visitor leaves while nobody can chat, live, and marks it replied', async () => {
    const ada = await hub.agent('ada');
    await ada.setPresence('away'); // nobody online to chat
    const service = storeService(hub);
    const el = await fixture<OfflineMessages>(html`<parley-offline-messages .client=${ada} .service=${service}></parley-offline-messages>`);
    const requested = spy<{ message: OfflineMessage }>(el, 'parley-offline-reply-request');
    const replied = spy<{ message: OfflineMessage }>(el, 'parley-offline-replied');
    await until(() => text($(el, 'p.muted')) === 'No visitor has left a message.', 'empty');

    const visitor = await hub.visitor();
    const message = await visitor.leaveMessage({ name: 'Gus', email: 'gus@example.com', message: 'Do you ship to Lyon?' });
    await until(() => items(el).length === 1, 'the left message, live');
    const item = items(el)[0]!;
    expect(item.dataset.id).to.equal(message.id);
    expect(fieldsOf(item)).to.deep.equal(['Name: Gus', 'E-mail: gus@example.com', 'Message: Do you ship to Lyon?']);
    expect(text(item.querySelector('[part=state]'))).to.equal('Not replied');
    expect(item.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(message.createdAt).toISOString());
    expect(text($(el, '[part=count]'))).to.equal('1 not replied');
    await expect(el).to.be.accessible();

    item.querySelector<HTMLButtonElement>('[part=mark-replied]')!.click();
    await until(() => replied.length === 1, 'marked replied');
    expect(requested.map((d) => d.message.id)).to.deep.equal([message.id]);
    expect(replied[0]!.message).to.include({ id: message.id, replied: true });
    expect(service.marked).to.deep.equal([message.id]);
    expect((await hub.store.getOfflineMessage(message.id))?.replied).to.equal(true);
    await el.updateComplete;
    expect(text(items(el)[0]!.querySelector('[part=state]'))).to.equal('Replied');
    expect(items(el)[0]!.querySelector('[part=mark-replied]')).to.equal(null);
    expect($(el, '[part=count]').dataset.count).to.equal('0');
  });

  it('lists the stored messages newest first, filters the ones not replied, and honours a cancelled mark', async () => {
    const ada = await hub.agent('ada');
    const service = listOfflineMessages([
      left('off_a', 1_000, { name: 'Old' }, true),
      left('off_c', 3_000, { name: 'New' }),
      left('off_b', 2_000, { name: 'Middle' }),
    ]);
    const marks: string[] = [];
    const markReplied = service.markReplied;
    service.markReplied = (id) => (marks.push(id), markReplied(id));
    const el = await fixture<OfflineMessages>(html`<parley-offline-messages .client=${ada} .service=${service}></parley-offline-messages>`);
    await until(() => items(el).length === 3, 'loaded');
    expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['off_c', 'off_b', 'off_a']);
    expect(text($(el, '[part=count]'))).to.equal('2 not replied');

    $<HTMLInputElement>(el, '[part=filter]').click();
    await el.updateComplete;
    expect(el.onlyNotReplied).to.equal(true);
    expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['off_c', 'off_b']);
    await expect(el).to.be.accessible();

    el.addEventListener('parley-offline-reply-request', (e) => e.preventDefault(), { once: true });
    expect(await el.markReplied('off_c')).to.equal(undefined);
    expect(marks).to.deep.equal([]);
    expect(await el.markReplied('off_b')).to.include({ id: 'off_b', replied: true });
    expect(marks).to.deep.equal(['off_b']);
    await el.updateComplete;
    expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['off_c']);
    expect((await service.list({ replied: false })).map((m) => m.id)).to.deep.equal(['off_c']);

    $<HTMLInputElement>(el, '[part=filter]').click();
    await el.updateComplete;
    expect(items(el).length).to.equal(3);
  });

  it("names the site's own fields by the labels its form gave them, the common ones in the console's language", async () => {
    const ada = await hub.agent('ada');
    const service = listOfflineMessages([
      {
        ...left('off_l', 1_000, { name: 'Lou', order: 'A-1042', colour: 'blue' }),
        // The site's form was in French; `colour` has left the form since (no label).
        labels: { name: 'Votre nom', order: 'Numéro de commande' },
      },
    ]);
    const el = await fixture<OfflineMessages>(html`<parley-offline-messages .client=${ada} .service=${service}></parley-offline-messages>`);
    await until(() => items(el).length === 1, 'loaded');
    expect(fieldsOf(items(el)[0]!)).to.deep.equal(['Name: Lou', 'Numéro de commande: A-1042', 'colour: blue']);
  });

  it('shows what visitors wrote as text, never as HTML', async () => {
    const ada = await hub.agent('ada');
    await ada.setPresence('away');
    const el = await fixture<OfflineMessages>(html`<parley-offline-messages .client=${ada} .service=${storeService(hub)}></parley-offline-messages>`);
    const visitor = await hub.visitor();
    const hostile = '<img src=x onerror="window.pwned=1"><b>Bold</b>';
    await visitor.leaveMessage({ name: hostile, email: 'x@example.com', message: `<script>window.pwned=1</script>${hostile}` });
    await until(() => items(el).length === 1, 'left');
    expect(fieldsOf(items(el)[0]!)[0]).to.equal(`Name: ${hostile}`);
    expect(el.shadowRoot!.querySelector('img, b, script')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});
