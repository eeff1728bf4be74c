/**
 * The delivery guarantee (DESIGN.md "Delivery semantics"): 1,000 messages from
 * both sides while links drop at random moments — before a send, between the
 * hub storing a message and its ack, in the middle of a resume. Outboxes
 * re-send with the same clientId, receivers resume from their last seq, and in
 * the end every message is stored once, shown once on each side, in one order
 * that keeps each sender's own order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createMemoryStorage } from '../../../src/index.js';
import { createWorld } from './support/world.js';

const MESSAGES = 1_000;

test('1,000 messages with random disconnects and re-sends arrive exactly once and in order', async () => {
  const world = await createWorld();
  const ada = await world.agent('agt_ada');
  const visitor = await world.visitor();
  const sessionId = (await visitor.requestChat({ name: 'Ann' })).id;
  await world.until(() => ada.sessions.some((s) => s.id === sessionId), 'chat taken');

  // A seeded generator, so a failure can be replayed: the seed is in the message.
  const seed = Number(process.env.PARLEY_SEED ?? Date.now() % 1_000_000);
  const rand = fc.sample(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { numRuns: MESSAGES * 3, seed });
  let r = 0;
  const next = () => rand[r++ % rand.length]!;

  const sentBy = { visitor: [] as string[], agent: [] as string[] };
  let drops = 0;
  for (let i = 0; i < MESSAGES; i++) {
    const fromVisitor = next() < 0.5;
    const text = `${fromVisitor ? 'v' : 'a'}-${i}`;
    if (fromVisitor) visitor.send(text);
    else ada.send(sessionId, text);
    (fromVisitor ? sentBy.visitor : sentBy.agent).push(text);
    // Drop one of the live links now and then, at whatever point the frames are.
    if (next() < 0.04) {
      const recent = world.links.slice(-3);
      recent[Math.floor(next() * recent.length)]?.drop();
      drops++;
    }
    // Let a random, small amount happen before the next message: sometimes nothing at all.
    const pause = next();
    if (pause < 0.3) await world.tick(Math.floor(pause * 1_000));
  }

  const total = MESSAGES + 1; // and the welcome message
  const allSent = () =>
    visitor.messages(sessionId).filter((m) => m.seq !== undefined).length === total &&
    ada.messages(sessionId).filter((m) => m.seq !== undefined).length === total;
  await world.until(allSent, `both sides hold all ${total} messages (seed ${seed})`, 10 * 60_000);

  const stored = await world.store.listMessages(sessionId, { limit: total + 10 });
  assert.equal(stored.length, total, `stored exactly once (seed ${seed})`);
  assert.deepEqual(stored.map((m) => m.seq), Array.from({ length: total }, (_, k) => k + 1), 'seq has no gap and no repeat');
  assert.equal(new Set(stored.map((m) => m.clientId)).size, total, 'one message per clientId');

  const order = stored.map((m) => m.text);
  for (const side of [visitor.messages(sessionId), ada.messages(sessionId)]) {
    assert.deepEqual(side.map((m) => m.text), order, `each side shows the stored order, once (seed ${seed})`);
    assert.ok(side.every((m) => m.delivery === 'sent' || m.delivery === 'read'), 'nothing left sending or failed');
  }
  for (const [who, texts] of Object.entries(sentBy)) {
    assert.deepEqual(order.filter((t) => texts.includes(t!)), texts, `${who}'s own order is kept (seed ${seed})`);
  }
  assert.ok(drops >= 10, `links really dropped (${drops})`);
  await world.close();
});

test('a visitor away while 1,500 messages arrive gets every one of them back after a reload', async () => {
  const world = await createWorld();
  const ada = await world.agent('agt_ada');
  const storage = createMemoryStorage();
  const visitor = await world.visitor({ storage });
  const sessionId = (await visitor.requestChat({ name: 'Ann' })).id;
  await world.until(() => visitor.messages().length === 1, 'welcome message shown');
  visitor.close();

  const missed = 1_500; // more than the hub replays on resume (LIMITS.resumeMessages)
  for (let i = 0; i < missed; i++) ada.send(sessionId, `a-${i}`);
  await world.until(() => ada.messages(sessionId).filter((m) => m.delivery !== 'sending').length === missed + 1, 'all stored');

  const reloaded = await world.visitor({ storage });
  await world.until(() => reloaded.messages(sessionId).at(-1)?.text === `a-${missed - 1}`, 'caught up to the newest');
  await world.until(() => reloaded.messages(sessionId).length >= missed + 1, 'nothing missing in between', 30_000);
  const seqs = reloaded.messages(sessionId).map((m) => m.seq);
  assert.deepEqual(seqs, Array.from({ length: missed + 1 }, (_, k) => k + 1), 'every seq once, in order, no gap');
  await world.close();
});

test('a client refused for good (unknown site) stops instead of retrying forever', async () => {
  const world = await createWorld();
  const errors: string[] = [];
  const lost = await world.visitor({ siteId: 'site_nope' });
  lost.on('error', (e) => errors.push(e.code));
  await world.until(() => lost.status === 'closed', 'closed');
  const linksBefore = world.links.length;
  await world.tick(10 * 60_000);
  assert.equal(world.links.length, linksBefore, 'no reconnect attempt');
  assert.equal(lost.status, 'closed');
  await world.close();
});
