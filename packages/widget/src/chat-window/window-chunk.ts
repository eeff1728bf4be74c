/**
 * The second chunk of the script-tag widget, loaded when the window is first
 * opened or the page is idle: the window and its parts, i18next with every
 * text part of the language, and the HTTP uploader. `<parley-chat>` imports
 * it dynamically; nothing here runs before that.
 */
import type { VisitorClient } from '@parley/core';

import { createI18nextTranslator } from '../i18n/i18next-translator.js';
import type { Language } from '../i18n/languages.js';
import type { TextOverrides, Translator } from '../i18n/translator.js';
import { loadTexts } from '../locales/load.js';
import { createHttpUploader } from '../upload/http-uploader.js';
import type { Uploader } from '../upload/uploader.js';
import { ChatWindow } from './chat-window.js';

export { ChatWindow };

/** Registers `<parley-chat-window>` and its parts. */
export function defineWindow(): void {
  ChatWindow.define('parley-chat-window');
}

/** The i18next translator over every text part of `language`, with the overrides. */
export async function fullTranslator(language: Language, overrides: TextOverrides): Promise<Translator> {
  return createI18nextTranslator({ language, resources: await loadTexts(language), overrides });
}

const uploaders = new WeakMap<VisitorClient, Uploader>();

/** The uploader of a Parley server, authorised with the visitor's token. */
export function httpUploader(serverUrl: string, client: VisitorClient): Uploader {
  let uploader = uploaders.get(client);
  if (!uploader) {
    uploader = createHttpUploader({ serverUrl, token: async () => client.token });
    uploaders.set(client, uploader);
  }
  return uploader;
}
