/** Durability of the SQLite store: reopen after close, kill -9, migrations of an older file. */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { migrate, SCHEMA_VERSION } from '../../../src/store/sqlite/migrations.js';
import { tempDir } from './support/temp.js';

const message = (i: number, sessionId = 'ses_1') => ({
  id: `msg_${i}`, sessionId, clientId: `c${i}`, author: { kind: 'visitor' as const, id: 'vis_1' }, at: i, text: `hello ${i}`,
});

test('everything acknowledged before close is there after reopening', async (t) => {
  const file = join(tempDir(t), 'parley.db');
  const store = openSqliteStore(file);
  await store.saveSite({ id: 'site_a', name: 'A', secret: 's', settings: {} as never });
  // Not awaited one by one: close must commit what is still queued.
  const appends = Array.from({ length: 50 }, (_, i) => store.appendMessage(message(i + 1)));
  await store.close();
  await Promise.all(appends);
  await store.close(); // twice is fine
  await assert.rejects(store.getSite('site_a'), /closed/);

  const again = openSqliteStore(file);
  t.after(() => again.close());
  assert.equal((await again.getSite('site_a'))?.name, 'A');
  assert.equal(await again.lastSeq('ses_1'), 50);
  const repeat = await again.appendMessage(message(7));
  assert.equal(repeat.created, false, 'idempotency survives reopening');
  assert.equal(repeat.message.seq, 7);
});

test('writes of one tick share one transaction; each resolves after the commit', async (t) => {
  const file = join(tempDir(t), 'parley.db');
  const store = openSqliteStore(file);
  t.after(() => store.close());
  const spy = new Database(file, { readonly: true });
  t.after(() => spy.close());
  const count = () => (spy.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  const pending = [store.appendMessage(message(1)), store.appendMessage(message(2))];
  assert.equal(count(), 0, 'nothing is committed within the tick');
  const first = await pending[0];
  assert.equal(first?.message.seq, 1);
  assert.equal(count(), 2, 'when the first resolves, the whole batch is committed');
});

for (const where of ['', 'thread'] as const) {
test(`an acknowledged message survives kill -9 of the process${where && ' (store on its thread)'}`, async (t) => {
  const file = join(tempDir(t), 'parley.db');
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, 'support', 'writer.ts'), file, where],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const acked: string[] = [];
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= 500 && !child.killed) child.kill('SIGKILL');
    });
  });
  assert.equal(child.signalCode, 'SIGKILL');
  assert.ok(acked.length >= 500);

  const store = openSqliteStore(file);
  t.after(() => store.close());
  const stored = new Set((await store.listMessages('ses_1')).map((m) => m.clientId));
  const lost = acked.filter((clientId) => !stored.has(clientId));
  assert.deepEqual(lost, [], 'no acknowledged message is lost');
  const seqs = (await store.listMessages('ses_1')).map((m) => m.seq);
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'seqs have no gap');
});
}

test('opening a file of an older schema upgrades it and keeps its data', async (t) => {
  const file = join(tempDir(t), 'parley.db');
  const old = new Database(file);
  assert.equal(migrate(old, 1), 1);
  old.prepare('INSERT INTO sites (id, data) VALUES (?, ?)').run('site_a', JSON.stringify({ id: 'site_a', name: 'Old', secret: 's', settings: {} }));
  old.prepare('INSERT INTO agents (id, site_id, login, data) VALUES (?, ?, ?, ?)').run(
    'agt_1', 'site_a', 'ada', JSON.stringify({ id: 'agt_1', siteId: 'site_a', name: 'Ada', login: 'ada', role: 'admin', groups: [], capacity: 1 }),
  );
  old.prepare('INSERT INTO messages (session_id, seq, client_id, text_folded, data) VALUES (?, ?, ?, ?, ?)').run(
    'ses_1', 1, 'c1', 'hi', JSON.stringify(message(1)),
  );
  old.close();

  const store = openSqliteStore(file);
  t.after(() => store.close());
  assert.equal((await store.getSite('site_a'))?.name, 'Old');
  assert.equal(await store.lastSeq('ses_1'), 1);
  // Migration 3 moved the messages to a table in arrival order: the old ones keep their seq and clientId.
  assert.deepEqual(await store.listMessages('ses_1'), [{ ...message(1), seq: 1 }]);
  assert.equal((await store.appendMessage(message(1))).created, false, 'idempotency survives the move');
  assert.equal((await store.appendMessage(message(2))).message.seq, 2);
  // The tables of migration 2 are there and work with the old rows.
  assert.equal(await store.useTotpStep('agt_1', 5), true);
  await store.saveForwarding('site_a', { emails: ['x@example.com'] });
  const check = new Database(file, { readonly: true });
  t.after(() => check.close());
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(check.pragma('journal_mode', { simple: true }), 'wal');
});

test('a file from a newer Parley is refused, not guessed at', (t) => {
  const file = join(tempDir(t), 'parley.db');
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openSqliteStore(file), /schema version/);
});

test('a read issued after a write sees it, even before the write is awaited', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'parley.db'));
  t.after(() => store.close());
  const write = store.saveSite({ id: 'site_a', name: 'A', secret: 's', settings: {} as never });
  const read = store.getSite('site_a');
  assert.equal((await read)?.name, 'A');
  await write;
});
