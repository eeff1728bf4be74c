import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { hashPassword, needsRehash, verifyPassword } from '../../../src/auth/password.js';

const FAST = { ln: 10, r: 8, p: 1 };

test('a hash verifies its password and no other', async () => {
  const hash = await hashPassword('correct horse battery staple');
  assert.match(hash, /^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
  assert.equal(await verifyPassword('correct horse battery staple', hash), true);
  assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
  assert.equal(await verifyPassword('', hash), false);
});

test('the salt is random; the parameters travel in the hash', async () => {
  const [a, b] = await Promise.all([hashPassword('same', FAST), hashPassword('same', FAST)]);
  assert.notEqual(a, b);
  assert.match(a, /^scrypt\$ln=10,r=8,p=1\$/);
  assert.equal(await verifyPassword('same', a), true);
  assert.equal(needsRehash(a), true, 'weaker than the default');
  assert.equal(needsRehash(await hashPassword('x')), false);
});

test('Unicode forms of one password are one password', async () => {
  const hash = await hashPassword('caf\u00e9', FAST);
  assert.equal(await verifyPassword('cafe\u0301', hash), true);
});

test('malformed or hostile hashes are refused, never thrown on', async () => {
  for (const bad of ['', 'plain', 'scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA', 'bcrypt$2b$10$abc', 'scrypt$ln=10,r=8,p=1$!!$!!']) {
    assert.equal(await verifyPassword('x', bad), false, bad);
  }
  assert.equal(await verifyPassword('x'.repeat(5000), await hashPassword('x', FAST)), false);
  await assert.rejects(hashPassword('x'.repeat(5000)), RangeError);
});
