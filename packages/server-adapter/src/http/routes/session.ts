/** Signing in, and who am I. */
import type { SignInFailure } from '../../auth/sign-in.js';
import { MAX_PASSWORD_LENGTH } from '../../auth/password.js';
import { HttpError, type ApiErrorCode } from '../errors.js';
import { requireAgent } from '../guard.js';
import { Fields, ID_RULE } from '../input.js';
import type { Route } from '../router.js';
import { agentView } from '../views.js';

const MESSAGES: Record<SignInFailure, string> = {
  bad_credentials: 'The login or password is wrong.',
  code_required: 'Enter the one-time code from your authenticator app.',
  bad_code: 'The one-time code is wrong or was already used.',
  ip_not_allowed: 'Signing in from this network is not allowed for this site.',
  locked: 'Too many failed attempts: this login is locked for a while.',
  disabled: 'This account is disabled.',
};

const retryAfter = (at: number, now: number) => ({ 'Retry-After': String(Math.max(1, Math.ceil((at - now) / 1000))) });

/** `POST /api/login`, `GET /api/me`. */
export const sessionRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/login',
    async handle(ctx) {
      const { deps } = ctx;
      const retryAt = deps.signInRate.hit(ctx.ip);
      if (retryAt !== undefined) {
        throw new HttpError('rate_limited', 'Too many sign-in attempts from this address; wait a minute.', retryAfter(retryAt, deps.clock.now()));
      }
      const f = Fields.of(await ctx.body());
      const siteId = f.string('siteId', ID_RULE);
      const login = f.string('login', { min: 1, max: 256 });
      const password = f.string('password', { max: MAX_PASSWORD_LENGTH });
      const code = f.optionalString('code', { max: 16 });
      f.done();
      const userAgent = ctx.req.headers['user-agent'];
      const result = await deps.signIn.signIn({
        siteId, login, password, ip: ctx.ip,
        ...(code !== undefined && { code }),
        ...(userAgent !== undefined && { userAgent }),
      });
      if (!result.ok) {
        const headers = result.retryAt !== undefined ? retryAfter(result.retryAt, deps.clock.now()) : {};
        throw new HttpError(result.failure satisfies ApiErrorCode, MESSAGES[result.failure], headers);
      }
      return { status: 200, body: { token: result.token, agent: agentView(result.agent) } };
    },
  },
  {
    method: 'GET',
    path: '/api/me',
    async handle(ctx) {
      const { agent } = await requireAgent(ctx);
      const site = await ctx.deps.store.getSite(agent.siteId);
      return { status: 200, body: { agent: agentView(agent), site: site && { id: site.id, name: site.name } } };
    },
  },
];
