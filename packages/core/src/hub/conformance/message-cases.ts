/** Conformance of messages: atomic seq, idempotent clientId, queries. */
import { check, checkEqual } from './assert.js';
import { message, T0 } from './fixtures.js';
import type { StoreConformanceCase } from './types.js';

const seqs = (list: readonly { readonly seq: number }[]) => list.map((m) => m.seq);

export const messageCases: StoreConformanceCase[] = [
  {
    name: 'appendMessage: seq 1, 2, 3 per session, independent sessions; lastSeq',
    async run(store) {
      checkEqual(await store.lastSeq('ses_1'), 0, 'lastSeq of an empty session is 0');
      const a = await store.appendMessage(message({ id: 'msg_1', clientId: 'c1' }));
      const b = await store.appendMessage(message({ id: 'msg_2', clientId: 'c2', author: { kind: 'agent', id: 'agt_1', name: 'Ada' } }));
      const other = await store.appendMessage(message({ id: 'msg_3', sessionId: 'ses_2', clientId: 'c1' }));
      checkEqual([a.created, b.created, other.created], [true, true, true], 'new messages are created');
      checkEqual([a.message.seq, b.message.seq, other.message.seq], [1, 2, 1], 'seq counts per session');
      checkEqual(await store.lastSeq('ses_1'), 2, 'lastSeq');
      checkEqual(
        b.message,
        { id: 'msg_2', sessionId: 'ses_1', clientId: 'c2', seq: 2, author: { kind: 'agent', id: 'agt_1', name: 'Ada' }, at: T0, text: 'Hello' },
        'the returned message is the stored one',
      );
      const withFile = await store.appendMessage(
        message({ id: 'msg_4', clientId: 'c4', text: undefined, attachments: [{ id: 'fil_1', name: 'a.png', type: 'image/png', size: 3, url: '/f/1', thumbnailUrl: '/t/1' }] }),
      );
      checkEqual((await store.listMessages('ses_1'))[2], withFile.message, 'attachments are kept');
    },
  },
  {
    name: 'appendMessage: the same clientId returns the existing message, created false',
    async run(store) {
      const first = await store.appendMessage(message({ id: 'msg_1', clientId: 'same', text: 'one' }));
      const again = await store.appendMessage(message({ id: 'msg_2', clientId: 'same', text: 'changed' }));
      check(!again.created, 'a repeated clientId is not created');
      checkEqual(again.message, first.message, 'the existing message comes back unchanged');
      checkEqual(await store.lastSeq('ses_1'), 1, 'no seq is spent on a repeat');
      const elsewhere = await store.appendMessage(message({ id: 'msg_3', sessionId: 'ses_2', clientId: 'same' }));
      check(elsewhere.created, 'clientIds are unique per session only');
    },
  },
  {
    name: 'appendMessage: 200 concurrent appends get seqs 1..200 without gaps',
    async run(store) {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => store.appendMessage(message({ id: `msg_${i}`, clientId: `c${i}` }))),
      );
      checkEqual([...seqs(results.map((r) => r.message))].sort((x, y) => x - y), Array.from({ length: 200 }, (_, i) => i + 1), 'seqs are 1..200, each once');
      checkEqual(seqs(await store.listMessages('ses_1')), Array.from({ length: 200 }, (_, i) => i + 1), 'listed in seq order');
      checkEqual(await store.lastSeq('ses_1'), 200, 'lastSeq');
    },
  },
  {
    name: 'appendMessage: concurrent repeats of one clientId create one message',
    async run(store) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.appendMessage(message({ id: `msg_${i}`, clientId: 'dup' }))),
      );
      checkEqual(results.filter((r) => r.created).length, 1, 'exactly one is created');
      check(results.every((r) => r.message.seq === 1 && r.message.id === results.find((x) => x.created)?.message.id), 'all see the created one');
      checkEqual(await store.lastSeq('ses_1'), 1, 'one seq used');
    },
  },
  {
    name: 'listMessages: afterSeq, beforeSeq, limit; always oldest first',
    async run(store) {
      for (let i = 1; i <= 10; i++) await store.appendMessage(message({ id: `msg_${i}`, clientId: `c${i}`, at: T0 + i }));
      checkEqual(seqs(await store.listMessages('ses_1')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'no query: all');
      checkEqual(seqs(await store.listMessages('ses_1', {})), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'empty query: all');
      checkEqual(seqs(await store.listMessages('ses_1', { afterSeq: 7 })), [8, 9, 10], 'afterSeq');
      checkEqual(seqs(await store.listMessages('ses_1', { afterSeq: 2, limit: 3 })), [3, 4, 5], 'afterSeq + limit: the oldest after');
      checkEqual(seqs(await store.listMessages('ses_1', { beforeSeq: 4 })), [1, 2, 3], 'beforeSeq');
      checkEqual(seqs(await store.listMessages('ses_1', { beforeSeq: 9, limit: 3 })), [6, 7, 8], 'beforeSeq + limit: the newest before');
      checkEqual(seqs(await store.listMessages('ses_1', { limit: 2 })), [9, 10], 'limit alone: the newest');
      checkEqual(seqs(await store.listMessages('ses_1', { afterSeq: 3, beforeSeq: 6 })), [4, 5], 'both bounds');
      checkEqual(seqs(await store.listMessages('ses_1', { afterSeq: 10 })), [], 'nothing after the last');
      checkEqual(seqs(await store.listMessages('ses_unknown')), [], 'unknown session: empty');
    },
  },
];
