/**
 * Flows 2 and 3 end to end: the visitor's trail (page views, referrer and
 * search keyword, dwell time without hidden time, visits) streamed live to a
 * watching agent, and the typing preview reaching the serving agent only
 * while the site allows it.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createMemoryStorage } from '../../../src/index.js';
import { createWorld, type World } from './support/world.js';

let world: World;
afterEach(async () => {
  await world.close();
});

describe('trajectory', () => {
  test('an agent watching the site sees every visitor, chatting or not, and its trail live', async () => {
    world = await createWorld();
    const ada = await world.agent('agt_ada');
    await ada.watchVisitors(true);
    const visitor = await world.visitor();
    const id = visitor.visitorId!;
    await world.until(() => ada.visitors.get(id)?.online === true, 'the new visitor is listed');

    visitor.trackPageView({ url: 'https://shop.example/', title: 'Home', referrer: 'https://www.google.com/search?q=blue+teapot' });
    await world.until(() => ada.visitors.get(id)?.currentPage?.url === 'https://shop.example/', 'first page');
    const first = ada.visitors.get(id)!;
    assert.equal(first.searchEngine, 'Google');
    assert.equal(first.keyword, 'blue teapot');
    assert.equal(first.language, 'en-GB');

    await world.tick(30_000);
    visitor.trackPageView({ url: 'https://shop.example/teapots', title: 'Teapots' });
    await world.tick(5_000);
    visitor.setPageHidden(true);
    await world.tick(20_000);
    visitor.setPageHidden(false);
    await world.tick(10_000);
    visitor.trackPageView({ url: 'https://shop.example/pricing', title: 'Pricing' });
    await world.until(() => ada.visitors.get(id)?.pageViews === 3, 'three pages');
    assert.equal(ada.visitors.get(id)?.currentPage?.title, 'Pricing');

    const detail = await ada.visitorDetail(id);
    const dwell = detail.pageViews.map((p) => Math.round(p.dwellMs / 1000));
    assert.deepEqual(dwell.slice(0, 2), [30, 15], 'dwell time per page, hidden time excluded');
    assert.deepEqual(
      detail.pageViews.map((p) => p.title),
      ['Home', 'Teapots', 'Pricing'],
    );

    visitor.close();
    await world.until(() => ada.visitors.get(id)?.online === false, 'the departed visitor is shown as left');
    assert.ok(ada.visitors.get(id)?.leftAt);
  });

  test('a returning visitor is recognised with its visit count; several tabs are one visit', async () => {
    world = await createWorld();
    const storage = createMemoryStorage();
    const tab1 = await world.visitor({ storage });
    const id = tab1.visitorId;
    assert.equal(tab1.visitCount, 1);
    const tab2 = await world.visitor({ storage });
    assert.equal(tab2.visitorId, id, 'the second tab is the same visitor');
    assert.equal(tab2.visitCount, 1, 'and the same visit');
    tab1.close();
    tab2.close();
    await world.tick(31 * 60_000);
    const later = await world.visitor({ storage });
    assert.equal(later.visitorId, id);
    assert.equal(later.visitCount, 2, 'a new visit after half an hour away');
  });
});

describe('typing preview', () => {
  test('the serving agent sees the draft before it is sent, and it clears when sent', async () => {
    world = await createWorld({ typingPreview: true });
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    assert.equal(visitor.typingPreviewEnabled, true, 'the widget can tell the visitor drafts are visible');
    const session = await visitor.requestChat({ name: 'Ann' });
    await world.until(() => visitor.session?.state === 'active', 'taken');

    visitor.setDraft('I would like to ret');
    visitor.setDraft('I would like to return');
    await world.until(() => ada.typing(session.id)?.draft === 'I would like to return', 'the agent sees the latest draft');
    assert.equal(ada.typing(session.id)?.active, true);

    visitor.send('I would like to return a teapot');
    await world.until(() => ada.typing(session.id)?.active === false, 'the preview is cleared when the message is sent');
    await world.until(() => ada.messages(session.id).some((m) => m.text === 'I would like to return a teapot'), 'message arrives');

    visitor.setDraft('Also');
    await world.until(() => ada.typing(session.id)?.draft === 'Also', 'a new draft');
    visitor.setDraft('');
    await world.until(() => ada.typing(session.id)?.active === false, 'an emptied draft clears the preview');

    ada.setTyping(session.id, 'Let me check');
    await world.until(() => visitor.agentTyping(), 'the visitor sees the agent typing');
    const drafts = JSON.stringify(await world.store.listMessages(session.id));
    assert.ok(!drafts.includes('Let me check') && !drafts.includes('"Also"'), 'drafts are never stored');
  });

  test('when the site turns typing preview off, no draft leaves the browser', async () => {
    world = await createWorld({ typingPreview: false });
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    assert.equal(visitor.typingPreviewEnabled, false);
    const session = await visitor.requestChat({ name: 'Ann' });
    await world.until(() => visitor.session?.state === 'active', 'taken');
    const framesBefore = world.links.at(-1)!;
    let typingFrames = 0;
    framesBefore.server.listen({ message: (data) => void (data.includes('"typing"') && typingFrames++) });
    visitor.setDraft('my card number is 4111');
    await world.tick(2_000);
    assert.equal(typingFrames, 0, 'nothing was sent');
    assert.equal(ada.typing(session.id)?.draft, undefined);
  });
});
