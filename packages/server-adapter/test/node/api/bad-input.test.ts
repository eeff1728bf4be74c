/**
 * The matrix of bad input on the API's routes: each case gets the right
 * status and a clear message, and afterwards the server still answers and
 * nothing stored was lost or changed.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createTokenAuth } from '@parley/core/hub';
import { HTML, PNG, SVG } from '../files/support/samples.js';
import { PASSWORD, startApi, T0, type CallOptions } from './support/harness.js';

interface Case {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly options?: CallOptions;
  readonly status: number;
  readonly code: string;
  readonly message?: RegExp;
}

test('bad input matrix', async (t) => {
  const h = await startApi(t);
  await h.session({ id: 'ses_a1', visitorId: 'vis_1' });
  await h.session({ id: 'ses_a2', visitorId: 'vis_2' });
  await h.session({ id: 'ses_b1', siteId: 'site_b', visitorId: 'vis_1' });
  await h.store.saveOfflineMessage({ id: 'off_b', siteId: 'site_b', visitorId: 'vis_1', fields: { message: 'b' }, createdAt: T0, replied: false });
  const visitor = await h.auth.issueVisitorToken('site_a', 'vis_1');
  const expired = await h.token('a_admin', -1);
  const forgedAuth = createTokenAuth({ secret: 'another-secret-another-secret-another-secret' });
  const forged = await forgedAuth.issueAgentToken('site_a', 'agt_a_admin');
  const upload = await h.call('POST', '/api/files?sessionId=ses_a2', { visitorToken: await h.auth.issueVisitorToken('site_a', 'vis_2'), raw: PNG });
  const otherVisitorsFile = `/api/files/${upload.json.id}?sig=${'A'.repeat(43)}`;
  const login = (body: unknown) => ({ body });

  const cases: Case[] = [
    { name: 'wrong password', method: 'POST', path: '/api/login', options: login({ siteId: 'site_a', login: 'agent', password: 'wrong' }), status: 401, code: 'bad_credentials', message: /login or password is wrong/ },
    { name: 'unknown site', method: 'POST', path: '/api/login', options: login({ siteId: 'site_x', login: 'agent', password: PASSWORD }), status: 401, code: 'bad_credentials' },
    { name: 'login without password', method: 'POST', path: '/api/login', options: login({ siteId: 'site_a', login: 'agent' }), status: 400, code: 'bad_request', message: /"password" is required/ },
    { name: 'login with extra field', method: 'POST', path: '/api/login', options: login({ siteId: 'site_a', login: 'a', password: 'b', admin: true }), status: 400, code: 'bad_request', message: /Unknown field "admin"/ },
    { name: 'login with a number for a login', method: 'POST', path: '/api/login', options: login({ siteId: 'site_a', login: 42, password: 'b' }), status: 400, code: 'bad_request', message: /"login" must be a string/ },
    { name: 'malformed JSON', method: 'POST', path: '/api/login', options: { raw: '{"siteId": "site_a",', contentType: 'application/json' }, status: 400, code: 'invalid_json', message: /not valid JSON/ },
    { name: 'JSON that is not an object', method: 'POST', path: '/api/login', options: { raw: '[1,2]', contentType: 'application/json' }, status: 400, code: 'bad_request', message: /JSON object/ },
    { name: 'invalid UTF-8', method: 'POST', path: '/api/login', options: { raw: Buffer.from([0x7b, 0xff, 0x7d]), contentType: 'application/json' }, status: 400, code: 'invalid_json' },
    { name: 'wrong content type', method: 'POST', path: '/api/login', options: { raw: 'siteId=site_a', contentType: 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type', message: /application\/json/ },
    { name: 'oversized JSON body', method: 'POST', path: '/api/login', options: { raw: JSON.stringify({ siteId: 'x'.repeat(5000) }), contentType: 'application/json' }, status: 413, code: 'payload_too_large', message: /2048 bytes/ },
    { name: 'no token', method: 'GET', path: '/api/site', status: 401, code: 'unauthorized', message: /Sign in first/ },
    { name: 'garbage token', method: 'GET', path: '/api/site', options: { token: 'garbage' }, status: 401, code: 'unauthorized', message: /invalid or has expired/ },
    { name: 'forged token', method: 'GET', path: '/api/site', options: { token: forged }, status: 401, code: 'unauthorized' },
    { name: 'expired token', method: 'GET', path: '/api/site', options: { token: expired }, status: 401, code: 'unauthorized' },
    { name: 'visitor token on an agent route', method: 'GET', path: '/api/site', options: { visitorToken: visitor }, status: 401, code: 'unauthorized' },
    { name: 'visitor token passed as Bearer', method: 'GET', path: '/api/me', options: { token: visitor }, status: 401, code: 'unauthorized' },
    { name: 'missing permission: agent reads site', method: 'GET', path: '/api/site', options: { token: h.tokens.a_agent }, status: 403, code: 'forbidden', message: /site\.manage/ },
    { name: 'missing permission: agent creates agent', method: 'POST', path: '/api/agents', options: { token: h.tokens.a_agent, body: { name: 'x', login: 'x' } }, status: 403, code: 'forbidden' },
    { name: 'missing permission: supervisor reads login log', method: 'GET', path: '/api/login-log', options: { token: h.tokens.a_supervisor }, status: 403, code: 'forbidden' },
    { name: 'wrong site: agent', method: 'PATCH', path: '/api/agents/agt_b_admin', options: { token: h.tokens.a_admin, body: { disabled: true } }, status: 404, code: 'not_found' },
    { name: 'wrong site: offline message', method: 'POST', path: '/api/offline/off_b/replied', options: { token: h.tokens.a_admin }, status: 404, code: 'not_found' },
    { name: 'wrong site: upload into a session', method: 'POST', path: '/api/files?sessionId=ses_b1', options: { token: h.tokens.a_admin, raw: PNG }, status: 404, code: 'not_found' },
    { name: "another visitor's session", method: 'POST', path: '/api/files?sessionId=ses_a2', options: { visitorToken: visitor, raw: PNG }, status: 404, code: 'not_found' },
    { name: "another visitor's file without its capability", method: 'GET', path: otherVisitorsFile, status: 404, code: 'not_found' },
    { name: 'forged visitor token', method: 'POST', path: '/api/files?sessionId=ses_a1', options: { visitorToken: await forgedAuth.issueVisitorToken('site_a', 'vis_1'), raw: PNG }, status: 401, code: 'unauthorized' },
    { name: 'SVG disguised as .png', method: 'POST', path: '/api/files?sessionId=ses_a1&name=cute.png', options: { visitorToken: visitor, raw: SVG, contentType: 'image/png' }, status: 415, code: 'unsupported_media_type' },
    { name: 'HTML disguised as .png', method: 'POST', path: '/api/files?sessionId=ses_a1&name=cute.png', options: { visitorToken: visitor, raw: HTML, contentType: 'image/png' }, status: 415, code: 'unsupported_media_type' },
    { name: 'oversized file', method: 'POST', path: '/api/files?sessionId=ses_a1', options: { visitorToken: visitor, raw: Buffer.alloc(64 * 1024 + 1) }, status: 413, code: 'payload_too_large' },
    { name: 'bad id in a query', method: 'GET', path: '/api/history?agentId=%27%20OR%201%3D1', options: { token: h.tokens.a_admin }, status: 400, code: 'bad_request' },
    { name: 'percent-garbage in a path', method: 'GET', path: '/api/agents/%E0%A4%A', options: { token: h.tokens.a_admin }, status: 404, code: 'not_found' },
    { name: 'unknown route', method: 'GET', path: '/api/agents/x/y/z', options: { token: h.tokens.a_admin }, status: 404, code: 'not_found' },
    { name: 'wrong method', method: 'PUT', path: '/api/agents', options: { token: h.tokens.a_admin, body: {} }, status: 405, code: 'method_not_allowed' },
  ];

  for (const c of cases) {
    const res = await h.call(c.method, c.path, c.options);
    assert.equal(res.status, c.status, `${c.name}: ${res.text}`);
    assert.equal(res.json?.error?.code, c.code, `${c.name}: ${res.text}`);
    assert.equal(typeof res.json.error.message, 'string', c.name);
    assert.ok(res.json.error.message.length > 5, `${c.name}: a clear message`);
    if (c.message) assert.match(res.json.error.message, c.message, c.name);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8', c.name);
  }

  // A client that keeps sending after its answer is cut off, and the server carries on.
  async function* forever() {
    for (;;) {
      yield Buffer.alloc(64 * 1024);
      await new Promise((r) => setImmediate(r));
    }
  }
  const started = Date.now();
  const stubborn = await h.stream('/api/files?sessionId=ses_a1', forever(), { authorization: `Visitor ${visitor}`, 'transfer-encoding': 'chunked' }, true);
  assert.equal(stubborn.status, 413, JSON.stringify(stubborn));
  const took = Date.now() - started;
  assert.ok(took >= 1500 && took < 5000, `the server dropped the rest for a while, then cut the connection (${took} ms)`);

  // Nothing crashed, nothing was lost or changed.
  assert.equal((await h.call('GET', '/healthz')).status, 200);
  assert.deepEqual(h.log.entries.filter((e) => e.level === 'error'), [], 'no unexpected error was logged');
  assert.equal((await h.store.getAgent('agt_b_admin'))?.disabled, undefined);
  assert.equal((await h.store.getOfflineMessage('off_b'))?.replied, false);
  assert.equal((await h.store.listAgents('site_a')).length, 3);
  assert.equal((await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'admin', password: PASSWORD } })).status, 200);
});
