/**
 * The hub under a storm of hostile input: at least 10,000 frames per run —
 * valid commands aimed at real and unknown ids (sessions, visitors, invites,
 * transfers, duplicate clientIds), the same frames mutated, and random text —
 * from welcomed visitors, welcomed agents and a peer that never said hello,
 * with time jumping in between so timers fire mid-storm. Nothing may throw out
 * of the hub, no connection may be dropped for a bad frame, the stored state
 * must stay consistent, and a chat running alongside must carry on untouched.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SESSION_STATES } from '../../../src/protocol/model.js';
import { anyText, CLIENT_FRAME_TYPES, frameArbitraries, mutatedFrame } from '../protocol/arbitraries.js';
import { startChat } from './support/chat.js';
import { createEnv, SITE } from './support/env.js';
import type { TestPeer } from './support/peer.js';

const FRAMES = Number(process.env.PARLEY_FUZZ_FRAMES ?? 10_000);
const BATCH = 50;

test(`${FRAMES} random and mutated frames never throw, never drop a connection, never corrupt state`, async () => {
  const env = await createEnv({ settings: { inviteExpirySeconds: 30, transferTimeoutSeconds: 20 } });
  const witness = await startChat(env, 'agt_sue');
  const agents = [(await env.agent('agt_ada')).peer, (await env.agent('agt_bo')).peer, (await env.agent('agt_max')).peer];
  const visitors: TestPeer[] = [];
  for (let i = 0; i < 3; i++) {
    const { peer } = await env.visitor();
    await peer.ok('chat.request', { fields: {} }); // so the storm finds chats to write into
    visitors.push(peer);
  }
  const stranger = env.raw();

  // Ids the storm aims at: the ones the sequential generator hands out, plus unknown ones.
  const pick = (prefix: string, n: number, from = 1) =>
    fc.constantFrom(...Array.from({ length: n }, (_, i) => `${prefix}_${i + from}`), `${prefix}_unknown`);
  const arbs = frameArbitraries({
    ids: {
      site: fc.constantFrom(SITE, 'site_b', 'site_nope'),
      // Not ses_1, the witness: the fuzzing admin may rightly end any chat of its site.
      session: pick('ses', 6, 2),
      visitor: pick('vis', 6),
      agent: fc.constantFrom('agt_ada', 'agt_bo', 'agt_sue', 'agt_max', 'agt_zed', 'agt_nope'),
      group: fc.constantFrom('grp_sales', 'grp_support', 'grp_b', 'grp_nope'),
      invite: pick('inv', 8),
      transfer: pick('trf', 6),
      client: pick('cli', 30),
    },
  });
  type Shot = { to: 'visitor' | 'agent' | 'stranger'; who: number; data: string };
  const shot: fc.Arbitrary<Shot> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ to: fc.constant('visitor' as const), who: fc.nat(2), data: arbs.visitorCommand.map((f) => JSON.stringify(f)) }) },
    { weight: 4, arbitrary: fc.record({ to: fc.constant('agent' as const), who: fc.nat(2), data: arbs.agentCommand.map((f) => JSON.stringify(f)) }) },
    { weight: 3, arbitrary: fc.record({ to: fc.constantFrom('visitor' as const, 'agent' as const), who: fc.nat(2), data: mutatedFrame(arbs.clientFrame, CLIENT_FRAME_TYPES).map((m) => m.text) }) },
    { weight: 1, arbitrary: fc.record({ to: fc.constantFrom('visitor' as const, 'agent' as const, 'stranger' as const), who: fc.nat(2), data: anyText }) },
  );
  const seed = Number(process.env.PARLEY_SEED ?? Date.now() % 1_000_000);
  const storm = fc.sample(fc.tuple(shot, fc.nat(3_000)), { numRuns: FRAMES, seed });

  for (let i = 0; i < storm.length; i++) {
    const [{ to, who, data }, pause] = storm[i]!;
    const peer = to === 'visitor' ? visitors[who]! : to === 'agent' ? agents[who]! : stranger;
    peer.send(data);
    if (i % BATCH === BATCH - 1) {
      await env.advance(pause);
      for (const p of [...visitors, ...agents, witness.visitor, witness.agent]) p.clear();
    }
  }
  await env.advance(60_000);

  // Every welcomed connection is still there and answering.
  for (const [i, peer] of [...visitors, ...agents].entries()) {
    peer.send({ type: 'ping', t: i });
    const pong = await peer.next('pong', (f) => f.t === i);
    assert.equal(pong.t, i, `connection ${i} still answers (seed ${seed})`);
  }

  // The stored state is consistent.
  const sessions = await env.store.listSessions({ siteId: SITE, limit: 10_000 });
  assert.ok(sessions.length >= 1);
  for (const s of sessions) {
    const messages = await env.store.listMessages(s.id, { limit: 10_000 });
    const last = await env.store.lastSeq(s.id);
    assert.deepEqual(messages.map((m) => m.seq), Array.from({ length: last }, (_, k) => k + 1), `${s.id}: seqs 1..${last} (seed ${seed})`);
    assert.equal(new Set(messages.map((m) => m.clientId)).size, messages.length, `${s.id}: one message per clientId`);
    assert.ok(SESSION_STATES.includes(s.state), `${s.id}: known state`);
    assert.ok(s.readSeq.visitor <= last && s.readSeq.agent <= last, `${s.id}: read seqs within the session`);
    if (s.state === 'ended') assert.ok(s.endedAt !== undefined, `${s.id}: ended has endedAt`);
    if (s.state === 'active' || s.state === 'transferring') assert.ok(s.agentId, `${s.id}: served sessions have an agent`);
    assert.equal(s.siteId, SITE);
  }
  // The storm reached deep state, not only the decoder: chats were opened and written to.
  const written = (await Promise.all(sessions.map((s) => env.store.lastSeq(s.id)))).reduce((a, b) => a + b, 0);
  console.log(`# storm: ${sessions.length} chats, ${written} messages`);
  assert.ok(sessions.length >= 4 && written >= 8, `the storm opened ${sessions.length} chats with ${written} messages (seed ${seed})`);
  for (const other of await env.store.listSessions({ siteId: 'site_b' })) {
    assert.fail(`nothing may be created in another site (${other.id}, seed ${seed})`);
  }

  // The witness chat carries on as if nothing happened.
  const { message } = await witness.visitor.ok('message.send', { sessionId: witness.session.id, clientId: 'cli_witness', text: 'still here?' });
  const relayed = await witness.agent.next('message', (f) => f.message.clientId === 'cli_witness');
  assert.equal(relayed.message.seq, message.seq);
  await env.close();
});
