/**
 * Loads shipped texts on demand: one module per language and part, so a
 * visitor downloads only its language, and only the parts it needs yet
 * (`launcher` before the chat is opened; `messages` and `window` with the
 * window). Each part's loaders sit in their own module, so the first chunk
 * carries only the launcher's.
 */
import type { Language } from '../i18n/languages.js';
import type { TextResources } from '../i18n/translator.js';
import { LAUNCHER_TEXTS } from './load-launcher.js';
import { MESSAGE_TEXTS } from './load-messages.js';
import { WINDOW_TEXTS } from './load-window.js';

/** The parts the texts are split in; `messages` holds the message list's and composer's. */
export const TEXT_PARTS = ['launcher', 'messages', 'window'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

/** Imports one language's texts of one part. */
export type TextLoader = () => Promise<{ readonly default: TextResources }>;

const LOADERS: Readonly<Record<TextPart, Readonly<Record<Language, TextLoader>>>> = {
  launcher: LAUNCHER_TEXTS,
  messages: MESSAGE_TEXTS,
  window: WINDOW_TEXTS,
};

/** The shipped texts of `language` for `parts`, merged. */
export async function loadTexts(language: Language, parts: readonly TextPart[] = TEXT_PARTS): Promise<TextResources> {
  return mergeTexts(await Promise.all(parts.map((part) => LOADERS[part][language]())));
}

export function mergeTexts(modules: readonly { readonly default: TextResources }[]): TextResources {
  return Object.assign({}, ...modules.map((module) => module.default)) as TextResources;
}
