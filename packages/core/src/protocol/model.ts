/**
 * The data that frames carry: sessions, messages, visitors, agents and the
 * rest. Plain JSON-safe records; timestamps are milliseconds since the epoch.
 */

/** What an agent chooses to be. `invisible` (admins only) works but is hidden from everyone. */
export const AGENT_STATUSES = ['online', 'busy', 'away', 'invisible'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** What a visitor's launcher shows: someone can chat, everyone is busy, or nobody is there. */
export const AVAILABILITIES = ['online', 'busy', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * A session's lifecycle: `queued → active → (transferring → active)* → ended`,
 * or `offline` when no agent could take it and it became a left message.
 */
export const SESSION_STATES = ['queued', 'active', 'transferring', 'ended', 'offline'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Who wrote a message. `system` messages come from the hub (welcome, auto-reply, notices). */
export interface Author {
  readonly kind: 'visitor' | 'agent' | 'system';
  readonly id: string;
  readonly name?: string;
}

/** A file that was uploaded before the message referring to it was sent. */
export interface Attachment {
  readonly id: string;
  readonly name: string;
  /** MIME type as checked by the server from the content. */
  readonly type: string;
  readonly size: number;
  readonly url: string;
  readonly thumbnailUrl?: string;
}

/**
 * A message as stored. `clientId` is chosen by the sender and makes re-sends
 * idempotent; `seq` is set by the hub and strictly increases within a session.
 */
export interface Message {
  readonly id: string;
  readonly sessionId: string;
  readonly clientId: string;
  readonly seq: number;
  readonly author: Author;
  readonly at: number;
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
}

/** The satisfaction rating a visitor gives (V14). */
export interface Rating {
  /** 1 (very unhappy) to 5 (very happy). */
  readonly score: number;
  readonly comment?: string;
}

/** An agent's evaluation of a chat (A10). */
export interface Evaluation {
  readonly topic?: string;
  readonly level?: string;
  readonly category?: string;
  readonly notes?: string;
}

/** One conversation between a visitor and the site's agents. */
export interface SessionInfo {
  readonly id: string;
  readonly siteId: string;
  readonly visitorId: string;
  readonly state: SessionState;
  /** The agent serving it, when active or transferring. */
  readonly agentId?: string;
  readonly agentName?: string;
  /** The group it was routed to (from the launcher or the question type). */
  readonly groupId?: string;
  /** The pre-chat form's answers. */
  readonly fields: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly acceptedAt?: number;
  readonly endedAt?: number;
  /** 1-based place in the waiting queue, while queued. */
  readonly queuePosition?: number;
  /** The highest `seq` in the session so far (0 when empty). */
  readonly lastSeq: number;
  /** The highest `seq` each side has read. */
  readonly readSeq: { readonly visitor: number; readonly agent: number };
  readonly rating?: Rating;
  readonly evaluation?: Evaluation;
}

/** One page view of a visitor's trajectory (V10). */
export interface PageView {
  readonly url: string;
  readonly title: string;
  readonly referrer?: string;
  readonly searchEngine?: string;
  readonly keyword?: string;
  /** When the page was entered. */
  readonly at: number;
  /** Time spent on the page so far, or in total once left; hidden time excluded. */
  readonly dwellMs: number;
}

/** A site member's identity, as the site's server signed it (V17). */
export interface MemberInfo {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  /** True only when the signature over it verified with the site's secret. */
  readonly verified: boolean;
}

/** A visitor as agents see it in the live visitor list (A3). */
export interface VisitorInfo {
  readonly id: string;
  readonly siteId: string;
  /** Still on the site (a connection is open). */
  readonly online: boolean;
  readonly name?: string;
  readonly member?: MemberInfo;
  readonly visitCount: number;
  readonly ip?: string;
  readonly location?: string;
  readonly language?: string;
  readonly userAgent?: string;
  readonly enteredAt: number;
  readonly leftAt?: number;
  /** The first referrer of this visit and what it says about search. */
  readonly referrer?: string;
  readonly searchEngine?: string;
  readonly keyword?: string;
  readonly currentPage?: PageView;
  readonly pageViews: number;
  readonly sessionId?: string;
  readonly sessionState?: SessionState;
  readonly agentId?: string;
  /** Since when the visitor has been waiting in the queue. */
  readonly waitingSince?: number;
  readonly lastMessage?: { readonly text: string; readonly at: number };
  /** Fields an agent keeps about the visitor (A11). */
  readonly card?: Readonly<Record<string, string>>;
}

/** An agent as colleagues see it. */
export interface AgentInfo {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly role: Role;
  readonly groups: readonly string[];
  /** Presence; `offline` when not connected. Invisible agents appear offline to others. */
  readonly status: AgentStatus | 'offline';
  readonly capacity: number;
  /** Chats the agent serves now. */
  readonly load: number;
}

export interface GroupInfo {
  readonly id: string;
  readonly name: string;
}

/** An invitation to chat shown on a visitor's page (V7, V8). */
export interface Invite {
  readonly id: string;
  readonly visitorId: string;
  /** The inviting agent; absent for automatic invites, except proactive ones, which an agent takes. */
  readonly agentId?: string;
  readonly agentName?: string;
  readonly message: string;
  /** Proactive: the window opens at once with the agent's first message. */
  readonly proactive: boolean;
  /** Name of the auto-invite rule that sent it, when automatic. */
  readonly rule?: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A pending transfer offer of a session to another agent (A8). */
export interface TransferOffer {
  readonly id: string;
  readonly sessionId: string;
  readonly fromAgentId: string;
  readonly fromAgentName?: string;
  /** The agent the offer is made to. */
  readonly toAgentId: string;
  /** The group asked for, when the sender picked a group. */
  readonly toGroupId?: string;
  readonly note?: string;
  readonly expiresAt: number;
  readonly session: SessionInfo;
  /** The whole conversation so far. */
  readonly history: readonly Message[];
}

/** A field of the pre-chat or leave-a-message form (V4, V6). */
export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'email' | 'tel' | 'textarea' | 'select';
  readonly required: boolean;
  /** For `select`; an option with `groupId` routes the chat to that group (question type). */
  readonly options?: readonly { readonly value: string; readonly label: string; readonly groupId?: string }[];
}

/** A message left when nobody could chat (V6). */
export interface OfflineMessage {
  readonly id: string;
  readonly siteId: string;
  readonly visitorId: string;
  readonly fields: Readonly<Record<string, string>>;
  /**
   * The label of each field in `fields`, as the site's form named it when the
   * message was left (a field the form no longer declared has none). Absent in
   * messages stored before labels were recorded.
   */
  readonly labels?: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly replied: boolean;
}

/** What the widget needs to know of its site's settings. */
export interface VisitorSettings {
  /** Whether the visitor's drafts are shown to agents (V11); the widget tells the visitor so. */
  readonly typingPreview: boolean;
  /** Origins an agent may send the visitor to (V9). */
  readonly pushOrigins: readonly string[];
  readonly preChatFields: readonly FormField[];
  readonly offlineFields: readonly FormField[];
  /** Text overrides by i18n key. */
  readonly texts: Readonly<Record<string, string>>;
  /** Theme values by `--parley-*` custom property name (without the prefix). */
  readonly theme: Readonly<Record<string, string>>;
}

/** Member info the site's server signed: `signature` is hex HMAC-SHA256 of `data` with the site's secret. */
export interface SignedMember {
  /** JSON of `{ id, name?, email? }`. */
  readonly data: string;
  readonly signature: string;
}
