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
import './chat/define.js';
import './chat-window/define.js';
import './launcher/define.js';
import './invitation/define.js';
import './message-list/define.js';
import './composer/define.js';
import './pre-chat-form/define.js';
import './offline-form/define.js';
import './rating/define.js';
import './queue-status/define.js';

setDefaultTranslator(createStaticTranslator('en', { ...launcherTexts, ...messageTexts, ...windowTexts }));

export * from './shared.js';
export { ParleyChat, type WindowChangeReason } from './chat/chat.js';
export { ChatWindow } from './chat-window/chat-window.js';
export { ChatController, type ScreenshotPreview, type WindowView } from './chat-window/chat-controller.js';
export { Launcher, type LauncherVariant, type WindowRequestSource } from './launcher/launcher.js';
export { Invitation } from './invitation/invitation.js';
export { PreChatForm } from './pre-chat-form/pre-chat-form.js';
export { OfflineForm } from './offline-form/offline-form.js';
export { Rating } from './rating/rating.js';
export { QueueStatus } from './queue-status/queue-status.js';
export { checkFile, UploadError, type Uploader, type UploadErrorCode, type UploadRequest } from './upload/uploader.js';
export { createHttpUploader, type HttpUploaderOptions } from './upload/http-uploader.js';
export { themeSheet, THEME_IMAGES } from './styles/theme.js';
