/** Managing a site's agents (admins), and one-time codes. */
import { createId, ROLES } from '@parley/core';
import type { AgentRecord } from '@parley/core/hub';
import { PERMISSIONS } from '@parley/core/hub';
import { hashPassword, MAX_PASSWORD_LENGTH } from '../../auth/password.js';
import { createTotpSecret, totpUri } from '../../auth/totp.js';
import type { RequestContext } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { requireAgent, requirePermission, type AgentActor } from '../guard.js';
import { Fields, ID_RULE } from '../input.js';
import type { Route } from '../router.js';
import { agentView } from '../views.js';

const PASSWORD = { min: 8, max: MAX_PASSWORD_LENGTH };
const LOGIN = { min: 1, max: 128, pattern: /^[^\s]+$/, patternHint: 'may not contain spaces' };

/** The agent `:id` of the actor's site; 404 for another site's. */
async function agentOfSite(ctx: RequestContext, actor: AgentActor): Promise<AgentRecord> {
  const agent = await ctx.deps.store.getAgent(ctx.params.id ?? '');
  if (!agent || agent.siteId !== actor.siteId) throw notFound('The agent');
  return agent;
}

async function checkGroups(ctx: RequestContext, siteId: string, groups: readonly string[] | undefined): Promise<void> {
  if (!groups) return;
  const known = new Set((await ctx.deps.store.listGroups(siteId)).map((g) => g.id));
  const unknown = groups.filter((g) => !known.has(g));
  if (unknown.length > 0) throw new HttpError('bad_request', `Unknown groups: ${unknown.join(', ')}.`);
}

async function checkLoginFree(ctx: RequestContext, siteId: string, login: string, self?: string): Promise<void> {
  const holder = await ctx.deps.store.findAgentByLogin(siteId, login);
  if (holder && holder.id !== self) throw new HttpError('conflict', `The login "${login}" is taken on this site.`);
}

/** Refuses a change that would leave the site without an enabled admin. */
async function keepAnAdmin(ctx: RequestContext, siteId: string, changed: AgentRecord | undefined, id: string): Promise<void> {
  const agents = (await ctx.deps.store.listAgents(siteId)).map((a) => (a.id === id ? changed : a));
  if (!agents.some((a) => a && a.role === 'admin' && !a.disabled)) {
    throw new HttpError('conflict', 'The site must keep at least one enabled admin.');
  }
}

/** `/api/agents` CRUD and `/api/agents/:id/totp`. */
export const agentRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/agents',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      return { status: 200, body: { agents: (await ctx.deps.store.listAgents(actor.siteId)).map(agentView) } };
    },
  },
  {
    method: 'POST',
    path: '/api/agents',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const f = Fields.of(await ctx.body());
      const name = f.string('name', { min: 1, max: 256 });
      const login = f.string('login', LOGIN);
      const password = f.optionalString('password', PASSWORD);
      const role = f.optionalOneOf('role', ROLES) ?? 'agent';
      const groups = f.optionalStringList('groups', 100, ID_RULE) ?? [];
      const capacity = f.optionalInt('capacity', 0, 100) ?? 5;
      f.done();
      await checkGroups(ctx, actor.siteId, groups);
      await checkLoginFree(ctx, actor.siteId, login);
      const agent: AgentRecord = {
        id: createId('agent'),
        siteId: actor.siteId,
        name,
        login,
        role,
        groups,
        capacity,
        ...(password !== undefined && { passwordHash: await hashPassword(password) }),
      };
      await ctx.deps.store.saveAgent(agent);
      await ctx.deps.hub.reloadSite(actor.siteId);
      return { status: 201, body: agentView(agent) };
    },
  },
  {
    method: 'GET',
    path: '/api/agents/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx);
      // Anyone may read themselves; others' records need the manage permission.
      if (ctx.params.id !== actor.agent.id) requirePermission(actor, PERMISSIONS.manage);
      return { status: 200, body: agentView(await agentOfSite(ctx, actor)) };
    },
  },
  {
    method: 'PATCH',
    path: '/api/agents/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const agent = await agentOfSite(ctx, actor);
      const f = Fields.of(await ctx.body());
      const name = f.optionalString('name', { min: 1, max: 256 });
      const login = f.optionalString('login', LOGIN);
      const password = f.optionalString('password', PASSWORD);
      const role = f.optionalOneOf('role', ROLES);
      const groups = f.optionalStringList('groups', 100, ID_RULE);
      const capacity = f.optionalInt('capacity', 0, 100);
      const disabled = f.optionalBoolean('disabled');
      f.done();
      await checkGroups(ctx, actor.siteId, groups);
      if (login !== undefined) await checkLoginFree(ctx, actor.siteId, login, agent.id);
      const { disabled: _wasDisabled, ...rest } = agent;
      const next: AgentRecord = {
        ...rest,
        ...(name !== undefined && { name }),
        ...(login !== undefined && { login }),
        ...(role !== undefined && { role }),
        ...(groups !== undefined && { groups }),
        ...(capacity !== undefined && { capacity }),
        ...((disabled ?? agent.disabled) && { disabled: true }),
        ...(password !== undefined && { passwordHash: await hashPassword(password) }),
      };
      await keepAnAdmin(ctx, actor.siteId, next, agent.id);
      await ctx.deps.store.saveAgent(next);
      await ctx.deps.hub.reloadSite(actor.siteId);
      return { status: 200, body: agentView(next) };
    },
  },
  {
    method: 'DELETE',
    path: '/api/agents/:id',
    async handle(ctx) {
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const agent = await agentOfSite(ctx, actor);
      await keepAnAdmin(ctx, actor.siteId, undefined, agent.id);
      await ctx.deps.store.deleteAgent(agent.id);
      await ctx.deps.hub.reloadSite(actor.siteId);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/api/agents/:id/totp',
    async handle(ctx) {
      // An agent turns codes on for itself; an admin for anyone of the site.
      const actor = await requireAgent(ctx);
      if (ctx.params.id !== actor.agent.id) requirePermission(actor, PERMISSIONS.manage);
      const agent = await agentOfSite(ctx, actor);
      const site = await ctx.deps.store.getSite(actor.siteId);
      const secret = createTotpSecret();
      await ctx.deps.store.saveAgent({ ...agent, totpSecret: secret });
      const uri = totpUri(secret, { issuer: `${ctx.deps.totpIssuer} (${site?.name ?? actor.siteId})`, label: agent.login });
      // The only time the secret leaves the server.
      return { status: 201, body: { uri, secret } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/agents/:id/totp',
    async handle(ctx) {
      // Only an admin turns codes off: a stolen session must not be able to weaken sign-in.
      const actor = await requireAgent(ctx, PERMISSIONS.manage);
      const { totpSecret: _secret, ...agent } = await agentOfSite(ctx, actor);
      await ctx.deps.store.saveAgent(agent);
      return { status: 204 };
    },
  },
];
