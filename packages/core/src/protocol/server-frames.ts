/**
 * Frames the hub sends to clients. See `docs/protocol.md`.
 */
import type { AgentCommandFrame, VisitorCommandFrame } from './client-frames.js';
import type { ErrorCode } from './error-codes.js';
import type {
  AgentInfo,
  Availability,
  GroupInfo,
  Invite,
  Message,
  OfflineMessage,
  PageView,
  SessionInfo,
  TransferOffer,
  VisitorInfo,
  VisitorSettings,
} from './model.js';

/** Answer to a visitor's `hello`: who it is, its site's settings and its open sessions. */
export interface VisitorWelcomeFrame {
  readonly type: 'welcome';
  readonly v: number;
  readonly role: 'visitor';
  readonly visitorId: string;
  /** Keep it: it identifies this visitor on the next connection. */
  readonly token: string;
  readonly visitCount: number;
  readonly settings: VisitorSettings;
  readonly availability: Availability;
  /** Sessions not ended yet. Missed messages follow as `message` frames. */
  readonly sessions: readonly SessionInfo[];
  readonly invites: readonly Invite[];
}

/** Answer to an agent's `hello`. */
export interface AgentWelcomeFrame {
  readonly type: 'welcome';
  readonly v: number;
  readonly role: 'agent';
  readonly agent: AgentInfo;
  /** The permissions of the agent's role. */
  readonly permissions: readonly string[];
  readonly agents: readonly AgentInfo[];
  readonly groups: readonly GroupInfo[];
  /** Sessions this agent serves now. Missed messages follow as `message` frames. */
  readonly sessions: readonly SessionInfo[];
  readonly queue: readonly SessionInfo[];
  /** Transfer offers waiting for this agent's answer. */
  readonly transfers: readonly TransferOffer[];
}

export type WelcomeFrame = VisitorWelcomeFrame | AgentWelcomeFrame;

/** A command succeeded; `result` depends on the command (see {@link AckResults}). */
export interface AckFrame {
  readonly type: 'ack';
  readonly ref: string;
  readonly result: Readonly<Record<string, unknown>>;
}

/** A command failed, or (without `ref`) a frame could not be read. `fatal` means the hub closes the connection next. */
export interface ErrorFrame {
  readonly type: 'error';
  readonly ref?: string;
  readonly code: ErrorCode;
  readonly message: string;
  readonly fatal?: boolean;
}

export interface PongFrame {
  readonly type: 'pong';
  readonly t: number;
}

/** Whether anyone can chat now (V2); sent to visitors whenever it changes. */
export interface AvailabilityFrame {
  readonly type: 'availability';
  readonly status: Availability;
}

/** A session changed: state, agent, queue position, rating, evaluation. */
export interface SessionFrame {
  readonly type: 'session';
  readonly session: SessionInfo;
}

/** A new message in a session the receiver takes part in. */
export interface MessageFrame {
  readonly type: 'message';
  readonly message: Message;
}

/** The other side has read up to `seq`. */
export interface ReadFrame {
  readonly type: 'read';
  readonly sessionId: string;
  readonly side: 'visitor' | 'agent';
  readonly seq: number;
}

/** The other side is typing. Agents receive the visitor's draft; visitors only learn that the agent types. */
export interface TypingPreviewFrame {
  readonly type: 'typing';
  readonly sessionId: string;
  readonly side: 'visitor' | 'agent';
  /** The visitor's draft (to agents only, when the site enables preview). Empty when cleared. */
  readonly draft?: string;
  readonly active: boolean;
}

export interface InviteFrame {
  readonly type: 'invite';
  readonly invite: Invite;
}

export interface InviteClosedFrame {
  readonly type: 'invite.closed';
  readonly inviteId: string;
  readonly visitorId: string;
  readonly reason: 'accepted' | 'declined' | 'expired';
}

/** Go to this URL; its origin is on the site's allow-list (the client checks again). */
export interface PagePushedFrame {
  readonly type: 'page.push';
  readonly url: string;
}

