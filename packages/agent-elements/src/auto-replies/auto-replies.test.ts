import { expect, fixture, html } from '@open-wc/testing';
import type { AutoReplySettings } from '../api/site-settings.js';
import { createTestHub, SITE, type TestHub } from '../../test/browser/support/hub.js';
import { $, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { AutoReplies } from './auto-replies.js';

/** Load and save the way the server's GET / PATCH /api/site do, on the in-page store, then reload the hub's copy. */
function siteSettings(hub: TestHub) {
  return {
    async load(): Promise<AutoReplySettings> {
      const { settings } = (await hub.store.getSite(SITE))!;
      return { ...(settings.welcomeMessage && { welcomeMessage: settings.welcomeMessage }), ...(settings.autoReply && { autoReply: settings.autoReply }) };
    },
    async save(next: AutoReplySettings): Promise<AutoReplySettings> {
      const site = (await hub.store.getSite(SITE))!;
      const { welcomeMessage: _w, autoReply: _a, ...rest } = site.settings;
      await hub.store.saveSite({ ...site, settings: { ...rest, ...next } });
      await hub.hub.reloadSite(SITE);
      return this.load();
    },
  };
}

describe('<parley-auto-replies> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('an admin changes the welcome message and the automatic reply; visitors get them', async () => {
    const root = await hub.agent('root');
    const api = siteSettings(hub);
    const el = await fixture<AutoReplies>(html`<parley-auto-replies .client=${root} .load=${api.load.bind(api)} .save=${api.save.bind(api)}></parley-auto-replies>`);
    await until(() => $<HTMLTextAreaElement>(el, '[part=welcome]').value === 'Hello, how can we help?', 'loaded');
    const saves = spy<{ settings: AutoReplySettings }>(el, 'parley-auto-replies-save');

    type($<HTMLTextAreaElement>(el, '[part=welcome]'), 'Welcome to the shop!');
    $<HTMLInputElement>(el, 'fieldset:nth-of-type(2) input[type=checkbox]').click();
    await el.updateComplete;
    const after = $<HTMLInputElement>(el, '[part=after]');
    after.value = '1';
    after.dispatchEvent(new Event('change'));
    const times = $<HTMLInputElement>(el, '[part=max-times]');
    times.value = '2';
    times.dispatchEvent(new Event('change'));
    type($<HTMLTextAreaElement>(el, '[part=reply]'), 'Still here, one moment please.');
    await el.updateComplete;
    $(el, '[part=submit]').click();
    await until(() => saves.length === 1, 'saved');
    expect(saves[0]!.settings).to.deep.equal({
      welcomeMessage: 'Welcome to the shop!',
      autoReply: { afterSeconds: 1, maxTimes: 2, text: 'Still here, one moment please.' },
    });
    expect(text($(el, '[role=status]'))).to.equal('Saved.');
    await expect(el).to.be.accessible();

    // Nobody free: the chat waits, and a second after the visitor writes the automatic reply comes.
    await root.setPresence('busy');
    const { visitor, sessionId } = await hub.chattingVisitor('Rae');
    visitor.send('Is anyone there?');
    await until(() => visitor.messages().some((m) => m.text === 'Still here, one moment please.'), 'the automatic reply', 4000);
    await root.accept(sessionId);
    await until(() => visitor.messages().some((m) => m.text === 'Welcome to the shop!'), 'the new welcome message');
  });

  it('is read-only for agents who may not manage the site', async () => {
    const ada = await hub.agent('ada');
    const api = siteSettings(hub);
    const el = await fixture<AutoReplies>(html`<parley-auto-replies .client=${ada} .load=${api.load.bind(api)} .save=${api.save.bind(api)}></parley-auto-replies>`);
    await until(() => $<HTMLTextAreaElement>(el, '[part=welcome]').value !== '', 'loaded');
    expect(el.mayEdit).to.equal(false);
    expect(text($(el, 'p.muted'))).to.equal('Only administrators change these.');
    expect($<HTMLButtonElement>(el, '[part=submit]').disabled).to.equal(true);
  });
});
