/**
 * `@parley/core`: Parley's protocol, the visitor and agent clients, and the
 * transports between them. It touches no DOM and runs in browsers and Node alike;
 * browser-only helpers are in `@parley/core/browser`, the hub engine in
 * `@parley/core/hub`.
 *
 * - {@link VisitorClient} and {@link AgentClient} connect to a hub through a
 *   {@link TransportFactory} ({@link connectTo} a Parley server: WebSocket with a
 *   long-poll fallback; or in-memory for tests and demos), keep
 *   their state readable synchronously, and announce changes through `on()`.
 *   {@link VisitorClientBase} is the visitor client without its chat (commands
 *   and machinery), for a page that attaches {@link createVisitorChat} only when
 *   the chat is needed.
 * - The protocol's frames, records, schemas-backed decoders, {@link ERROR_CODES}
 *   and {@link LIMITS} are the contract with any hub (see `docs/protocol.md`).
 *
 * @packageDocumentation
 */

// ── clients ──────────────────────────────────────────────────────────────────
export { VisitorClient } from './client/visitor-client.js';
export {
  VisitorClientBase,
  type VisitorClientOptions,
  type VisitorEvents,
  type SessionChange,
  type TransferNotice,
  type PageViewInput,
} from './client/visitor-client-base.js';
export { createVisitorChat, VisitorChat, type VisitorChatFactory } from './client/visitor-chat.js';
export {
  AgentClient,
  type AgentClientOptions,
  type AgentEvents,
  type TransferTarget,
  type VisitorDetail,
} from './client/agent-client.js';
export type { CoreEvents as ClientEvents, HistoryQuery } from './client/client-core.js';
export type { ListChange } from './client/list-change.js';
export type {
  ChatMessage,
  ClientTuning,
  ConnectionStatus,
  ConnectionTiming,
  DeliveryState,
  MessageContent,
  MessagesChange,
  TypingState,
} from './client/types.js';
export { isPushAllowed } from './client/page-push.js';
export { createMemoryStorage, type ClientStorage } from './client/storage.js';

// ── transports ───────────────────────────────────────────────────────────────
export {
  CLOSE_CODES,
  type Transport,
  type TransportCloseEvent,
  type TransportFactory,
  type TransportListener,
} from './transport/transport.js';
export { createMemoryLink, createMemoryTransport, type MemoryLink } from './transport/memory.js';
export {
  createWebSocketTransport,
  type WebSocketConstructor,
  type WebSocketLike,
  type WebSocketTransportOptions,
} from './transport/websocket.js';
export {
  createLongPollTransport,
  type FetchLike,
  type LongPollRequestInit,
  type LongPollResponse,
  type LongPollTransportOptions,
} from './transport/long-poll.js';
export {
  connectTo,
  createFallbackTransport,
  SERVER_PATHS,
  type ConnectToCommon,
  type ConnectToOptions,
  type FallbackKind,
  type FallbackTransportOptions,
} from './transport/fallback.js';

// ── shared utilities ─────────────────────────────────────────────────────────
export { createFakeClock, systemClock, type Clock, type FakeClock, type TimerHandle } from './clock.js';
export { createId, createSequentialIds, ID_PREFIXES, type IdGenerator, type IdKind } from './ids.js';
export type { Observable } from './events.js';
export { ParleyError } from './errors.js';
export { createOriginMatcher, isOriginAllowed, normaliseOrigin } from './origin.js';
export { parseReferrer, type ReferrerInfo } from './referrer.js';

// ── protocol ─────────────────────────────────────────────────────────────────
export {
  PROTOCOL_VERSION,
  LIMITS,
  ERROR_CODES,
  AGENT_STATUSES,
  AVAILABILITIES,
  SESSION_STATES,
  ROLES,
  decodeClientFrame,
  decodeServerFrame,
  decodeVisitorFrame,
  decodeAgentFrame,
  decodeAckResult,
  encodeFrame,
} from './protocol/index.js';
export type {
  ErrorCode,
  Decoded,
  DecodeFailure,
  // records
  AgentStatus,
  Availability,
  SessionState,
  Role,
  Author,
  Attachment,
  Message,
  Rating,
  Evaluation,
  SessionInfo,
  PageView,
  MemberInfo,
  VisitorInfo,
  AgentInfo,
  GroupInfo,
  Invite,
  TransferOffer,
  FormField,
  OfflineMessage,
  VisitorSettings,
  SignedMember,
  // frames a client sends
  VisitorHelloFrame,
  AgentHelloFrame,
  HelloFrame,
  PingFrame,
  PageViewFrame,
  PageVisibilityFrame,
  ChatRequestFrame,
  MessageSendFrame,
  MessageReadFrame,
  TypingFrame,
  InviteAnswerFrame,
  SessionEndFrame,
  SessionRateFrame,
  OfflineLeaveFrame,
  SessionHistoryFrame,
  PresenceSetFrame,
  VisitorsWatchFrame,
  SessionAcceptFrame,
  InviteSendFrame,
  PagePushFrame,
  TransferOfferFrame,
  TransferAnswerFrame,
  SessionEvaluateFrame,
  RatingRequestFrame,
  VisitorDetailFrame,
  VisitorCardFrame,
  VisitorCommandFrame,
  AgentCommandFrame,
  ClientFrame,
  ClientFrameType,
  // frames the hub sends
  VisitorWelcomeFrame,
  AgentWelcomeFrame,
  WelcomeFrame,
  AckFrame,
  ErrorFrame,
  PongFrame,
  AvailabilityFrame,
  SessionFrame,
  MessageFrame,
  ReadFrame,
  TypingPreviewFrame,
  InviteFrame,
  InviteClosedFrame,
  PagePushedFrame,
  RatingRequestedFrame,
  TransferOfferedFrame,
  TransferClosedFrame,
  VisitorsFrame,
  AgentsFrame,
  QueueFrame,
  OfflineMessageFrame,
  VisitorServerFrame,
  AgentServerFrame,
  ServerFrame,
  ServerFrameType,
  AckResults,
  VisitorAckResults,
  AgentAckResults,
} from './protocol/index.js';
