/**
 * The Store conformance suite: the checks every {@link Store} must pass for
 * the hub to behave. An adapter (SQLite, PostgreSQL, your own) runs each case
 * against a fresh, empty store under any test runner:
 *
 * ```ts
 * import { test } from 'node:test';
 * import { storeConformanceCases } from '@parley/core/hub/conformance';
 *
 * for (const c of storeConformanceCases) {
 *   test(c.name, async () => {
 *     const store = await openFreshStore();
 *     try { await c.run(store); } finally { await store.close(); }
 *   });
 * }
 * ```
 *
 * A case throws a plain `Error` naming what did not hold.
 *
 * @packageDocumentation
 */
import { copyCases } from './copy-cases.js';
import { messageCases } from './message-cases.js';
import { recordCases } from './record-cases.js';
import { sessionCases } from './session-cases.js';
import type { StoreConformanceCase } from './types.js';

export type { StoreConformanceCase } from './types.js';
export type { Store, SessionQuery, MessageQuery } from '../store.js';

/** Every case, each to run against a fresh, empty store. */
export const storeConformanceCases: readonly StoreConformanceCase[] = [
  ...recordCases,
  ...sessionCases,
  ...messageCases,
  ...copyCases,
];
