/**
 * An i18next instance of Parley's own, for the agent console (and anyone
 * building elements who wants i18next behind them). The only module of the
 * widget that imports i18next at run time: nothing in the script-tag bundle
 * imports it, so i18next is not downloaded by visitors.
 */
import i18next, { type i18n } from 'i18next';

import { OVERRIDE_NAMESPACE, TEXT_NAMESPACE, translatorFromI18next } from './from-i18next.js';
import { overridesFor, type TextOverrides, type TextResources, type Translator } from './translator.js';

export interface I18nextTranslatorOptions {
  readonly language: string;
  /** The shipped texts of `language` (every part loaded so far, merged). */
  readonly resources: TextResources;
  /** The site's overrides (settings `texts`, then the page's). */
  readonly overrides?: TextOverrides;
  /** Texts for keys `resources` lacks (e.g. English), if loaded. */
  readonly fallback?: { readonly language: string; readonly resources: TextResources };
}

/**
 * An i18next instance of its own (never the page's global one) over Parley's
 * flat keys: overrides first, then the shipped texts, then the fallback
 * language; i18next's plural rules and interpolation.
 */
export function createI18nextInstance(options: I18nextTranslatorOptions): i18n {
  const { language, fallback } = options;
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: fallback ? fallback.language : false,
    load: 'currentOnly',
    initAsync: false,
    resources: {
      [language]: { [TEXT_NAMESPACE]: options.resources, [OVERRIDE_NAMESPACE]: overridesFor(options.overrides, language) },
      ...(fallback && fallback.language !== language && { [fallback.language]: { [TEXT_NAMESPACE]: fallback.resources } }),
    },
    ns: [OVERRIDE_NAMESPACE, TEXT_NAMESPACE],
    defaultNS: OVERRIDE_NAMESPACE,
    fallbackNS: TEXT_NAMESPACE,
    keySeparator: false,
    nsSeparator: false,
    // Lit renders text as text: escaping would show entities to the visitor.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Shorthand: {@link createI18nextInstance} then {@link translatorFromI18next}. */
export function createI18nextTranslator(options: I18nextTranslatorOptions): Translator {
  return translatorFromI18next(createI18nextInstance(options));
}
