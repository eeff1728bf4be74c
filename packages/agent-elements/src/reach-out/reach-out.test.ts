import { expect, fixture, html } from '@open-wc/testing';
import type { Invite } from '@parley/core';
import { createTestHub, PUSH_ORIGIN, type TestHub } from '../../test/browser/support/hub.js';
import { $, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { ReachOut } from './reach-out.js';

describe('<parley-reach-out> against the hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('invites a visitor, who sees the message and declines; the agent sees the outcome', async () => {
    const ada = await hub.agent('ada');
    const visitor = await hub.visitor();
    const invites: Invite[] = [];
    visitor.on('invite', (invite) => invites.push(invite));
    const el = await fixture<ReachOut>(html`<parley-reach-out .client=${ada} visitor-id=${visitor.visitorId!}></parley-reach-out>`);
    const sent = spy<{ invite: Invite }>(el, 'parley-invite-send');
    type($<HTMLTextAreaElement>(el, '[part=message]'), 'Need help choosing a size?');
    await el.updateComplete;
    $(el, '[part=invite]').click();
    await until(() => invites.length === 1, 'the visitor gets the invitation');
    expect(invites[0]!.message).to.equal('Need help choosing a size?');
    expect(invites[0]!.proactive).to.equal(false);
    expect(sent).to.have.length(1);
    await until(() => text($(el, '[part=status]')) === 'Invitation sent.', 'status');
    await visitor.answerInvite(invites[0]!.id, false);
    await until(() => text($(el, '[part=status]')) === 'The visitor declined the invitation.', 'the outcome');
    await expect(el).to.be.accessible();
  });

  it('opens a proactive chat on the visitor’s page', async () => {
    const ada = await hub.agent('ada');
    const visitor = await hub.visitor();
    const invites: Invite[] = [];
    visitor.on('invite', (invite) => invites.push(invite));
    const el = await fixture<ReachOut>(html`<parley-reach-out .client=${ada} visitor-id=${visitor.visitorId!}></parley-reach-out>`);
    const invite = await el.invite(true, 'Hello from Ada!');
    expect(invite?.proactive).to.equal(true);
    await until(() => invites.length === 1 && invites[0]!.proactive, 'proactive');
    await el.updateComplete;
    expect(text($(el, '[part=status]'))).to.equal('Chat opened on the visitor’s page.');
  });

  it('pushes a page on an allowed origin, and says why another is refused', async () => {
    const ada = await hub.agent('ada');
    const visitor = await hub.visitor();
    const pushed: string[] = [];
    visitor.on('pagePush', ({ url }) => pushed.push(url));
    const el = await fixture<ReachOut>(html`<parley-reach-out .client=${ada} visitor-id=${visitor.visitorId!} push-only></parley-reach-out>`);
    expect(el.shadowRoot?.querySelector('[part=invite]')).to.equal(null);
    const events = spy<{ url: string }>(el, 'parley-page-push');
    type($<HTMLInputElement>(el, '[part=url]'), `${PUSH_ORIGIN}/sale`);
    await el.updateComplete;
    $(el, '[part=push]').click();
    await until(() => pushed.length === 1, 'the visitor is sent');
    expect(pushed[0]).to.equal(`${PUSH_ORIGIN}/sale`);
    expect(events[0]?.url).to.equal(`${PUSH_ORIGIN}/sale`);

    el.addEventListener('parley-page-push-request', (e) => e.preventDefault(), { once: true });
    expect(await el.pushPage(`${PUSH_ORIGIN}/other`)).to.equal(false);
    expect(await el.pushPage('https://elsewhere.example/')).to.equal(false);
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.equal('This site does not allow sending visitors to that address.');
    expect(pushed).to.have.length(1);
  });
});
