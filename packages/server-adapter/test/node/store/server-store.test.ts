/** The server-only parts of the SQLite store. */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AgentRecord } from '@parley/core/hub';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/open.js';
import type { CannedItem, FileRecord, LoginLogEntry } from '../../../src/store/server-store.js';
import { tempDir } from './support/temp.js';

const T0 = Date.UTC(2026, 0, 1);

function open(t: Parameters<typeof tempDir>[0]): SqliteStore {
  const store = openSqliteStore(join(tempDir(t), 'data', 'parley.db'));
  t.after(() => store.close());
  return store;
}

const agent = (over: Partial<AgentRecord> = {}): AgentRecord => ({
  id: 'agt_1', siteId: 'site_a', name: 'Ada', login: 'ada', role: 'agent', groups: [], capacity: 3, ...over,
});

const canned = (over: Partial<CannedItem> = {}): CannedItem => ({
  id: 'can_1', siteId: 'site_a', kind: 'reply', title: 'Greeting', text: 'Hello, how can I help?', shortcut: 'hi',
  createdAt: T0, updatedAt: T0, ...over,
});

test('findAgentByLogin: exact login within the site only', async (t) => {
  const store = open(t);
  await store.saveAgent(agent());
  await store.saveAgent(agent({ id: 'agt_2', siteId: 'site_b' }));
  assert.equal((await store.findAgentByLogin('site_a', 'ada'))?.id, 'agt_1');
  assert.equal((await store.findAgentByLogin('site_b', 'ada'))?.id, 'agt_2');
  assert.equal(await store.findAgentByLogin('site_a', 'ADA'), undefined);
  assert.equal(await store.findAgentByLogin('site_c', 'ada'), undefined);
});

test('agents: a login is unique within its site', async (t) => {
  const store = open(t);
  await store.saveAgent(agent());
  await assert.rejects(store.saveAgent(agent({ id: 'agt_2' })), /UNIQUE/);
  // The failed write did not take the others of its batch down with it.
  const [ok, bad] = await Promise.allSettled([store.saveAgent(agent({ id: 'agt_3', login: 'cy' })), store.saveAgent(agent({ id: 'agt_4' }))]);
  assert.equal(ok.status, 'fulfilled');
  assert.equal(bad.status, 'rejected');
  assert.deepEqual((await store.listAgents('site_a')).map((a) => a.id), ['agt_1', 'agt_3']);
});

test('canned items: save, replace, search by title, text or shortcut, per site, delete', async (t) => {
  const store = open(t);
  await store.saveCanned(canned());
  await store.saveCanned(canned({ id: 'can_2', kind: 'link', title: 'Pricing page', text: undefined, url: 'https://shop.example/pricing', shortcut: 'price' }));
  await store.saveCanned(canned({ id: 'can_3', title: 'Ärger? Entschuldigung', text: 'Es tut uns leid', shortcut: 'sorry' }));
  await store.saveCanned(canned({ id: 'can_b', siteId: 'site_b', title: 'Greeting B' }));
  assert.deepEqual((await store.listCanned('site_a')).map((c) => c.id), ['can_1', 'can_2', 'can_3'], 'by title');
  assert.deepEqual((await store.listCanned('site_a', { q: 'PRIC' })).map((c) => c.id), ['can_2'], 'title, case-insensitive');
  assert.deepEqual((await store.listCanned('site_a', { q: 'help' })).map((c) => c.id), ['can_1'], 'text');
  assert.deepEqual((await store.listCanned('site_a', { q: 'sor' })).map((c) => c.id), ['can_3'], 'shortcut');
  assert.deepEqual((await store.listCanned('site_a', { q: 'ärger' })).map((c) => c.id), ['can_3'], 'non-ASCII folds too');
  assert.deepEqual((await store.listCanned('site_a', { q: '%' })).map((c) => c.id), [], 'no wildcard');
  assert.deepEqual((await store.listCanned('site_a', { limit: 1 })).length, 1);
  await store.saveCanned(canned({ title: 'Welcome', updatedAt: T0 + 1 }));
  assert.deepEqual(await store.getCanned('can_1'), canned({ title: 'Welcome', updatedAt: T0 + 1 }));
  assert.deepEqual((await store.listCanned('site_a', { q: 'greeting' })).map((c) => c.id), [], 'search text follows a replace');
  await store.deleteCanned('can_1');
  assert.equal(await store.getCanned('can_1'), undefined);
});

