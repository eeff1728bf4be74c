/**
 * The people of the end-to-end tests, each in a browser context of their own:
 * a visitor on the demo shop (`<parley-chat>` from the one-tag embed) and
 * agents in the console page (`<parley-console>`). Their methods are what a
 * person does; locators find elements through shadow roots (playwright's CSS
 * pierces them).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { recordErrors, see } from './browser.js';

/** Demo agents' sign-in details, from `<data>/demo-credentials.txt`. */
export interface DemoLogin {
  readonly login: string;
  readonly password: string;
  readonly name: string;
}

/** Reads the credentials block the demo writes (`admin  login: admin  password: xxxx-…   (Ada (admin))`). */
export function parseCredentials(text: string): { siteId: string; agents: DemoLogin[] } {
  const siteId = /site id: (\S+)/.exec(text)?.[1];
  const agents = [...text.matchAll(/login: (\S+)\s+password: (\S+)\s+\((.+)\)\s*$/gm)].map((m) => ({ login: m[1]!, password: m[2]!, name: m[3]! }));
  if (!siteId || agents.length === 0) throw new Error(`No demo credentials in:\n${text}`);
  return { siteId, agents };
}

export class Visitor {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, url: string, errors: string[], label = 'visitor'): Promise<Visitor> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    recordErrors(page, errors, label);
    await page.goto(url);
    return new Visitor(context, page);
  }

  get chat(): Locator {
    return this.page.locator('parley-chat');
  }
  get launcher(): Locator {
    return this.page.locator('parley-launcher [part~=base]');
  }
  get window(): Locator {
    return this.page.locator('parley-chat-window');
  }
  get messages(): Locator {
    return this.page.locator('parley-chat-window parley-message-list');
  }
  get composer(): Locator {
    return this.page.locator('parley-chat-window parley-composer textarea');
  }

  /** The visitor's id as the widget's client knows it (once connected). */
  async visitorId(): Promise<string> {
    await this.page.waitForFunction('document.querySelector("parley-chat")?.client?.visitorId', undefined, { timeout: 20_000 });
    return this.page.evaluate('document.querySelector("parley-chat").client.visitorId') as Promise<string>;
  }

  /** Own messages and their delivery states, as the widget's client holds them. */
  async ownMessages(): Promise<{ text: string; delivery: string }[]> {
    return this.page.evaluate(
      `(document.querySelector("parley-chat")?.client?.messages() ?? []).filter((m) => m.own).map((m) => ({ text: m.text ?? '', delivery: m.delivery }))`,
    ) as Promise<{ text: string; delivery: string }[]>;
  }

  /** Types as a person does (input events for every key), without sending. */
  async type(text: string): Promise<void> {
    const box = await see(this.composer, "the visitor's message box");
    await box.click();
    await box.pressSequentially(text, { delay: 15 });
  }

  async send(text: string): Promise<void> {
    await this.type(text);
    await this.composer.press('Enter');
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export class Agent {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly who: DemoLogin,
  ) {}

  static async open(browser: Browser, consoleUrl: string, who: DemoLogin, errors: string[]): Promise<Agent> {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    recordErrors(page, errors, who.login);
    await page.goto(consoleUrl);
    return new Agent(context, page, who);
  }

  async signIn(): Promise<void> {
    const form = this.page.locator('parley-sign-in');
    await see(form.locator('#login'), `the console's sign-in form for ${this.who.login}`);
    await form.locator('#login').fill(this.who.login);
    await form.locator('#password').fill(this.who.password);
    await form.locator('[part~=submit]').click();
    await see(this.page.locator('parley-console [part~=sign-out]'), `${this.who.name} signed in (the sign-out button)`);
    await see(this.page.locator('parley-console .console__name').filter({ hasText: this.who.name }), `${this.who.name}'s name in the console header`);
  }

  async signOut(): Promise<void> {
    await this.page.locator('parley-console [part~=sign-out]').click();
    await see(this.page.locator('parley-sign-in #login'), `the sign-in form again after ${this.who.login} signed out`);
  }

  async show(view: 'Chats' | 'Visitors' | 'Settings'): Promise<void> {
    await this.page.locator('parley-console [part~=nav] button').filter({ hasText: view }).click();
  }

  visitorRow(visitorId: string): Locator {
    return this.page.locator(`parley-visitor-list [data-visitor-id="${visitorId}"]`);
  }
  get conversation(): Locator {
    return this.page.locator('parley-console parley-conversation');
  }
  get messages(): Locator {
    return this.conversation.locator('parley-message-list');
  }
  get composer(): Locator {
    return this.conversation.locator('parley-composer textarea');
  }
  tool(name: string): Locator {
    return this.conversation.locator('[role=toolbar] button').filter({ hasText: name });
  }

  /** Opens a chat from the agent's list ("My chats"). */
  async openChat(name = 'Visitor'): Promise<void> {
    await this.show('Chats');
    const item = await see(this.page.locator('parley-conversation-list .conversations__select').filter({ hasText: name }), `"${name}" in ${this.who.name}'s chats`);
    await item.click();
    await see(this.conversation.locator('h2').filter({ hasText: name }), `the chat with "${name}" open in ${this.who.name}'s console`);
  }

  async send(text: string): Promise<void> {
    const box = await see(this.composer, `${this.who.name}'s message box`);
    await box.fill(text);
    await box.press('Enter');
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
