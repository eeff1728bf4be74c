import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AgentClient, createMemoryStorage } from '@parley/core';
import type { SignInResult } from '../api/sign-in.js';
import { createTestHub, ONE_TIME_CODE, PASSWORD, SITE, type TestHub } from '../../test/browser/support/hub.js';
import { $, spy, text, type, until } from '../../test/browser/support/dom.js';
import { useAgentTexts } from '../../test/browser/support/texts.js';
import './define.js';
import type { SignIn } from './sign-in.js';

async function fill(el: SignIn, login: string, password: string): Promise<void> {
  type($<HTMLInputElement>(el, '#site'), SITE);
  type($<HTMLInputElement>(el, '#login'), login);
  type($<HTMLInputElement>(el, '#password'), password);
  await el.updateComplete;
}

describe('<parley-sign-in> against the in-page hub', () => {
  let hub: TestHub;
  before(() => useAgentTexts());
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(() => hub.close());

  it('signs in with site, agent id and password; the token opens the hub', async () => {
    const el = await fixture<SignIn>(html`<parley-sign-in .signIn=${hub.signIn}></parley-sign-in>`);
    const signedIn = spy<SignInResult>(el, 'parley-agent-sign-in');
    await fill(el, 'ada', 'wrong password');
    $<HTMLInputElement>(el, '#password').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(el.shadowRoot?.querySelector('[part=error]')) === 'The site, agent id or password is wrong.', 'refused');
    expect(el.shadowRoot?.activeElement?.id).to.equal('password');
    await expect(el).to.be.accessible();

    type($<HTMLInputElement>(el, '#password'), PASSWORD);
    await sendKeys({ press: 'Enter' });
    await until(() => signedIn.length === 1, 'signed in');
    expect(signedIn[0]!.agent.name).to.equal('Ada');
    const client = new AgentClient({ token: signedIn[0]!.token, transport: hub.transport, storage: createMemoryStorage() });
    client.connect();
    await until(() => client.agent?.id === 'agt_ada', 'the hub welcomes the token');
    client.close();
  });

  it('asks for the one-time code when the account has one, and says when it is wrong', async () => {
    const el = await fixture<SignIn>(html`<parley-sign-in .signIn=${hub.signIn}></parley-sign-in>`);
    const signedIn = spy<SignInResult>(el, 'parley-agent-sign-in');
    await fill(el, 'bo', PASSWORD);
    await el.submit();
    expect(text($(el, '[part=error]'))).to.equal('Enter the one-time code from your authenticator app.');
    expect(el.shadowRoot?.activeElement?.id).to.equal('code');
    type($<HTMLInputElement>(el, '#password'), PASSWORD);
    type($<HTMLInputElement>(el, '#code'), '000000');
    await el.submit();
    expect(text($(el, '[part=error]'))).to.equal('The one-time code is wrong or was already used.');
    type($<HTMLInputElement>(el, '#password'), PASSWORD);
    type($<HTMLInputElement>(el, '#code'), ONE_TIME_CODE);
    await el.submit();
    expect(signedIn[0]?.agent.id).to.equal('agt_bo');
    await expect(el).to.be.accessible();
  });

  it('names the server’s other refusals', async () => {
    for (const [code, message] of [
      ['ip_not_allowed', 'Signing in from this network is not allowed for this site.'],
      ['locked', 'Too many failed attempts: this account is locked for a while.'],
      ['network', 'The server could not be reached.'],
    ] as const) {
      const el = await fixture<SignIn>(html`<parley-sign-in site=${SITE} site-fixed .signIn=${async () => Promise.reject(Object.assign(new Error(code), { code }))}></parley-sign-in>`);
      expect(el.shadowRoot?.querySelector('#site')).to.equal(null);
      type($<HTMLInputElement>(el, '#login'), 'ada');
      type($<HTMLInputElement>(el, '#password'), 'x');
      await el.submit();
      expect(text($(el, '[part=error]'))).to.equal(message);
    }
  });
});
