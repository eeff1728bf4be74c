import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { AgentRecord, SiteRecord } from '@parley/core/hub';
import { hashPassword } from '../../../src/auth/password.js';
import { createSignInService, type SignInRequest } from '../../../src/auth/sign-in.js';
import { totpCode, createTotpSecret } from '../../../src/auth/totp.js';
import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { tempDir } from '../store/support/temp.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;

const site = (loginIpAllowList: string[] = []): SiteRecord =>
  ({ id: 'site_a', name: 'Shop', secret: 's', settings: { loginIpAllowList } }) as unknown as SiteRecord;

async function setup(t: TestContext, options: { agent?: Partial<AgentRecord>; allow?: string[] } = {}) {
  const store = openSqliteStore(join(tempDir(t), 'parley.db'));
  t.after(() => store.close());
  const clock = { time: T0, now: () => clock.time };
  await store.saveSite(site(options.allow));
  await store.saveAgent({
    id: 'agt_1', siteId: 'site_a', name: 'Ada', login: 'ada', role: 'admin', groups: [], capacity: 3,
    passwordHash: await hashPassword('s3cret-pass', { ln: 10, r: 8, p: 1 }),
    ...options.agent,
  });
  const service = createSignInService({ store, clock, auth: { issueAgentToken: async (s, a) => `token:${s}:${a}` } });
  const attempt = (over: Partial<SignInRequest> = {}) =>
    service.signIn({ siteId: 'site_a', login: 'ada', password: 's3cret-pass', ip: '203.0.113.5', ...over });
  return { store, clock, attempt };
}

test('the right password signs in and gives a token; the log has the attempt', async (t) => {
  const { attempt, store } = await setup(t);
  const result = await attempt({ userAgent: 'Firefox' });
  assert.ok(result.ok);
  assert.equal(result.token, 'token:site_a:agt_1');
  assert.equal(result.agent.id, 'agt_1');
  const [entry] = await store.listLoginLog('site_a');
  assert.deepEqual({ ...entry, id: undefined }, { id: undefined, siteId: 'site_a', login: 'ada', agentId: 'agt_1', ip: '203.0.113.5', userAgent: 'Firefox', at: T0, outcome: 'ok' });
});

test('an unknown login, a wrong password and an unknown site get the same answer', async (t) => {
  const { attempt, store } = await setup(t);
  assert.deepEqual(await attempt({ password: 'wrong' }), { ok: false, failure: 'bad_credentials' });
  assert.deepEqual(await attempt({ login: 'nobody' }), { ok: false, failure: 'bad_credentials' });
  assert.deepEqual(await attempt({ siteId: 'site_x' }), { ok: false, failure: 'bad_credentials' });
  assert.deepEqual((await store.listLoginLog('site_a')).map((e) => [e.login, e.outcome]), [['nobody', 'bad_credentials'], ['ada', 'bad_credentials']]);
  assert.equal((await store.listLoginLog('site_x')).length, 1, 'attempts on unknown sites are logged too');
});

test('5 failures within 15 minutes lock the login for 15 minutes, even for the right password', async (t) => {
  const { attempt, clock, store } = await setup(t);
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(await attempt({ password: `guess ${i}` }), { ok: false, failure: 'bad_credentials' });
    clock.time += MINUTE;
  }
  const locked = await attempt();
  assert.deepEqual(locked, { ok: false, failure: 'locked', retryAt: T0 + 4 * MINUTE + 15 * MINUTE });
  clock.time = T0 + 4 * MINUTE + 15 * MINUTE - 1;
  assert.equal((await attempt()).ok, false);
  clock.time += 1;
  assert.equal((await attempt()).ok, true, 'the lock lasts 15 minutes');
  assert.equal(await store.countSignInFailures('site_a', 'ada', 0), 0, 'a good sign-in clears the failures');
  assert.equal((await store.listLoginLog('site_a')).filter((e) => e.outcome === 'locked').length, 2);
});

test('failures spread beyond the window do not lock', async (t) => {
  const { attempt, clock } = await setup(t);
  for (let i = 0; i < 8; i++) {
    await attempt({ password: 'wrong' });
    clock.time += 4 * MINUTE;
  }
  assert.equal((await attempt()).ok, true);
});

