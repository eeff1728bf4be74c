/**
 * The product end to end, in Debian's Chromium, against the real server: the
 * reference CLI in a child process on a free port with a fresh data folder,
 * serving the demo shop, the widget's script-tag bundle and the agent console
 * as `npm start` does. A visitor on the shop and two agents in the console —
 * each in a browser context of their own — walk through what the feature
 * catalogue promises, step by step:
 *
 *   trail (V10, A3, A11) → invite (V7, A7) → typing preview (V11) → page push
 *   (V9) → transfer with history (A8) → a file and a screenshot (V12, V13) →
 *   rating (V14) → end → leave a message when every agent is offline (V2, V6, S5)
 *   → SIGKILL of the server mid-chat and a restart on the same data: nothing
 *   acknowledged is lost, both sides resume (V18, delivery semantics).
 *
 * Each step is a test; after a failure the later ones are skipped (they build
 * on it). Every wait is for something visible, with a message that says what
 * did not appear.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';

import type { Browser } from 'playwright-core';

import { Agent, parseCredentials, Visitor, type DemoLogin } from './support/actors.js';
import { chromiumMissing, countMessages, gone, launchChromium, see, until } from './support/browser.js';
import { buildForStart, freePort, startCli, type CliServer } from './support/processes.js';

/** A real 1×1 PNG (the server checks a file's type from its bytes). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/iUcX7QAAAABJRU5ErkJggg==', 'base64');

const skipReason = chromiumMissing();

describe('the product end to end: demo shop, console and server in Chromium', { skip: skipReason }, () => {
  let dataDir: string;
  let port: number;
  let server: CliServer;
  let browser: Browser;
  let ada: Agent;
  let sam: Agent;
  let admin: DemoLogin;
  let agent: DemoLogin;
  let visitor: Visitor;
  let visitorId: string;
  const pageErrors: string[] = [];
  let broken: string | undefined;

  /** One step of the walk: skipped when an earlier one failed; page errors fail it with their message. */
  const step = (name: string, body: (t: TestContext) => Promise<void>) =>
    it(name, async (t) => {
      if (broken) return t.skip(`an earlier step failed: ${broken}`);
      const started = Date.now();
      try {
        await body(t);
        assert.deepEqual(pageErrors, [], 'uncaught errors in the pages');
      } catch (error) {
        broken = name;
        t.diagnostic(`screenshots of every page: ${await screenshots(name)}`);
        throw error;
      } finally {
        t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    });

  /** Saves a picture of each open page, to see what the people saw when a step failed. */
  async function screenshots(stepName: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-failure-'));
    const slug = stepName.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
    for (const context of browser?.contexts() ?? []) {
      for (const [i, page] of context.pages().entries()) {
        const label = new URL(page.url()).pathname.replace(/[^a-z0-9]+/gi, '-') || 'page';
        await page.screenshot({ path: join(dir, `${slug}-${browser.contexts().indexOf(context)}-${i}${label}.png`) }).catch(() => undefined);
      }
    }
    return dir;
  }

  before(async () => {
    await buildForStart();
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    port = await freePort();
    server = await startCli({ port, dataDir });
    const credentials = parseCredentials(readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8'));
    assert.equal(credentials.siteId, 'site_demo');
    admin = credentials.agents.find((a) => a.login === 'admin')!;
    agent = credentials.agents.find((a) => a.login === 'agent')!;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  step('two agents sign in to the console, each in a browser context of their own', async () => {
    [ada, sam] = await Promise.all([Agent.open(browser, `${server.url}/console/`, admin, pageErrors), Agent.open(browser, `${server.url}/console/`, agent, pageErrors)]);
    await ada.signIn();
    await sam.signIn();
  });

  step('the visitor browses three pages, one of them an SPA route, and the agent sees the trail live', async () => {
    visitor = await Visitor.open(browser, `${server.url}/`, pageErrors);
    await see(visitor.page.locator('parley-launcher [part~=label]').filter({ hasText: 'Chat with us' }), 'the launcher saying "Chat with us" (agents are online)');
    visitorId = await visitor.visitorId();

    await ada.show('Visitors');
    const row = ada.visitorRow(visitorId);
    const timeline = ada.page.locator('parley-console parley-visitor-context [part~=timeline]');
    const sees = async (title: string, where: string) => {
      await see(row.filter({ hasText: title }), `"${title}" as the visitor's current page in Ada's visitor list (${where})`);
      await see(timeline.filter({ hasText: title }), `"${title}" in the visitor's trajectory, without a refresh (${where})`);
    };
    await see(row, "the visitor in Ada's visitor list");
    await row.click();
    await sees('Fernhill Outdoor — gear for every trail', 'the home page');

    await visitor.page.locator('header.site nav a', { hasText: 'Products' }).click();
    await sees('Products — Fernhill Outdoor', 'a second page');

    await visitor.page.locator('header.site nav a', { hasText: 'Help centre' }).click();
    await sees('Help centre — Fernhill Outdoor', 'the help centre');
    // The SPA route: no page load (a mark on the window survives), a new address, a new page view.
    await visitor.page.evaluate('window.__samePage = true');
    await visitor.page.locator('#topics a', { hasText: 'Shipping' }).click();
    await visitor.page.waitForURL('**/help/?topic=shipping');
    assert.equal(await visitor.page.evaluate('window.__samePage === true'), true, 'the help centre changed route without loading a page');
    await sees('Shipping — Help centre — Fernhill Outdoor', 'the SPA route');
    const pages = await timeline.locator('[part~=page]').count();
    assert.equal(pages, 4, `four page views in the trajectory (home, products, help centre, its Shipping route), saw ${pages}`);
  });

  step('the agent invites the visitor, and the visitor accepts', async () => {
    const reachOut = ada.page.locator('parley-console parley-reach-out');
    await reachOut.locator('#message').fill('Hello! Questions about shipping?');
    await reachOut.locator('[part~=invite]').click();
    await see(reachOut.locator('[part~=status]').filter({ hasText: 'Invitation sent.' }), 'Ada told the invitation was sent');

    const invitation = visitor.page.locator('parley-invitation [part~=base]');
    await see(invitation.filter({ hasText: 'Hello! Questions about shipping?' }), "Ada's invitation on the visitor's page");
    await invitation.locator('[part~=accept]').click();
    await see(visitor.window.locator('[part~=subtitle]').filter({ hasText: 'You are chatting with Ada (admin)' }), "the visitor's window saying they chat with Ada");
    await see(reachOut.locator('[part~=status]').filter({ hasText: 'The visitor accepted the invitation.' }), 'Ada told the visitor accepted');
    await ada.openChat();
  });

  step('the visitor types, and the agent sees the draft before it is sent', async () => {
    await visitor.type('Do you ship to Norway');
    const preview = ada.conversation.locator('.typing-preview__draft');
    await see(preview.filter({ hasText: 'Do you ship to Norway' }), "the visitor's draft in Ada's typing preview");
    assert.equal(await countMessages(ada.messages, 'Do you ship to Norway'), 0, 'the draft is not a message yet');

    await visitor.composer.pressSequentially('?', { delay: 15 });
    await visitor.composer.press('Enter');
    await see(ada.messages.locator('[part~=bubble]').filter({ hasText: 'Do you ship to Norway?' }), "the visitor's message in Ada's chat");
    await gone(ada.conversation.locator('.typing-preview__draft'), 'the typing preview once the message was sent');

    await ada.send('Yes, in three to five working days.');
    await see(visitor.messages.locator('[part~=bubble]').filter({ hasText: 'Yes, in three to five working days.' }), "Ada's answer in the visitor's window");
  });

  step('the agent pushes a page, and the visitor lands on it with the chat still open', async () => {
    await ada.tool('Push a page').click();
    const push = ada.conversation.locator('parley-reach-out');
    await push.locator('#url').fill(`${server.url}/pricing.html`);
    await push.locator('[part~=push]').click();
    await visitor.page.waitForURL('**/pricing.html', { timeout: 20_000 });
    await see(push.locator('[part~=status]').filter({ hasText: 'Page pushed.' }), 'Ada told the page was pushed');
    // A new page: the widget restores the chat from the visitor's storage and resumes.
    await see(visitor.messages.locator('[part~=bubble]').filter({ hasText: 'Yes, in three to five working days.' }), 'the conversation in the window after the pushed page loaded');
  });

  step('agent 1 transfers the chat to agent 2, who accepts and sees the history', async () => {
    await ada.tool('Transfer').click();
    const form = ada.conversation.locator('parley-transfer-form');
    await (await see(form.locator('label.choice').filter({ hasText: 'Sam (agent)' }).locator('input'), 'Sam as a transfer choice')).check();
    await form.locator('#note').fill('Shipping question, Norway.');
    await form.locator('[part~=submit]').click();

    const offer = sam.page.locator('parley-transfer-offers [part~=offer]');
    await see(offer.filter({ hasText: 'Shipping question, Norway.' }), "the transfer offer with Ada's note in Sam's console");
    await see(offer.locator('[part~=history] [part~=bubble]').filter({ hasText: 'Do you ship to Norway?' }), 'the conversation so far in the offer');
    await offer.locator('[part~=accept]').click();

    await see(sam.messages.locator('[part~=bubble]').filter({ hasText: 'Do you ship to Norway?' }), "the visitor's message in Sam's open chat");
    await see(sam.messages.locator('[part~=bubble]').filter({ hasText: 'Yes, in three to five working days.' }), "Ada's answer in Sam's open chat");
    // The chat is Sam's now: it leaves Ada's list.
    await gone(ada.page.locator('parley-conversation-list .conversations__select').filter({ hasText: 'Visitor' }), "the chat in Ada's list once Sam took it");
    await see(visitor.window.locator('[part~=subtitle]').filter({ hasText: 'You are chatting with Sam (agent)' }), "the visitor's window saying they now chat with Sam");

    await sam.send('Hi, Sam here. I can help with that.');
    await see(visitor.messages.locator('[part~=bubble]').filter({ hasText: 'Sam here' }), "Sam's message in the visitor's window");
  });

  step('a file and a screenshot go from the visitor to the agent', async () => {
    await visitor.page.locator('parley-chat-window parley-composer input[type=file]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    const image = sam.messages.locator('img[alt="receipt.png"]');
    await see(image, "the visitor's file (receipt.png) as an image in Sam's chat");
    const src = await image.getAttribute('src');
    assert.ok(src, 'the image has a URL');
    const download = await sam.page.request.get(new URL(src, server.url).href);
    assert.equal(download.status(), 200, `the file downloads (${src})`);
    assert.equal(download.headers()['content-type'], 'image/png');
    assert.deepEqual(Buffer.from(await download.body()), PNG, 'the file arrives byte for byte');

    await visitor.window.locator('button[aria-label="Send a screenshot of this page"]').click();
    const preview = await see(visitor.window.locator('[part~=screenshot]'), "the screenshot's preview in the visitor's window", 30_000);
    await preview.locator('button', { hasText: 'Send screenshot' }).click();
    await until(async () => (await sam.messages.locator('img.message__image').count()) >= 2, "the screenshot as a second image in Sam's chat", 30_000);
  });

  step('the agent asks for a rating, and the visitor rates the chat', async () => {
    await sam.tool('Ask for a rating').click();
    const rating = visitor.window.locator('parley-rating');
    await see(rating.locator('[part~=submit]'), "the rating form in the visitor's window");
    await rating.locator('input[type=radio][value="5"]').check();
    await rating.locator('[part~=comment]').fill('Quick and clear, thanks!');
    await rating.locator('[part~=submit]').click();
    // In an open chat the form goes once the rating is accepted (the thanks shows only after the end).
    await gone(rating.locator('[part~=submit]'), 'the rating form once the rating was sent');
  });

  step('the agent ends the chat; both sides see it ended, and the rating is kept', async () => {
    await sam.conversation.locator('[role=toolbar] button', { hasText: 'End chat' }).click();
    await see(visitor.window.locator('.window__ended').filter({ hasText: 'This chat has ended.' }), "'This chat has ended.' in the visitor's window");
    await see(sam.conversation.locator('header').filter({ hasText: 'Ended' }), "the chat marked Ended in Sam's console");

    // The server kept the chat, its messages and the rating (history API, as an agent).
    const token = await login(server.url, agent);
    const history = await fetchJson(`${server.url}/api/history?visitorId=${visitorId}`, token);
    const text = JSON.stringify(history);
    assert.match(text, /"score":5/, `the rating is in the history: ${text.slice(0, 400)}`);
  });

  step('with every agent offline the launcher turns into leave-a-message, and the message reaches the agents', async () => {
    await ada.signOut();
    await sam.signOut();
    const newcomer = await Visitor.open(browser, `${server.url}/products.html`, pageErrors, 'second visitor');
    try {
      const label = newcomer.page.locator('parley-launcher [part~=label]');
      await see(label.filter({ hasText: 'Leave a message' }), 'the launcher saying "Leave a message" with every agent offline');
      await newcomer.launcher.click();
      const form = newcomer.window.locator('parley-offline-form');
      await (await see(form.getByLabel('Your name'), 'the leave-a-message form')).fill('Noor');
      await form.getByLabel('E-mail').fill('noor@example.com');
      await form.getByLabel('Your message').fill('Do you rent tents in winter?');
      await form.getByRole('button', { name: 'Send message' }).click();
      await see(newcomer.window.getByText('Thank you! Your message has been sent.'), 'the confirmation that the message was sent');
    } finally {
      await newcomer.close();
    }
    const token = await login(server.url, admin);
    const { offlineMessages } = (await fetchJson(`${server.url}/api/offline`, token)) as { offlineMessages: { fields: Record<string, string> }[] };
    assert.ok(
      offlineMessages.some((m) => m.fields.message === 'Do you rent tents in winter?' && m.fields.email === 'noor@example.com'),
      `the left message is in the agents' list (GET /api/offline): ${JSON.stringify(offlineMessages)}`,
    );
  });

  step('the server is killed mid-conversation and restarted on the same data: nothing acknowledged is lost, both sides resume', async () => {
    await ada.signIn();
    const kim = await Visitor.open(browser, `${server.url}/contact.html`, pageErrors, 'visitor Kim');
    try {
      await kim.page.locator('[data-parley-open]').click();
      const form = kim.window.locator('parley-pre-chat-form');
      await (await see(form.getByLabel('Your name'), 'the pre-chat form')).fill('Kim');
      await form.getByLabel('What is it about?').selectOption('help');
      await form.getByRole('button', { name: 'Start chat' }).click();
      await see(kim.window.locator('[part~=subtitle]').filter({ hasText: 'You are chatting with Ada (admin)' }), 'Kim routed to Ada, the only agent online');
      await ada.openChat('Kim');

      await kim.send('First question: is the shop open on Sunday?');
      await ada.send('No, Monday to Saturday.');
      await kim.send('And the returns desk?');
      await see(kim.messages.locator('[part~=bubble]').filter({ hasText: 'No, Monday to Saturday.' }), "Ada's answer at Kim's");
      await see(ada.messages.locator('[part~=bubble]').filter({ hasText: 'And the returns desk?' }), "Kim's second message at Ada's");
      await until(async () => (await kim.ownMessages()).every((m) => m.delivery === 'sent' || m.delivery === 'read'), "every message of Kim's acknowledged");
      const acknowledged = ['First question: is the shop open on Sunday?', 'No, Monday to Saturday.', 'And the returns desk?'];

      // The crash: no shutdown, no flush.
      assert.equal(await server.stop('SIGKILL'), 'SIGKILL');
      await see(kim.window.locator('[part~=banner]').filter({ hasText: 'Reconnecting' }), "Kim's window saying the connection is lost");
      await see(ada.page.locator('parley-console [role=status]').filter({ hasText: 'reconnecting' }), "Ada's console saying it is reconnecting");
      await kim.send('Sent while the server was down.');
      await until(async () => (await kim.ownMessages()).some((m) => m.text === 'Sent while the server was down.' && m.delivery === 'sending'), 'the message waiting in the outbox');

      server = await startCli({ port, dataDir });
      await gone(kim.window.locator('[part~=banner]').filter({ hasText: 'Reconnecting' }), "Kim's reconnecting banner", 45_000);
      await gone(ada.page.locator('parley-console [role=status]').filter({ hasText: 'reconnecting' }), "Ada's reconnecting notice", 45_000);

      // The outbox went out once; everything acknowledged before the crash is on both sides, once.
      await see(ada.messages.locator('[part~=bubble]').filter({ hasText: 'Sent while the server was down.' }), 'the outbox message at Ada’s after the restart', 30_000);
      for (const text of [...acknowledged, 'Sent while the server was down.']) {
        assert.equal(await countMessages(ada.messages, text), 1, `"${text}" once in Ada's chat`);
        assert.equal(await countMessages(kim.messages, text), 1, `"${text}" once in Kim's window`);
      }
      await ada.send('Back again: the returns desk is open until 17:00.');
      await see(kim.messages.locator('[part~=bubble]').filter({ hasText: 'Back again' }), "Ada's message after the restart at Kim's");

      // From the server's own store: a reload shows the whole conversation.
      await kim.page.reload();
      await kim.page.locator('[data-parley-open]').click();
      for (const text of [...acknowledged, 'Sent while the server was down.', 'Back again: the returns desk is open until 17:00.']) {
        await see(kim.messages.locator('[part~=bubble]').filter({ hasText: text }), `"${text}" in Kim's window after a reload`);
      }
      const token = await login(server.url, admin);
      const history = JSON.stringify(await fetchJson(`${server.url}/api/history?text=${encodeURIComponent('returns desk')}`, token));
      assert.match(history, /Kim/, `the chat is in the server's history: ${history.slice(0, 300)}`);
    } finally {
      await kim.close();
    }
  });
});

/** Signs in through the HTTP API and returns the agent's token. */
async function login(url: string, who: DemoLogin): Promise<string> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId: 'site_demo', login: who.login, password: who.password }),
  });
  assert.equal(response.status, 200, `POST /api/login as ${who.login}`);
  return ((await response.json()) as { token: string }).token;
}

async function fetchJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await response.json();
  assert.equal(response.status, 200, `GET ${url}: ${JSON.stringify(body)}`);
  return body;
}
