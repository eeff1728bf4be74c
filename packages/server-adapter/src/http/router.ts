/**
 * A tiny router: a table of method + path pattern (`/api/agents/:id`), matched
 * segment by segment. Twenty routes do not need a framework, and a table is
 * easy to read and to audit for its auth.
 */
import type { RequestContext } from './context.js';

/** The HTTP methods the API uses. */
export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A JSON answer: status, body (none for 204) and extra headers. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route. A handler returns a {@link Reply}, or undefined when it has answered itself (downloads, exports). */
export interface Route {
  readonly method: Method;
  readonly path: string;
  handle(ctx: RequestContext): Promise<Reply | undefined>;
}

/** What matching a path found. */
export type Match =
  | { readonly kind: 'route'; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method'; readonly allow: readonly Method[] }
  | { readonly kind: 'none' };

function matchPath(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? '';
    const got = segments[i] ?? '';
    if (want.startsWith(':')) {
      if (got === '') return undefined;
      params[want.slice(1)] = got;
    } else if (want !== got) return undefined;
  }
  return params;
}

/** Compiles a route table into a matcher. */
export function createRouter(routes: readonly Route[]): (method: string, pathname: string) => Match {
  const compiled = routes.map((route) => ({ route, pattern: route.path.split('/') }));
  return (method, pathname) => {
    let segments: string[];
    try {
      segments = pathname.split('/').map((s) => decodeURIComponent(s));
    } catch {
      return { kind: 'none' };
    }
    const allow: Method[] = [];
    for (const { route, pattern } of compiled) {
      const params = matchPath(pattern, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'route', route, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method', allow } : { kind: 'none' };
  };
}
