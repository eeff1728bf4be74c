/** Loaders of the `window` texts, one chunk per language. */
import type { Language } from '../i18n/languages.js';
import type { TextLoader } from './load.js';

// Spelled out so every bundler sees each module and makes it a chunk of its own.
export const WINDOW_TEXTS: Readonly<Record<Language, TextLoader>> = {
  en: () => import('./en/window.js'),
  'zh-CN': () => import('./zh-CN/window.js'),
  'zh-TW': () => import('./zh-TW/window.js'),
  ja: () => import('./ja/window.js'),
  ko: () => import('./ko/window.js'),
  ru: () => import('./ru/window.js'),
  ar: () => import('./ar/window.js'),
};
