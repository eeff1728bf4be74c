/**
 * Puts a `<parley-chat>` on the page wired to an in-page hub, and gives the
 * test handles into its shadow DOM, as a user would see it.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Attachment, ClientStorage } from '@parley/core';
import { createMemoryStorage } from '@parley/core';

import '../../../src/chat/define.js';
import type { ParleyChat } from '../../../src/chat/chat.js';
import type { ChatWindow } from '../../../src/chat-window/chat-window.js';
import type { Launcher } from '../../../src/launcher/launcher.js';
import type { Uploader } from '../../../src/upload/uploader.js';
import type { InPageHub } from './in-page-hub.js';

export interface ChatFixtureOptions {
  readonly storage?: ClientStorage;
  readonly language?: string;
  readonly launcher?: string;
  readonly uploadFile?: Uploader;
  readonly attributes?: Readonly<Record<string, string>>;
  /** Report page views (off by default, so tests that do not look at trajectory stay quiet). */
  readonly tracking?: boolean;
}

/** An uploader that keeps files in the page (`blob:` URLs), as a server-less setup would. */
export function memoryUploader(log: { name: string; size: number }[] = []): Uploader {
  let n = 0;
  return async ({ file, name, onProgress }) => {
    onProgress?.(0.5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    onProgress?.(1);
    log.push({ name, size: file.size });
    const attachment: Attachment = { id: `file_${++n}`, name, type: file.type || 'application/octet-stream', size: file.size, url: URL.createObjectURL(file) };
    return attachment;
  };
}

export async function chatFixture(hub: InPageHub, options: ChatFixtureOptions = {}): Promise<ParleyChat> {
  const el = await fixture<ParleyChat>(html`<parley-chat
    site=${hub.siteId}
    language=${options.language ?? 'en'}
    launcher=${options.launcher ?? 'floating'}
    preload="open"
    ?no-tracking=${!options.tracking}
    .transport=${hub.transport}
    .storage=${options.storage ?? createMemoryStorage()}
    .uploadFile=${options.uploadFile ?? memoryUploader()}
  ></parley-chat>`);
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  await waitUntil(() => el.client?.status === 'open' && launcherOf(el) !== null, 'the chat to connect', { timeout: 4000 });
  return el;
}

export const launcherOf = (chat: ParleyChat): Launcher | null => chat.shadowRoot!.querySelector('parley-launcher');
export const windowOf = (chat: ParleyChat): ChatWindow | null => chat.shadowRoot!.querySelector('parley-chat-window');
export const launcherButton = (chat: ParleyChat): HTMLButtonElement => launcherOf(chat)!.shadowRoot!.querySelector('button')!;

/** An element inside the window's shadow root, or inside one of its children's (`a >>> b`). */
export function inWindow<T extends Element = HTMLElement>(chat: ParleyChat, selector: string): T | null {
  let root: ParentNode | null | undefined = windowOf(chat)?.shadowRoot;
  const steps = selector.split('>>>').map((s) => s.trim());
  for (const [i, step] of steps.entries()) {
    const found: Element | null | undefined = root?.querySelector(step);
    if (!found) return null;
    if (i === steps.length - 1) return found as T;
    root = found.shadowRoot;
  }
  return null;
}

/** The deepest focused element. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until `check()` (which may be async) is truthy, polling every 20 ms; fails with `what` after `timeout` ms. */
export async function until(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeout) throw new Error(`Timeout: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for running animations (the window's opening) to end, so axe sees what the visitor sees. */
export async function animationsDone(): Promise<void> {
  await Promise.all(allAnimations(document).map((animation) => animation.finished.catch(() => undefined)));
}

function allAnimations(root: Document | ShadowRoot): Animation[] {
  const found = [...root.getAnimations()];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...allAnimations(element.shadowRoot));
  return found;
}

/** Axe on the element once its animations have ended (the window's opening fades in). */
export async function expectAccessible(element: Element): Promise<void> {
  await animationsDone();
  const { expect } = await import('@open-wc/testing');
  await expect(element).to.be.accessible();
}
