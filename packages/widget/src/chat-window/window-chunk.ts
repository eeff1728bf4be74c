/**
 * The second chunk of the script-tag widget, loaded when the window is first
 * opened or the page is idle: the window and its parts, the loaders of the
 * language's other text parts, and the HTTP uploader. `<parley-chat>`
 * imports it dynamically; nothing here runs before that. No i18next: the
 * widget's own translator reads every part (a site's i18next instance, when
 * given, is bound by `i18n/site-i18next.ts` instead).
 */
import type { VisitorClientBase } from '@parley/core';

import type { Language } from '../i18n/languages.js';
import { createStaticTranslator, type TextOverrides, type Translator } from '../i18n/translator.js';
import { loadTexts } from '../locales/load.js';
import { createHttpUploader } from '../upload/http-uploader.js';
import type { Uploader } from '../upload/uploader.js';
import { ChatWindow } from './chat-window.js';

export { ChatWindow };

/** Registers `<parley-chat-window>` and its parts. */
export function defineWindow(): void {
  ChatWindow.define('parley-chat-window');
}

/**
 * The translator over every text part of `language`, with the overrides. No
 * fallback language, as when i18next did this (`fallbackLng: false`): every
 * shipped language has all of English's keys (`locales.test.ts`).
 */
export async function fullTranslator(language: Language, overrides: TextOverrides): Promise<Translator> {
  return createStaticTranslator(language, await loadTexts(language), overrides);
}

const uploaders = new WeakMap<VisitorClientBase, Uploader>();

/** The uploader of a Parley server, authorised with the visitor's token. */
export function httpUploader(serverUrl: string, client: VisitorClientBase): Uploader {
  let uploader = uploaders.get(client);
  if (!uploader) {
    uploader = createHttpUploader({ serverUrl, token: async () => client.token });
    uploaders.set(client, uploader);
  }
  return uploader;
}
