/**
 * What the server keeps beyond the hub's {@link Store}: canned items, sign-in
 * throttling, the login log, used one-time-code steps, uploaded files and
 * forwarding settings. An interface, so a PostgreSQL store can implement it
 * next to SQLite.
 */
import type { AgentRecord, Store } from '@parley/core/hub';

/** The kinds of canned items an agent can insert (A5). */
export const CANNED_KINDS = ['reply', 'link', 'file'] as const;
/** One of {@link CANNED_KINDS}. */
export type CannedKind = (typeof CANNED_KINDS)[number];

/** A prepared reply, link or file an agent inserts with a few keystrokes. */
export interface CannedItem {
  readonly id: string;
  readonly siteId: string;
  readonly kind: CannedKind;
  readonly title: string;
  /** The reply's text (kind `reply`), or a note shown with a link or file. */
  readonly text?: string;
  /** The link (kind `link`) or the file's download URL (kind `file`). */
  readonly url?: string;
  /** The uploaded file (kind `file`). */
  readonly fileId?: string;
  /** Typed after `/` in the composer, unique within the site by convention. */
  readonly shortcut?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** How a sign-in attempt ended: `ok` or the failure's code. */
export type SignInOutcome = 'ok' | 'bad_credentials' | 'code_required' | 'bad_code' | 'ip_not_allowed' | 'locked' | 'disabled';

/** One line of the login log (A1): every sign-in attempt, good or bad. */
export interface LoginLogEntry {
  readonly id: string;
  readonly siteId: string;
  /** The login as typed (it may name no agent). */
  readonly login: string;
  /** The agent, when the login named one. */
  readonly agentId?: string;
  readonly ip: string;
  readonly userAgent?: string;
  readonly at: number;
  readonly outcome: SignInOutcome;
}

/** Which login log entries to read; newest first. */
export interface LoginLogQuery {
  readonly agentId?: string;
  /** At or after. */
  readonly from?: number;
  /** Before. */
  readonly to?: number;
  /** Default 100. */
  readonly limit?: number;
}

/** Who uploaded a file. */
export interface Uploader {
  readonly kind: 'visitor' | 'agent';
  readonly id: string;
}

/** An uploaded file's metadata; the bytes live in a `FileStorage` under `path`. */
export interface FileRecord {
  readonly id: string;
  readonly siteId: string;
  /** The session it was uploaded into; absent for a site's canned files. */
  readonly sessionId?: string;
  /** The cleaned file name, for display and `Content-Disposition`. */
  readonly name: string;
  /** The MIME type sniffed from the content (never the client's claim). */
  readonly type: string;
  readonly size: number;
  /** The storage key. */
  readonly path: string;
  readonly uploader: Uploader;
  readonly createdAt: number;
}

/** Where a site's offline messages are forwarded (S5). */
export interface ForwardingSettings {
  /** Receives a signed JSON POST per offline message. */
  readonly webhookUrl?: string;
  /** Signs webhook bodies (HMAC-SHA256); never shown again once set. */
  readonly webhookSecret?: string;
  /** Receive an e-mail per offline message. */
  readonly emails: readonly string[];
}

/**
 * The hub's {@link Store} plus what only the server keeps. Every method may be
 * called concurrently; writes are durable when their promise resolves.
 */
export interface ServerStore extends Store {
  /** The agent with this sign-in name on the site (exact match). */
  findAgentByLogin(siteId: string, login: string): Promise<AgentRecord | undefined>;

  /** A site's canned items, by title; with `q`, those whose title, text or shortcut contain it (case-insensitive). */
  listCanned(siteId: string, query?: { readonly q?: string; readonly limit?: number }): Promise<CannedItem[]>;
  getCanned(id: string): Promise<CannedItem | undefined>;
  /** Inserts or replaces by id. */
  saveCanned(item: CannedItem): Promise<void>;
  deleteCanned(id: string): Promise<void>;

  /** Notes a failed sign-in for a site's login at `at`. */
  recordSignInFailure(siteId: string, login: string, at: number): Promise<void>;
  /** Failed sign-ins for the login at or after `since`. */
  countSignInFailures(siteId: string, login: string, since: number): Promise<number>;
  /** Forgets the login's failures (after a good sign-in). */
  clearSignInFailures(siteId: string, login: string): Promise<void>;
  /** Refuses the login until `until`. */
  lockSignIn(siteId: string, login: string, until: number): Promise<void>;
  /** Until when the login is locked, if it ever was (compare with now). */
  signInLockedUntil(siteId: string, login: string): Promise<number | undefined>;

  appendLoginLog(entry: LoginLogEntry): Promise<void>;
  listLoginLog(siteId: string, query?: LoginLogQuery): Promise<LoginLogEntry[]>;

  /**
   * Claims a TOTP time-step for an agent: true the first time, false when it
   * was already used (a code is never accepted twice). Atomic. Steps older
   * than `forgetBefore` may be dropped.
   */
  useTotpStep(agentId: string, step: number, forgetBefore?: number): Promise<boolean>;

  saveFile(file: FileRecord): Promise<void>;
  getFile(id: string): Promise<FileRecord | undefined>;
  deleteFile(id: string): Promise<void>;

  getForwarding(siteId: string): Promise<ForwardingSettings | undefined>;
  saveForwarding(siteId: string, settings: ForwardingSettings): Promise<void>;
}
