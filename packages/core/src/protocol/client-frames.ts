/**
 * Frames a client sends to the hub. Commands that expect an answer carry a
 * `ref` (unique per connection); the hub answers each with an `ack` or an
 * `error` bearing the same `ref`. See `docs/protocol.md`.
 */
import type { AgentStatus, Attachment, Evaluation, SignedMember } from './model.js';

/** First frame of a visitor's connection. */
export interface VisitorHelloFrame {
  readonly type: 'hello';
  readonly v: number;
  readonly role: 'visitor';
  readonly siteId: string;
  /** The token a previous `welcome` gave; absent for a new visitor. */
  readonly token?: string;
  readonly member?: SignedMember;
  readonly language?: string;
  readonly userAgent?: string;
  /** Last `seq` seen per session id, to receive exactly what was missed. */
  readonly resume?: Readonly<Record<string, number>>;
}

/** First frame of an agent's connection; the token comes from the server's sign-in. */
export interface AgentHelloFrame {
  readonly type: 'hello';
  readonly v: number;
  readonly role: 'agent';
  readonly token: string;
  readonly resume?: Readonly<Record<string, number>>;
}

export type HelloFrame = VisitorHelloFrame | AgentHelloFrame;

/** Heartbeat; the hub answers `pong` with the same `t`. */
export interface PingFrame {
  readonly type: 'ping';
  readonly t: number;
}

/** A visitor's page view (V10). */
export interface PageViewFrame {
  readonly type: 'page.view';
  readonly url: string;
  readonly title: string;
  readonly referrer?: string;
}

/** The visitor's tab was hidden or shown again (dwell time stops while hidden). */
export interface PageVisibilityFrame {
  readonly type: 'page.visibility';
  readonly hidden: boolean;
}

/** A visitor asks for a chat with the pre-chat form's answers (V4). */
export interface ChatRequestFrame {
  readonly type: 'chat.request';
  readonly ref: string;
  readonly fields: Readonly<Record<string, string>>;
  /** A group chosen by the launcher; the question type field may also pick one. */
  readonly groupId?: string;
}

/** A message from either side. Re-sending the same `clientId` never creates a second message. */
export interface MessageSendFrame {
  readonly type: 'message.send';
  readonly ref: string;
  readonly sessionId: string;
  readonly clientId: string;
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
}

/** The sender has read everything up to `seq`. */
export interface MessageReadFrame {
  readonly type: 'message.read';
  readonly sessionId: string;
  readonly seq: number;
}

/** The current draft (V11). Visitors' drafts reach agents; agents' only show as "typing". Empty clears it. */
export interface TypingFrame {
  readonly type: 'typing';
  readonly sessionId: string;
  readonly draft: string;
}

/** The visitor accepts or declines an invitation. Accepting starts (or joins) a chat. */
export interface InviteAnswerFrame {
  readonly type: 'invite.answer';
  readonly ref: string;
  readonly inviteId: string;
  readonly accept: boolean;
}

export interface SessionEndFrame {
  readonly type: 'session.end';
  readonly ref: string;
  readonly sessionId: string;
}

export interface SessionRateFrame {
  readonly type: 'session.rate';
  readonly ref: string;
  readonly sessionId: string;
  readonly score: number;
  readonly comment?: string;
}

/** A left message, when nobody can chat (V6). */
export interface OfflineLeaveFrame {
  readonly type: 'offline.leave';
  readonly ref: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** Ask for a page of a session's messages, newest first before `beforeSeq`, or all after `afterSeq`. */
export interface SessionHistoryFrame {
  readonly type: 'session.history';
  readonly ref: string;
  readonly sessionId: string;
  readonly beforeSeq?: number;
  readonly afterSeq?: number;
  readonly limit?: number;
}

/** An agent sets its presence (A2). */
export interface PresenceSetFrame {
  readonly type: 'presence.set';
  readonly ref: string;
  readonly status: AgentStatus;
}

/** An agent starts or stops receiving the live visitor list (A3). */
export interface VisitorsWatchFrame {
  readonly type: 'visitors.watch';
  readonly ref: string;
  readonly watch: boolean;
}

/** An agent takes a queued session (A4). */
export interface SessionAcceptFrame {
  readonly type: 'session.accept';
  readonly ref: string;
  readonly sessionId: string;
}

/** An agent invites a visitor; proactive opens the chat window at once (A7). */
export interface InviteSendFrame {
  readonly type: 'invite.send';
  readonly ref: string;
  readonly visitorId: string;
  readonly message?: string;
  readonly proactive: boolean;
}

/** An agent sends the visitor's browser to a URL on an allowed origin (V9). */
export interface PagePushFrame {
  readonly type: 'page.push';
  readonly ref: string;
  readonly visitorId: string;
  readonly url: string;
}

/** An agent offers its session to another agent or to a group (A8). */
export interface TransferOfferFrame {
  readonly type: 'transfer.offer';
  readonly ref: string;
  readonly sessionId: string;
  readonly toAgentId?: string;
  readonly toGroupId?: string;
  readonly note?: string;
}

export interface TransferAnswerFrame {
  readonly type: 'transfer.answer';
  readonly ref: string;
  readonly transferId: string;
  readonly accept: boolean;
}

export interface SessionEvaluateFrame {
  readonly type: 'session.evaluate';
  readonly ref: string;
  readonly sessionId: string;
  readonly evaluation: Evaluation;
}

/** An agent asks the visitor to rate the chat (V14). */
export interface RatingRequestFrame {
  readonly type: 'rating.request';
  readonly ref: string;
  readonly sessionId: string;
}

/** An agent asks for a visitor's context: earlier sessions and trajectory (A11). */
export interface VisitorDetailFrame {
  readonly type: 'visitor.detail';
  readonly ref: string;
  readonly visitorId: string;
}

/** An agent edits the visitor's customer card (A11). */
export interface VisitorCardFrame {
  readonly type: 'visitor.card';
  readonly ref: string;
  readonly visitorId: string;
  readonly card: Readonly<Record<string, string>>;
}

/** Frames a visitor may send after `hello`. */
export type VisitorCommandFrame =
  | PingFrame
  | PageViewFrame
  | PageVisibilityFrame
  | ChatRequestFrame
  | MessageSendFrame
  | MessageReadFrame
  | TypingFrame
  | InviteAnswerFrame
  | SessionEndFrame
  | SessionRateFrame
  | OfflineLeaveFrame
  | SessionHistoryFrame;

/** Frames an agent may send after `hello`. */
export type AgentCommandFrame =
  | PingFrame
  | PresenceSetFrame
  | VisitorsWatchFrame
  | SessionAcceptFrame
  | MessageSendFrame
  | MessageReadFrame
  | TypingFrame
  | InviteSendFrame
  | PagePushFrame
  | TransferOfferFrame
  | TransferAnswerFrame
  | SessionEndFrame
  | SessionEvaluateFrame
  | RatingRequestFrame
  | SessionHistoryFrame
  | VisitorDetailFrame
  | VisitorCardFrame;

/** Every frame a client can send. */
export type ClientFrame = HelloFrame | VisitorCommandFrame | AgentCommandFrame;
export type ClientFrameType = ClientFrame['type'];
