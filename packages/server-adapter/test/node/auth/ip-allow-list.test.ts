import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseIpAllowList } from '../../../src/auth/ip-allow-list.js';

test('an empty list allows every address', () => {
  const { list } = parseIpAllowList([]);
  assert.equal(list.allows('203.0.113.1'), true);
  assert.equal(list.allows('2001:db8::1'), true);
});

test('IPv4 addresses and CIDR ranges', () => {
  const { list, invalid } = parseIpAllowList(['203.0.113.7', '10.0.0.0/8', '192.168.1.0/24']);
  assert.deepEqual(invalid, []);
  assert.equal(list.allows('203.0.113.7'), true);
  assert.equal(list.allows('203.0.113.8'), false);
  assert.equal(list.allows('10.255.1.2'), true);
  assert.equal(list.allows('11.0.0.1'), false);
  assert.equal(list.allows('192.168.1.200'), true);
  assert.equal(list.allows('192.168.2.1'), false);
  assert.equal(list.allows('::ffff:10.1.2.3'), true, 'IPv4-mapped IPv6, as a dual-stack socket reports it');
  assert.equal(list.allows('::ffff:11.1.2.3'), false);
});

test('IPv6 addresses and ranges', () => {
  const { list } = parseIpAllowList(['2001:db8::/32', '::1']);
  assert.equal(list.allows('2001:db8:1234::5'), true);
  assert.equal(list.allows('2001:db9::1'), false);
  assert.equal(list.allows('::1'), true);
  assert.equal(list.allows('127.0.0.1'), false);
});

test('invalid entries are reported; a list of only invalid entries allows nobody', () => {
  const parsed = parseIpAllowList(['10.0.0.0/33', 'example.com', '1.2.3.4/8/1', '::/129', '10.0.0.0/x']);
  assert.deepEqual(parsed.invalid, ['10.0.0.0/33', 'example.com', '1.2.3.4/8/1', '::/129', '10.0.0.0/x']);
  assert.equal(parsed.list.allows('10.0.0.1'), false);
  assert.equal(parseIpAllowList(['10.0.0.0/8']).list.allows('not an ip'), false);
});
