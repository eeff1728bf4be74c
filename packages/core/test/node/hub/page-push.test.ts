import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';

test('page push to an allowed origin reaches every tab of the visitor', async () => {
  const env = await createEnv({ settings: { pushOrigins: ['https://shop.example', 'https://help.shop.example:8443/'] } });
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: tab1, welcome } = await env.visitor();
  const { peer: tab2 } = await env.visitor({ token: welcome.token });
  await ada.ok('page.push', { visitorId: welcome.visitorId, url: 'https://shop.example/deals?x=1#top' });
  assert.deepEqual(await tab1.next('page.push'), { type: 'page.push', url: 'https://shop.example/deals?x=1#top' });
  assert.deepEqual(await tab2.next('page.push'), { type: 'page.push', url: 'https://shop.example/deals?x=1#top' });
  await ada.ok('page.push', { visitorId: welcome.visitorId, url: 'https://help.shop.example:8443/faq' });
  await tab1.next('page.push');
  await env.close();
});

test('page push refuses other origins, other schemes and relative URLs', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor } = await env.visitor();
  for (const url of [
    'https://evil.example/',
    'http://shop.example/',
    'https://shop.example.evil.example/',
    'https://shop.example:444/',
    'javascript:alert(1)',
    'data:text/html,hi',
    '/relative',
  ]) {
    await ada.fails('page.push', { visitorId: 'vis_1', url }, 'origin_not_allowed');
  }
  await visitor.none('page.push');
  await ada.fails('page.push', { visitorId: 'vis_nope', url: 'https://shop.example/' }, 'not_found');
  await ada.ok('page.push', { visitorId: 'vis_1', url: 'https://shop.example/' });
  await env.close();
});

test('visitors cannot push pages', async () => {
  const env = await createEnv();
  const { peer: visitor } = await env.visitor();
  await visitor.fails('page.push', { visitorId: 'vis_1', url: 'https://shop.example/' }, 'unknown_type');
  await env.close();
});
