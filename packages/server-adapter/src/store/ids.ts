/**
 * Ids for the server's own records (login log, canned items, …), in the
 * style of core's ids: a short prefix and 128 random bits, base64url.
 */
import { randomBytes } from 'node:crypto';

/** Prefixes of the server's own record ids. */
export const SERVER_ID_PREFIXES = { loginLog: 'lgn', canned: 'can', delivery: 'dlv' } as const;

/** A new unguessable id with a prefix, e.g. `can_3q2-…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}
