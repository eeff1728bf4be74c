/** Canned items, history and its exports, offline messages and the login log over real HTTP. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { startApi, T0 } from './support/harness.js';

test('canned: admins write, agents search incrementally; per site', async (t) => {
  const h = await startApi(t);
  const reply = await h.call('POST', '/api/canned', { token: h.tokens.a_admin, body: { kind: 'reply', title: 'Greeting', text: 'Hello! How can I help?', shortcut: 'hi' } });
  assert.equal(reply.status, 201, reply.text);
  const link = await h.call('POST', '/api/canned', { token: h.tokens.a_admin, body: { kind: 'link', title: 'Returns policy', url: 'https://shop.example/returns' } });
  assert.equal(link.status, 201);
  assert.equal((await h.call('POST', '/api/canned', { token: h.tokens.a_admin, body: { kind: 'link', title: 'x', url: 'javascript:alert(1)' } })).status, 400);
  assert.equal((await h.call('POST', '/api/canned', { token: h.tokens.a_admin, body: { kind: 'file', title: 'x', fileId: 'fil_nope' } })).status, 400);
  assert.equal((await h.call('POST', '/api/canned', { token: h.tokens.a_agent, body: { kind: 'reply', title: 'x', text: 'y' } })).status, 403);

  const search = async (q: string, token = h.tokens.a_agent) =>
    (await h.call('GET', `/api/canned?q=${encodeURIComponent(q)}`, { token })).json.items.map((i: { title: string }) => i.title);
  assert.deepEqual(await search('re'), ['Greeting', 'Returns policy']);
  assert.deepEqual(await search('ret'), ['Returns policy']);
  assert.deepEqual(await search('HELP'), ['Greeting']);
  assert.deepEqual(await search('hi'), ['Greeting']);
  assert.deepEqual(await search('greet', h.tokens.b_agent), [], 'another site sees none');

  const patched = await h.call('PATCH', `/api/canned/${reply.json.id}`, { token: h.tokens.a_admin, body: { text: 'Hi there!', shortcut: null } });
  assert.equal(patched.status, 200);
  assert.deepEqual([patched.json.text, patched.json.shortcut, patched.json.createdAt], ['Hi there!', undefined, T0]);
  assert.equal((await h.call('GET', `/api/canned/${reply.json.id}`, { token: h.tokens.b_admin })).status, 404);
  assert.equal((await h.call('DELETE', `/api/canned/${reply.json.id}`, { token: h.tokens.b_admin })).status, 404);
  assert.equal((await h.call('DELETE', `/api/canned/${reply.json.id}`, { token: h.tokens.a_admin })).status, 204);
});

async function seedHistory(h: Awaited<ReturnType<typeof startApi>>) {
  await h.session({ id: 'ses_1', agentId: 'agt_a_agent', visitorId: 'vis_1', createdAt: T0, state: 'ended' });
  await h.session({ id: 'ses_2', agentId: 'agt_a_supervisor', visitorId: 'vis_2', createdAt: T0 + 1000 });
  await h.session({ id: 'ses_b', siteId: 'site_b', agentId: 'agt_b_agent', visitorId: 'vis_1', createdAt: T0 + 2000 });
  const say = (sessionId: string, n: number, text: string, author = { kind: 'visitor' as const, id: 'vis_1', name: 'Bo' }) =>
    h.store.appendMessage({ id: `msg_${sessionId}_${n}`, sessionId, clientId: `c${n}`, author, at: T0 + n, text });
  await say('ses_1', 1, '=HYPERLINK("http://evil.example","click")');
  await say('ses_1', 2, 'She said "hi", then left\nNew line', { kind: 'agent', id: 'agt_a_agent', name: 'Ada' } as never);
  await say('ses_1', 3, '<script>alert(1)</script> & <img src=x onerror=alert(2)>');
  await say('ses_2', 1, 'Where is my order?');
  await say('ses_b', 1, 'order from site b');
}

test('history: supervisors see the site, agents only their chats, nobody another site', async (t) => {
  const h = await startApi(t);
  await seedHistory(h);
  const ids = async (query: string, token: string) => {
    const res = await h.call('GET', `/api/history${query}`, { token });
    assert.equal(res.status, 200, res.text);
    return res.json.sessions.map((s: { session: { id: string } }) => s.session.id);
  };
  assert.deepEqual(await ids('', h.tokens.a_supervisor), ['ses_2', 'ses_1']);
  assert.deepEqual(await ids('', h.tokens.a_agent), ['ses_1']);
  assert.deepEqual(await ids('?text=ORDER', h.tokens.a_supervisor), ['ses_2']);
  assert.deepEqual(await ids('?visitorId=vis_1', h.tokens.a_admin), ['ses_1']);
  assert.deepEqual(await ids(`?from=${T0 + 500}`, h.tokens.a_admin), ['ses_2']);
  assert.deepEqual(await ids(`?to=${new Date(T0 + 500).toISOString()}`, h.tokens.a_admin), ['ses_1']);
  assert.deepEqual(await ids('?agentId=agt_b_agent', h.tokens.a_admin), [], "another site's agent finds nothing");
  const full = await h.call('GET', '/api/history?limit=1', { token: h.tokens.a_supervisor });
  assert.equal(full.json.sessions[0].messages[0].text, 'Where is my order?');
  const other = await h.call('GET', '/api/history?agentId=agt_a_supervisor', { token: h.tokens.a_agent });
  assert.deepEqual([other.status, other.json.error.code], [403, 'forbidden']);
  assert.equal((await h.call('GET', '/api/history?from=yesterday', { token: h.tokens.a_admin })).status, 400);
  assert.equal((await h.call('GET', '/api/history?limit=100000', { token: h.tokens.a_admin })).status, 400);
});

test('export.csv: RFC 4180 quoting and no formulas', async (t) => {
  const h = await startApi(t);
  await seedHistory(h);
  const res = await h.call('GET', '/api/history/export.csv?visitorId=vis_1', { token: h.tokens.a_admin });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="parley-history-2026-01-01\.csv"$/);
  const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'session,session_created,state,visitor,agent,seq,time,author_kind,author_id,author_name,text,attachments');
  assert.equal(lines[1], `ses_1,2026-01-01T12:00:00.000Z,ended,vis_1,agt_a_agent,1,2026-01-01T12:00:00.001Z,visitor,vis_1,Bo,"'=HYPERLINK(""http://evil.example"",""click"")",`);
  assert.equal(lines[2], 'ses_1,2026-01-01T12:00:00.000Z,ended,vis_1,agt_a_agent,2,2026-01-01T12:00:00.002Z,agent,agt_a_agent,Ada,"She said ""hi"", then left\nNew line",', 'a line break stays inside the quotes');
  assert.doesNotMatch(res.text, /order from site b/);
});

test('export.html: everything escaped, strict CSP, downloaded not rendered inline', async (t) => {
  const h = await startApi(t);
  await seedHistory(h);
  const res = await h.call('GET', '/api/history/export.html', { token: h.tokens.a_supervisor });
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /sandbox/);
  assert.doesNotMatch(csp, /unsafe/);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment/);
  assert.doesNotMatch(res.text, /<script>|<img/);
  assert.match(res.text, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; &#60;img src=x onerror=alert\(2\)&#62;/);
  assert.match(res.text, /Where is my order\?/);
  assert.doesNotMatch(res.text, /order from site b/);
  const agentOnly = await h.call('GET', '/api/history/export.html', { token: h.tokens.a_agent });
  assert.doesNotMatch(agentOnly.text, /Where is my order/, 'an agent exports only its own chats');
});

test('offline messages: list, mark replied (and undo); per site', async (t) => {
  const h = await startApi(t);
  const base = { siteId: 'site_a', visitorId: 'vis_1', fields: { message: 'Call me' }, replied: false };
  await h.store.saveOfflineMessage({ ...base, id: 'off_1', createdAt: T0 });
  await h.store.saveOfflineMessage({ ...base, id: 'off_2', createdAt: T0 + 1 });
  await h.store.saveOfflineMessage({ ...base, id: 'off_b', siteId: 'site_b', createdAt: T0 });
  const list = await h.call('GET', '/api/offline', { token: h.tokens.a_agent });
  assert.deepEqual(list.json.offlineMessages.map((m: { id: string }) => m.id), ['off_2', 'off_1']);
  const marked = await h.call('POST', '/api/offline/off_1/replied', { token: h.tokens.a_agent });
  assert.deepEqual([marked.status, marked.json.replied], [200, true]);
  const open = await h.call('GET', '/api/offline?replied=false', { token: h.tokens.a_agent });
  assert.deepEqual(open.json.offlineMessages.map((m: { id: string }) => m.id), ['off_2']);
  const undone = await h.call('POST', '/api/offline/off_1/replied', { token: h.tokens.a_agent, body: { replied: false } });
  assert.equal(undone.json.replied, false);
  assert.equal((await h.call('POST', '/api/offline/off_b/replied', { token: h.tokens.a_agent })).status, 404);
  assert.equal((await h.store.getOfflineMessage('off_b'))?.replied, false);
  assert.equal((await h.call('GET', '/api/offline?replied=maybe', { token: h.tokens.a_agent })).status, 400);
});

test('login log: admins only, their site only', async (t) => {
  const h = await startApi(t);
  await h.call('POST', '/api/login', { body: { siteId: 'site_a', login: 'agent', password: 'wrong' } });
  await h.call('POST', '/api/login', { body: { siteId: 'site_b', login: 'agent', password: 'wrong' } });
  const log = await h.call('GET', '/api/login-log', { token: h.tokens.a_admin });
  assert.equal(log.json.entries.length, 1);
  assert.deepEqual([log.json.entries[0].login, log.json.entries[0].outcome, log.json.entries[0].ip], ['agent', 'bad_credentials', '127.0.0.1']);
  assert.equal((await h.call('GET', '/api/login-log', { token: h.tokens.a_supervisor })).status, 403);
  assert.equal((await h.call('GET', '/api/login-log?agentId=agt_a_agent', { token: h.tokens.a_admin })).json.entries.length, 1);
});
