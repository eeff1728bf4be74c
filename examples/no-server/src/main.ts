/**
 * The whole product in one page, with no server: the hub runs here (see
 * `hub.ts`), a visitor's `<parley-chat>` sits in the shop pane on the left and
 * an agent's `<parley-console>` on the right, both connected to the hub over
 * the memory transport. Files stay in the page (blob: URLs). A second console
 * can be added, to try transfers between two agents.
 *
 * `window.parleyDemo` exposes the hub, store and elements, for trying things
 * from the devtools and for integrators' tests.
 */
import { createMemoryStorage, type Attachment } from '@parley/core';
import { listCannedSource, type AgentConsole, type ConsoleServices } from '@parley/agent-elements';
import '@parley/agent-elements/define';
import '@parley/widget';
import { capturePage, type ParleyChat, type Uploader } from '@parley/widget';

import { PASSWORD, SITE_ID, startInPageHub, type InPageHub } from './hub.js';

/** Files never leave the page: an attachment is a blob: URL. */
function keepInPage(file: Blob, name: string): Attachment {
  return { id: `file_${crypto.randomUUID()}`, name, type: file.type || 'application/octet-stream', size: file.size, url: URL.createObjectURL(file) };
}

const visitorUpload: Uploader = async ({ file, name }) => keepInPage(file, name);

const CANNED = listCannedSource([
  { id: 'c1', kind: 'reply', title: 'Thanks for waiting', text: 'Thank you for waiting! Let me check that for you.', shortcut: 'wait' },
  { id: 'c2', kind: 'reply', title: 'Shipping times', text: 'Orders placed before 15:00 leave the same day and arrive in one to two working days.', shortcut: 'ship' },
  { id: 'c3', kind: 'link', title: 'Returns policy', text: 'Our returns policy:', url: 'https://example.com/returns' },
]);

const services = (): ConsoleServices => ({
  canned: CANNED,
  upload: async (file, name) => keepInPage(file, name),
  capture: () => capturePage(),
});

function createConsole(inPage: InPageHub, login: string): AgentConsole {
  const element = document.createElement('parley-console');
  element.site = SITE_ID;
  element.siteFixed = true;
  element.signIn = async (credentials) => inPage.signIn(credentials);
  element.transport = () => inPage.transport;
  element.services = services;
  element.idleSeconds = 0;
  // Fill the form in, so trying it takes one click.
  element.addEventListener('parley-agent-sign-out', () => prefill(element, login));
  prefill(element, login);
  return element;
}

/** Puts the demo login and password in the console's sign-in form once it is shown (after the texts load). */
function prefill(element: AgentConsole, login: string): void {
  const started = Date.now();
  const attempt = () => {
    const form = element.shadowRoot?.querySelector('parley-sign-in');
    const password = form?.shadowRoot?.querySelector<HTMLInputElement>('#password');
    if (!form || !password) {
      if (Date.now() - started < 10_000) setTimeout(attempt, 50);
      return;
    }
    form.login = login;
    password.value = PASSWORD;
  };
  attempt();
}

/** Virtual pages of the shop pane: each one is reported as a page view, as a multi-page site's would be. */
const SHOP_PAGES: Readonly<Record<string, { title: string; text: string }>> = {
  home: { title: 'Home', text: 'Gear for every trail. Open the chat in the corner of this pane and say hello: the console on the right answers.' },
  products: { title: 'Products', text: 'Backpacks, rain shells, stoves. The agent sees each page you open in your trail (Visitors view, then the visitor).' },
  pricing: { title: 'Rental plans', text: 'Weekend €39, month €99, season €249. Start typing in the chat: with typing preview on, the agent sees your draft.' },
};

function showShopPage(chat: ParleyChat, name: string): void {
  const page = SHOP_PAGES[name] ?? SHOP_PAGES.home!;
  document.getElementById('shop-title')!.textContent = page.title;
  document.getElementById('shop-text')!.textContent = page.text;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-shop-page]')) {
    link.toggleAttribute('aria-current', link.dataset.shopPage === name);
  }
  chat.trackPageView({ url: `${location.href.split('#')[0]}#${name}`, title: `${page.title} — demo shop` });
}

async function main(): Promise<void> {
  const inPage = await startInPageHub();

  const chat = document.createElement('parley-chat');
  chat.site = SITE_ID;
  chat.transport = inPage.transport;
  chat.storage = createMemoryStorage();
  chat.uploadFile = visitorUpload;
  document.getElementById('shop')!.append(chat);

  document.getElementById('shop-nav')!.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('[data-shop-page]') : null;
    if (!link) return;
    event.preventDefault();
    showShopPage(chat, link.dataset.shopPage!);
  });

  const consoles = document.getElementById('consoles')!;
  const first = createConsole(inPage, 'ada');
  consoles.append(first);
  const more = document.getElementById('second-console') as HTMLButtonElement;
  more.addEventListener('click', () => {
    consoles.append(createConsole(inPage, 'sam'));
    document.body.classList.add('two-consoles');
    more.hidden = true;
  });

  Object.assign(window, { parleyDemo: { ...inPage, chat, consoles: () => [...consoles.querySelectorAll('parley-console')] } });
  document.body.dataset.ready = 'true';
}

void main();
