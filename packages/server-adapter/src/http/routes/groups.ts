/** A site's agent groups (skills): everyone reads, admins change. */
import { createId } from '@parley/core';
import type { GroupRecord } from '@parley/core/hub';
import { PERMISSIONS } from '@parley/core/hub';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors.js';
import { requireAgent, type AgentActor } from '../guard.js';
import { Fields } from '../input.js';
import type { Route } from '../router.js';

const NAME = { min: 1, max: 256 };

async function groupOfSite(ctx: RequestContext, actor: AgentActor): Promise<GroupRecord> {
  const group = (await ctx.deps.store.listGroups(actor.siteId)).find((g) => g.id === ctx.params.id);
  if (!group) throw notFound('The group');
  return group;
}

/** `/api/groups` CRUD. */
export const groupRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/groups',
    async handle(ctx) {
      const actor = await requireAgent(ctx);
      return { status: 200, body: { groups: await ctx.deps.store.listGroups(actor.siteId) } };
    },
  },
  {
    method: 'POST',
    path: '/api/groups',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const f = Fields.of(await ctx.body());
      const group: GroupRecord = { id: createId('group'), siteId: actor.siteId, name: f.string('name', NAME) };
      f.done();
      await ctx.deps.store.saveGroup(group);
      await ctx.deps.hub.reloadSite(actor.siteId);
      return { status: 201, body: group };
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const group = await groupOfSite(ctx, actor);
      const f = Fields.of(await ctx.body());
      const name = f.optionalString('name', NAME);
      f.done();
      const next = { ...group, ...(name !== undefined && { name }) };
      await ctx.deps.store.saveGroup(next);
      await ctx.deps.hub.reloadSite(actor.siteId);
      return { status: 200, body: next };
    },
  },
  {
    method: 'DELETE',
    path: '/api/groups/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const group = await groupOfSite(ctx, actor);
      await ctx.deps.store.deleteGroup(group.id);
      // No agent keeps a skill that no longer exists.
      for (const agent of await ctx.deps.store.listAgents(actor.siteId)) {
        if (agent.groups.includes(group.id)) await ctx.deps.store.saveAgent({ ...agent, groups: agent.groups.filter((g) => g !== group.id) });
      }
      await ctx.deps.hub.reloadSite(actor.siteId);
      return { status: 204 };
    },
  },
];
