/**
 * `npm start`'s script itself (`node scripts/start.mjs`, what the root
 * `start` script runs) on a free port with a data folder of the test's own:
 * it builds what is stale, starts the built server, prints the URLs and the
 * demo's sign-in details, and serves every page of the README's promise — the
 * demo shop, the console, the no-server demo (also from disk), the React and
 * Vue examples, the widget script and the API. Ctrl+C (SIGINT) stops it
 * cleanly; a second start reuses the data.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { parseCredentials } from './support/actors.js';
import { chromiumMissing, launchChromium, recordErrors, see, until } from './support/browser.js';
import { freePort, ROOT, startChild, type Child } from './support/processes.js';

/** Starts `node scripts/start.mjs` as npm would, and waits for its banner. */
async function npmStart(port: number, dataDir: string): Promise<{ child: Child; banner: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PARLEY_DATA: dataDir };
  for (const name of ['HOST', 'PARLEY_PUBLIC_URL', 'PARLEY_STATIC', 'PARLEY_DEMO']) delete env[name];
  const child = startChild(['scripts/start.mjs'], { env, name: 'npm start (scripts/start.mjs)' });
  // A cold start builds first: give it time.
  await child.waitFor(/Ctrl\+C stops/, 'the start banner', 300_000);
  return { child, banner: child.output() };
}

