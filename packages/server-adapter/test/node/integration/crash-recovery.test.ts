/**
 * `kill -9` of the server mid-conversation, then a restart on the same data
 * folder and port: no message the hub acknowledged is lost, none is stored or
 * shown twice, and both sides carry on where they were.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { ChatMessage, FallbackKind } from '@parley/core';

import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { freePort, killHard, startChild } from './support/child.js';
import { makeAgent, makeVisitor, until } from './support/clients.js';
import { signIn } from './support/server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Texts of the messages a side wrote that the hub acknowledged (stored, with a seq). */
const acknowledged = (messages: readonly ChatMessage[]) => messages.filter((m) => m.own && m.seq !== undefined).map((m) => m.text!);

function assertNoDuplicates(messages: readonly ChatMessage[], who: string): void {
  const texts = messages.map((m) => m.text);
  assert.equal(new Set(texts).size, texts.length, `${who} shows a message twice`);
  const seqs = messages.map((m) => m.seq!);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `${who}: seq order`);
  assert.equal(new Set(seqs).size, seqs.length, `${who}: a seq twice`);
}

for (const kind of ['websocket', 'long-poll'] as const satisfies readonly FallbackKind[]) {
  describe(`server killed with -9 mid-conversation (${kind})`, () => {
    it('loses no acknowledged message, duplicates none, and both sides resume', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
      const port = await freePort();
      let child: ChildProcess | undefined;
      let url: string;
      ({ child, url } = await startChild(dataDir, port));
      const ada = makeAgent(url, await signIn(url, 'ada'), { kind });
      const kim = makeVisitor(url, { kind });
      try {
        await until('both connected', () => ada.status === 'open' && kim.status === 'open');
        const session = await kim.requestChat({ name: 'Kim' });
        assert.equal(session.state, 'active');
        await until('Ada has the chat', () => ada.sessionById(session.id) !== undefined);

        // Both sides write steadily, before, during and after the crash.
        let writing = true;
        let count = 0;
        const pump = (async () => {
          while (writing) {
            count++;
            kim.send(`visitor ${count}`);
            ada.send(session.id, `agent ${count}`);
            await sleep(15);
          }
        })();
        await sleep(400);
        await killHard(child);
        // Every ack a client holds was sent before the process died.
        const ackedByVisitor = acknowledged(kim.messages(session.id));
        const ackedByAgent = acknowledged(ada.messages(session.id));
        assert.ok(ackedByVisitor.length > 5 && ackedByAgent.length > 5, 'messages were acknowledged before the crash');
        await sleep(300);
        ({ child, url } = await startChild(dataDir, port));
        await until('both back', () => ada.status === 'open' && kim.status === 'open', 15_000);
        await sleep(300);
        writing = false;
        await pump;

        const visitorTexts = Array.from({ length: count }, (_, i) => `visitor ${i + 1}`);
        const agentTexts = Array.from({ length: count }, (_, i) => `agent ${i + 1}`);
        const all = (messages: readonly ChatMessage[], texts: string[]) => texts.every((t) => messages.some((m) => m.text === t && m.seq !== undefined));
        await until(
          'everything delivered on both sides',
          () =>
            all(kim.messages(session.id), [...visitorTexts, ...agentTexts]) && all(ada.messages(session.id), [...visitorTexts, ...agentTexts]),
          20_000,
        );
        for (const text of [...ackedByVisitor, ...ackedByAgent]) {
          assert.ok(ada.messages(session.id).some((m) => m.text === text), `acknowledged "${text}" survived`);
        }
        assertNoDuplicates(kim.messages(session.id), 'the visitor');
        assertNoDuplicates(ada.messages(session.id), 'the agent');
      } finally {
        kim.close();
        ada.close();
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child!.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }
      }

      // What the store holds: every message once, seqs 1…n without a gap.
      const store = openSqliteStore(join(dataDir, 'parley.db'));
      try {
        const [session] = await store.listSessions({ siteId: 'site_it' });
        const stored = await store.listMessages(session!.id);
        const texts = stored.map((m) => m.text);
        assert.equal(new Set(texts).size, texts.length, 'stored once each');
        assert.deepEqual(
          stored.map((m) => m.seq),
          stored.map((_, i) => i + 1),
        );
      } finally {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
