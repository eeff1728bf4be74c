import { expect, fixture, html } from '@open-wc/testing';
import { createTestHub, type TestHub } from '../../test/browser/support/hub.js';
import { $, spy, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { PresenceSwitch } from './presence-switch.js';

const options = (el: PresenceSwitch) => [...$<HTMLSelectElement>(el, 'select').options].map((o) => o.value);

function choose(el: PresenceSwitch, status: string): void {
  const select = $<HTMLSelectElement>(el, 'select');
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<parley-presence-switch> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('sets online, busy and away; colleagues see it; invisible only for admins', async () => {
    const ada = await hub.agent('ada');
    const bo = await hub.agent('bo');
    const el = await fixture<PresenceSwitch>(html`<parley-presence-switch .client=${ada}></parley-presence-switch>`);
    const changes = spy<{ status: string; automatic: boolean }>(el, 'parley-presence-change');
    await until(() => el.status !== undefined, 'welcomed');
    expect(options(el)).to.deep.equal(['online', 'busy', 'away']);

    choose(el, 'busy');
    await until(() => bo.agents.get('agt_ada')?.status === 'busy', 'Bo sees Ada busy');
    expect(changes).to.deep.equal([{ status: 'busy', automatic: false }]);
    expect($(el, '[part=indicator]').className).to.contain('presence__dot--busy');
    await expect(el).to.be.accessible();

    const root = await hub.agent('root');
    const admin = await fixture<PresenceSwitch>(html`<parley-presence-switch .client=${root}></parley-presence-switch>`);
    await until(() => admin.status !== undefined, 'admin welcomed');
    expect(options(admin)).to.include('invisible');
    choose(admin, 'invisible');
    await until(() => bo.agents.get('agt_root')?.status === 'offline', 'the invisible admin looks offline to Bo');
    expect(root.agent?.status).to.equal('invisible');
  });

  it('honours a cancelled presence request', async () => {
    const ada = await hub.agent('ada');
    const el = await fixture<PresenceSwitch>(html`<parley-presence-switch .client=${ada}></parley-presence-switch>`);
    await until(() => el.status === 'online', 'online');
    el.addEventListener('parley-presence-request', (e) => e.preventDefault(), { once: true });
    choose(el, 'away');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(ada.agent?.status).to.equal('online');
    expect($<HTMLSelectElement>(el, 'select').value).to.equal('online');
  });

  it('goes away after idling and comes back on activity', async () => {
    const ada = await hub.agent('ada');
    const bo = await hub.agent('bo');
    const el = await fixture<PresenceSwitch>(html`<parley-presence-switch .client=${ada} idle-seconds="1"></parley-presence-switch>`);
    const changes = spy<{ status: string; automatic: boolean }>(el, 'parley-presence-change');
    await until(() => el.status === 'online', 'online');
    await until(() => bo.agents.get('agt_ada')?.status === 'away', 'away after a second idle', 4000);
    expect(el.idle).to.equal(true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
    await until(() => bo.agents.get('agt_ada')?.status === 'online', 'back online on activity');
    expect(changes).to.deep.equal([
      { status: 'away', automatic: true },
      { status: 'online', automatic: true },
    ]);
  });
});
