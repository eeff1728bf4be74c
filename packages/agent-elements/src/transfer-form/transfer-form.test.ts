import { expect, fixture, html } from '@open-wc/testing';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $, $$, text, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { TransferForm } from './transfer-form.js';
import { secondsLeft, transferChoices } from './transfer-choices.js';

describe('<parley-transfer-form> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  afterEach(() => hub.close());

  it('says when nobody else can take the chat, and offers nothing', async () => {
    hub = await createTestHub();
    const ada = await hub.agent('ada');
    const bo = await hub.agent('bo');
    const { sessionId } = await hub.chattingVisitor('Nia');
    await until(() => ada.sessionById(sessionId)?.state === 'active', 'Ada serves the chat');
    const form = await fixture<TransferForm>(html`<parley-transfer-form .client=${ada} session-id=${sessionId}></parley-transfer-form>`);
    await until(() => $$(form, 'input[type=radio]').length > 0, 'choices shown');
    expect(form.shadowRoot?.querySelector('[role=status]')).to.equal(null);
    await bo.setPresence('away');
    await until(() => text(form.shadowRoot?.querySelector('[role=status]')) === 'Nobody else can take this chat now.', 'nobody');
    expect($<HTMLButtonElement>(form, '[part=submit]').disabled).to.equal(true);
    expect($$<HTMLInputElement>(form, 'input[type=radio]').every((r) => r.disabled)).to.equal(true);
    await expect(form).to.be.accessible();
  });
});

describe('transfer choices and countdown', () => {
  it('count available colleagues per group and round the time left up', () => {
    const agent = (id: string, status: 'online' | 'busy' | 'offline', load: number, groups: string[]) => ({
      id, siteId: 's', name: id, role: 'agent' as const, groups, status, capacity: 2, load,
    });
    const choices = transferChoices({
      agent: agent('me', 'online', 0, ['g']),
      agents: new Map([
        ['me', agent('me', 'online', 0, ['g'])],
        ['a', agent('a', 'online', 1, ['g'])],
        ['b', agent('b', 'online', 2, ['g'])],
        ['c', agent('c', 'busy', 0, ['g', 'h'])],
      ]),
      groups: [{ id: 'g', name: 'G' }, { id: 'h', name: 'H' }],
    });
    expect(choices.agents.map((c) => [c.agent.id, c.available])).to.deep.equal([['a', true], ['b', false], ['c', false]]);
    expect(choices.groups.map((g) => [g.group.id, g.available, g.members])).to.deep.equal([['g', 1, 3], ['h', 0, 1]]);
    expect(choices.possible).to.equal(true);
    expect(secondsLeft(10_500, 10_000)).to.equal(1);
    expect(secondsLeft(10_000, 12_000)).to.equal(0);
  });
});
