/**
 * What the hub keeps in its {@link Store}. Records are plain JSON-safe objects;
 * a store may keep them as documents or map them to columns.
 */
import type {
  Attachment,
  Author,
  Evaluation,
  FormField,
  MemberInfo,
  OfflineMessage,
  Rating,
  Role,
  SessionState,
  VisitorSettings,
} from '../protocol/model.js';

/** An automatic invitation rule (V7). */
export interface InviteRule {
  readonly name: string;
  /** Seconds on a page before the invite shows. */
  readonly delaySeconds: number;
  /** Only on pages whose URL contains this text (all pages when absent). */
  readonly urlContains?: string;
  /** At most this many invites by this rule per visitor. */
  readonly maxTimes: number;
  /** At least this long between two invites by this rule to one visitor. */
  readonly intervalSeconds: number;
  /** How long an invite stays up unanswered. */
  readonly expirySeconds: number;
  readonly message: string;
  readonly proactive?: boolean;
}

/** A site's settings: what the widget shows and how the hub routes. */
export interface SiteSettings extends VisitorSettings {
  /** `service`: fewest concurrent chats first; `sales`: fewest chats today first (S3). */
  readonly routing: 'service' | 'sales';
  /** Origins allowed to embed the widget, checked by the server before the handshake and by the hub at `hello`; empty allows any. */
  readonly allowedOrigins: readonly string[];
  /** Sent by the system when an agent takes the chat (A9). */
  readonly welcomeMessage?: string;
  /** After the visitor waits this long without an agent's answer, send `text`, at most `maxTimes` per session (A9). */
  readonly autoReply?: { readonly afterSeconds: number; readonly maxTimes: number; readonly text: string };
  readonly inviteRules: readonly InviteRule[];
  readonly transferTimeoutSeconds: number;
  /** Manual invites expire after this long. */
  readonly inviteExpirySeconds: number;
  /** A queued chat becomes an offline message after this long (0: never). */
  readonly queueTimeoutSeconds: number;
  /** Agents may sign in only from these IPs or CIDR ranges (checked by the server); empty allows any. */
  readonly loginIpAllowList: readonly string[];
}

export interface SiteRecord {
  readonly id: string;
  readonly name: string;
  /** Signs member info (V17). Never sent to clients. */
  readonly secret: string;
  readonly settings: SiteSettings;
}

export interface AgentRecord {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  /** The sign-in name, unique within the site. */
  readonly login: string;
  readonly role: Role;
  readonly groups: readonly string[];
  /** Most chats at once. */
  readonly capacity: number;
  /** Password hash (the server's format); absent for agents who cannot sign in with a password. */
  readonly passwordHash?: string;
  /** Base32 TOTP secret when one-time codes are on. */
  readonly totpSecret?: string;
  readonly disabled?: boolean;
}

export interface GroupRecord {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
}

export interface VisitorRecord {
  readonly id: string;
  readonly siteId: string;
  readonly visitCount: number;
  readonly firstSeenAt: number;
  readonly lastSeenAt: number;
  readonly member?: MemberInfo;
  readonly card?: Readonly<Record<string, string>>;
  /** The agent who served the last chat, preferred next time (S3). */
  readonly lastAgentId?: string;
}

export interface PageViewRecord {
  readonly id: string;
  readonly siteId: string;
  readonly visitorId: string;
  readonly url: string;
  readonly title: string;
  readonly referrer?: string;
  readonly searchEngine?: string;
  readonly keyword?: string;
  readonly at: number;
  readonly dwellMs: number;
}

export interface SessionRecord {
  readonly id: string;
  readonly siteId: string;
  readonly visitorId: string;
  readonly state: SessionState;
  readonly agentId?: string;
  readonly groupId?: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly acceptedAt?: number;
  readonly endedAt?: number;
  readonly endedBy?: 'visitor' | 'agent' | 'system';
  readonly readSeq: { readonly visitor: number; readonly agent: number };
  readonly rating?: Rating;
  readonly evaluation?: Evaluation;
  /** Automatic replies sent so far (A9). */
  readonly autoReplies: number;
}

/** A message to append; the store assigns `seq`. */
export interface NewMessage {
  readonly id: string;
  readonly sessionId: string;
  readonly clientId: string;
  readonly author: Author;
  readonly at: number;
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
}

export type OfflineMessageRecord = OfflineMessage;

export type { FormField };
