/**
 * `window.parley(...)`: the page's commands to the widget, queued before the
 * script has loaded (the stub pushes them on `parley.q`) and run in order
 * once it has, then run at once.
 *
 * ```js
 * window.parley = window.parley || function () { (window.parley.q = window.parley.q || []).push(arguments); };
 * parley('identify', { data: '{"id":"u_42","name":"Ada"}', signature: '…' });
 * parley('open');
 * ```
 */
import type { SignedMember } from '@parley/core';
import type { i18n } from 'i18next';

import type { ParleyChat } from '../chat/chat.js';
import type { TextOverrides } from '../i18n/translator.js';
import { WIDGET_WARNINGS, warnOnce } from '../internal/dev-warning.js';

/** Every command the queue knows, with its arguments. */
export interface ParleyCommands {
  /** Opens the chat window. */
  open: [];
  /** Closes (minimises) the chat window. */
  close: [];
  /** Signs the visitor in as a site member, with info the site's server signed. */
  identify: [member: SignedMember];
  /** Speaks this language (`ja`, `zh-TW`…). */
  language: [language: string];
  /** Renders the texts through the site's own initialised i18next instance, following its language. */
  i18next: [instance: i18n];
  /** Reports a page view now (a virtual page, or after a route change). */
  track: [view?: { readonly url?: string; readonly title?: string }];
  /** Text overrides, over the site's. */
  texts: [texts: TextOverrides];
  /** Theme values (token names without `--parley-`), over the site's. */
  theme: [theme: Readonly<Record<string, string>>];
  /** Listens to a `parley-*` event of the chat, e.g. `parley('on', 'parley-message-receive', fn)`. */
  on: [type: string, listener: (event: Event) => void];
}

export type ParleyCommand = { [K in keyof ParleyCommands]: [K, ...ParleyCommands[K]] }[keyof ParleyCommands];

/** `window.parley`: a function, with the queue of calls made before the script loaded. */
export interface ParleyFunction {
  (...command: ParleyCommand): void;
  q?: ArrayLike<unknown>[];
}

declare global {
  interface Window {
    parley?: ParleyFunction;
  }
}

/** Runs one command on the chat. */
export function runCommand(chat: ParleyChat, command: ArrayLike<unknown>): void {
  const [name, arg, extra] = Array.from(command);
  switch (name) {
    case 'open':
      void chat.show('api');
      return;
    case 'close':
      chat.hide('api');
      return;
    case 'identify':
      chat.identify(arg as SignedMember);
      return;
    case 'language':
      chat.language = String(arg);
      return;
    case 'i18next':
      chat.i18next = arg as i18n;
      return;
    case 'track':
      chat.trackPageView((arg ?? {}) as ParleyCommands['track'][0] & object);
      return;
    case 'texts':
      chat.texts = { ...chat.texts, ...(arg as TextOverrides) };
      return;
    case 'theme':
      chat.theme = { ...chat.theme, ...(arg as Record<string, string>) };
      return;
    case 'on':
      if (typeof arg === 'string' && typeof extra === 'function') chat.addEventListener(arg, extra as (event: Event) => void);
      return;
    default:
      warnOnce(WIDGET_WARNINGS.unknownCommand, `parley("${String(name)}") is not a command.`, String(name));
  }
}

/** Runs the commands queued so far, then makes `window.parley` run them at once. */
export function installCommandQueue(chat: ParleyChat, win: Window = window): ParleyFunction {
  const queued = win.parley?.q ?? [];
  const parley: ParleyFunction = (...command) => runCommand(chat, command);
  win.parley = parley;
  for (const command of Array.from(queued)) runCommand(chat, command);
  return parley;
}
