/** Forwarding offline messages: a signed webhook to a local HTTP server, an e-mail to a local SMTP sink. */
import { strict as assert } from 'node:assert';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { OfflineMessage } from '@parley/core';
import type { HubEvents } from '@parley/core/hub';
import { startForwarding, type ForwardingOptions } from '../../../src/forward/forwarding.js';
import { isPrivateAddress } from '../../../src/forward/private-address.js';
import { createMemoryLogger } from '../../../src/log.js';
import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { tempDir } from '../store/support/temp.js';

const SECRET = 'whsec_0123456789abcdef0123456789';
const message: OfflineMessage = {
  id: 'off_1',
  siteId: 'site_a',
  visitorId: 'vis_1',
  fields: { name: 'Bo <b>Bold</b>', email: 'bo@example.com', message: 'Call me back\r\nplease =1+1' },
  // `message` has no label (its field left the form): the e-mail names it by its key.
  labels: { name: 'Your name', email: 'E-mail' },
  createdAt: Date.UTC(2026, 0, 1, 12),
  replied: false,
};

/** A hub stand-in: just the `offline` event. */
function fakeHub() {
  const listeners = new Set<(e: HubEvents['offline']) => void>();
  return {
    events: {
      on: <K extends keyof HubEvents>(type: K, handler: (e: HubEvents[K]) => void) => {
        assert.equal(type, 'offline');
        const h = handler as (e: HubEvents['offline']) => void;
        listeners.add(h);
        return () => listeners.delete(h);
      },
    },
    emitOffline: (offlineMessage: OfflineMessage) => listeners.forEach((l) => l({ offlineMessage })),
    listenerCount: () => listeners.size,
  };
}

async function setup(t: TestContext, forwarding: { webhookUrl?: string; emails?: string[] }, options: Partial<ForwardingOptions> = {}) {
  const store = openSqliteStore(join(tempDir(t), 'parley.db'));
  t.after(() => store.close());
  await store.saveSite({ id: 'site_a', name: 'Shop A', secret: 's', settings: {} as never });
  await store.saveForwarding('site_a', {
    ...(forwarding.webhookUrl && { webhookUrl: forwarding.webhookUrl, webhookSecret: SECRET }),
    emails: forwarding.emails ?? [],
  });
  const hub = fakeHub();
  const log = createMemoryLogger();
  const stop = startForwarding(hub, store, { log, allowPrivateNetworks: true, retryDelaysMs: [20, 20], ...options });
  t.after(stop);
  return { hub, log, stop };
}

