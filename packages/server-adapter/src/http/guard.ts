/**
 * Who is asking: an agent with a Bearer token (checked against the store on
 * every request, so disabling or deleting an agent takes effect at once), a
 * visitor with a Visitor token, or the server admin with the admin key.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { AgentRecord } from '@parley/core/hub';
import { roleCan, type Permission } from '@parley/core/hub';
import type { RequestContext } from './context.js';
import { HttpError } from './errors.js';

/** An agent whose token verified. */
export interface AgentActor {
  readonly kind: 'agent';
  readonly agent: AgentRecord;
  readonly siteId: string;
  can(permission: Permission): boolean;
}

/** A visitor whose token verified. */
export interface VisitorActor {
  readonly kind: 'visitor';
  readonly siteId: string;
  readonly visitorId: string;
}

const unauthorized = (message: string, scheme = 'Bearer') =>
  new HttpError('unauthorized', message, { 'WWW-Authenticate': `${scheme} realm="parley"` });

/** The credentials of `Authorization: <scheme> <value>`, or undefined. */
export function credentials(ctx: RequestContext, scheme: string): string | undefined {
  const header = ctx.req.headers.authorization;
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return undefined;
  const value = header.slice(space + 1).trim();
  return value.length > 0 ? value : undefined;
}

async function agentFromToken(ctx: RequestContext, token: string): Promise<AgentActor> {
  const claim = await ctx.deps.auth.verifyAgentToken(token);
  if (!claim) throw unauthorized('The sign-in token is invalid or has expired. Sign in again.');
  const agent = await ctx.deps.store.getAgent(claim.agentId);
  if (!agent || agent.siteId !== claim.siteId || agent.disabled) {
    throw unauthorized('This account can no longer sign in.');
  }
  return { kind: 'agent', agent, siteId: agent.siteId, can: (p) => roleCan(agent.role, p) };
}

/** 403 unless the agent's role holds `permission`. */
export function requirePermission(actor: AgentActor, permission: Permission): void {
  if (!actor.can(permission)) {
    throw new HttpError('forbidden', `Your role (${actor.agent.role}) does not allow this (needs "${permission}").`);
  }
}

/**
 * The agent making the request: 401 without a valid Bearer token, 403 when
 * its role lacks `permission`.
 */
export async function requireAgent(ctx: RequestContext, permission?: Permission): Promise<AgentActor> {
  const token = credentials(ctx, 'Bearer');
  if (!token) throw unauthorized('Sign in first: send "Authorization: Bearer <token>".');
  const actor = await agentFromToken(ctx, token);
  if (permission) requirePermission(actor, permission);
  return actor;
}

/** The visitor (`Authorization: Visitor <token>`) or agent (`Bearer`) making the request; 401 otherwise. */
export async function requireParticipant(ctx: RequestContext): Promise<AgentActor | VisitorActor> {
  const visitorToken = credentials(ctx, 'Visitor');
  if (visitorToken) {
    const claim = await ctx.deps.auth.verifyVisitorToken(visitorToken);
    if (!claim) throw unauthorized('The visitor token is invalid or has expired.', 'Visitor');
    return { kind: 'visitor', siteId: claim.siteId, visitorId: claim.visitorId };
  }
  const agentToken = credentials(ctx, 'Bearer');
  if (agentToken) return agentFromToken(ctx, agentToken);
  throw unauthorized('Send "Authorization: Visitor <token>" or "Authorization: Bearer <token>".');
}

/** Hashing both sides first gives equal lengths, so the comparison is constant-time whatever was sent. */
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Checks `Authorization: Admin <key>`; 404 when no admin key is configured (the admin API does not exist). */
export function requireServerAdmin(ctx: RequestContext): void {
  const key = ctx.deps.adminKey;
  if (!key) throw new HttpError('not_found', 'This server has no admin API (no admin key is configured).');
  const given = credentials(ctx, 'Admin');
  if (!given || !timingSafeEqual(digest(given), digest(key))) throw unauthorized('A valid admin key is required.', 'Admin');
}
