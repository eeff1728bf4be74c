/**
 * Flows 4 and 5 end to end: invitations (manual, declined, expired,
 * proactive, automatic by rule) and page push to allowed origins only.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ParleyError, type Invite } from '../../../src/index.js';
import { createWorld, PUSH_ORIGIN, type World } from './support/world.js';

let world: World;
afterEach(async () => {
  await world.close();
});

const code = (expected: string) => (e: unknown) => e instanceof ParleyError && e.code === expected;

describe('invitations', () => {
  test('an agent invites a browsing visitor, who accepts and is in a chat with that agent', async () => {
    world = await createWorld();
    const ada = await world.agent('agt_ada');
    await world.agent('agt_bo');
    const visitor = await world.visitor();
    const invites: Invite[] = [];
    visitor.on('invite', (i) => invites.push(i));
    const sent = await ada.invite(visitor.visitorId!, { message: 'Can I help you choose?', proactive: false });
    await world.until(() => invites.length === 1, 'the invite pops up');
    assert.equal(invites[0]?.id, sent.id);
    assert.equal(invites[0]?.message, 'Can I help you choose?');
    assert.equal(invites[0]?.agentName, 'Ada');

    const session = await visitor.answerInvite(sent.id, true);
    assert.equal(session?.agentId, 'agt_ada', 'the inviting agent takes the chat');
    await world.until(() => ada.sessions.some((s) => s.id === session?.id), 'the agent has it');
    assert.equal(visitor.invites.length, 0);
  });

  test('a declined invite is reported to the agent; an unanswered one expires on both sides', async () => {
    world = await createWorld({ inviteExpirySeconds: 60 });
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    const closed: string[] = [];
    ada.on('inviteClosed', (c) => closed.push(c.reason));
    const first = await ada.invite(visitor.visitorId!, { proactive: false });
    await world.until(() => visitor.invites.length === 1, 'shown');
    await visitor.answerInvite(first.id, false);
    await world.until(() => closed.includes('declined'), 'the agent hears of the decline');

    const expired: string[] = [];
    visitor.on('inviteClosed', (c) => expired.push(c.reason));
    await ada.invite(visitor.visitorId!, { proactive: false });
    await world.until(() => visitor.invites.length === 1, 'shown');
    await world.tick(61_000);
    await world.until(() => expired.includes('expired') && closed.includes('expired'), 'expired on both sides');
    assert.equal(visitor.invites.length, 0);
  });

  test('a proactive chat opens on the visitor page with the agent writing first', async () => {
    world = await createWorld();
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    await ada.invite(visitor.visitorId!, { message: 'Hi! The blue teapot is back in stock.', proactive: true });
    await world.until(() => visitor.session?.state === 'active', 'a chat is open');
    assert.equal(visitor.session?.agentId, 'agt_ada');
    await world.until(() => visitor.messages().some((m) => m.text === 'Hi! The blue teapot is back in stock.'), 'the first message');
    visitor.send('Great, I will take it');
    await world.until(() => ada.messages(visitor.session!.id).some((m) => m.text === 'Great, I will take it'), 'the agent hears back');
  });

  test('an invite to a visitor who left is refused with visitor_gone', async () => {
    world = await createWorld();
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    const id = visitor.visitorId!;
    visitor.close();
    await world.tick(100);
    await assert.rejects(ada.invite(id, { proactive: false }), code('visitor_gone'));
    await assert.rejects(ada.invite('vis_doesnotexist', { proactive: false }), (e: unknown) => e instanceof ParleyError);
  });

  test('an auto-invite rule invites after the delay on matching pages, and a decline is remembered', async () => {
    world = await createWorld({
      inviteRules: [
        { name: 'pricing', delaySeconds: 10, urlContains: '/pricing', maxTimes: 3, intervalSeconds: 30, expirySeconds: 60, message: 'Questions about our prices?' },
      ],
    });
    await world.agent('agt_ada');
    const visitor = await world.visitor();
    visitor.trackPageView({ url: 'https://shop.example/teapots', title: 'Teapots' });
    await world.tick(20_000);
    assert.equal(visitor.invites.length, 0, 'no invite on other pages');

    visitor.trackPageView({ url: 'https://shop.example/pricing', title: 'Pricing' });
    await world.tick(9_000);
    assert.equal(visitor.invites.length, 0, 'not before the delay');
    await world.until(() => visitor.invites.length === 1, 'invited after the delay', 3_000);
    const invite = visitor.invites[0]!;
    assert.equal(invite.rule, 'pricing');
    assert.equal(invite.message, 'Questions about our prices?');

    await visitor.answerInvite(invite.id, false);
    visitor.trackPageView({ url: 'https://shop.example/pricing?plan=pro', title: 'Pricing' });
    await world.tick(120_000);
    assert.equal(visitor.invites.length, 0, 'a declined visitor is not invited again this visit');
  });
});

describe('page push', () => {
  test('the visitor goes where the agent pushes, only on allowed origins', async () => {
    world = await createWorld();
    const ada = await world.agent('agt_ada');
    const visited: string[] = [];
    const visitor = await world.visitor({ navigate: (url) => visited.push(url) });
    await ada.pushPage(visitor.visitorId!, `${PUSH_ORIGIN}/checkout?item=teapot`);
    await world.until(() => visited.length === 1, 'navigated');
    assert.deepEqual(visited, [`${PUSH_ORIGIN}/checkout?item=teapot`]);

    await assert.rejects(ada.pushPage(visitor.visitorId!, 'https://evil.example/phish'), code('origin_not_allowed'));
    await assert.rejects(ada.pushPage(visitor.visitorId!, 'javascript:alert(1)'), code('origin_not_allowed'));
    await world.tick(1_000);
    assert.equal(visited.length, 1, 'nothing else was followed');
  });
});
