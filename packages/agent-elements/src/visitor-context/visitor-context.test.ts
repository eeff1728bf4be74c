import { expect, fixture, html } from '@open-wc/testing';
import { createTestHub, PUSH_ORIGIN, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { VisitorContext } from './visitor-context.js';

describe('<parley-visitor-context> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('shows the trajectory with dwell times, the earlier chats, and saves the customer card', async () => {
    const ada = await hub.agent('ada');
    const visitor = await hub.visitor({ title: 'Shoes' });
    visitor.trackPageView({ url: `${PUSH_ORIGIN}/shoes/runner-2`, title: 'Runner 2' });
    visitor.trackPageView({ url: `${PUSH_ORIGIN}/cart`, title: 'Your cart' });
    const first = await visitor.requestChat({ name: 'Quinn' });
    await until(() => ada.sessionById(first.id)?.state === 'active', 'served');
    await ada.end(first.id);

    const el = await fixture<VisitorContext>(html`<parley-visitor-context .client=${ada} visitor-id=${visitor.visitorId!}></parley-visitor-context>`);
    await until(() => $$(el, '[part=page]').length === 3, 'three pages');
    const pages = $$(el, '[part=page]');
    expect(pages.map((p) => text(p.querySelector('.timeline__title')))).to.deep.equal(['Shoes', 'Runner 2', 'Your cart']);
    expect(text(pages[0]!.querySelector('.timeline__meta'))).to.match(/^at .+, stayed \d+:\d\d$/);
    expect(pages[2]!.className).to.contain('timeline__item--current');
    expect(text($(el, '[part=facts]'))).to.contain('Lyon');
    expect($$(el, '[part=sessions] li')).to.have.length(1);
    expect(text($(el, '[part=sessions] li'))).to.contain('Ended');

    const saved = spy<{ visitor: { card?: Record<string, string> } }>(el, 'parley-card-save');
    $$<HTMLButtonElement>(el, '[part=card] button').find((b) => text(b) === 'Add a field')!.click();
    await el.updateComplete;
    type($<HTMLInputElement>(el, '[aria-label="Field 1"]'), 'Order');
    type($<HTMLInputElement>(el, '[aria-label="Value 1"]'), '#4711');
    await el.updateComplete;
    $(el, '[part=card-save]').click();
    await until(() => saved.length === 1, 'saved');
    expect(saved[0]!.visitor.card).to.deep.equal({ Order: '#4711' });
    const bo = await hub.agent('bo');
    expect((await bo.visitorDetail(visitor.visitorId!)).visitor.card).to.deep.equal({ Order: '#4711' });
    await expect(el).to.be.accessible();
  });

  it('follows the visitor: a new page appears in the trajectory while the list is watched', async () => {
    const ada = await hub.agent('ada');
    await ada.watchVisitors(true);
    const visitor = await hub.visitor({ title: 'Shoes' });
    const el = await fixture<VisitorContext>(html`<parley-visitor-context .client=${ada} visitor-id=${visitor.visitorId!}></parley-visitor-context>`);
    await until(() => $$(el, '[part=page]').length === 1, 'the first page');
    visitor.trackPageView({ url: `${PUSH_ORIGIN}/boots`, title: 'Boots' });
    await until(() => $$(el, '[part=page]').length === 2, 'the second page without a refresh');
    expect(text($$(el, '[part=page]')[1]!.querySelector('.timeline__title'))).to.equal('Boots');
  });
});
