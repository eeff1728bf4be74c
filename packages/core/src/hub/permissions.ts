/**
 * Roles and what they allow (S2). The hub checks a permission before every
 * agent command; the agent's `welcome` lists its permissions so the console
 * can hide what the agent may not do.
 */
import type { Role } from '../protocol/model.js';

/** Every permission the hub checks, by name. */
export const PERMISSIONS = {
  /** Take chats from the queue, write in the chats it serves, end them, ask for a rating. */
  chat: 'chat',
  /** Invite visitors, open proactive chats and push pages (A7). */
  reachOut: 'reach_out',
  /** Offer its chats to a colleague or a group (A8). */
  transfer: 'transfer',
  /** Evaluate the chats it served (A10). */
  evaluate: 'evaluate',
  /** See the live visitor list, visitors' details and earlier chats (A3, A11). */
  viewVisitors: 'visitors.view',
  /** Edit a visitor's customer card (A11). */
  editCards: 'visitors.edit',
  /** Receive every chat of the site live, read any history, end and evaluate others' chats (A12). */
  supervise: 'sessions.supervise',
  /** Use the `invisible` presence (A2). */
  invisible: 'presence.invisible',
  /** Change the site, its agents and groups (the server's admin API checks it). */
  manage: 'site.manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const AGENT: readonly Permission[] = [
  PERMISSIONS.chat,
  PERMISSIONS.reachOut,
  PERMISSIONS.transfer,
  PERMISSIONS.evaluate,
  PERMISSIONS.viewVisitors,
  PERMISSIONS.editCards,
];
const SUPERVISOR: readonly Permission[] = [...AGENT, PERMISSIONS.supervise];
const ADMIN: readonly Permission[] = [...SUPERVISOR, PERMISSIONS.invisible, PERMISSIONS.manage];

const BY_ROLE: Readonly<Record<Role, readonly Permission[]>> = {
  agent: AGENT,
  supervisor: SUPERVISOR,
  admin: ADMIN,
};

/** The permissions of a role; unknown roles get none. */
export function permissionsOf(role: Role): readonly Permission[] {
  return Object.hasOwn(BY_ROLE, role) ? BY_ROLE[role] : [];
}

/** Whether a role holds a permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}
