import { expect, waitUntil } from '@open-wc/testing';

import {
  createPageViewTracker,
  createTrajectoryTracker,
  type TrackedPageView,
  type TrajectoryTracker,
} from '../../src/browser/index.js';
import { openFrame, settle, type TestFrame } from './support/frame.js';

/** A tracker on the frame, and what it reported. */
function track(frame: TestFrame, create = createTrajectoryTracker) {
  const views: TrackedPageView[] = [];
  const visibility: boolean[] = [];
  const tracker: TrajectoryTracker = create({
    window: frame.window,
    onPageView: (view) => views.push(view),
    onVisibility: (hidden) => visibility.push(hidden),
  });
  return { tracker, views, visibility };
}

const untilViews = (views: unknown[], count: number) =>
  waitUntil(() => views.length >= count, `expected ${count} page views`, { timeout: 2000 });

describe('createTrajectoryTracker', () => {
  let frame: TestFrame;
  let t: ReturnType<typeof track>;
  let start: string;

  beforeEach(async () => {
    frame = await openFrame();
    // Whatever the runner's window is, the page under test starts visible.
    frame.setHidden(false);
    t = track(frame);
    start = frame.window.location.href;
  });

  afterEach(() => {
    t.tracker.stop();
    frame.remove();
  });

  describe('page views', () => {
    it('reports the page it starts on, with document.referrer', () => {
      t.tracker.start();
      expect(t.views).to.deep.equal([{ url: start, title: 'Fixture', referrer: window.location.href }]);
    });

    it('leaves out the referrer when there is none', () => {
      frame.setReferrer('');
      t.tracker.start();
      expect(t.views).to.deep.equal([{ url: start, title: 'Fixture' }]);
    });

    it('reports pushState with the title the router sets right after, and the previous URL as referrer', async () => {
      t.tracker.start();
      frame.window.history.pushState({}, '', '?step=2');
      frame.window.document.title = 'Step 2';
      await untilViews(t.views, 2);
      expect(t.views[1]).to.deep.equal({ url: `${start}?step=2`, title: 'Step 2', referrer: start });
    });

    it('reports replaceState', async () => {
      t.tracker.start();
      frame.window.history.replaceState(null, '', '#/cart');
      await untilViews(t.views, 2);
      expect(t.views[1]).to.deep.include({ url: `${start}#/cart`, referrer: start });
    });

    it('does not report a URL that did not change', async () => {
      t.tracker.start();
      frame.window.history.pushState({ some: 'state' }, '', start);
      frame.window.history.replaceState({ other: 'state' }, '');
      frame.window.dispatchEvent(new PopStateEvent('popstate'));
      await settle();
      expect(t.views).to.have.length(1);
    });

    it('reports the URL a task ends on once, when a router pushes then replaces', async () => {
      t.tracker.start();
      frame.window.history.pushState({}, '', '?a');
      frame.window.history.replaceState({}, '', '?b');
      await untilViews(t.views, 2);
      await settle();
      expect(t.views.map((v) => v.url)).to.deep.equal([start, `${start}?b`]);
    });

    it('reports going back (popstate)', async () => {
      t.tracker.start();
      frame.window.history.pushState({}, '', '?page=2');
      await untilViews(t.views, 2);
      const popped = new Promise((resolve) => frame.window.addEventListener('popstate', resolve, { once: true }));
      frame.window.history.back();
      await popped;
      await untilViews(t.views, 3);
      expect(t.views[2]).to.deep.include({ url: start, referrer: `${start}?page=2` });
    });

    it('reports a hash change once', async () => {
      t.tracker.start();
      frame.window.location.hash = '#pricing';
      await untilViews(t.views, 2);
      await settle();
      expect(t.views.map((v) => v.url)).to.deep.equal([start, `${start}#pricing`]);
    });

    it('reports a page view on demand, with a URL relative to the page', () => {
      t.tracker.start();
      t.tracker.track({ url: 'checkout/payment', title: 'Payment' });
      t.tracker.track();
      expect(t.views.slice(1)).to.deep.equal([
        { url: new URL('checkout/payment', start).href, title: 'Payment', referrer: start },
        { url: start, title: 'Fixture', referrer: new URL('checkout/payment', start).href },
      ]);
    });

    it('cuts a title longer than the protocol allows', () => {
      frame.window.document.title = 'x'.repeat(600);
      t.tracker.start();
      expect(t.views[0]?.title).to.have.length(512);
    });

    it('does not report the same page again when started again', async () => {
      t.tracker.start();
      t.tracker.stop();
      t.tracker.start();
      expect(t.views).to.have.length(1);
      frame.window.history.pushState({}, '', '?again');
      await untilViews(t.views, 2);
    });
  });

  describe('search referrers', () => {
    const cases: [engine: string, referrer: string, keyword: string][] = [
      ['Google', 'https://www.google.com/search?q=live+chat+software', 'live chat software'],
      ['Bing', 'https://www.bing.com/search?q=customer%20service%20chat', 'customer service chat'],
      ['Baidu', 'https://www.baidu.com/s?wd=%E5%9C%A8%E7%BA%BF%E5%AE%A2%E6%9C%8D', '在线客服'],
      ['Sogou', 'https://www.sogou.com/web?query=%E5%AE%A2%E6%9C%8D', '客服'],
      ['360', 'https://www.so.com/s?q=%E5%AE%A2%E6%9C%8D%E7%B3%BB%E7%BB%9F', '客服系统'],
      ['Yandex', 'https://yandex.ru/search/?text=%D1%87%D0%B0%D1%82', 'чат'],
      ['DuckDuckGo', 'https://duckduckgo.com/?q=support+chat', 'support chat'],
      ['Naver', 'https://search.naver.com/search.naver?query=%EC%B1%84%ED%8C%85', '채팅'],
      ['Yahoo Japan', 'https://search.yahoo.co.jp/search?p=%E3%83%81%E3%83%A3%E3%83%83%E3%83%88', 'チャット'],
    ];

    for (const [engine, referrer, keyword] of cases) {
      it(`reads ${engine} and its keyword from the referrer`, () => {
        frame.setReferrer(referrer);
        t.tracker.start();
        expect(t.views[0]).to.deep.equal({ url: start, title: 'Fixture', referrer, searchEngine: engine, keyword });
      });
    }

    it('names no engine for another site', () => {
      frame.setReferrer('https://blog.example.com/posts/1?q=not+a+search');
      t.tracker.start();
      expect(t.views[0]).to.deep.equal({
        url: start,
        title: 'Fixture',
        referrer: 'https://blog.example.com/posts/1?q=not+a+search',
      });
    });

    it('names the engine without a keyword when the referrer hides it', () => {
      frame.setReferrer('https://www.google.com/');
      t.tracker.start();
      expect(t.views[0]).to.deep.include({ searchEngine: 'Google' }).and.not.to.have.property('keyword');
    });

    it('are not read by createPageViewTracker, which reports the referrer as it is', () => {
      const referrer = 'https://www.google.com/search?q=live+chat+software';
      frame.setReferrer(referrer);
      const plain = track(frame, createPageViewTracker);
      plain.tracker.start();
      plain.tracker.stop();
      expect(plain.views).to.deep.equal([{ url: start, title: 'Fixture', referrer }]);
    });
  });

  describe('visibility', () => {
    it('reports the tab hidden and shown, once per change', () => {
      t.tracker.start();
      frame.setHidden(true);
      frame.setHidden(true);
      frame.setHidden(false);
      expect(t.visibility).to.deep.equal([true, false]);
    });

    it('reports a tab that starts hidden, after its page view', () => {
      frame.setHidden(true);
      const order: string[] = [];
      const tracker = createTrajectoryTracker({
        window: frame.window,
        onPageView: () => order.push('view'),
        onVisibility: (hidden) => order.push(`hidden=${hidden}`),
      });
      tracker.start();
      tracker.stop();
      expect(order).to.deep.equal(['view', 'hidden=true']);
    });
  });

  describe('stop', () => {
    it('gives history its own methods back and reports nothing more', async () => {
      const { pushState, replaceState } = frame.window.history;
      t.tracker.start();
      expect(frame.window.history.pushState).not.to.equal(pushState);
      t.tracker.stop();
      expect(frame.window.history.pushState).to.equal(pushState);
      expect(frame.window.history.replaceState).to.equal(replaceState);
      expect(Object.hasOwn(frame.window.history, 'pushState')).to.equal(false);

      frame.window.history.pushState({}, '', '?after-stop');
      frame.window.location.hash = '#after-stop';
      frame.setHidden(true);
      await settle();
      expect(t.views).to.have.length(1);
      expect(t.visibility).to.deep.equal([]);
    });

    it('cancels a check that was due', async () => {
      t.tracker.start();
      frame.window.history.pushState({}, '', '?pending');
      t.tracker.stop();
      await settle();
      expect(t.views).to.have.length(1);
    });

    it('puts back a wrapper installed before it', async () => {
      const calls: string[] = [];
      const original = frame.window.history.pushState;
      const theirs = function (this: History, ...args: Parameters<History['pushState']>) {
        calls.push(String(args[2]));
        original.apply(this, args);
      };
      frame.window.history.pushState = theirs;
      t.tracker.start();
      frame.window.history.pushState({}, '', '?one');
      await untilViews(t.views, 2);
      t.tracker.stop();
      expect(frame.window.history.pushState).to.equal(theirs);
      expect(calls).to.deep.equal(['?one']);
    });

    it('keeps a wrapper installed after it working, and stays quiet', async () => {
      t.tracker.start();
      const calls: string[] = [];
      const ours = frame.window.history.pushState;
      const theirs = function (this: History, ...args: Parameters<History['pushState']>) {
        calls.push(String(args[2]));
        ours.apply(this, args);
      };
      frame.window.history.pushState = theirs;
      t.tracker.stop();
      expect(frame.window.history.pushState).to.equal(theirs);
      frame.window.history.pushState({}, '', '?two');
      await settle();
      expect(calls).to.deep.equal(['?two']);
      expect(frame.window.location.search).to.equal('?two');
      expect(t.views).to.have.length(1);
    });

    it('lets two trackers follow the same page', async () => {
      const other = track(frame);
      t.tracker.start();
      other.tracker.start();
      frame.window.history.pushState({}, '', '?both');
      await untilViews(t.views, 2);
      await untilViews(other.views, 2);
      other.tracker.stop();
      frame.window.history.pushState({}, '', '?first-only');
      await untilViews(t.views, 3);
      expect(other.views).to.have.length(2);
    });
  });
});
