/**
 * The widget's texts through a site's own i18next instance: the opt-in for
 * sites that run i18next already (`<parley-chat>`'s `i18next` property,
 * `parley('i18next', i18n)`). `<parley-chat>` loads this module only when
 * given an instance, so no other visitor downloads it, and it imports
 * i18next's types alone: the instance, and i18next with it, are the site's.
 *
 * The rules, documented in docs/languages.md ("A site's own i18next"):
 *
 * - **Language**: the instance's (`i18n.language`). The widget never calls
 *   `changeLanguage`; it follows the site's (`languageChanged`), and its own
 *   `language` attribute is not used.
 * - **Shipped texts** of the matching shipped language (`ja-JP` → `ja`;
 *   English when none matches) go into the `parley` namespace under the
 *   code i18next looks up first (`i18n.languages[0]`), without overwriting
 *   a text the site put there: a site rewords or translates any text in its
 *   own resources.
 * - **Overrides** (the site's settings `texts`, then the page's) replace
 *   the `parley-site` namespace of that code, which is looked up first.
 * - The site's other namespaces and its options are left alone; lookups
 *   pass Parley's own options (flat keys, no HTML escaping: Lit renders
 *   text as text) whatever the instance's defaults are.
 */
import type { i18n, TOptions } from 'i18next';

import { loadTexts } from '../locales/load.js';
import { OVERRIDE_NAMESPACE, TEXT_NAMESPACE, translatorFromI18next } from './from-i18next.js';
import { FALLBACK_LANGUAGE, matchLanguage } from './languages.js';
import type { TextOverrides, Translator } from './translator.js';

/** How the widget reads its keys from any instance: `launcher.open` is one key, `{{name}}` is inserted as is. */
const LOOKUP_OPTIONS: TOptions = { keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false } };

/**
 * Adds the widget's texts for the instance's current language to it, and
 * returns the translator reading them. `overridesIn` gives the overrides
 * that apply in a language (`ja/…` keys for `ja`).
 */
export async function siteI18nextTranslator(instance: i18n, overridesIn: (language: string) => TextOverrides): Promise<Translator> {
  await initialised(instance);
  const language = instance.language;
  const code = instance.languages?.[0] ?? language;
  const shipped = await loadTexts(matchLanguage(language) ?? FALLBACK_LANGUAGE);
  instance.addResourceBundle(code, TEXT_NAMESPACE, shipped, true, false);
  instance.removeResourceBundle(code, OVERRIDE_NAMESPACE);
  instance.addResourceBundle(code, OVERRIDE_NAMESPACE, overridesIn(language), false, true);
  return translatorFromI18next(instance, [OVERRIDE_NAMESPACE, TEXT_NAMESPACE], LOOKUP_OPTIONS);
}

/** Resolves once the instance is initialised (a site may hand it over while its `init()` still runs). */
function initialised(instance: i18n): Promise<void> {
  if (instance.isInitialized) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      instance.off('initialized', done);
      resolve();
    };
    instance.on('initialized', done);
  });
}