export interface RatingRequestedFrame {
  readonly type: 'rating.request';
  readonly sessionId: string;
}

/** An agent receives a transfer offer with the history. */
export interface TransferOfferedFrame {
  readonly type: 'transfer.offer';
  readonly transfer: TransferOffer;
}

/** A transfer offer ended. On `declined` or `timeout` the session went back to the offering agent (or the queue). */
export interface TransferClosedFrame {
  readonly type: 'transfer.closed';
  readonly transferId: string;
  readonly sessionId: string;
  readonly outcome: 'accepted' | 'declined' | 'timeout' | 'cancelled';
  readonly toAgentId: string;
}

/** Changes to the live visitor list, like awareness updates: removed ids have left the list. */
export interface VisitorsFrame {
  readonly type: 'visitors';
  readonly added: readonly VisitorInfo[];
  readonly updated: readonly VisitorInfo[];
  readonly removed: readonly string[];
}

/** Changes to colleagues' presence and load. */
export interface AgentsFrame {
  readonly type: 'agents';
  readonly added: readonly AgentInfo[];
  readonly updated: readonly AgentInfo[];
  readonly removed: readonly string[];
}

/** The site's waiting queue, whole, oldest first (A4). */
export interface QueueFrame {
  readonly type: 'queue';
  readonly sessions: readonly SessionInfo[];
}

/** A visitor left a message (V6). */
export interface OfflineMessageFrame {
  readonly type: 'offline.message';
  readonly offlineMessage: OfflineMessage;
}

/** Frames the hub sends to a visitor. */
export type VisitorServerFrame =
  | VisitorWelcomeFrame
  | AckFrame
  | ErrorFrame
  | PongFrame
  | AvailabilityFrame
  | SessionFrame
  | MessageFrame
  | ReadFrame
  | TypingPreviewFrame
  | InviteFrame
  | InviteClosedFrame
  | PagePushedFrame
  | RatingRequestedFrame;

/** Frames the hub sends to an agent. */
export type AgentServerFrame =
  | AgentWelcomeFrame
  | AckFrame
  | ErrorFrame
  | PongFrame
  | SessionFrame
  | MessageFrame
  | ReadFrame
  | TypingPreviewFrame
  | InviteClosedFrame
  | TransferOfferedFrame
  | TransferClosedFrame
  | VisitorsFrame
  | AgentsFrame
  | QueueFrame
  | OfflineMessageFrame;

/** Every frame the hub sends. */
export type ServerFrame = VisitorServerFrame | AgentServerFrame;
export type ServerFrameType = ServerFrame['type'];

/** What `ack.result` holds for each command that has a result; others ack with `{}`. */
export interface AckResults {
  'chat.request': { readonly session: SessionInfo };
  'message.send': { readonly message: Message };
  'invite.answer': { readonly session?: SessionInfo };
  'session.end': { readonly session: SessionInfo };
  'session.rate': { readonly session: SessionInfo };
  'offline.leave': { readonly offlineMessage: OfflineMessage };
  'session.history': { readonly messages: readonly Message[] };
  'session.accept': { readonly session: SessionInfo };
  'invite.send': { readonly invite: Invite };
  'transfer.offer': { readonly transfer: TransferOffer };
  'transfer.answer': { readonly session: SessionInfo };
  'session.evaluate': { readonly session: SessionInfo };
  'visitor.detail': {
    readonly visitor: VisitorInfo;
    readonly pageViews: readonly PageView[];
    readonly sessions: readonly SessionInfo[];
  };
  'visitor.card': { readonly visitor: VisitorInfo };
}

/** The {@link AckResults} of the commands a visitor sends. */
export type VisitorAckResults = Pick<AckResults, Extract<keyof AckResults, VisitorCommandFrame['type']>>;

/** The {@link AckResults} of the commands an agent sends. */
export type AgentAckResults = Pick<AckResults, Extract<keyof AckResults, AgentCommandFrame['type']>>;
