import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';

test('page views are stored with search engine and keyword read by the hub; dwell time closes on the next page', async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  visitor.send({
    type: 'page.view',
    url: 'https://shop.example/shoes',
    title: 'Shoes',
    referrer: 'https://www.google.com/search?q=red+shoes',
    searchEngine: 'Forged',
    keyword: 'forged',
  });
  await settle();
  await env.advance(12_000);
  visitor.send({ type: 'page.view', url: 'https://shop.example/shoes/1', title: 'Red shoe', referrer: 'https://shop.example/shoes' });
  await settle();
  const views = await env.store.listPageViews('site_a', 'vis_1');
  assert.deepEqual(
    views.map((v) => [v.url, v.searchEngine, v.keyword, v.dwellMs]),
    [
      ['https://shop.example/shoes', 'Google', 'red shoes', 12_000],
      ['https://shop.example/shoes/1', undefined, undefined, 0],
    ],
  );
  await env.close();
});

test('hidden time is not dwell time; closing the tab banks the dwell', async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  visitor.send({ type: 'page.view', url: 'https://shop.example/', title: 'Home' });
  await env.advance(10_000);
  visitor.send({ type: 'page.visibility', hidden: true });
  await env.advance(20_000);
  visitor.send({ type: 'page.visibility', hidden: false });
  await env.advance(5_000);
  visitor.close();
  await settle();
  assert.deepEqual((await env.store.listPageViews('site_a', 'vis_1')).map((v) => v.dwellMs), [15_000]);
  await env.close();
});

test('a page viewed while the tab is hidden starts its dwell time when shown', async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  visitor.send({ type: 'page.visibility', hidden: true });
  visitor.send({ type: 'page.view', url: 'https://shop.example/a', title: 'A' });
  await env.advance(30_000);
  visitor.send({ type: 'page.visibility', hidden: false });
  await env.advance(4_000);
  visitor.send({ type: 'page.view', url: 'https://shop.example/b', title: 'B' });
  await settle();
  assert.deepEqual((await env.store.listPageViews('site_a', 'vis_1')).map((v) => v.dwellMs), [4_000, 0]);
  await env.close();
});

test('watching agents see the current page, page count and the visit\'s referrer live', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  await ada.ok('visitors.watch', { watch: true });
  await ada.next('visitors');
  visitor.send({ type: 'page.view', url: 'https://shop.example/', title: 'Home', referrer: 'https://www.bing.com/search?q=parley' });
  await env.advance(3_000);
  visitor.send({ type: 'page.view', url: 'https://shop.example/cart', title: 'Cart', referrer: 'https://shop.example/' });
  await env.advance(250);
  const frame = await ada.next('visitors', (f) => f.updated.some((v) => v.pageViews === 2) || f.added.some((v) => v.pageViews === 2));
  const info = [...frame.added, ...frame.updated].find((v) => v.id === 'vis_1');
  assert.deepEqual([info?.pageViews, info?.currentPage?.url, info?.currentPage?.dwellMs], [2, 'https://shop.example/cart', 250]);
  assert.deepEqual([info?.referrer, info?.searchEngine, info?.keyword], ['https://www.bing.com/search?q=parley', 'Bing', 'parley']);
  await env.close();
});

test('agents cannot send page views; visitor.detail returns the trajectory with the live dwell', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  ada.send({ type: 'page.view', url: 'https://shop.example/', title: 'x' });
  assert.equal((await ada.next('error')).code, 'unknown_type');
  const { peer: visitor } = await env.visitor();
  visitor.send({ type: 'page.view', url: 'https://shop.example/', title: 'Home' });
  await env.advance(2_000);
  visitor.send({ type: 'page.view', url: 'https://shop.example/p', title: 'P' });
  await env.advance(7_000);
  const detail = await ada.ok('visitor.detail', { visitorId: 'vis_1' });
  assert.deepEqual(detail.pageViews.map((p) => [p.title, p.dwellMs]), [['Home', 2_000], ['P', 7_000]]);
  assert.equal(detail.visitor.online, true);
  await env.close();
});
