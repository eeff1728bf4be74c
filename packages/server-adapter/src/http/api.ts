/**
 * Parley's HTTP API: sign-in, site administration, agents, groups, canned
 * items, history and exports, offline messages, the login log, the widget's
 * config, files, and the server admin's site creation. The server mounts it
 * in front of its other handlers:
 *
 * ```ts
 * const api = createHttpApi({ store, hub, auth, files, log, secret });
 * http.createServer(async (req, res) => {
 *   if (await api(req, res)) return;
 *   // … transports, static files, 404
 * });
 * ```
 *
 * Every answer is JSON (`{ "error": { "code", "message" } }` on failure)
 * except file downloads and history exports.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSignInService } from '../auth/sign-in.js';
import { createFileCapabilities } from '../files/capability.js';
import { readJson } from './body.js';
import { DEFAULT_API_LIMITS, type ApiDeps, type RequestContext, type ResolvedDeps } from './context.js';
import { HttpError } from './errors.js';
import { Fields } from './input.js';
import { createRateLimiter } from './rate-limit.js';
import { API_HEADERS, sendError, sendJson } from './respond.js';
import { createRouter, type Route } from './router.js';
import { adminRoutes } from './routes/admin.js';
import { agentRoutes } from './routes/agents.js';
import { cannedRoutes } from './routes/canned.js';
import { fileRoutes } from './routes/files.js';
import { groupRoutes } from './routes/groups.js';
import { historyRoutes } from './routes/history.js';
import { loginLogRoutes } from './routes/login-log.js';
import { offlineRoutes } from './routes/offline.js';
import { sessionRoutes } from './routes/session.js';
import { siteRoutes } from './routes/site.js';

export type { ApiDeps, ApiLimits } from './context.js';
export { DEFAULT_API_LIMITS } from './context.js';
export { API_ERRORS, type ApiErrorCode } from './errors.js';

/** Every route of the API, for documentation and tests. */
export const API_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/healthz',
    async handle(ctx) {
      try {
        await ctx.deps.store.getSite('healthz');
      } catch {
        throw new HttpError('unavailable', 'The store does not answer.');
      }
      return { status: 200, body: { ok: true } };
    },
  },
  ...sessionRoutes,
  ...siteRoutes,
  ...agentRoutes,
  ...groupRoutes,
  ...cannedRoutes,
  ...historyRoutes,
  ...offlineRoutes,
  ...loginLogRoutes,
  ...fileRoutes,
  ...adminRoutes,
];

const isApiPath = (path: string) => path === '/healthz' || path === '/api' || path.startsWith('/api/');

/** How long a refused request's remaining body is read and dropped before the connection is cut. */
const DRAIN_MS = 2000;

/**
 * After an early answer (413, 401 before an upload was read), the client may
 * still be sending. Closing at once would reset the connection and the
 * client would never read the answer; so the rest is read and dropped —
 * nothing is kept — for at most {@link DRAIN_MS}, then the connection is cut.
 * Browsers stop sending when the answer arrives.
 */
function discardRest(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete || req.destroyed) return;
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
  timer.unref();
  req.on('end', () => clearTimeout(timer));
  req.on('error', () => clearTimeout(timer));
  res.on('finish', () => req.resume());
}

/**
 * Creates the API handler. It answers and resolves `true` for `/api/…` and
 * `/healthz`; for any other path it does nothing and resolves `false`.
 */
export function createHttpApi(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const clock = deps.clock ?? Date;
  const limits = { ...DEFAULT_API_LIMITS, ...deps.limits };
  const resolved: ResolvedDeps = {
    ...deps,
    clock,
    limits,
    capabilities: createFileCapabilities(deps.secret, deps.publicUrl),
    signIn: createSignInService({ store: deps.store, auth: deps.auth, clock, log: deps.log }),
    signInRate: createRateLimiter(limits.signInsPerMinute, 60_000, () => clock.now()),
    totpIssuer: deps.totpIssuer ?? 'Parley',
  };
  if (deps.secret.length < 32) throw new Error('createHttpApi: "secret" needs at least 32 characters.');
  const match = createRouter(API_ROUTES);
  const clientIp = deps.clientIp ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? '');

  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return false;
    }
    if (!isApiPath(url.pathname)) return false;
    const method = req.method ?? 'GET';
    try {
      if (method === 'OPTIONS') {
        // CORS preflight: the API takes tokens in headers, never cookies, so any origin may ask.
        res
          .writeHead(204, {
            ...API_HEADERS,
            'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
            'Access-Control-Allow-Headers': 'Authorization, Content-Type',
            'Access-Control-Max-Age': '600',
          })
          .end();
        return true;
      }
      const found = match(method, url.pathname);
      if (found.kind === 'none') throw new HttpError('not_found', `No API route ${url.pathname}.`);
      if (found.kind === 'method') {
        throw new HttpError('method_not_allowed', `${method} is not allowed here.`, { Allow: found.allow.join(', ') });
      }
      const ctx: RequestContext = {
        req,
        res,
        url,
        params: found.params,
        deps: resolved,
        ip: clientIp(req),
        query: (name) => {
          const value = url.searchParams.get(name);
          return value === null || value === '' ? undefined : value;
        },
        body: async () => {
          const value = await readJson(req, limits.jsonBodyBytes);
          Fields.of(value); // an object, or 400
          return value as Record<string, unknown>;
        },
      };
      const reply = await found.route.handle(ctx);
      if (reply) sendJson(res, reply.status, reply.body, reply.headers);
    } catch (error) {
      sendError(res, error, deps.log, { method, path: url.pathname });
    } finally {
      discardRest(req, res);
    }
    return true;
  };
}
