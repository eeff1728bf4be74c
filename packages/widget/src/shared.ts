/**
 * `@parley/widget/shared`: the building blocks the widget's elements are made
 * of, for `@parley/agent-elements` (and anyone building their own elements) to
 * reuse. Importing it registers nothing.
 *
 * - {@link ParleyElement}: the base class (typed `emit()`, a forgiving
 *   `define()`, `static dependencies`).
 * - {@link ClientController}: bridges a core client to an element.
 * - i18n: the {@link Translator} interface, {@link provideTranslator} and
 *   {@link LocalizeController}, the widget's own i18next-compatible
 *   translator ({@link createStaticTranslator}), one over an i18next
 *   instance you have ({@link translatorFromI18next}; i18next-backed
 *   translators of their own are in `@parley/widget/i18next`, so that this
 *   entry never loads i18next), language picking, and the shipped texts
 *   ({@link loadTexts}).
 * - Design tokens ({@link TOKENS}, {@link token}) and {@link baseStyles}.
 * - {@link MessageList} and {@link Composer}, the conversation's two halves.
 * - {@link capturePage}: a screenshot of the page (html2canvas, loaded on first use).
 *
 * @packageDocumentation
 */
export { ParleyElement } from './base/parley-element.js';
export type { EmitOptions, ParleyEventDetail, ParleyEventName } from './base/events.js';
export { ClientController } from './base/client-controller.js';

export {
  createStaticTranslator,
  directionOf,
  interpolate,
  overridesFor,
  type TextOverrides,
  type TextResources,
  type TextValues,
  type Translator,
} from './i18n/translator.js';
export { ContextRequestEvent, provideTranslator, translatorContext, type TranslatorProvider } from './i18n/context.js';
export { LocalizeController } from './i18n/localize-controller.js';
export { defaultTranslator, setDefaultTranslator } from './i18n/default-translator.js';
export { FALLBACK_LANGUAGE, LANGUAGES, matchLanguage, pickLanguage, type Language } from './i18n/languages.js';
export { translatorFromI18next, OVERRIDE_NAMESPACE, TEXT_NAMESPACE } from './i18n/from-i18next.js';
export { formatBytes, formatTime } from './i18n/format.js';
export { loadTexts, TEXT_PARTS, type TextPart } from './locales/load.js';

export { TOKENS, token, tokenValue, type TokenName } from './styles/tokens.js';
export { baseStyles } from './styles/shared.styles.js';

export { MessageList } from './message-list/message-list.js';
export { linkify, safeHref, safeResourceUrl, type TextSegment } from './message-list/linkify.js';
export { Composer, type FileSource } from './composer/composer.js';
export { capturePage } from './screenshot/capture.js';
