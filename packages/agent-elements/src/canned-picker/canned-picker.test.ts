import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { listCannedSource, type CannedItem, type CannedSource } from '../api/canned.js';
import { $, $$, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { CannedPicker } from './canned-picker.js';

const ITEMS: CannedItem[] = [
  { id: '1', kind: 'reply', title: 'Greeting', text: 'Hello!' },
  { id: '2', kind: 'reply', title: 'Returns policy', text: '30 days to return.' },
  { id: '3', kind: 'file', title: 'Returns form', url: 'https://files.example/returns.pdf' },
];

describe('<parley-canned-picker>', () => {
  before(() => useAgentTexts());

  it('searches on every keystroke and picks with the keyboard', async () => {
    const el = await fixture<CannedPicker>(html`<parley-canned-picker .source=${listCannedSource(ITEMS)}></parley-canned-picker>`);
    const picks = spy<{ item: CannedItem }>(el, 'parley-canned-pick');
    await until(() => $$(el, '[role=option]').length === 3, 'everything at first');
    type($<HTMLInputElement>(el, 'input'), 'ret');
    await until(() => $$(el, '[role=option]').length === 2, 'two returns');
    expect(text($(el, '[role=status]'))).to.equal('2 replies found');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, 'input').getAttribute('aria-activedescendant')).to.equal('option-1');
    await sendKeys({ press: 'Enter' });
    expect(picks[0]?.item.id).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('keeps only the answer to the latest query when an older one is slow', async () => {
    const aborted: string[] = [];
    const source: CannedSource = (query, signal) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => aborted.push(query));
        setTimeout(() => resolve(ITEMS.filter((i) => i.title.toLowerCase().includes(query))), query === 'r' ? 300 : 10);
      });
    const el = await fixture<CannedPicker>(html`<parley-canned-picker .source=${source} query="r"></parley-canned-picker>`);
    el.query = 'returns f';
    el.query = 'returns';
    await el.updateComplete;
    await until(() => $$(el, '[role=option]').length === 2, 'the latest answer');
    await new Promise((r) => setTimeout(r, 400));
    expect($$(el, '[role=option]').length).to.equal(2);
    expect(aborted).to.include('r');
  });
});
