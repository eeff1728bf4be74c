/** Agents, one-time codes and groups over real HTTP. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { URI } from 'otpauth';
import { totpCode } from '../../../src/auth/totp.js';
import { verifyPassword } from '../../../src/auth/password.js';
import { PASSWORD, startApi, T0 } from './support/harness.js';

test('agents: admins create, list, change and delete agents of their own site only', async (t) => {
  const h = await startApi(t);
  const created = await h.call('POST', '/api/agents', {
    token: h.tokens.a_admin,
    body: { name: 'Cy', login: 'cy', password: 'a-long-password', role: 'agent', capacity: 4 },
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.hasPassword, true);
  assert.doesNotMatch(created.text, /scrypt|a-long-password/);
  const stored = await h.store.getAgent(created.json.id);
  assert.ok(stored?.passwordHash && (await verifyPassword('a-long-password', stored.passwordHash)), 'the password is stored hashed');
  assert.deepEqual(h.reloads, ['site_a']);

  const list = await h.call('GET', '/api/agents', { token: h.tokens.a_admin });
  assert.deepEqual(list.json.agents.map((a: { login: string }) => a.login), ['admin', 'supervisor', 'agent', 'cy']);
  assert.doesNotMatch(list.text, /scrypt/);

  const taken = await h.call('POST', '/api/agents', { token: h.tokens.a_admin, body: { name: 'X', login: 'cy' } });
  assert.deepEqual([taken.status, taken.json.error.code], [409, 'conflict']);
  assert.equal((await h.call('POST', '/api/agents', { token: h.tokens.a_admin, body: { name: 'X', login: 'x', password: 'short' } })).status, 400);
  assert.equal((await h.call('POST', '/api/agents', { token: h.tokens.a_admin, body: { name: 'X', login: 'x', groups: ['grp_nope'] } })).status, 400);

  const patched = await h.call('PATCH', `/api/agents/${created.json.id}`, { token: h.tokens.a_admin, body: { password: 'another-password', role: 'supervisor' } });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.role, 'supervisor');
  const login = await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'cy', password: 'another-password' } });
  assert.equal(login.status, 200, 'the new password works');

  // Another site's agent does not exist for this admin.
  for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'pwned' }], ['DELETE', undefined]] as const) {
    const res = await h.call(method, '/api/agents/agt_b_agent', { token: h.tokens.a_admin, ...(body && { body }) });
    assert.deepEqual([res.status, res.json.error.code], [404, 'not_found'], method);
  }
  assert.equal((await h.store.getAgent('agt_b_agent'))?.name, 'agent');

  assert.equal((await h.call('DELETE', `/api/agents/${created.json.id}`, { token: h.tokens.a_admin })).status, 204);
  assert.equal(await h.store.getAgent(created.json.id), undefined);
  assert.equal((await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'cy', password: 'another-password' } })).status, 401);
});

test('agents: non-admins may read only themselves and change nothing', async (t) => {
  const h = await startApi(t);
  assert.equal((await h.call('GET', '/api/agents', { token: h.tokens.a_supervisor })).status, 403);
  assert.equal((await h.call('GET', '/api/agents/agt_a_agent', { token: h.tokens.a_agent })).status, 200);
  assert.equal((await h.call('GET', '/api/agents/agt_a_admin', { token: h.tokens.a_agent })).status, 403);
  const promote = await h.call('PATCH', '/api/agents/agt_a_agent', { token: h.tokens.a_agent, body: { role: 'admin' } });
  assert.deepEqual([promote.status, promote.json.error.code], [403, 'forbidden']);
  assert.match(promote.json.error.message, /site\.manage/);
});

test('agents: disabling takes effect at once; the last admin stays', async (t) => {
  const h = await startApi(t);
  assert.equal((await h.call('GET', '/api/me', { token: h.tokens.a_agent })).status, 200);
  assert.equal((await h.call('PATCH', '/api/agents/agt_a_agent', { token: h.tokens.a_admin, body: { disabled: true } })).json.disabled, true);
  const after = await h.call('GET', '/api/me', { token: h.tokens.a_agent });
  assert.deepEqual([after.status, after.json.error.code], [401, 'unauthorized'], 'a disabled agent\'s token stops working');
  assert.equal((await h.call('PATCH', '/api/agents/agt_a_agent', { token: h.tokens.a_admin, body: { disabled: false } })).json.disabled, false);

  const demote = await h.call('PATCH', '/api/agents/agt_a_admin', { token: h.tokens.a_admin, body: { role: 'agent' } });
  assert.deepEqual([demote.status, demote.json.error.code], [409, 'conflict']);
  assert.equal((await h.call('DELETE', '/api/agents/agt_a_admin', { token: h.tokens.a_admin })).status, 409);
  assert.equal((await h.call('PATCH', '/api/agents/agt_a_admin', { token: h.tokens.a_admin, body: { disabled: true } })).status, 409);
});

test('TOTP: turned on returns the otpauth URI once; sign-in then needs a code; only admins turn it off', async (t) => {
  const h = await startApi(t);
  const on = await h.call('POST', '/api/agents/agt_a_agent/totp', { token: h.tokens.a_agent });
  assert.equal(on.status, 201);
  const parsed = URI.parse(on.json.uri);
  assert.equal(parsed.label, 'agent');
  assert.match(parsed.issuer, /Parley \(Shop A\)/);
  const view = await h.call('GET', '/api/agents/agt_a_agent', { token: h.tokens.a_agent });
  assert.equal(view.json.totp, true);
  assert.doesNotMatch(view.text, new RegExp(on.json.secret));
  assert.equal((await h.call('POST', '/api/agents/agt_a_admin/totp', { token: h.tokens.a_agent })).status, 403, 'not for someone else');

  const body = { siteId: 'site_a', login: 'agent', password: PASSWORD };
  assert.equal((await h.call('POST', '/api/login', { body })).json.error.code, 'code_required');
  assert.equal((await h.call('POST', '/api/login', { body: { ...body, code: totpCode(on.json.secret, T0) } })).status, 200);

  assert.equal((await h.call('DELETE', '/api/agents/agt_a_agent/totp', { token: h.tokens.a_agent })).status, 403);
  assert.equal((await h.call('DELETE', '/api/agents/agt_a_agent/totp', { token: h.tokens.a_admin })).status, 204);
  assert.equal((await h.call('POST', '/api/login', { body })).status, 200);
});

test('groups: everyone lists, admins change; deleting one removes it from agents', async (t) => {
  const h = await startApi(t);
  const created = await h.call('POST', '/api/groups', { token: h.tokens.a_admin, body: { name: 'Sales' } });
  assert.equal(created.status, 201);
  assert.equal((await h.call('POST', '/api/groups', { token: h.tokens.a_agent, body: { name: 'X' } })).status, 403);
  assert.deepEqual((await h.call('GET', '/api/groups', { token: h.tokens.a_agent })).json.groups, [created.json]);
  assert.deepEqual((await h.call('GET', '/api/groups', { token: h.tokens.b_agent })).json.groups, [], 'sites do not share');
  await h.call('PATCH', '/api/agents/agt_a_agent', { token: h.tokens.a_admin, body: { groups: [created.json.id] } });
  const renamed = await h.call('PATCH', `/api/groups/${created.json.id}`, { token: h.tokens.a_admin, body: { name: 'Sales team' } });
  assert.equal(renamed.json.name, 'Sales team');
  assert.equal((await h.call('PATCH', `/api/groups/${created.json.id}`, { token: h.tokens.b_admin, body: { name: 'x' } })).status, 404);
  assert.equal((await h.call('DELETE', `/api/groups/${created.json.id}`, { token: h.tokens.a_admin })).status, 204);
  assert.deepEqual((await h.store.getAgent('agt_a_agent'))?.groups, []);
});
