/** Loaders of the `messages` texts, one chunk per language. */
import type { Language } from '../i18n/languages.js';
import type { TextLoader } from './load.js';

// Spelled out so every bundler sees each module and makes it a chunk of its own.
export const MESSAGE_TEXTS: Readonly<Record<Language, TextLoader>> = {
  en: () => import('./en/messages.js'),
  'zh-CN': () => import('./zh-CN/messages.js'),
  'zh-TW': () => import('./zh-TW/messages.js'),
  ja: () => import('./ja/messages.js'),
  ko: () => import('./ko/messages.js'),
  ru: () => import('./ru/messages.js'),
  ar: () => import('./ar/messages.js'),
};
