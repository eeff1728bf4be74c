/**
 * The Origin check, made before a WebSocket handshake or a long-poll channel:
 * a visitor's page must be on its site's `allowedOrigins` (empty allows any);
 * an agent's console must be on the server's own origin or on the configured
 * console origins. Requests without an `Origin` header come from programs, not
 * browsers, and pass: the check protects browsers' users, and a program can
 * send any header it likes anyway.
 */
import type { ConnectionTarget } from './target.js';

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
 * Makes an {@link OriginPolicy}. Entries are origins (`https://shop.example`)
 * or patterns with `*` for one host label or a port (`https://*.example.com`,
 * `http://localhost:*`). The literal origin `null` (sandboxed frames, files)
 * matches nothing but an empty list.
 */
export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const cacheMs = options.cacheMs ?? 5_000;
  const cache = new Map<string, { at: number; matcher: Matcher | undefined }>();
  const publicOrigin = options.publicUrl ? normalise(options.publicUrl) : undefined;
  const consoleMatcher = createMatcher(options.consoleOrigins ?? []);

  async function siteMatcher(siteId: string): Promise<Matcher | undefined> {
    const now = Date.now();
    const hit = cache.get(siteId);
    if (hit && now - hit.at < cacheMs) return hit.matcher;
    const list = await options.allowedOrigins(siteId);
    if (cache.size >= CACHE_SIZE) cache.clear();
    const matcher = list && createMatcher(list, true);
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

type Matcher = (origin: string) => boolean;

/** Compiles a list of origins and patterns; with `emptyAllowsAll`, an empty list matches everything. */
function createMatcher(list: readonly string[], emptyAllowsAll = false): Matcher {
  if (list.length === 0) return () => emptyAllowsAll;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of list) {
    const e = entry.trim().toLowerCase().replace(/\/+$/, '');
    if (e === '*') return () => true;
    if (!e.includes('*')) {
      exact.add(normalise(e));
      continue;
    }
    const source = e
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9-]+');
    patterns.push(new RegExp(`^${source}$`));
  }
  return (origin) => origin !== 'null' && (exact.has(origin) || patterns.some((p) => p.test(origin)));
}

/** Lower case, no trailing slash or path, no default port. */
function normalise(origin: string): string {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return origin.toLowerCase();
    return url.origin.toLowerCase();
  } catch {
    return origin.toLowerCase();
  }
}
