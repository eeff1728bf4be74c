/** Loaders of the `launcher` texts, one chunk per language. */
import type { Language } from '../i18n/languages.js';
import type { TextLoader } from './load.js';

// Spelled out so every bundler sees each module and makes it a chunk of its own.
export const LAUNCHER_TEXTS: Readonly<Record<Language, TextLoader>> = {
  en: () => import('./en/launcher.js'),
  'zh-CN': () => import('./zh-CN/launcher.js'),
  'zh-TW': () => import('./zh-TW/launcher.js'),
  ja: () => import('./ja/launcher.js'),
  ko: () => import('./ko/launcher.js'),
  ru: () => import('./ru/launcher.js'),
  ar: () => import('./ar/launcher.js'),
};
