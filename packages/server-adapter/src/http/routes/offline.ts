/** Offline messages (S5): list, mark replied. */
import { PERMISSIONS } from '@parley/core/hub';
import { badRequest, notFound } from '../errors.js';
import { requireAgent } from '../guard.js';
import { Fields } from '../input.js';
import { hasBody } from '../body.js';
import type { Route } from '../router.js';

/** `GET /api/offline`, `POST /api/offline/:id/replied`. */
export const offlineRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/offline',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.chat);
      const replied = ctx.query('replied');
      if (replied !== undefined && replied !== 'true' && replied !== 'false') throw badRequest('"replied" must be true or false.');
      const limit = Number(ctx.query('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('"limit" must be from 1 to 500.');
      const messages = await ctx.deps.store.listOfflineMessages(actor.siteId, {
        limit,
        ...(replied !== undefined && { replied: replied === 'true' }),
      });
      return { status: 200, body: { offlineMessages: messages } };
    },
  },
  {
    method: 'POST',
    path: '/api/offline/:id/replied',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.chat);
      const message = await ctx.deps.store.getOfflineMessage(ctx.params.id ?? '');
      if (!message || message.siteId !== actor.siteId) throw notFound('The offline message');
      // `{ "replied": false }` undoes it; no body means replied.
      let replied = true;
      if (hasBody(ctx.req)) {
        const f = Fields.of(await ctx.body());
        replied = f.optionalBoolean('replied') ?? true;
        f.done();
      }
      const next = { ...message, replied };
      await ctx.deps.store.saveOfflineMessage(next);
      return { status: 200, body: next };
    },
  },
];
