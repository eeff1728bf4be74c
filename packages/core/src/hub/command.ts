/** What a command handler gets, and the checks most handlers share. Internal. */
import { ParleyError } from '../errors.js';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import type { Actor, AgentActor, Conn, VisitorActor } from './conn.js';
import type { HubCore } from './core.js';
import { type Permission, PERMISSIONS, roleCan } from './permissions.js';
import type { AgentRecord } from './records.js';
import type { SiteState } from './site-state.js';

export interface Ctx<A extends Actor = Actor> {
  readonly core: HubCore;
  readonly conn: Conn;
  readonly state: SiteState;
  readonly actor: A;
}
export type VisitorCtx = Ctx<VisitorActor>;
export type AgentCtx = Ctx<AgentActor>;

/** Ends a command with an `error` frame carrying `code`. */
export function fail(code: ErrorCode, message: string): never {
  throw new ParleyError(code, message);
}

export const notFound = (what: string): never => fail(ERROR_CODES.notFound, `No such ${what}.`);

/** The acting agent's current record (reloaded with the site). */
export function agentOf(ctx: AgentCtx): AgentRecord {
  return ctx.state.agents.get(ctx.actor.agentId) ?? fail(ERROR_CODES.authFailed, 'This agent no longer exists.');
}

export function can(ctx: AgentCtx, permission: Permission): boolean {
  const agent = ctx.state.agents.get(ctx.actor.agentId);
  return agent !== undefined && !agent.disabled && roleCan(agent.role, permission);
}

export function requirePermission(ctx: AgentCtx, permission: Permission): void {
  if (!can(ctx, permission)) fail(ERROR_CODES.forbidden, `Your role lacks the "${permission}" permission.`);
}

export const canSupervise = (ctx: AgentCtx) => can(ctx, PERMISSIONS.supervise);
