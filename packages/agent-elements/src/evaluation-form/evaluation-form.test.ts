import { expect, fixture, html } from '@open-wc/testing';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $, spy, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { EvaluationForm } from './evaluation-form.js';

describe('<parley-evaluation-form> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('records topic, level, category and notes after the chat, and shows them again', async () => {
    const ada = await hub.agent('ada');
    const { sessionId } = await hub.chattingVisitor('Ola');
    await until(() => ada.sessionById(sessionId)?.state === 'active', 'served');
    await ada.end(sessionId);
    const el = await fixture<EvaluationForm>(
      html`<parley-evaluation-form .client=${ada} session-id=${sessionId} .levels=${['Resolved', 'Unresolved']} .categories=${['Delivery', 'Returns']}></parley-evaluation-form>`,
    );
    const saved = spy<unknown>(el, 'parley-evaluation-save');
    type($<HTMLInputElement>(el, '#topic'), 'Late parcel');
    const level = $<HTMLSelectElement>(el, '#level');
    level.value = 'Resolved';
    level.dispatchEvent(new Event('change'));
    const category = $<HTMLSelectElement>(el, '#category');
    category.value = 'Delivery';
    category.dispatchEvent(new Event('change'));
    type($<HTMLTextAreaElement>(el, '#notes'), 'Carrier lost it; resent.');
    await el.updateComplete;
    $(el, '[part=submit]').click();
    await until(() => saved.length === 1, 'saved');
    expect(ada.sessionById(sessionId)?.evaluation).to.deep.equal({ topic: 'Late parcel', level: 'Resolved', category: 'Delivery', notes: 'Carrier lost it; resent.' });
    const history = await (await hub.agent('cy')).visitorDetail(ada.sessionById(sessionId)!.visitorId);
    expect(history.sessions[0]?.evaluation?.topic).to.equal('Late parcel');

    const again = await fixture<EvaluationForm>(html`<parley-evaluation-form .client=${ada} session-id=${sessionId}></parley-evaluation-form>`);
    expect($<HTMLInputElement>(again, '#topic').value).to.equal('Late parcel');
    expect($<HTMLInputElement>(again, '#level').value).to.equal('Resolved');
    await expect(el).to.be.accessible();
  });

  it('evaluates during the chat too', async () => {
    const ada = await hub.agent('ada');
    const { sessionId } = await hub.chattingVisitor('Pia');
    await until(() => ada.sessionById(sessionId)?.state === 'active', 'served');
    const el = await fixture<EvaluationForm>(html`<parley-evaluation-form .client=${ada} session-id=${sessionId}></parley-evaluation-form>`);
    expect((await el.save({ topic: 'Sizes' }))?.evaluation?.topic).to.equal('Sizes');
  });
});