test('unknown logins lock too, so locking tells nothing about which logins exist', async (t) => {
  const { attempt } = await setup(t);
  for (let i = 0; i < 5; i++) await attempt({ login: 'ghost', password: 'x' });
  const result = await attempt({ login: 'ghost', password: 'x' });
  assert.equal(!result.ok && result.failure, 'locked');
  assert.equal((await attempt()).ok, true, 'other logins are not affected');
});

test('with TOTP on: code required, bad code, good code once, never the same step twice', async (t) => {
  const secret = createTotpSecret();
  const { attempt, clock } = await setup(t, { agent: { totpSecret: secret } });
  assert.deepEqual(await attempt(), { ok: false, failure: 'code_required' });
  assert.deepEqual(await attempt({ password: 'wrong', code: totpCode(secret, clock.time) }), { ok: false, failure: 'bad_credentials' });
  const wrongCode = totpCode(secret, clock.time + 10 * MINUTE);
  assert.deepEqual(await attempt({ code: wrongCode }), { ok: false, failure: 'bad_code' });
  const code = totpCode(secret, clock.time);
  assert.equal((await attempt({ code })).ok, true);
  assert.deepEqual(await attempt({ code }), { ok: false, failure: 'bad_code' }, 'a replayed code is refused');
  clock.time += 30_000;
  assert.deepEqual(await attempt({ code }), { ok: false, failure: 'bad_code' }, 'still refused a step later, though within the window');
  assert.equal((await attempt({ code: totpCode(secret, clock.time) })).ok, true, 'the next step works');
});

test('bad codes count towards the lock-out', async (t) => {
  const secret = createTotpSecret();
  const { attempt, clock } = await setup(t, { agent: { totpSecret: secret } });
  const wrong = totpCode(secret, clock.time) === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i++) assert.deepEqual(await attempt({ code: wrong }), { ok: false, failure: 'bad_code' });
  const result = await attempt({ code: totpCode(secret, clock.time) });
  assert.equal(!result.ok && result.failure, 'locked');
});

test('the IP allow-list: outside refused before anything else, inside allowed', async (t) => {
  const { attempt, store } = await setup(t, { allow: ['10.0.0.0/8', '2001:db8::/32'] });
  assert.deepEqual(await attempt(), { ok: false, failure: 'ip_not_allowed' });
  assert.deepEqual(await attempt({ password: 'wrong' }), { ok: false, failure: 'ip_not_allowed' });
  assert.equal((await attempt({ ip: '10.1.2.3' })).ok, true);
  assert.equal((await attempt({ ip: '::ffff:10.1.2.3' })).ok, true);
  assert.equal((await attempt({ ip: '2001:db8::7' })).ok, true);
  assert.equal(await store.countSignInFailures('site_a', 'ada', 0), 0, 'refused IPs do not lock the agent out');
});

test('a disabled agent is told so only with the right password', async (t) => {
  const { attempt } = await setup(t, { agent: { disabled: true } });
  assert.deepEqual(await attempt({ password: 'wrong' }), { ok: false, failure: 'bad_credentials' });
  assert.deepEqual(await attempt(), { ok: false, failure: 'disabled' });
});

test('a hash with weaker parameters is upgraded at a good sign-in', async (t) => {
  const { attempt, store } = await setup(t);
  assert.match((await store.getAgent('agt_1'))?.passwordHash ?? '', /ln=10,/);
  assert.equal((await attempt({ password: 'wrong' })).ok, false);
  assert.match((await store.getAgent('agt_1'))?.passwordHash ?? '', /ln=10,/, 'not on a failure');
  assert.equal((await attempt()).ok, true);
  assert.match((await store.getAgent('agt_1'))?.passwordHash ?? '', /ln=15,/);
  assert.equal((await attempt()).ok, true, 'the upgraded hash verifies');
});

test('an agent without a password cannot sign in', async (t) => {
  const { attempt } = await setup(t, { agent: { passwordHash: undefined } });
  assert.deepEqual(await attempt(), { ok: false, failure: 'bad_credentials' });
});
