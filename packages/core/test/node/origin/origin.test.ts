/** One origin rule for the server, the hub and the HTTP API. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOriginMatcher, isOriginAllowed, normaliseOrigin } from '../../../src/index.js';
import { createEnv } from '../hub/support/env.js';

test('origins are compared by scheme, host and port, in lower case, default ports dropped', () => {
  assert.equal(normaliseOrigin('HTTPS://Shop.Example:443/path?q'), 'https://shop.example');
  assert.equal(normaliseOrigin('http://localhost:8080/'), 'http://localhost:8080');
  const match = createOriginMatcher(['https://shop.example/']);
  assert.ok(match('https://SHOP.example'));
  assert.ok(!match('http://shop.example'), 'the scheme matters');
  assert.ok(!match('https://shop.example:8443'), 'the port matters');
  assert.ok(!match('https://shop.example.evil.com'));
});

test('patterns: * is one host label or a port, never a dot or anything else', () => {
  const match = createOriginMatcher(['https://*.example.com', 'http://localhost:*']);
  assert.ok(match('https://www.example.com'));
  assert.ok(!match('https://example.com'), 'the label is required');
  assert.ok(!match('https://a.b.example.com'), 'one label only');
  assert.ok(!match('https://evil.com/.example.com'));
  assert.ok(match('http://localhost:5173'));
  assert.ok(!match('http://localhost.evil.com:80'));
  assert.ok(!match('null'), 'sandboxed frames never match a list');
  assert.ok(createOriginMatcher(['*'])('https://anything.example'));
});

test('an empty list allows any origin, and a request without an Origin passes', () => {
  assert.ok(isOriginAllowed([], 'https://any.example'));
  assert.ok(isOriginAllowed(['https://shop.example'], undefined));
  assert.ok(!isOriginAllowed(['https://shop.example'], 'https://other.example'));
});

test('the hub applies the same rule at hello: a wildcard port lets a local page in', async () => {
  const env = await createEnv({ settings: { allowedOrigins: ['http://localhost:*'] } });
  const { welcome } = await env.visitor({ context: { origin: 'http://localhost:5173' } });
  assert.equal(welcome.role, 'visitor');
  const refused = env.raw({ origin: 'http://evil.example' });
  refused.send({ type: 'hello', v: 1, role: 'visitor', siteId: 'site_a' });
  const error = await refused.next('error');
  assert.equal(error.code, 'forbidden');
  assert.equal(error.fatal, true);
  await env.close();
});
