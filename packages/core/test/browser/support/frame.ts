// A same-origin page in an iframe, for tests that navigate, change visibility or
// fake the referrer without touching the test runner's own page.

const FIXTURE = new URL('../fixtures/page.html', import.meta.url).href;

export interface TestFrame {
  readonly window: Window;
  /** Pretends the tab is hidden or visible, and says so with a `visibilitychange` event. */
  setHidden(hidden: boolean): void;
  /** Pretends the page was entered from `referrer`. */
  setReferrer(referrer: string): void;
  remove(): void;
}

export async function openFrame(): Promise<TestFrame> {
  const iframe = document.createElement('iframe');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = FIXTURE;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow;
  if (!win) throw new Error('the test frame has no window');
  return {
    window: win,
    setHidden(hidden) {
      const state = hidden ? 'hidden' : 'visible';
      Object.defineProperty(win.document, 'visibilityState', { configurable: true, get: () => state });
      Object.defineProperty(win.document, 'hidden', { configurable: true, get: () => hidden });
      win.document.dispatchEvent(new Event('visibilitychange'));
    },
    setReferrer(referrer) {
      Object.defineProperty(win.document, 'referrer', { configurable: true, get: () => referrer });
    },
    remove() {
      iframe.remove();
    },
  };
}

/** Lets the tracker's deferred check (one task after a change) run, and a little more. */
export const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
