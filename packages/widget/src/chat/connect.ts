import { createFallbackTransport, createWebSocketTransport, SERVER_PATHS, type TransportFactory } from '@parley/core';

/**
 * The transport to a Parley server for a site's visitor, as core's `connectTo`
 * makes it (WebSocket, long-poll when WebSocket cannot get through), except
 * that the long-poll transport is loaded only when the WebSocket fails.
 */
export function connectToServer(serverUrl: string, siteId: string): TransportFactory {
  const base = serverUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) throw new TypeError(`Parley: "server" must be an http(s) URL, got "${serverUrl}".`);
  const query = `siteId=${encodeURIComponent(siteId)}`;
  const websocket = createWebSocketTransport(`${base.replace(/^http/i, 'ws')}${SERVER_PATHS.websocket}?${query}`);
  const load = () =>
    import('./long-poll.js').then(({ createLongPollTransport }) => createLongPollTransport(`${base}${SERVER_PATHS.longPoll}?${query}`));
  return createFallbackTransport({ websocket, longPoll: { load } });
}
