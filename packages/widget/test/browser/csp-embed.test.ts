import { expect } from '@open-wc/testing';
import type { AgentClient } from '@parley/core';

import type { ParleyChat } from '../../src/chat/chat.js';
import type { ParleyFunction } from '../../src/embed/command-queue.js';
import type { InPageHub } from './support/in-page-hub.js';
import { until } from './support/chat-fixture.js';

interface CspWindow extends Window {
  violations: { directive: string; blocked: string; sample: string }[];
  parley: ParleyFunction;
  parleyTest?: { hub: InPageHub; agent: AgentClient; chat: ParleyChat };
}

/** Loads the strict-CSP shop page in a frame and waits for the widget to be up. */
async function cspPage(): Promise<{ frame: HTMLIFrameElement; win: CspWindow }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '760px';
  frame.src = new URL('./fixtures/csp.html', import.meta.url).href;
  document.body.append(frame);
  await until(() => (frame.contentWindow as CspWindow | null)?.parleyTest, 'the page to boot', 10_000);
  return { frame, win: frame.contentWindow as CspWindow };
}

const deep = (root: ParentNode | null | undefined, ...selectors: string[]): Element | null => {
  let node: Element | null = null;
  for (const selector of selectors) {
    node = root?.querySelector(selector) ?? null;
    root = node?.shadowRoot;
  }
  return node;
};

describe('one tag on a page with a strict Content-Security-Policy (V1)', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    const test = (frame?.contentWindow as CspWindow | null)?.parleyTest;
    await test?.hub.close();
    frame?.remove();
  });

  it('boots from the script tag, runs commands queued before it loaded, chats, and causes no CSP violation', async () => {
    const page = await cspPage();
    frame = page.frame;
    const { win } = page;
    const { chat, agent } = win.parleyTest!;
    // The policy is in force here: an inline style is reported (then forgotten).
    const probe = win.document.createElement('p');
    probe.setAttribute('style', 'color: red');
    win.document.body.append(probe);
    await until(() => win.violations.length === 1, 'the probe to be refused');
    expect(win.violations[0]!.directive).to.match(/^style-src/);
    probe.remove();
    win.violations.length = 0;

    // data-* attributes became the element's.
    expect(chat.getAttribute('site')).to.equal('site_test');
    expect(chat.getAttribute('language')).to.equal('en');
    expect(chat.hasAttribute('no-tracking')).to.equal(true);

    // parley('open') and parley('texts', …), queued before the script loaded.
    await until(() => chat.open && deep(chat.shadowRoot, 'parley-chat-window', '[part=title]')?.textContent === 'Shop help', 'the window open with the page text');
    const launcher = deep(chat.shadowRoot, 'parley-launcher', '[part=base]')!;
    await until(() => win.getComputedStyle(launcher).backgroundColor === 'rgb(11, 110, 79)', "the page's theme over the site's");
    const header = deep(chat.shadowRoot, 'parley-chat-window', '[part=header]')!;
    expect(win.getComputedStyle(header).backgroundColor).to.equal('rgb(120, 40, 20)');

    // A conversation, both ways.
    const composer = deep(chat.shadowRoot, 'parley-chat-window', 'parley-composer') as HTMLElement & { value: string; send(): void };
    composer.value = 'Hello from a strict page';
    composer.send();
    await until(() => agent.sessions.length === 1, 'the chat at the agent');
    agent.send(agent.sessions[0]!.id, 'Hello! See https://shop.example/help');
    await until(() => deep(chat.shadowRoot, 'parley-chat-window', 'parley-message-list', '.message--other a'), 'the answer with its link');

    // After load, commands run at once.
    win.parley('close');
    await until(() => !chat.open, 'closed by command');
    win.parley('theme', { 'color-accent': 'rgb(0, 60, 140)' });
    await until(() => win.getComputedStyle(header).backgroundColor === 'rgb(0, 60, 140)', 'a theme change at run time');

    expect(win.violations).to.deep.equal([]);
  });
});
