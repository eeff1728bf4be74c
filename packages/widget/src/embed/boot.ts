/**
 * Boots the widget from its `<script>` tag: reads the tag's `data-*`
 * attributes, puts a `<parley-chat>` on the page (or configures the one the
 * page already has, e.g. where a text-link launcher should sit), and runs the
 * command queue.
 */
import type { ParleyChat } from '../chat/chat.js';
import { installCommandQueue } from './command-queue.js';

/** `data-*` attribute of the script tag → attribute of `<parley-chat>`. */
const ATTRIBUTES = [
  'server',
  'site',
  'language',
  'position',
  'launcher',
  'group',
  'preload',
  'accept',
  'max-file-size',
  'no-tracking',
  'no-screenshot',
] as const;

/** The script tag that loaded the widget: the one whose `src` is this module, else the first with `data-site`. */
export function findScript(moduleUrl: string, doc: Document = document): HTMLScriptElement | null {
  const scripts = [...doc.querySelectorAll<HTMLScriptElement>('script[data-site]')];
  return scripts.find((script) => script.src === moduleUrl) ?? scripts[0] ?? null;
}

/** Creates (or completes) the page's `<parley-chat>` from the script's data attributes, and runs the command queue. */
export function boot(script: HTMLScriptElement | null, doc: Document = document): ParleyChat {
  const chat = doc.querySelector('parley-chat') ?? doc.createElement('parley-chat');
  if (script) {
    for (const name of ATTRIBUTES) {
      const value = script.getAttribute(`data-${name}`);
      if (value !== null && !chat.hasAttribute(name)) chat.setAttribute(name, value);
    }
    // The server defaults to where the script came from.
    if (!chat.hasAttribute('server') && script.src) chat.setAttribute('server', new URL(script.src).origin);
  }
  installCommandQueue(chat, doc.defaultView ?? window);
  if (!chat.isConnected) doc.body.append(chat);
  return chat;
}
