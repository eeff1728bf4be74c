import { nanoid } from 'nanoid';

/** Prefixes make an id's kind visible in logs and URLs. */
export const ID_PREFIXES = {
  session: 'ses',
  message: 'msg',
  visitor: 'vis',
  invite: 'inv',
  agent: 'agt',
  transfer: 'trf',
  offline: 'off',
  site: 'site',
  group: 'grp',
  client: 'cli',
  ref: 'ref',
  file: 'fil',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/** Makes a new id of a kind. The hub takes one of these so tests can make ids predictable. */
export type IdGenerator = (kind: IdKind) => string;

/** Unguessable ids: a prefix and 21 characters of nanoid (126 bits). */
export const createId: IdGenerator = (kind) => `${ID_PREFIXES[kind]}_${nanoid()}`;

/**
 * A sender's message id (`cli_…`). The clients make only these; naming the
 * prefix statically lets bundlers leave the rest of the prefix table out of them.
 */
export const createClientId = (): string => `${ID_PREFIXES.client}_${nanoid()}`;

/** Predictable ids (`ses_1`, `ses_2`, …) for deterministic tests. */
export function createSequentialIds(): IdGenerator {
  const counters = new Map<IdKind, number>();
  return (kind) => {
    const next = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, next);
    return `${ID_PREFIXES[kind]}_${next}`;
  };
}
