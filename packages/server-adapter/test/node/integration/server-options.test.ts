/**
 * createParleyServer's own options: static folders, mounting on an existing
 * HTTP server through `handle()`, the generated secret, and a graceful close
 * that tells clients why.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { silentLogger } from '../../../src/log.js';
import { createParleyServer } from '../../../src/server.js';
import { openRaw } from '../transports/support/raw-socket.js';
import { makeVisitor, until } from './support/clients.js';
import { SITE_ID, startTestServer, testSiteSettings } from './support/server.js';

/** A GET without URL normalisation (fetch would resolve `..` itself). */
function rawGet(url: string, path: string): Promise<{ status: number; type?: string; body: string; location?: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          ...(res.headers['content-type'] && { type: res.headers['content-type'] }),
          ...(res.headers.location && { location: res.headers.location }),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('createParleyServer options', () => {
  it('serves static folders: index.html, content types, longest prefix first, nothing outside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-static-'));
    mkdirSync(join(root, 'site'));
    mkdirSync(join(root, 'console'));
    writeFileSync(join(root, 'site', 'index.html'), '<h1>shop</h1>');
    writeFileSync(join(root, 'site', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'console', 'index.html'), '<h1>console</h1>');
    writeFileSync(join(root, 'secret.txt'), 'not for you');
    const t = await startTestServer({ serveStatic: { '/': join(root, 'site'), '/console': join(root, 'console') } });
    try {
      assert.deepEqual(await rawGet(t.url, '/'), { status: 200, body: '<h1>shop</h1>', type: 'text/html; charset=utf-8' });
      assert.equal((await rawGet(t.url, '/app.js')).type, 'text/javascript; charset=utf-8');
      assert.equal((await rawGet(t.url, '/console/')).body, '<h1>console</h1>');
      assert.equal((await rawGet(t.url, '/console')).location, '/console/');
      assert.equal((await rawGet(t.url, '/../secret.txt')).status, 404);
      assert.equal((await rawGet(t.url, '/%2e%2e/secret.txt')).status, 404);
      assert.equal((await rawGet(t.url, '/nope.html')).status, 404);
      assert.equal((await rawGet(t.url, '/healthz')).status, 200, 'the API still answers');
    } finally {
      await t.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('mounts on an existing server: handle() for requests, its own upgrade listener for WebSocket', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-mount-'));
    const http = createServer();
    const parley = createParleyServer({ server: http, dataDir, logger: silentLogger });
    http.on('request', (req, res) => {
      void parley.handle(req, res).then((handled) => {
        if (!handled) res.writeHead(200, { 'content-type': 'text/plain' }).end('the host app');
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const { url: reported } = await parley.listen();
      assert.equal(reported, url);
      assert.equal((await rawGet(url, '/somewhere')).body, 'the host app');
      assert.equal((await rawGet(url, '/healthz')).status, 200);
      await parley.store.saveSite({ id: SITE_ID, name: 'Mounted', secret: 'k'.repeat(32), settings: testSiteSettings() });
      const socket = openRaw(`${url.replace('http', 'ws')}/parley/ws?siteId=${SITE_ID}`);
      assert.equal(await socket.opened, 101);
      socket.send({ type: 'hello', v: 1, role: 'visitor', siteId: SITE_ID });
      await socket.next((f) => f.type === 'welcome');
      await parley.close();
      assert.equal((await socket.waitClose()).code, 1001);
      assert.ok(http.listening, 'the host’s server is left running');
    } finally {
      await new Promise((resolve) => http.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps a generated secret in the data folder (0600) and reuses it, so tokens survive restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-secret-'));
    try {
      const first = await startTestServer({ dataDir });
      const token = await first.signIn('ada');
      await first.close();
      const secret = readFileSync(join(dataDir, 'secret'), 'utf8');
      assert.equal(statSync(join(dataDir, 'secret')).mode & 0o777, 0o600);
      assert.equal(statSync(join(dataDir, 'parley.db')).mode & 0o777, 0o600);
      const second = await startTestServer({ dataDir });
      try {
        assert.equal(readFileSync(join(dataDir, 'secret'), 'utf8'), secret);
        assert.ok(await second.server.auth.verifyAgentToken(token), 'a token from before the restart still verifies');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('closes gracefully: clients hear 1001 with a reason, and the server logs it', async () => {
    const t = await startTestServer();
    const reasons: string[] = [];
    const visitor = makeVisitor(t.url, { kind: 'websocket' });
    visitor.on('status', (status) => reasons.push(status));
    await until('connected', () => visitor.status === 'open');
    const raw = openRaw(`${t.url.replace('http', 'ws')}/parley/ws?siteId=${SITE_ID}`);
    await raw.opened;
    await t.close();
    assert.deepEqual(await raw.waitClose(), { code: 1001, reason: 'server shutting down' });
    await until('the client noticed', () => reasons.includes('reconnecting'));
    visitor.close();
    assert.ok(t.log.entries.some((e) => e.msg === 'server.closed'));
  });
});
