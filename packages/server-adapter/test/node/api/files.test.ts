/** Uploads and downloads over real HTTP. */
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HTML, PDF, PNG, SVG, TEXT } from '../files/support/samples.js';
import { startApi } from './support/harness.js';

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
  } catch {
    return [];
  }
};

async function withSession(t: Parameters<typeof startApi>[0]) {
  const h = await startApi(t);
  await h.session({ id: 'ses_a1', visitorId: 'vis_1' });
  await h.session({ id: 'ses_a2', visitorId: 'vis_2' });
  await h.session({ id: 'ses_b1', siteId: 'site_b', visitorId: 'vis_1' });
  const visitor = await h.auth.issueVisitorToken('site_a', 'vis_1');
  return { ...h, visitor };
}

test('a visitor uploads an image into its session; the URL works in an <img>, with safe headers', async (t) => {
  const h = await withSession(t);
  const up = await h.call('POST', '/api/files?sessionId=ses_a1&name=photo.png', { visitorToken: h.visitor, raw: PNG, contentType: 'image/png' });
  assert.equal(up.status, 201, up.text);
  assert.deepEqual([up.json.name, up.json.type, up.json.size], ['photo.png', 'image/png', PNG.length]);
  assert.match(up.json.url, /^\/api\/files\/fil_[A-Za-z0-9_-]+\?sig=[A-Za-z0-9_-]{43}$/);
  assert.equal((await h.store.getFile(up.json.id))?.uploader.id, 'vis_1');

  // No Authorization header: the capability in the URL is enough, as for an <img src>.
  const down = await fetch(h.base + up.json.url);
  assert.equal(down.status, 200);
  assert.deepEqual(Buffer.from(await down.arrayBuffer()), PNG);
  assert.equal(down.headers.get('content-type'), 'image/png');
  assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(down.headers.get('content-disposition'), `inline; filename="photo.png"; filename*=UTF-8''photo.png`);
  assert.equal(down.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  assert.equal(down.headers.get('cross-origin-resource-policy'), 'cross-origin');
  assert.match(down.headers.get('cache-control') ?? '', /^private/);

  const cached = await fetch(h.base + up.json.url, { headers: { 'if-none-match': down.headers.get('etag') ?? '' } });
  assert.equal(cached.status, 304);
  const head = await fetch(h.base + up.json.url, { method: 'HEAD' });
  assert.deepEqual([head.status, head.headers.get('content-length')], [200, String(PNG.length)]);

  // Change the signature's first character (to another one: it may already be an A).
  const forged = await fetch(h.base + up.json.url.replace(/sig=(.)/, (_: string, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`));
  assert.equal(forged.status, 404);
  assert.equal((await fetch(`${h.base}/api/files/${up.json.id}`)).status, 404, 'no capability, no file');
});

test('non-images download as attachments named after their content', async (t) => {
  const h = await withSession(t);
  const text = await h.call('POST', '/api/files?sessionId=ses_a1&name=run.bat', { visitorToken: h.visitor, raw: TEXT });
  assert.equal(text.json.type, 'text/plain; charset=utf-8');
  const down = await fetch(h.base + text.json.url);
  assert.equal(down.headers.get('content-disposition'), `attachment; filename="run.bat.txt"; filename*=UTF-8''run.bat.txt`);
  const pdf = await h.call('POST', `/api/files?sessionId=ses_a1&name=${encodeURIComponent('Rechnung März.pdf')}`, { token: h.tokens.a_agent, raw: PDF });
  assert.equal(pdf.status, 201, 'an agent uploads into a session of its site');
  const pdfDown = await fetch(h.base + pdf.json.url);
  assert.equal(pdfDown.headers.get('content-disposition'), `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`);
});

test('uploads go only into the uploader\'s own session or site', async (t) => {
  const h = await withSession(t);
  const upload = (path: string, auth: { visitorToken?: string; token?: string }) => h.call('POST', path, { ...auth, raw: PNG });
  assert.equal((await upload('/api/files?sessionId=ses_a2', { visitorToken: h.visitor })).status, 404, "another visitor's session");
  assert.equal((await upload('/api/files?sessionId=ses_b1', { visitorToken: h.visitor })).status, 404, "another site's session");
  assert.equal((await upload('/api/files?sessionId=ses_b1', { token: h.tokens.a_agent })).status, 404, "an agent and another site's session");
  assert.equal((await upload('/api/files?sessionId=ses_nope', { visitorToken: h.visitor })).status, 404);
  assert.equal((await upload('/api/files', { visitorToken: h.visitor })).status, 400, 'a visitor needs a session');
  assert.equal((await upload('/api/files', { token: h.tokens.a_agent })).status, 400, 'only admins upload without a session');
  assert.equal((await upload('/api/files', { token: h.tokens.a_admin })).status, 201, 'an admin uploads a canned file');
  assert.equal((await upload('/api/files?sessionId=ses_a1', {})).status, 401);
  assert.equal((await upload('/api/files?sessionId=ses_a1', { visitorToken: 'forged.token' })).status, 401);
  assert.deepEqual(listFiles(join(h.dir, 'files')).length, 1);
});

test('a canned file item points at an uploaded file of the site', async (t) => {
  const h = await withSession(t);
  const up = await h.call('POST', '/api/files?name=price-list.pdf', { token: h.tokens.a_admin, raw: PDF });
  const item = await h.call('POST', '/api/canned', { token: h.tokens.a_admin, body: { kind: 'file', title: 'Price list', fileId: up.json.id } });
  assert.equal(item.status, 201, item.text);
  assert.equal(item.json.url, up.json.url);
  assert.equal((await h.call('POST', '/api/canned', { token: h.tokens.b_admin, body: { kind: 'file', title: 'x', fileId: up.json.id } })).status, 400);
});

test('SVG, HTML and the like are refused whatever their name; nothing is kept', async (t) => {
  const h = await withSession(t);
  for (const [bytes, name] of [[SVG, 'cat.png'], [HTML, 'cat.png'], [HTML, 'notes.txt'], [SVG, 'x.svg']] as const) {
    const res = await h.call('POST', `/api/files?sessionId=ses_a1&name=${name}`, { visitorToken: h.visitor, raw: bytes, contentType: 'image/png' });
    assert.deepEqual([res.status, res.json.error.code], [415, 'unsupported_media_type'], name);
  }
  const empty = await h.call('POST', '/api/files?sessionId=ses_a1', { visitorToken: h.visitor, raw: Buffer.alloc(0) });
  assert.equal(empty.status, 400);
  assert.deepEqual(listFiles(join(h.dir, 'files')), []);
});

test('an oversized upload is refused: declared up front, or cut while streaming; nothing is kept', async (t) => {
  const h = await withSession(t);
  const limit = 64 * 1024;
  const declared = await h.call('POST', '/api/files?sessionId=ses_a1', { visitorToken: h.visitor, raw: Buffer.alloc(limit + 1) });
  assert.deepEqual([declared.status, declared.json.error.code], [413, 'payload_too_large']);

  // Chunked, no Content-Length: the server sees the size only as it reads.
  let sent = 0;
  async function* endless() {
    yield PNG;
    for (let i = 0; i < 400; i++) {
      sent += 16 * 1024;
      yield Buffer.alloc(16 * 1024);
      await new Promise((r) => setImmediate(r));
    }
  }
  const cut = await h.stream('/api/files?sessionId=ses_a1', endless(), { authorization: `Visitor ${h.visitor}`, 'transfer-encoding': 'chunked' });
  assert.equal(cut.status, 413, JSON.stringify(cut));
  assert.equal(JSON.parse(cut.body).error.code, 'payload_too_large');
  assert.ok(sent < 400 * 16 * 1024, 'the upload was cut short, not read to the end');
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(listFiles(join(h.dir, 'files')), [], 'the partial file is gone');
  assert.equal((await h.call('GET', '/healthz')).status, 200, 'the server carries on');
});
