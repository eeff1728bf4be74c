/**
 * Flow 6 end to end: transfer as a handshake between two agents. The
 * receiver sees the whole history; on accept the visitor is told and the
 * chat continues with the new agent; on decline or timeout it goes back to
 * the sender; it is refused when nobody else can take it. Never dropped.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ParleyError, type AgentClient, type TransferNotice, type VisitorClient } from '../../../src/index.js';
import { createWorld, type World } from './support/world.js';

let world: World;
let ada: AgentClient;
let bo: AgentClient;
let visitor: VisitorClient;
let sessionId: string;

beforeEach(async () => {
  world = await createWorld({ transferTimeoutSeconds: 30 });
  ada = await world.agent('agt_ada');
  visitor = await world.visitor();
  sessionId = (await visitor.requestChat({ name: 'Ann' })).id;
  await world.until(() => visitor.session?.agentId === 'agt_ada', 'Ada serves the chat');
  visitor.send('My teapot arrived broken');
  await world.until(() => ada.messages(sessionId).some((m) => m.text === 'My teapot arrived broken'), 'Ada has it');
  ada.send(sessionId, 'Sorry! Let me get our returns specialist.');
  bo = await world.agent('agt_bo');
});
afterEach(async () => {
  await world.close();
});

const code = (expected: string) => (e: unknown) => e instanceof ParleyError && e.code === expected;

describe('transfer', () => {
  test('accepted: the receiver gets the history, the visitor is told, the chat goes on with the new agent', async () => {
    const notices: TransferNotice[] = [];
    visitor.on('transfer', (n) => notices.push(n));
    const offer = await ada.transfer(sessionId, { toAgentId: 'agt_bo' }, 'Return for a broken teapot');
    await world.until(() => bo.transfers.length === 1, 'Bo is offered the chat');
    const received = bo.transfers[0]!;
    assert.equal(received.id, offer.id);
    assert.equal(received.note, 'Return for a broken teapot');
    assert.deepEqual(
      received.history.map((m) => m.text).filter((t) => t !== 'Hello, how can we help?'),
      ['My teapot arrived broken', 'Sorry! Let me get our returns specialist.'],
    );
    await world.until(() => visitor.session?.state === 'transferring', 'the visitor sees the hand-over start');

    const outcomes: string[] = [];
    ada.on('transferClosed', (c) => outcomes.push(c.outcome));
    const session = await bo.answerTransfer(offer.id, true);
    assert.equal(session.agentId, 'agt_bo');
    await world.until(() => visitor.session?.agentId === 'agt_bo' && visitor.session.state === 'active', 'the visitor is with Bo');
    await world.until(() => outcomes.includes('accepted'), 'Ada learns the outcome');
    await world.until(() => !ada.sessions.some((s) => s.id === sessionId), 'the chat left Ada');
    assert.ok(notices.some((n) => n.phase === 'done' && n.session.agentId === 'agt_bo'));

    visitor.send('Thanks Bo');
    await world.until(() => bo.messages(sessionId).some((m) => m.text === 'Thanks Bo'), 'Bo gets the next message');
    assert.ok(!ada.messages(sessionId).some((m) => m.text === 'Thanks Bo'), 'Ada does not');
    assert.ok(bo.messages(sessionId).some((m) => m.text === 'My teapot arrived broken'), 'Bo has the whole history');
  });

  test('declined: the chat goes back to the offering agent, active', async () => {
    const outcomes: string[] = [];
    ada.on('transferClosed', (c) => outcomes.push(c.outcome));
    const offer = await ada.transfer(sessionId, { toAgentId: 'agt_bo' });
    await world.until(() => bo.transfers.length === 1, 'offered');
    await bo.answerTransfer(offer.id, false);
    await world.until(() => outcomes.includes('declined'), 'Ada hears the decline');
    await world.until(() => visitor.session?.state === 'active' && visitor.session.agentId === 'agt_ada', 'back with Ada');
    assert.ok(ada.sessions.some((s) => s.id === sessionId));
    visitor.send('Still there?');
    await world.until(() => ada.messages(sessionId).some((m) => m.text === 'Still there?'), 'Ada still serves it');
  });

  test('unanswered: the offer times out and the chat returns to the sender', async () => {
    const outcomes: string[] = [];
    ada.on('transferClosed', (c) => outcomes.push(c.outcome));
    await ada.transfer(sessionId, { toGroupId: 'grp_support' });
    await world.until(() => bo.transfers.length === 1, 'the group offer reaches Bo, the only other member');
    await world.tick(31_000);
    await world.until(() => outcomes.includes('timeout'), 'timed out');
    await world.until(() => bo.transfers.length === 0, 'the offer is gone from Bo');
    await world.until(() => visitor.session?.state === 'active' && visitor.session.agentId === 'agt_ada', 'back with Ada');
  });

  test('refused when nobody else can take it, or the target does not exist; nothing changes', async () => {
    await assert.rejects(ada.transfer(sessionId, { toAgentId: 'agt_nobody' }), code('not_found'));
    await assert.rejects(ada.transfer(sessionId, { toAgentId: 'agt_zed' }), code('not_found'), 'another site is invisible');
    bo.close();
    await world.tick(100);
    await assert.rejects(ada.transfer(sessionId, { toAgentId: 'agt_bo' }), code('transfer_unavailable'));
    await assert.rejects(ada.transfer(sessionId, { toGroupId: 'grp_support' }), code('transfer_unavailable'));
    assert.equal(visitor.session?.state, 'active');
    assert.equal(visitor.session?.agentId, 'agt_ada');
  });
});
