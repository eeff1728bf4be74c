import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Secret, URI } from 'otpauth';
import { createTotpSecret, matchTotp, totpCode, totpUri, type TotpAlgorithm } from '../../../src/auth/totp.js';

// RFC 6238, appendix B: the seeds are ASCII, 20/32/64 bytes for SHA1/SHA256/SHA512.
const SEEDS: Record<TotpAlgorithm, string> = {
  SHA1: Secret.fromLatin1('12345678901234567890').base32,
  SHA256: Secret.fromLatin1('12345678901234567890123456789012').base32,
  SHA512: Secret.fromLatin1('1234567890123456789012345678901234567890123456789012345678901234').base32,
};
const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('RFC 6238 test vectors, SHA1, SHA256 and SHA512', () => {
  for (const [seconds, ...codes] of VECTORS) {
    (['SHA1', 'SHA256', 'SHA512'] as const).forEach((algorithm, i) => {
      const options = { algorithm, digits: 8 };
      assert.equal(totpCode(SEEDS[algorithm], seconds * 1000, options), codes[i], `${algorithm} at ${seconds}`);
      assert.equal(matchTotp(SEEDS[algorithm], codes[i] ?? '', seconds * 1000, options), Math.floor(seconds / 30), `${algorithm} matches its step`);
    });
  }
});

test('a code is accepted one step either side, not two', () => {
  const secret = createTotpSecret();
  const at = 1_800_000_000_000;
  const step = Math.floor(at / 30_000);
  const code = totpCode(secret, at);
  assert.equal(matchTotp(secret, code, at), step);
  assert.equal(matchTotp(secret, code, at + 30_000), step, 'a step late');
  assert.equal(matchTotp(secret, code, at - 30_000), step, 'a step early');
  assert.equal(matchTotp(secret, code, at + 60_000), undefined, 'two steps late');
  assert.equal(matchTotp(secret, code, at - 60_000), undefined, 'two steps early');
});

test('malformed codes do not match', () => {
  const secret = createTotpSecret();
  for (const code of ['', '12345', '1234567', 'abcdef', ' 123456', '12345\n']) assert.equal(matchTotp(secret, code, Date.now()), undefined);
});

test('secrets are random Base32 of 160 bits; the URI carries what an app needs', () => {
  const secret = createTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.notEqual(secret, createTotpSecret());
  const uri = totpUri(secret, { issuer: 'Parley Shop', label: 'ada' });
  assert.match(uri, /^otpauth:\/\/totp\//);
  const parsed = URI.parse(uri);
  assert.equal(parsed.secret.base32, secret);
  assert.equal(parsed.issuer, 'Parley Shop');
  assert.equal(parsed.label, 'ada');
});
