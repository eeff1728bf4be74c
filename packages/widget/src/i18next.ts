/**
 * `@parley/widget/i18next`: translators backed by an i18next instance of
 * their own, over the widget's resources ({@link createI18nextInstance},
 * {@link createI18nextTranslator}). The agent console uses them. They are an
 * entry of their own because i18next cannot be tree-shaken (it builds its
 * default instance when loaded): what imports `@parley/widget/shared` alone
 * does not carry it. A site's existing instance needs none of this:
 * `translatorFromI18next` and `<parley-chat>`'s `i18next` property use it as it is.
 *
 * @packageDocumentation
 */
export { createI18nextInstance, createI18nextTranslator, type I18nextTranslatorOptions } from './i18n/i18next-translator.js';