describe('npm start (scripts/start.mjs): one port for the shop, the console, the examples and the API', () => {
  let dataDir: string;
  let port: number;
  let url: string;
  let start: Child | undefined;
  let banner: string;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-start-'));
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    ({ child: start, banner } = await npmStart(port, dataDir));
  });

  after(async () => {
    await browser?.close();
    await start?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the URLs and the demo agents’ sign-in details', () => {
    assert.match(banner, new RegExp(`Parley is running at ${url}`));
    for (const path of ['/', '/console/', '/no-server/', '/frameworks/react/', '/frameworks/vue/', '/widget/parley.js']) {
      assert.ok(banner.includes(`${url}${path}`), `the banner lists ${url}${path}:\n${banner}`);
    }
    const { siteId, agents } = parseCredentials(banner);
    assert.equal(siteId, 'site_demo');
    assert.deepEqual(agents.map((a) => a.login).sort(), ['admin', 'agent']);
  });

  it('serves the demo shop, the console, the examples, the widget script and the API on that one port', async () => {
    const pages: [string, RegExp][] = [
      ['/', /<script type="module" src="\/widget\/parley.js" data-site="site_demo">/],
      ['/products.html', /Products/],
      ['/pricing.html', /Rental plans/],
      ['/contact.html', /launcher="link"/],
      ['/help/', /help\.js/],
      ['/console/', /<parley-console/],
      ['/no-server/', /no-server\.js/],
      ['/frameworks/react/', /dist\/app\.js/],
      ['/frameworks/vue/', /dist\/app\.js/],
    ];
    for (const [path, content] of pages) {
      const response = await fetch(`${url}${path}`);
      assert.equal(response.status, 200, `GET ${path}`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, `GET ${path} is HTML`);
      assert.match(await response.text(), content, `GET ${path} is the right page`);
    }
    for (const script of ['/widget/parley.js', '/console/dist/console.js', '/no-server/dist/no-server.js', '/frameworks/react/dist/app.js', '/frameworks/vue/dist/app.js']) {
      const response = await fetch(`${url}${script}`);
      assert.equal(response.status, 200, `GET ${script} (built by npm start)`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/, `GET ${script} is JavaScript`);
      await response.arrayBuffer();
    }
    const { agents } = parseCredentials(banner);
    const admin = agents.find((a) => a.login === 'admin')!;
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteId: 'site_demo', login: admin.login, password: admin.password }),
    });
    assert.equal(login.status, 200, 'POST /api/login with the printed admin password');
  });

  describe('the examples in Chromium', { skip: chromiumMissing() }, () => {
    before(async () => {
      browser = await launchChromium();
    });

    const open = async (address: string, label: string): Promise<Page> => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      recordErrors(page, pageErrors, label);
      await page.goto(address);
      return page;
    };

    for (const [label, address] of [
      ['served by the server', () => `${url}/no-server/`],
      ['opened from disk (file://)', () => pathToFileURL(join(ROOT, 'examples', 'no-server', 'index.html')).href],
    ] as const) {
      it(`no-server, ${label}: a visitor and an agent chat through the hub in the page`, async () => {
        const page = await open(address(), `no-server (${label})`);
        try {
          // The console's form is filled in (ada / demo): one click signs in.
          await see(page.locator('parley-sign-in #password'), 'the console’s sign-in form');
          await until(async () => (await page.locator('parley-sign-in #password').inputValue()) === 'demo', 'the password filled in');
          await page.locator('parley-sign-in [part~=submit]').click();
          await see(page.locator('parley-console .console__name').filter({ hasText: 'Ada' }), 'Ada signed in');
          await see(page.locator('parley-launcher [part~=label]').filter({ hasText: 'Chat with us' }), 'the visitor’s launcher saying "Chat with us"');
          await page.locator('parley-launcher [part~=base]').click();
          await page.locator('parley-pre-chat-form').getByRole('button', { name: 'Start chat' }).click();
          const box = await see(page.locator('parley-chat-window parley-composer textarea'), 'the visitor’s message box');
          await box.fill('Hello from the shop pane');
          await box.press('Enter');
          await page.locator('parley-conversation-list .conversations__select').first().click();
          await see(page.locator('parley-conversation [part~=bubble]').filter({ hasText: 'Hello from the shop pane' }), 'the visitor’s message in the console');
          const answer = page.locator('parley-conversation parley-composer textarea');
          await answer.fill('Hello from the console');
          await answer.press('Enter');
          await see(page.locator('parley-chat-window [part~=bubble]').filter({ hasText: 'Hello from the console' }), 'the agent’s answer in the visitor’s window');
          assert.deepEqual(pageErrors, []);
        } finally {
          await page.context().close();
        }
      });
    }

    for (const framework of ['React', 'Vue']) {
      it(`${framework}: <parley-chat> takes properties (texts, theme), calls back through events, and fills a slot`, async () => {
        const page = await open(`${url}/frameworks/${framework.toLowerCase()}/`, framework);
        try {
          // texts (a property): no agent is online, so the launcher offers to write.
          const launcher = page.locator('parley-launcher [part~=base]');
          await see(launcher.filter({ hasText: `Write to the ${framework} team` }), `the launcher text set through the ${framework} prop`);
          // An event updates the app's state.
          await see(page.getByTestId('availability').filter({ hasText: 'offline' }), 'the availability from parley-availability-change');
          // theme (a property), changed from the app's state.
          const background = `getComputedStyle(document.querySelector("parley-chat").shadowRoot.querySelector("parley-launcher").shadowRoot.querySelector("[part~=base]")).backgroundColor`;
          assert.equal(await page.evaluate(background), 'rgb(15, 94, 87)', 'the accent colour from the theme property');
          await page.locator('input[type=color]').fill('#aa2200');
          await page.waitForFunction(`${background} === "rgb(170, 34, 0)"`, undefined, { timeout: 10_000 });
          // A method, and the event it causes.
          await page.getByRole('button', { name: 'Open the chat (a method)' }).click();
          await see(page.getByTestId('events').filter({ hasText: 'parley-window-open (api)' }), 'parley-window-open in the app’s event log');
          // The framework's own content in the message list's `empty` slot.
          await see(page.locator('parley-message-list.mirror p[slot=empty]').filter({ hasText: 'Nothing from an agent yet' }), 'the slotted content');
          assert.deepEqual(pageErrors, []);
        } finally {
          await page.context().close();
        }
      });
    }
  });

  it('stops cleanly on Ctrl+C (SIGINT), and a second start reuses the data', async () => {
    assert.equal(await start!.stop('SIGINT'), 0, `exit code after SIGINT; output:\n${start!.output().slice(-2000)}`);
    assert.match(start!.output(), /Parley stopped/);
    assert.match(start!.output(), /"msg":"server.closed"/, 'the server closed in order (log)');

    const before = parseCredentials(banner);
    ({ child: start, banner } = await npmStart(port, dataDir));
    assert.match(banner, /Demo sign-in \(from the data folder\)/);
    const again = parseCredentials(banner);
    assert.deepEqual(again, before, 'the same demo site and agents');
    const home = await fetch(`${url}/`);
    assert.equal(home.status, 200);
    assert.equal(await start!.stop('SIGINT'), 0);
    start = undefined;
  });
});
