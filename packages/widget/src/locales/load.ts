/**
 * Loads shipped texts on demand: one module per language and part, so a
 * visitor downloads only its language, and only the parts it needs yet
 * (`launcher` before the chat is opened; `messages` and `window` with the window).
 */
import type { Language } from '../i18n/languages.js';
import type { TextResources } from '../i18n/translator.js';

/** The parts the texts are split in; `messages` holds the message list's and composer's. */
export const TEXT_PARTS = ['launcher', 'messages', 'window'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

type Loader = () => Promise<{ readonly default: TextResources }>;

// Spelled out so every bundler sees each module and makes it a chunk of its own.
const LOADERS: Readonly<Record<Language, Readonly<Record<TextPart, Loader>>>> = {
  en: { launcher: () => import('./en/launcher.js'), messages: () => import('./en/messages.js'), window: () => import('./en/window.js') },
  'zh-CN': { launcher: () => import('./zh-CN/launcher.js'), messages: () => import('./zh-CN/messages.js'), window: () => import('./zh-CN/window.js') },
  'zh-TW': { launcher: () => import('./zh-TW/launcher.js'), messages: () => import('./zh-TW/messages.js'), window: () => import('./zh-TW/window.js') },
  ja: { launcher: () => import('./ja/launcher.js'), messages: () => import('./ja/messages.js'), window: () => import('./ja/window.js') },
  ko: { launcher: () => import('./ko/launcher.js'), messages: () => import('./ko/messages.js'), window: () => import('./ko/window.js') },
  ru: { launcher: () => import('./ru/launcher.js'), messages: () => import('./ru/messages.js'), window: () => import('./ru/window.js') },
  ar: { launcher: () => import('./ar/launcher.js'), messages: () => import('./ar/messages.js'), window: () => import('./ar/window.js') },
};

/** The shipped texts of `language` for `parts`, merged. */
export async function loadTexts(language: Language, parts: readonly TextPart[] = TEXT_PARTS): Promise<TextResources> {
  const modules = await Promise.all(parts.map((part) => LOADERS[language][part]()));
  return Object.assign({}, ...modules.map((module) => module.default)) as TextResources;
}
