export interface ConnectivityWatcherOptions {
  /**
   * A good moment to reconnect at once rather than at the end of a back-off:
   * the network came back (`online`), the page came back from the back/forward
   * cache (`pageshow`), or the tab is visible again (`visible`).
   */
  onResume(reason: 'online' | 'pageshow' | 'visible'): void;
  /**
   * A good moment to close the connection: the browser knows it is offline
   * (`offline`), or the page is being unloaded or put in the back/forward cache,
   * which an open WebSocket would prevent (`pagehide`).
   */
  onSuspend?(reason: 'offline' | 'pagehide'): void;
  /** The window to watch; the current one by default. */
  readonly window?: Window;
}

/**
 * Tells a client when the browser's network or the page's lifecycle changes,
 * which core cannot see. Returns the function that stops watching.
 */
export function watchConnectivity(options: ConnectivityWatcherOptions): () => void {
  const win = options.window ?? window;
  const onOnline = () => options.onResume('online');
  const onOffline = () => options.onSuspend?.('offline');
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) options.onResume('pageshow');
  };
  const onPageHide = () => options.onSuspend?.('pagehide');
  const onVisibility = () => {
    if (win.document.visibilityState === 'visible') options.onResume('visible');
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  win.addEventListener('pageshow', onPageShow);
  win.addEventListener('pagehide', onPageHide);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
    win.removeEventListener('pageshow', onPageShow);
    win.removeEventListener('pagehide', onPageHide);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
