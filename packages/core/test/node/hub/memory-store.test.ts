import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeConformanceCases } from '../../../src/hub/conformance/index.js';
import { createMemoryStore } from '../../../src/hub/memory-store.js';
import type { Store } from '../../../src/hub/store.js';
import type { SiteRecord } from '../../../src/hub/records.js';

for (const c of storeConformanceCases) {
  test(`memory store conforms: ${c.name}`, async () => {
    await c.run(createMemoryStore());
  });
}

test('the conformance suite catches a store that breaks its contract', async () => {
  // A store that never dedupes clientIds must fail the idempotency case.
  const broken = (): Store => {
    const store = createMemoryStore();
    let n = 0;
    return { ...store, appendMessage: (m) => store.appendMessage({ ...m, clientId: `${m.clientId}#${n++}` }) };
  };
  const idempotency = storeConformanceCases.find((c) => c.name.includes('same clientId'));
  assert.ok(idempotency);
  await assert.rejects(idempotency.run(broken()), /Store conformance/);
  // One that shares its objects must fail the copy cases.
  const sharing = (): Store => {
    const store = createMemoryStore();
    const sites = new Map<string, SiteRecord>();
    return { ...store, saveSite: async (s) => void sites.set(s.id, s), getSite: async (id) => sites.get(id) };
  };
  const copies = storeConformanceCases.find((c) => c.name.startsWith('copies: records saved'));
  assert.ok(copies);
  await assert.rejects(copies.run(sharing()), /Store conformance/);
});
