/**
 * Parley's texts read through an i18next instance that already exists (the
 * console's own, or a site's). Only calls methods on the instance it is
 * given and imports i18next's types alone, so the widget's code that uses it
 * never pulls i18next into a bundle.
 */
import type { i18n, TOptions } from 'i18next';

import type { Translator } from './translator.js';

/** i18next namespace of the shipped texts. */
export const TEXT_NAMESPACE = 'parley';
/** i18next namespace of the site's overrides, looked up first. */
export const OVERRIDE_NAMESPACE = 'parley-site';

/**
 * A {@link Translator} over an initialised i18next instance, fixed to its
 * current language. The agent console may pass its own instance (with its
 * own namespaces in `ns`); call again after `changeLanguage`. `options` go
 * with every lookup, under the values: `<parley-chat>` uses them to read a
 * site's instance with Parley's flat keys and without HTML escaping,
 * whatever the site configured.
 */
export function translatorFromI18next(
  instance: i18n,
  ns: string | readonly string[] = [OVERRIDE_NAMESPACE, TEXT_NAMESPACE],
  options?: TOptions,
): Translator {
  const language = instance.language;
  const t = instance.getFixedT(language, ns as string[]);
  return {
    language,
    dir: instance.dir(language),
    t: options ? (key, values) => t(key, { ...options, ...values }) as string : (key, values) => t(key, values) as string,
  };
}
