/** The login log (A1), for admins. */
import { PERMISSIONS } from '@parley/core/hub';
import { badRequest } from '../errors.js';
import { requireAgent } from '../guard.js';
import { ID_RULE } from '../input.js';
import type { Route } from '../router.js';

const number = (raw: string | undefined, name: string) => {
  if (raw === undefined) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) throw badRequest(`"${name}" must be a time in milliseconds or an ISO date.`);
  return ms;
};

/** `GET /api/login-log?agentId&from&to&limit`. */
export const loginLogRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/login-log',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const agentId = ctx.query('agentId');
      if (agentId !== undefined && !ID_RULE.pattern?.test(agentId)) throw badRequest('"agentId" is not an id.');
      const limit = Number(ctx.query('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badRequest('"limit" must be from 1 to 1000.');
      const from = number(ctx.query('from'), 'from');
      const to = number(ctx.query('to'), 'to');
      const entries = await ctx.deps.store.listLoginLog(actor.siteId, {
        limit,
        ...(agentId !== undefined && { agentId }),
        ...(from !== undefined && { from }),
        ...(to !== undefined && { to }),
      });
      return { status: 200, body: { entries } };
    },
  },
];
