/** The hub's Store conformance suite, every case, against a fresh SQLite file. */
import { test } from 'node:test';
import { join } from 'node:path';
import { storeConformanceCases } from '@parley/core/hub/conformance';
import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { tempDir } from './support/temp.js';

for (const c of storeConformanceCases) {
  test(`sqlite conformance: ${c.name}`, async (t) => {
    const store = openSqliteStore(join(tempDir(t), 'parley.db'));
    try {
      await c.run(store);
    } finally {
      await store.close();
    }
  });
}
