import { LIMITS } from '../protocol/limits.js';
import { parseReferrer } from '../referrer.js';

/** One page the visitor entered, as the tracker reports it. */
export interface TrackedPageView {
  readonly url: string;
  readonly title: string;
  /** `document.referrer` for the first page; the previous URL after an in-page route change. */
  readonly referrer?: string;
  /** The search engine the referrer belongs to, if any ({@link createTrajectoryTracker} only). */
  readonly searchEngine?: string;
  /** The search keyword the referrer carries, if any ({@link createTrajectoryTracker} only). */
  readonly keyword?: string;
}

export interface TrajectoryTrackerOptions {
  /** Called for the page the tracker starts on and every page entered after it. */
  onPageView(view: TrackedPageView): void;
  /** Called when the tab is hidden (`true`) or shown again (`false`). */
  onVisibility(hidden: boolean): void;
  /** The window to follow; the current one by default. */
  readonly window?: Window;
}

/**
 * Follows a visitor through a site's pages. The hub computes dwell time from
 * what it reports, so the tracker only says when a page is entered and when the
 * tab is hidden or shown.
 */
export interface TrajectoryTracker {
  /**
   * Reports the current page (unless it is the page last reported) and the tab
   * being hidden if it is, then follows route changes and visibility until `stop()`.
   */
  start(): void;
  /** Stops following; `history` gets its own methods back. */
  stop(): void;
  /**
   * Reports a page view now, even if the URL did not change: for virtual pages
   * (`track({ url: '/checkout/step-2', title: 'Payment' })`) or a router that
   * wants to report after setting the title. `url` may be relative to the page.
   *
   * @throws TypeError when `url` is not a URL.
   */
  track(custom?: { readonly url?: string; readonly title?: string }): void;
}

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Makes a {@link TrajectoryTracker}. Route changes are seen through
 * `history.pushState` / `replaceState` (wrapped while started) and the
 * `popstate` and `hashchange` events; one is reported only when the URL actually
 * changed. The check runs a task after the change, so that a router that sets
 * `document.title` right after navigating is reported with the new title. Each
 * view with a search referrer names the engine and keyword ({@link parseReferrer}).
 */
export function createTrajectoryTracker(options: TrajectoryTrackerOptions): TrajectoryTracker {
  return followPages(options, parseReferrer);
}

/**
 * The same tracker without reading search referrers: its views carry `url`,
 * `title` and `referrer` only. That is all a visitor client sends (the hub reads
 * the search engine and keyword from the referrer itself), so a page that only
 * feeds `VisitorClient.trackPageView` saves the search engines' table: the
 * script-tag widget uses this one.
 */
export function createPageViewTracker(options: TrajectoryTrackerOptions): TrajectoryTracker {
  return followPages(options);
}

function followPages(options: TrajectoryTrackerOptions, readSearch?: typeof parseReferrer): TrajectoryTracker {
  const win = options.window ?? window;
  let lastUrl: string | undefined;
  let lastHidden = false;
  let started = false;
  let pending: number | undefined;
  let unwrap: (() => void)[] = [];

  const report = (url: string, title: string, referrer: string | undefined) => {
    const view: { -readonly [K in keyof TrackedPageView]: TrackedPageView[K] } = {
      url: url.slice(0, LIMITS.url),
      title: title.slice(0, LIMITS.title),
    };
    if (referrer) {
      view.referrer = referrer.slice(0, LIMITS.url);
      const { searchEngine, keyword } = readSearch?.(referrer) ?? {};
      if (searchEngine) view.searchEngine = searchEngine;
      if (keyword) view.keyword = keyword;
    }
    lastUrl = url;
    options.onPageView(view);
  };

  const check = () => {
    pending = undefined;
    if (!started) return;
    const url = win.location.href;
    if (url !== lastUrl) report(url, win.document.title, lastUrl);
  };

  const schedule = () => {
    if (started && pending === undefined) pending = win.setTimeout(check, 0);
  };

  const onVisibilityChange = () => {
    const hidden = win.document.visibilityState === 'hidden';
    if (hidden === lastHidden) return;
    lastHidden = hidden;
    options.onVisibility(hidden);
  };

  return {
    start() {
      if (started) return;
      started = true;
      const url = win.location.href;
      if (url !== lastUrl) report(url, win.document.title, lastUrl ?? (win.document.referrer || undefined));
      onVisibilityChange();
      unwrap = (['pushState', 'replaceState'] as const).map((name) => wrapHistory(win.history, name, schedule));
      win.addEventListener('popstate', schedule);
      win.addEventListener('hashchange', schedule);
      win.document.addEventListener('visibilitychange', onVisibilityChange);
    },
    stop() {
      if (!started) return;
      started = false;
      for (const undo of unwrap) undo();
      unwrap = [];
      win.removeEventListener('popstate', schedule);
      win.removeEventListener('hashchange', schedule);
      win.document.removeEventListener('visibilitychange', onVisibilityChange);
      if (pending !== undefined) win.clearTimeout(pending);
      pending = undefined;
    },
    track(custom = {}) {
      const url = custom.url === undefined ? win.location.href : new URL(custom.url, win.location.href).href;
      report(url, custom.title ?? win.document.title, lastUrl ?? (win.document.referrer || undefined));
    },
  };
}

/**
 * Calls `after` after each call of `history[name]`. Returns the undo: it puts
 * the original back if nobody wrapped the method since, and otherwise leaves a
 * wrapper that only passes calls through, so the other wrapper keeps working.
 */
function wrapHistory(history: History, name: HistoryMethod, after: () => void): () => void {
  const original = history[name];
  const hadOwn = Object.hasOwn(history, name);
  let active = true;
  const wrapper = function (this: History, ...args: Parameters<History[HistoryMethod]>): void {
    original.apply(this, args);
    if (active) after();
  };
  history[name] = wrapper;
  return () => {
    active = false;
    if (history[name] !== wrapper) return;
    if (hadOwn) history[name] = original;
    else Reflect.deleteProperty(history, name);
  };
}
