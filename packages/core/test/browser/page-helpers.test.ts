import { expect, waitUntil } from '@open-wc/testing';

import {
  followPagePush,
  readVisitorEnvironment,
  resolvePushedUrl,
  watchConnectivity,
} from '../../src/browser/index.js';
import { openFrame, type TestFrame } from './support/frame.js';

describe('readVisitorEnvironment', () => {
  it("reads the browser's language and user agent", () => {
    expect(readVisitorEnvironment()).to.deep.equal({
      language: navigator.language,
      userAgent: navigator.userAgent,
    });
  });
});

describe('page push', () => {
  let frame: TestFrame;

  beforeEach(async () => {
    frame = await openFrame();
  });

  afterEach(() => frame.remove());

  it('allows http(s) URLs on an allowed origin, relative ones included', () => {
    const origin = frame.window.location.origin;
    expect(resolvePushedUrl('https://shop.example.com/cart?x=1', ['https://shop.example.com'], frame.window)?.href).to.equal(
      'https://shop.example.com/cart?x=1',
    );
    expect(resolvePushedUrl('/offers', [`${origin}/`], frame.window)?.href).to.equal(`${origin}/offers`);
  });

  it('refuses other origins, other schemes and junk', () => {
    const allowed = ['https://shop.example.com'];
    expect(resolvePushedUrl('https://evil.example.net/', allowed, frame.window)).to.equal(undefined);
    expect(resolvePushedUrl('http://shop.example.com/', allowed, frame.window)).to.equal(undefined);
    expect(resolvePushedUrl('javascript:alert(1)', allowed, frame.window)).to.equal(undefined);
    expect(resolvePushedUrl('data:text/html,hi', allowed, frame.window)).to.equal(undefined);
    expect(resolvePushedUrl('https://shop.example.com.evil.net/', allowed, frame.window)).to.equal(undefined);
    expect(resolvePushedUrl('http://[::1', allowed, frame.window)).to.equal(undefined);
    expect(resolvePushedUrl('/offers', ['not an origin'], frame.window)).to.equal(undefined);
  });

  it('navigates to an allowed page, and only to one', async () => {
    const origin = frame.window.location.origin;
    const target = new URL('./fixtures/page.html?pushed', import.meta.url).href;
    expect(followPagePush('https://evil.example.net/', [origin], frame.window)).to.equal(false);
    const iframe = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === frame.window);
    const loaded = new Promise((resolve) => iframe?.addEventListener('load', resolve, { once: true }));
    expect(followPagePush(target, [origin], frame.window)).to.equal(true);
    await loaded;
    expect(iframe?.contentWindow?.location.search).to.equal('?pushed');
  });
});

describe('watchConnectivity', () => {
  let frame: TestFrame;

  beforeEach(async () => {
    frame = await openFrame();
  });

  afterEach(() => frame.remove());

  it('reports when to reconnect and when to close, until stopped', async () => {
    const seen: string[] = [];
    const stop = watchConnectivity({
      window: frame.window,
      onResume: (reason) => seen.push(`resume:${reason}`),
      onSuspend: (reason) => seen.push(`suspend:${reason}`),
    });
    const win = frame.window;
    win.dispatchEvent(new Event('offline'));
    win.dispatchEvent(new Event('online'));
    win.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    win.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    win.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    frame.setHidden(true);
    frame.setHidden(false);
    await waitUntil(() => seen.length >= 5);
    expect(seen).to.deep.equal([
      'suspend:offline',
      'resume:online',
      'suspend:pagehide',
      'resume:pageshow',
      'resume:visible',
    ]);
    stop();
    win.dispatchEvent(new Event('online'));
    frame.setHidden(false);
    expect(seen).to.have.length(5);
  });
});
