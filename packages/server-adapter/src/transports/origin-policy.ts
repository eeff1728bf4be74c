/**
 * The Origin check, made before a WebSocket handshake or a long-poll channel:
 * a visitor's page must be on its site's `allowedOrigins` (empty allows any);
 * an agent's console must be on the server's own origin or on the configured
 * console origins. Requests without an `Origin` header come from programs, not
 * browsers, and pass: the check protects browsers' users, and a program can
 * send any header it likes anyway.
 */
import { createOriginMatcher, normaliseOrigin as normalise } from '@parley/core';
import type { ConnectionTarget } from './target.js';

type Matcher = (origin: string) => boolean;

/** What the check decided. */
export type OriginVerdict = 'allowed' | 'forbidden' | 'unknown-site';

/** Decides whether a request's Origin may open a connection for a target. */
export interface OriginPolicy {
  /**
   * @param origin the request's `Origin` header.
   * @param ownOrigin the server's own origin as this request reached it (`http://host:port`).
   */
  check(target: ConnectionTarget, origin: string | undefined, ownOrigin: string): Promise<OriginVerdict>;
}

/** What {@link createOriginPolicy} needs. */
export interface OriginPolicyOptions {
  /** A site's allowed origins, or undefined when there is no such site. */
  readonly allowedOrigins: (siteId: string) => Promise<readonly string[] | undefined>;
  /** The server's public URL; its origin is allowed for agents. */
  readonly publicUrl?: string;
  /** More origins allowed for agents' consoles (patterns as for sites). */
  readonly consoleOrigins?: readonly string[];
  /** How long a site's list is remembered. Default 5 000 ms. */
  readonly cacheMs?: number;
}

/** Most sites whose lists are remembered at once. */
const CACHE_SIZE = 10_000;

/**
 * Makes an {@link OriginPolicy}. Entries are origins or patterns, as core's
 * `createOriginMatcher` reads them (the hub applies the same rule at `hello`).
 */
export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const cacheMs = options.cacheMs ?? 5_000;
  const cache = new Map<string, { at: number; matcher: Matcher | undefined }>();
  const publicOrigin = options.publicUrl ? normalise(options.publicUrl) : undefined;
  const consoleMatcher = createOriginMatcher(options.consoleOrigins ?? []);

  async function siteMatcher(siteId: string): Promise<Matcher | undefined> {
    const now = Date.now();
    const hit = cache.get(siteId);
    if (hit && now - hit.at < cacheMs) return hit.matcher;
    const list = await options.allowedOrigins(siteId);
    if (cache.size >= CACHE_SIZE) cache.clear();
    // An empty list allows every origin.
    const matcher = list && (list.length === 0 ? () => true : createOriginMatcher(list));
    cache.set(siteId, { at: now, matcher });
    return matcher;
  }

  return {
    async check(target, origin, ownOrigin) {
      if (target.role === 'agent') {
        if (origin === undefined) return 'allowed';
        const o = normalise(origin);
        return o === normalise(ownOrigin) || o === publicOrigin || consoleMatcher(o) ? 'allowed' : 'forbidden';
      }
      const matcher = await siteMatcher(target.siteId);
      if (!matcher) return 'unknown-site';
      if (origin === undefined) return 'allowed';
      return matcher(normalise(origin)) ? 'allowed' : 'forbidden';
    },
  };
}
