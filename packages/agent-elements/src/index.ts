/**
 * `@parley/agent-elements`: the agents' console as Lit custom elements, for the
 * whole console (`<parley-console>`) or any part of it in an integrator's own
 * back office. Each element works on its own with an `AgentClient` from
 * `@parley/core`.
 *
 * Importing this module registers nothing: import `@parley/agent-elements/define`
 * for every element, or `@parley/agent-elements/<element>/define` for one.
 * Elements outside `<parley-console>` get their texts from
 * {@link provideAgentTranslator} on a container.
 *
 * ```js
 * import '@parley/agent-elements/define';
 * // <parley-console server="https://chat.example.com" site="site_1"></parley-console>
 * ```
 *
 * @packageDocumentation
 */

// ── elements ─────────────────────────────────────────────────────────────────
export { AgentConsole } from './console/console.js';
export type { ConsoleView } from './console/console-views.js';
export { SignIn } from './sign-in/sign-in.js';
export { PresenceSwitch, type PresenceDetail } from './presence-switch/presence-switch.js';
export { VisitorList, type VisitorEventDetail } from './visitor-list/visitor-list.js';
export { Queue, type SessionIdDetail } from './queue/queue.js';
export { ConversationList, type ConversationDetail } from './conversation-list/conversation-list.js';
export { Conversation } from './conversation/conversation.js';
export { CannedPicker } from './canned-picker/canned-picker.js';
export { ReachOut, type InviteRequestDetail, type PagePushDetail } from './reach-out/reach-out.js';
export { TransferForm, type TransferCloseDetail, type TransferOutcome, type TransferRequestDetail } from './transfer-form/transfer-form.js';
export { TransferOffers, type TransferAnswerDetail } from './transfer-offers/transfer-offers.js';
export { EvaluationForm } from './evaluation-form/evaluation-form.js';
export { VisitorContext } from './visitor-context/visitor-context.js';
export { AutoReplies } from './auto-replies/auto-replies.js';
export { NotificationSettings } from './notification-settings/notification-settings.js';
export { OfflineMessages, type OfflineMessageDetail } from './offline-messages/offline-messages.js';

// ── the visitor list's data and columns ──────────────────────────────────────
export {
  VisitorRows,
  DEFAULT_SORT,
  NO_FILTER,
  type SortDirection,
  type VisitorFilter,
  type VisitorRowsOptions,
  type VisitorSort,
} from './visitor-list/visitor-rows.js';
export { VisitorListController, type VisitorListClient } from './visitor-list/visitor-list-controller.js';
export {
  DEFAULT_VISITOR_COLUMNS,
  VISITOR_COLUMNS,
  VISITOR_STATUSES,
  visitorStatus,
  type ColumnContext,
  type VisitorColumn,
  type VisitorStatus,
} from './visitor-list/columns.js';

// ── logic the elements share, usable on its own ──────────────────────────────
export { conversationCounters, type ConversationCounters } from './queue/counters.js';
export { nextConversation } from './conversation-list/next-conversation.js';
export { isAvailable, secondsLeft, transferChoices, type AgentChoice, type GroupChoice, type TransferChoices } from './transfer-form/transfer-choices.js';
export { parseShortcut, matchesShortcut, type Shortcut } from './internal/shortcut.js';
export { TickController } from './controllers/tick-controller.js';
export { markConversationRead, ReadSignalController } from './controllers/read-signal.js';
export { IdleController, type IdleOptions } from './controllers/idle-controller.js';
export { OfflineMessagesController } from './controllers/offline-messages-controller.js';

// ── notifications ────────────────────────────────────────────────────────────
export { AgentNotifier, type AgentNotifierOptions, type Notice, type NotificationOutput, type NotifierClient } from './notifications/agent-notifier.js';
export { createBrowserOutput, requestDesktopPermission, type BrowserNotificationOutput } from './notifications/browser-output.js';
export {
  DEFAULT_NOTIFICATION_PREFS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  parseNotificationPrefs,
  withChannel,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPrefs,
} from './notifications/notification-prefs.js';

// ── the server's HTTP API, each call replaceable ─────────────────────────────
export {
  httpSignIn,
  signInErrorCode,
  SIGN_IN_ERRORS,
  type Credentials,
  type SignedInAgent,
  type SignInErrorCode,
  type SignInFunction,
  type SignInResult,
} from './api/sign-in.js';
export { httpCannedSource, listCannedSource, type CannedItem, type CannedSource } from './api/canned.js';
export { httpAutoReplies, type AutoReplySettings, type LoadAutoReplies, type SaveAutoReplies } from './api/site-settings.js';
export { httpUpload, type UploadFunction } from './api/upload.js';
export { httpOfflineMessages, listOfflineMessages, type OfflineMessageQuery, type OfflineMessageService } from './api/offline.js';
export { ApiError } from './api/http.js';
export { serverServices, serverTransport, type ConsoleServices, type ServicesFactory, type TransportFor } from './console/console-services.js';

// ── texts ────────────────────────────────────────────────────────────────────
export { agentLanguage, createAgentTranslator, provideAgentTranslator, type AgentTranslatorOptions } from './i18n/agent-translator.js';
export { loadAgentTexts } from './locales/load.js';
