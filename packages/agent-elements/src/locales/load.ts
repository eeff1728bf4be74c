/**
 * Loads the agent elements' texts on demand: one module per language, so the
 * console downloads only the agent's language (and English, the fallback).
 */
import type { Language, TextResources } from '@parley/widget/shared';

type Loader = () => Promise<{ readonly default: TextResources }>;

// Spelled out so every bundler sees each module and makes it a chunk of its own.
const LOADERS: Readonly<Record<Language, Loader>> = {
  en: () => import('./en.js'),
  'zh-CN': () => import('./zh-CN.js'),
  'zh-TW': () => import('./zh-TW.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  ru: () => import('./ru.js'),
  ar: () => import('./ar.js'),
};

/** The agent elements' shipped texts in `language`. */
export async function loadAgentTexts(language: Language): Promise<TextResources> {
  return (await LOADERS[language]()).default;
}
