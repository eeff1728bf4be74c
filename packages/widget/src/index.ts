/**
 * `@parley/widget`: Parley's visitor chat as Lit custom elements. Importing
 * this module registers every `parley-*` element of the widget, with English
 * texts as the default (a `<parley-chat>` loads the visitor's language), and
 * exports their classes and the shared building blocks.
 *
 * ```js
 * import '@parley/widget';
 * // <parley-chat server="https://chat.example.com" site="site_1"></parley-chat>
 * ```
 *
 * For classes without registration, import `@parley/widget/shared`.
 *
 * @packageDocumentation
 */
import { createStaticTranslator } from './i18n/translator.js';
import { setDefaultTranslator } from './i18n/default-translator.js';
import launcherTexts from './locales/en/launcher.js';
import messageTexts from './locales/en/messages.js';
import windowTexts from './locales/en/window.js';
import './message-list/define.js';
import './composer/define.js';

setDefaultTranslator(createStaticTranslator('en', { ...launcherTexts, ...messageTexts, ...windowTexts }));

export * from './shared.js';
