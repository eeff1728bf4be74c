/** Sign-in, who am I, the site's settings and the widget's config over real HTTP. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createTotpSecret, totpCode } from '../../../src/auth/totp.js';
import { PASSWORD, startApi, T0 } from './support/harness.js';

test('login: the right password gives a token that works; no secrets in the answer', async (t) => {
  const h = await startApi(t);
  const res = await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: PASSWORD } });
  assert.equal(res.status, 200);
  assert.equal(typeof res.json.token, 'string');
  assert.equal(res.json.agent.id, 'agt_a_admin');
  assert.ok(res.json.agent.permissions.includes('site.manage'));
  assert.doesNotMatch(res.text, /scrypt|passwordHash|totpSecret/);
  const me = await h.call('GET', '/api/me', { token: res.json.token });
  assert.equal(me.status, 200);
  assert.deepEqual(me.json.site, { id: 'site_a', name: 'Shop A' });
  assert.equal(me.headers.get('cache-control'), 'no-store');
});

test('login failures: one answer for unknown login and wrong password; lock-out with Retry-After', async (t) => {
  const h = await startApi(t);
  const wrong = await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: 'nope' } });
  const unknown = await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'ghost', password: 'nope' } });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.json, unknown.json);
  assert.deepEqual(wrong.json, { error: { code: 'bad_credentials', message: 'The login or password is wrong.' } });
  for (let i = 0; i < 4; i++) await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: 'nope' } });
  const locked = await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: PASSWORD } });
  assert.equal(locked.status, 429);
  assert.equal(locked.json.error.code, 'locked');
  assert.equal(locked.headers.get('retry-after'), String(15 * 60));
  const log = await h.call('GET', '/api/login-log', { token: h.tokens.a_admin });
  assert.equal(log.status, 200);
  assert.deepEqual(log.json.entries.map((e: { outcome: string }) => e.outcome), ['locked', ...Array(6).fill('bad_credentials')]);
});

test('login: TOTP, IP allow-list and disabled accounts answer with their codes', async (t) => {
  const h = await startApi(t);
  const secret = createTotpSecret();
  await h.store.saveAgent({ ...h.agents.a_agent!, totpSecret: secret });
  const body = { siteId: 'site_a', login: 'agent', password: PASSWORD };
  assert.equal((await h.call('POST', '/api/login', { body })).json.error.code, 'code_required');
  assert.equal((await h.call('POST', '/api/login', { body: { ...body, code: '12345' } })).json.error.code, 'bad_code');
  const ok = await h.call('POST', '/api/login', { body: { ...body, code: totpCode(secret, T0) } });
  assert.equal(ok.status, 200);
  const replay = await h.call('POST', '/api/login', { body: { ...body, code: totpCode(secret, T0) } });
  assert.deepEqual([replay.status, replay.json.error.code], [401, 'bad_code']);

  await h.store.saveAgent({ ...h.agents.a_supervisor!, disabled: true });
  const disabled = await h.call('POST', '/api/login', { body: { ...body, login: 'supervisor' } });
  assert.deepEqual([disabled.status, disabled.json.error.code], [403, 'disabled']);

  const site = (await h.store.getSite('site_b'))!;
  await h.store.saveSite({ ...site, settings: { ...site.settings, loginIpAllowList: ['10.0.0.0/8'] } });
  const outside = await h.call('POST', '/api/login', { body: { ...body, siteId: 'site_b', login: 'admin' } });
  assert.deepEqual([outside.status, outside.json.error.code], [403, 'ip_not_allowed']);
});

test('login: too many attempts from one address are slowed down', async (t) => {
  const h = await startApi(t, { limits: { signInsPerMinute: 3 } });
  for (let i = 0; i < 3; i++) await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: `x${i}`, password: 'x' } });
  const fourth = await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: PASSWORD } });
  assert.deepEqual([fourth.status, fourth.json.error.code], [429, 'rate_limited']);
  assert.ok(Number(fourth.headers.get('retry-after')) > 0);
  h.clock.time += 60_000;
  assert.equal((await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: PASSWORD } })).status, 200);
});

test('routing: /healthz, unknown routes, wrong methods, CORS preflight, paths that are not the API', async (t) => {
  const h = await startApi(t);
  assert.deepEqual((await h.call('GET', '/healthz')).json, { ok: true });
  const missing = await h.call('GET', '/api/nothing');
  assert.deepEqual([missing.status, missing.json.error.code], [404, 'not_found']);
  const method = await h.call('DELETE', '/api/login');
  assert.deepEqual([method.status, method.json.error.code, method.headers.get('allow')], [405, 'method_not_allowed', 'POST']);
  const preflight = await h.call('OPTIONS', '/api/files', { headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  const other = await h.call('GET', '/index.html');
  assert.deepEqual([other.status, other.text], [404, 'not the API'], 'the API leaves other paths to the server');
  assert.equal((await h.call('GET', '/apiary')).text, 'not the API');
});

test('site: admins read and change their own site; settings are validated; the hub reloads', async (t) => {
  const h = await startApi(t);
  const got = await h.call('GET', '/api/site', { token: h.tokens.a_admin });
  assert.equal(got.status, 200);
  assert.equal(got.json.id, 'site_a');
  assert.equal(got.json.secret, undefined, 'the secret is never shown');
  assert.equal((await h.call('GET', '/api/site', { token: h.tokens.a_agent })).status, 403);

  const patched = await h.call('PATCH', '/api/site', {
    token: h.tokens.a_admin,
    body: { name: 'Shop A+', settings: { allowedOrigins: ['https://shop.example'], welcomeMessage: null, routing: 'sales', loginIpAllowList: ['127.0.0.1', '10.0.0.0/8'] } },
  });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.json.name, 'Shop A+');
  assert.equal(patched.json.settings.routing, 'sales');
  assert.equal(patched.json.settings.welcomeMessage, undefined);
  assert.deepEqual(h.reloads, ['site_a']);
  const stored = await h.store.getSite('site_a');
  assert.equal(stored?.secret, 'secret-site_a', 'the secret is kept');

  // Texts for every language, and for one language (`<language>/<key>`), as the widget and console read them.
  const texts = { 'launcher.open': 'Talk to us', 'ja/launcher.open': 'ご相談はこちら', 'zh-TW/launcher.open': '與我們聊天' };
  const withTexts = await h.call('PATCH', '/api/site', { token: h.tokens.a_admin, body: { settings: { texts } } });
  assert.equal(withTexts.status, 200, withTexts.text);
  assert.deepEqual(withTexts.json.settings.texts, texts);

  for (const [settings, pattern] of [
    [{ allowedOrigins: ['https://shop.example/path'] }, /origin/],
    [{ pushOrigins: ['javascript:alert(1)'] }, /origin/],
    [{ loginIpAllowList: ['10.0.0.0/8'] }, /your own address/],
    [{ loginIpAllowList: ['not-an-ip'] }, /not IPs or CIDR/],
    [{ theme: { accent: 'red;} body{display:none' } }, /may not contain/],
    [{ texts: { 'launcher open': 'x' } }, /may hold only/],
    [{ texts: { '../launcher.open': 'x' } }, /may hold only/],
    [{ routing: 'random' }, /one of/],
    [{ queueTimeoutSeconds: -1 }, /whole number/],
    [{ colour: 'blue' }, /Unknown field "settings.colour"/],
    [{ preChatFields: [{ name: 'q', label: 'Q', kind: 'select' }] }, /options/],
  ] as const) {
    const res = await h.call('PATCH', '/api/site', { token: h.tokens.a_admin, body: { settings } });
    assert.equal(res.status, 400, JSON.stringify(settings));
    assert.equal(res.json.error.code, 'bad_request');
    assert.match(res.json.error.message, pattern);
  }
});

test('site secret and forwarding: shown once, then only whether it is set', async (t) => {
  const h = await startApi(t);
  const rotated = await h.call('POST', '/api/site/secret', { token: h.tokens.a_admin });
  assert.equal(rotated.status, 200);
  assert.equal((await h.store.getSite('site_a'))?.secret, rotated.json.secret);
  assert.equal((await h.call('POST', '/api/site/secret', { token: h.tokens.a_supervisor })).status, 403);

  const put = await h.call('PUT', '/api/site/forwarding', {
    token: h.tokens.a_admin,
    body: { webhookUrl: 'https://hooks.shop.example/parley', emails: ['support@shop.example'] },
  });
  assert.equal(put.status, 200, put.text);
  assert.equal(typeof put.json.webhookSecret, 'string', 'a generated secret is shown once');
  const got = await h.call('GET', '/api/site/forwarding', { token: h.tokens.a_admin });
  assert.deepEqual(got.json, { webhookUrl: 'https://hooks.shop.example/parley', hasWebhookSecret: true, emails: ['support@shop.example'] });
  const bad = await h.call('PUT', '/api/site/forwarding', { token: h.tokens.a_admin, body: { webhookUrl: 'ftp://x', emails: ['nope'] } });
  assert.equal(bad.status, 400);
  assert.equal((await h.call('GET', '/api/site/forwarding', { token: h.tokens.b_admin })).json.webhookUrl, null, 'sites do not share');
});

test('widget config: public, only the visitor settings, honours the origin allow-list', async (t) => {
  const h = await startApi(t);
  const res = await h.call('GET', '/api/widget-config?siteId=site_a');
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.json.settings).sort(), ['offlineFields', 'preChatFields', 'pushOrigins', 'texts', 'theme', 'typingPreview']);
  assert.doesNotMatch(res.text, /secret|loginIpAllowList|allowedOrigins/);
  assert.equal((await h.call('GET', '/api/widget-config?siteId=site_x')).status, 404);
  assert.equal((await h.call('GET', '/api/widget-config')).status, 400);
  const site = (await h.store.getSite('site_a'))!;
  await h.store.saveSite({ ...site, settings: { ...site.settings, allowedOrigins: ['https://shop.example'] } });
  assert.equal((await h.call('GET', '/api/widget-config?siteId=site_a', { headers: { origin: 'https://shop.example' } })).status, 200);
  const evil = await h.call('GET', '/api/widget-config?siteId=site_a', { headers: { origin: 'https://evil.example' } });
  assert.deepEqual([evil.status, evil.json.error.code], [403, 'origin_not_allowed']);
});