test('sign-in throttling: failures counted in a window, cleared, locks', async (t) => {
  const store = open(t);
  for (let i = 0; i < 4; i++) await store.recordSignInFailure('site_a', 'ada', T0 + i * 60_000);
  await store.recordSignInFailure('site_b', 'ada', T0);
  assert.equal(await store.countSignInFailures('site_a', 'ada', T0), 4);
  assert.equal(await store.countSignInFailures('site_a', 'ada', T0 + 120_000), 2);
  assert.equal(await store.countSignInFailures('site_b', 'ada', T0), 1);
  await store.clearSignInFailures('site_a', 'ada');
  assert.equal(await store.countSignInFailures('site_a', 'ada', 0), 0);
  assert.equal(await store.signInLockedUntil('site_a', 'ada'), undefined);
  await store.lockSignIn('site_a', 'ada', T0 + 900_000);
  await store.lockSignIn('site_a', 'ada', T0 + 1_000_000);
  assert.equal(await store.signInLockedUntil('site_a', 'ada'), T0 + 1_000_000);
  assert.equal(await store.signInLockedUntil('site_a', 'bo'), undefined);
});

test('login log: newest first, filters, per site', async (t) => {
  const store = open(t);
  const entry = (i: number, over: Partial<LoginLogEntry> = {}): LoginLogEntry => ({
    id: `log_${i}`, siteId: 'site_a', login: 'ada', agentId: 'agt_1', ip: '203.0.113.5', at: T0 + i, outcome: 'ok', ...over,
  });
  const unknownLogin: LoginLogEntry = { id: 'log_3', siteId: 'site_a', login: 'nobody', ip: '203.0.113.5', at: T0 + 3, outcome: 'bad_credentials' };
  await store.appendLoginLog(entry(1, { outcome: 'bad_credentials' }));
  await store.appendLoginLog(entry(2));
  await store.appendLoginLog(unknownLogin);
  await store.appendLoginLog(entry(4, { siteId: 'site_b' }));
  assert.deepEqual((await store.listLoginLog('site_a')).map((e) => e.id), ['log_3', 'log_2', 'log_1']);
  assert.deepEqual((await store.listLoginLog('site_a', { agentId: 'agt_1' })).map((e) => e.id), ['log_2', 'log_1']);
  assert.deepEqual((await store.listLoginLog('site_a', { from: T0 + 2, to: T0 + 3 })).map((e) => e.id), ['log_2']);
  assert.deepEqual((await store.listLoginLog('site_a', { limit: 1 })).map((e) => e.id), ['log_3']);
  assert.deepEqual((await store.listLoginLog('site_a'))[0], unknownLogin);
});

test('TOTP steps: claimed once, concurrently too; forgotten when old; gone with the agent', async (t) => {
  const store = open(t);
  await store.saveAgent(agent());
  assert.equal(await store.useTotpStep('agt_1', 100), true);
  assert.equal(await store.useTotpStep('agt_1', 100), false, 'a step is never accepted twice');
  const claims = await Promise.all(Array.from({ length: 10 }, () => store.useTotpStep('agt_1', 101)));
  assert.equal(claims.filter(Boolean).length, 1, 'one of ten concurrent claims wins');
  assert.equal(await store.useTotpStep('agt_1', 102, 102), true);
  assert.equal(await store.useTotpStep('agt_1', 100), true, 'steps before forgetBefore were dropped');
  await assert.rejects(store.useTotpStep('agt_unknown', 1), /FOREIGN KEY/, 'only existing agents');
  await store.deleteAgent('agt_1');
  await store.saveAgent(agent());
  assert.equal(await store.useTotpStep('agt_1', 102), true, 'deleting the agent dropped its steps');
});

test('files: save, get, delete', async (t) => {
  const store = open(t);
  const file: FileRecord = {
    id: 'fil_1', siteId: 'site_a', sessionId: 'ses_1', name: 'a.png', type: 'image/png', size: 3,
    path: 'site_a/fil_1', uploader: { kind: 'visitor', id: 'vis_1' }, createdAt: T0,
  };
  await store.saveFile(file);
  assert.deepEqual(await store.getFile('fil_1'), file);
  await store.deleteFile('fil_1');
  assert.equal(await store.getFile('fil_1'), undefined);
});

test('forwarding settings: per site, replace; need the site', async (t) => {
  const store = open(t);
  await assert.rejects(store.saveForwarding('site_a', { emails: [] }), /FOREIGN KEY/);
  await store.saveSite({ id: 'site_a', name: 'A', secret: 's', settings: {} as never });
  assert.equal(await store.getForwarding('site_a'), undefined);
  await store.saveForwarding('site_a', { webhookUrl: 'https://hooks.example/x', webhookSecret: 'k', emails: ['a@example.com'] });
  await store.saveForwarding('site_a', { emails: ['b@example.com'] });
  assert.deepEqual(await store.getForwarding('site_a'), { emails: ['b@example.com'] });
  // Replacing the site keeps its row, so the cascade does not fire.
  await store.saveSite({ id: 'site_a', name: 'A2', secret: 's', settings: {} as never });
  assert.deepEqual(await store.getForwarding('site_a'), { emails: ['b@example.com'] });
});