/** A local HTTP server answering with the statuses given, in turn; records what it got. */
async function webhookSink(t: TestContext, statuses: number[]) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[received.length - 1] ?? 200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/parley`, received };
}

const until = async (condition: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

test('webhook: a signed JSON POST whose signature verifies over the raw body', async (t) => {
  const sink = await webhookSink(t, [200]);
  const { hub, log } = await setup(t, { webhookUrl: sink.url });
  hub.emitOffline(message);
  await until(() => log.entries.some((e) => e.msg === 'forward: webhook delivered'));
  const [got] = sink.received;
  assert.ok(got);
  assert.equal(got.headers['content-type'], 'application/json');
  assert.equal(got.headers['x-parley-event'], 'offline_message.created');
  const signature = String(got.headers['x-parley-signature']);
  assert.match(signature, /^sha256=[0-9a-f]{64}$/);
  const expected = createHmac('sha256', SECRET).update(got.body).digest();
  assert.ok(timingSafeEqual(Buffer.from(signature.slice(7), 'hex'), expected), 'the signature verifies with the secret');
  const body = JSON.parse(got.body);
  assert.deepEqual(body.offlineMessage, message);
  assert.deepEqual(body.site, { id: 'site_a', name: 'Shop A' });
  assert.equal(String(body.timestamp), got.headers['x-parley-timestamp'], 'the timestamp is in the signed body too');
  assert.ok(Math.abs(body.timestamp - Date.now() / 1000) < 60);
  assert.equal(body.deliveryId, got.headers['x-parley-delivery']);
});

test('webhook: retried with back-off on 5xx, same delivery id; bounded', async (t) => {
  const sink = await webhookSink(t, [500, 503, 200]);
  const { hub, log } = await setup(t, { webhookUrl: sink.url });
  hub.emitOffline(message);
  await until(() => log.entries.some((e) => e.msg === 'forward: webhook delivered'));
  assert.equal(sink.received.length, 3);
  assert.equal(new Set(sink.received.map((r) => r.headers['x-parley-delivery'])).size, 1);

  const failing = await webhookSink(t, [500, 500, 500, 500, 500]);
  const second = await setup(t, { webhookUrl: failing.url });
  second.hub.emitOffline(message);
  await until(() => second.log.entries.some((e) => e.msg === 'forward: webhook gave up'));
  assert.equal(failing.received.length, 3, 'one attempt plus two retries, then it gives up');
});

test('webhook: a 4xx is not retried', async (t) => {
  const sink = await webhookSink(t, [400, 200]);
  const { hub, log } = await setup(t, { webhookUrl: sink.url });
  hub.emitOffline(message);
  await until(() => log.entries.some((e) => e.msg === 'forward: webhook gave up'));
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(sink.received.length, 1);
});

test('webhook: private addresses are refused unless allowed', async (t) => {
  const sink = await webhookSink(t, [200]);
  const { hub, log } = await setup(t, { webhookUrl: sink.url }, { allowPrivateNetworks: false });
  hub.emitOffline(message);
  await until(() => log.entries.some((e) => e.msg === 'forward: webhook gave up'));
  assert.equal(sink.received.length, 0);
  assert.match(String(log.entries.find((e) => e.msg === 'forward: webhook gave up')?.error), /private network/);
  for (const ip of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '192.168.0.1', '::1', 'fd00::1', '::ffff:127.0.0.1', 'fe80::1']) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
  for (const ip of ['93.184.216.34', '2606:2800:220:1::1']) assert.equal(isPrivateAddress(ip), false, ip);
});

test('e-mail: sent over SMTP to the site recipients, text only, with the fields by their labels', async (t) => {
  const mails: { from: string; to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (raw += c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        mails.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  t.after(() => new Promise<void>((r) => smtp.close(() => r())));
  const port = (smtp.server.address() as AddressInfo).port;

  const { hub, log } = await setup(t, { emails: ['support@shop.example', 'boss@shop.example'] }, {
    smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Parley <parley@shop.example>' },
  });
  hub.emitOffline(message);
  await until(() => log.entries.some((e) => e.msg === 'forward: e-mail sent'));
  const [mail] = mails;
  assert.ok(mail);
  assert.equal(mail.from, 'parley@shop.example');
  assert.deepEqual(mail.to, ['support@shop.example', 'boss@shop.example']);
  assert.match(mail.raw, /^Subject: New message on Shop A\r?$/m);
  assert.match(mail.raw, /^Reply-To: bo@example.com\r?$/m);
  assert.match(mail.raw, /^Content-Type: text\/plain/m);
  assert.doesNotMatch(mail.raw, /text\/html/);
  const body = mail.raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  assert.match(body, /^Your name: Bo <b>Bold<\/b>\r?$/m, 'user content stays plain text');
  assert.match(body, /^E-mail: bo@example.com\r?$/m);
  assert.match(body, /message:\r?\n  Call me back\r?\n  please =3D1\+1|message:\r?\n  Call me back\r?\n  please =1\+1/);
  assert.match(body, /Message id: off_1/);
});

test('stop unsubscribes and waits for deliveries in flight', async (t) => {
  const sink = await webhookSink(t, [500, 500, 500]);
  const { hub, stop, log } = await setup(t, { webhookUrl: sink.url }, { retryDelaysMs: [60_000] });
  hub.emitOffline(message);
  await until(() => sink.received.length === 1);
  const started = Date.now();
  await stop();
  assert.ok(Date.now() - started < 2000, 'a pending back-off is cut short');
  assert.equal(hub.listenerCount(), 0);
  assert.ok(log.entries.some((e) => e.msg === 'forward: webhook gave up'));
});
