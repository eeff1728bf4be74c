/** The server admin's API: creating sites. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ADMIN_KEY, startApi } from './support/harness.js';

const newSite = { id: 'site_c', name: 'Shop C', admin: { name: 'Cleo', login: 'cleo', password: 'cleo-password' } };

test('admin key: required, checked, and the admin API is absent without one', async (t) => {
  const h = await startApi(t);
  const none = await h.call('POST', '/api/admin/sites', { body: newSite });
  assert.deepEqual([none.status, none.json.error.code], [401, 'unauthorized']);
  const wrong = await h.call('POST', '/api/admin/sites', { body: newSite, headers: { authorization: 'Admin nope' } });
  assert.equal(wrong.status, 401);
  const agentToken = await h.call('POST', '/api/admin/sites', { body: newSite, token: h.tokens.a_admin });
  assert.equal(agentToken.status, 401, "a site admin's token is not the server admin key");

  const off = await startApi(t, { adminKey: undefined });
  const absent = await off.call('POST', '/api/admin/sites', { body: newSite, headers: { authorization: `Admin ${ADMIN_KEY}` } });
  assert.equal(absent.status, 404);
});

test('creating a site: its secret is shown once, its admin can sign in, and it shares nothing', async (t) => {
  const h = await startApi(t);
  const admin = { authorization: `Admin ${ADMIN_KEY}` };
  const created = await h.call('POST', '/api/admin/sites', { body: { ...newSite, settings: { allowedOrigins: ['https://c.example'] } }, headers: admin });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.site.id, 'site_c');
  assert.deepEqual(created.json.site.settings.allowedOrigins, ['https://c.example']);
  assert.equal(typeof created.json.secret, 'string');
  assert.equal(created.json.admin.role, 'admin');
  assert.deepEqual(h.reloads, ['site_c']);

  const login = await h.call('POST', '/api/login', { body: { siteId: 'site_c', login: 'cleo', password: 'cleo-password' } });
  assert.equal(login.status, 200);
  const agents = await h.call('GET', '/api/agents', { token: login.json.token });
  assert.deepEqual(agents.json.agents.map((a: { login: string }) => a.login), ['cleo']);

  const again = await h.call('POST', '/api/admin/sites', { body: newSite, headers: admin });
  assert.deepEqual([again.status, again.json.error.code], [409, 'conflict']);
  const list = await h.call('GET', '/api/admin/sites', { headers: admin });
  assert.deepEqual(list.json.sites.map((s: { id: string }) => s.id), ['site_a', 'site_b', 'site_c']);
  assert.doesNotMatch(list.text, /secret/);
  const noAdmin = await h.call('POST', '/api/admin/sites', { body: { name: 'X' }, headers: admin });
  assert.equal(noAdmin.status, 400);
  const badId = await h.call('POST', '/api/admin/sites', { body: { ...newSite, id: '../etc' }, headers: admin });
  assert.equal(badId.status, 400);
});
