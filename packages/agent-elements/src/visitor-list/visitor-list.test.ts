import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VisitorInfo } from '@parley/core';
import { createTestHub, PUSH_ORIGIN, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { VisitorList } from './visitor-list.js';

const names = (list: VisitorList) => $$(list, '[role=row][data-visitor-id]').map((row) => row.dataset.visitorId!);
const cell = (list: VisitorList, visitorId: string, column: string) =>
  text(list.shadowRoot?.querySelector(`[data-visitor-id="${visitorId}"] [data-column="${column}"]`));

describe('<parley-visitor-list> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('shows everyone on the site live, with their page, place, language and browser, and who waits', async () => {
    const ada = await hub.agent('ada');
    await ada.setPresence('busy'); // chats wait in the queue instead of going to Ada at once
    const list = await fixture<VisitorList>(html`<parley-visitor-list style="height: 400px" .client=${ada}></parley-visitor-list>`);
    const shoes = await hub.visitor({ title: 'Shoes', language: 'ja-JP' });
    const cart = await hub.visitor({ url: `${PUSH_ORIGIN}/cart`, title: 'Your cart' });
    await until(() => names(list).length === 2, 'two visitors listed');
    expect(cell(list, shoes.visitorId!, 'page')).to.equal('Shoes');
    expect(cell(list, cart.visitorId!, 'page')).to.equal('Your cart');
    expect(cell(list, shoes.visitorId!, 'location')).to.equal('Lyon');
    expect(cell(list, shoes.visitorId!, 'browser')).to.equal('Chrome 131 · Linux');
    expect(cell(list, shoes.visitorId!, 'status')).to.equal('Browsing');

    await cart.requestChat({ name: 'Cleo' });
    await until(() => cell(list, cart.visitorId!, 'status') === 'Waiting', 'the chat request shows');
    expect(cell(list, cart.visitorId!, 'waiting')).to.match(/^0:0\d$/);
    // Waiting sorts first by default.
    expect(names(list)[0]).to.equal(cart.visitorId);

    shoes.close();
    await until(() => cell(list, shoes.visitorId!, 'status') === 'Left', 'the departure shows');
    expect(text($(list, '[part=count]'))).to.equal('2 of 2 visitors');
    await expect(list).to.be.accessible();
  });

  it('sorts by any column from its header, filters departed, waiting and text, and chooses columns', async () => {
    const ada = await hub.agent('ada');
    await ada.setPresence('busy');
    const list = await fixture<VisitorList>(html`<parley-visitor-list style="height: 400px" .client=${ada}></parley-visitor-list>`);
    const sorts = spy<{ column: string; direction: string }>(list, 'parley-sort-change');
    const filters = spy<{ query: string }>(list, 'parley-filter-change');
    const columns = spy<{ columns: string[] }>(list, 'parley-columns-change');
    const a = await hub.visitor({ title: 'Alpha page' });
    const b = await hub.visitor({ title: 'Beta page' });
    const c = await hub.visitor({ title: 'Gamma page' });
    await until(() => names(list).length === 3, 'three visitors');

    const pageHeader = $$(list, '[role=columnheader]').find((h) => text(h).startsWith('Current page'))!;
    pageHeader.querySelector('button')!.click();
    await list.updateComplete;
    expect(names(list)).to.deep.equal([a.visitorId, b.visitorId, c.visitorId]);
    expect(pageHeader.getAttribute('aria-sort')).to.equal('ascending');
    pageHeader.querySelector('button')!.click();
    await list.updateComplete;
    expect(names(list)).to.deep.equal([c.visitorId, b.visitorId, a.visitorId]);
    expect(pageHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(sorts.at(-1)).to.deep.equal({ column: 'page', direction: 'desc' });

    type($(list, 'input[type=search]'), 'beta');
    await list.updateComplete;
    expect(names(list)).to.deep.equal([b.visitorId]);
    expect(filters.at(-1)?.query).to.equal('beta');
    type($(list, 'input[type=search]'), '');

    await c.requestChat({ name: 'Cy' });
    $$<HTMLInputElement>(list, 'input[type=checkbox]')[1]!.click(); // only waiting
    await until(() => names(list).join() === c.visitorId, 'only the waiting visitor');
    $$<HTMLInputElement>(list, 'input[type=checkbox]')[1]!.click();
    a.close();
    await until(() => cell(list, a.visitorId!, 'status') === 'Left', 'a left');
    $$<HTMLInputElement>(list, 'input[type=checkbox]')[0]!.click(); // hide departed
    await until(() => names(list).length === 2 && !names(list).includes(a.visitorId!), 'departed hidden');

    const chooser = $<HTMLButtonElement>(list, '[part=columns-button]');
    chooser.click();
    await list.updateComplete;
    expect(chooser.getAttribute('aria-expanded')).to.equal('true');
    const ipBox = $$<HTMLInputElement>(list, '#columns input').find((box) => text(box.parentElement).includes('IP address'))!;
    ipBox.click();
    await list.updateComplete;
    expect($$(list, '[role=columnheader]').some((h) => text(h).startsWith('IP address'))).to.equal(true);
    expect(cell(list, b.visitorId!, 'ip')).to.equal('203.0.113.7');
    expect(columns.at(-1)?.columns).to.include('ip');
    await expect(list).to.be.accessible();
  });

  it('is driven by keyboard: arrows select, Enter opens', async () => {
    const ada = await hub.agent('ada');
    const list = await fixture<VisitorList>(html`<parley-visitor-list style="height: 400px" .client=${ada} sort-column="page"></parley-visitor-list>`);
    const selected = spy<{ visitorId: string }>(list, 'parley-visitor-select');
    const opened = spy<{ visitorId: string }>(list, 'parley-visitor-open');
    const a = await hub.visitor({ title: 'A' });
    const b = await hub.visitor({ title: 'B' });
    await until(() => names(list).length === 2, 'two visitors');
    $(list, '[role=grid]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await list.updateComplete;
    expect(selected.map((s) => s.visitorId)).to.deep.equal([a.visitorId, b.visitorId]);
    expect($(list, '[role=grid]').getAttribute('aria-activedescendant')).to.equal('row-1');
    expect($(list, '#row-1').getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Enter' });
    expect(opened.map((s) => s.visitorId)).to.deep.equal([a.visitorId]);
  });
});

describe('<parley-visitor-list> with many visitors', () => {
  before(() => useAgentTexts());

  /** The part of AgentClient the list reads, fed by the test. */
  function feed(visitors: VisitorInfo[]) {
    const handlers = new Set<(change: { added: VisitorInfo[]; updated: VisitorInfo[]; removed: string[] }) => void>();
    const map = new Map(visitors.map((v) => [v.id, v]));
    return {
      visitors: map,
      agents: new Map(),
      permissions: ['visitors.view'],
      watchingVisitors: true,
      watchVisitors: async () => {},
      on: (type: string, handler: never) => {
        if (type !== 'visitors') return () => {};
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      change(change: { added: VisitorInfo[]; updated: VisitorInfo[]; removed: string[] }) {
        for (const id of change.removed) map.delete(id);
        for (const v of [...change.added, ...change.updated]) map.set(v.id, v);
        for (const handler of handlers) handler(change);
      },
    };
  }
  const visitor = (i: number): VisitorInfo => ({
    id: `vis_${String(i).padStart(5, '0')}`,
    siteId: 'site',
    online: true,
    visitCount: 1,
    enteredAt: 1_700_000_000_000 + i,
    pageViews: 1,
    currentPage: { url: `https://shop.example/p/${i}`, title: `Page ${String(i).padStart(5, '0')}`, at: 0, dwellMs: 0 },
  });

  it('keeps only the rows in view in the DOM, scrolls to any of 5,000, and applies bursts of changes', async () => {
    const client = feed(Array.from({ length: 5000 }, (_, i) => visitor(i)));
    const list = await fixture<VisitorList>(
      html`<parley-visitor-list style="height: 400px" sort-column="page" .client=${client as never}></parley-visitor-list>`,
    );
    await until(() => names(list).length > 0, 'rows rendered');
    expect(names(list).length).to.be.below(60);
    expect(text($(list, '[part=count]'))).to.equal('5000 of 5000 visitors');
    expect($(list, '[role=grid]').getAttribute('aria-rowcount')).to.equal('5001');

    list.scrollToVisitor('vis_04999');
    await until(() => names(list).includes('vis_04999'), 'the last row is rendered');
    expect($(list, '[data-visitor-id=vis_04999]').getAttribute('aria-rowindex')).to.equal('5001');

    // 500 changes, one at a time: one render per frame, the view stays sorted.
    for (let i = 0; i < 500; i++) {
      const v = visitor(i);
      client.change({ added: [], updated: [{ ...v, currentPage: { ...v.currentPage!, title: `Page ${String(9000 + i)}` } }], removed: [] });
    }
    await until(() => names(list).includes('vis_00499'), 'moved rows at the end');
    expect(list.rows.at(list.rows.length - 1)?.id).to.equal('vis_00499');
    expect(names(list).length).to.be.below(60);
  });
});
