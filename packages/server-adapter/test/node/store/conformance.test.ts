/** The hub's Store conformance suite, every case, against a fresh SQLite file: on this thread and on a thread of its own. */
import { test } from 'node:test';
import { join } from 'node:path';
import { storeConformanceCases } from '@parley/core/hub/conformance';
import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { openThreadedSqliteStore } from '../../../src/store/sqlite/thread.js';
import { tempDir } from './support/temp.js';

for (const [kind, open] of [
  ['sqlite', openSqliteStore],
  ['sqlite on its thread', openThreadedSqliteStore],
] as const) {
  for (const c of storeConformanceCases) {
    test(`${kind} conformance: ${c.name}`, async (t) => {
      const store = open(join(tempDir(t), 'parley.db'));
      try {
        await c.run(store);
      } finally {
        await store.close();
      }
    });
  }
}
