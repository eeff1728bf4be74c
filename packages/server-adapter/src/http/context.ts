/** What the API is given (`ApiDeps`) and what each handler sees (`RequestContext`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub, TokenAuth } from '@parley/core/hub';
import type { SignInService } from '../auth/sign-in.js';
import type { FileCapabilities } from '../files/capability.js';
import type { FileStorage } from '../files/file-storage.js';
import type { Logger } from '../log.js';
import type { ServerStore } from '../store/server-store.js';
import type { RateLimiter } from './rate-limit.js';

/** Size limits of the API. */
export interface ApiLimits {
  /** Largest JSON body, in bytes (default 64 KiB). */
  readonly jsonBodyBytes: number;
  /** Largest uploaded file, in bytes (default 10 MiB). */
  readonly fileBytes: number;
  /** Sign-in attempts per IP per minute, whatever the login (default 30). */
  readonly signInsPerMinute: number;
}

/** The defaults of {@link ApiLimits}. */
export const DEFAULT_API_LIMITS: ApiLimits = { jsonBodyBytes: 64 * 1024, fileBytes: 10 * 1024 * 1024, signInsPerMinute: 30 };

/** What {@link createHttpApi} needs. */
export interface ApiDeps {
  readonly store: ServerStore;
  /** Told to re-read a site after an admin changed it, its agents or groups. */
  readonly hub: Pick<Hub, 'reloadSite'>;
  /** Issues agent tokens at sign-in and checks agent and visitor tokens. */
  readonly auth: TokenAuth;
  readonly files: FileStorage;
  readonly log: Logger;
  readonly limits?: Partial<ApiLimits>;
  /**
   * The server's secret (at least 32 characters; the one given to
   * `createTokenAuth` is fine): file download capabilities are derived from it.
   */
  readonly secret: string;
  /** Enables `/api/admin/*` (creating sites) for `Authorization: Admin <key>`; off when absent. */
  readonly adminKey?: string;
  /**
   * The server's public base URL (`https://chat.example.com`), put in front of
   * file URLs. Without it, file URLs are relative (`/api/files/…`) and clients
   * resolve them against the server they talk to.
   */
  readonly publicUrl?: string;
  /** Default: the system clock. */
  readonly clock?: { now(): number };
  /**
   * The client's IP. Default: the socket's address. Behind a reverse proxy,
   * pass a function that reads the proxy's header — only then is it trustworthy.
   */
  readonly clientIp?: (req: IncomingMessage) => string;
  /** The issuer shown in authenticator apps; default "Parley". */
  readonly totpIssuer?: string;
}

/** {@link ApiDeps} with defaults applied and the services built from them. */
export interface ResolvedDeps extends ApiDeps {
  readonly limits: ApiLimits;
  readonly clock: { now(): number };
  readonly capabilities: FileCapabilities;
  readonly signIn: SignInService;
  readonly signInRate: RateLimiter;
  readonly totpIssuer: string;
}

/** What a route handler gets. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly deps: ResolvedDeps;
  /** The client's IP, as {@link ApiDeps.clientIp} says. */
  readonly ip: string;
  /** A query parameter ('' counts as absent). */
  query(name: string): string | undefined;
  /** The JSON body as an object, within the size limit. */
  body(): Promise<Record<string, unknown>>;
}
