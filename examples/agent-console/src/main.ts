/**
 * The agent console page: registers every agent element and points
 * `<parley-console>` at its server — the page's `server` attribute, else the
 * origin that served the page (what `npm start` does). Sign-in, the hub
 * connection (WebSocket, long-poll fallback), canned replies, uploads and the
 * site's settings then all go to that server.
 */
import '@parley/agent-elements/define';
import type { AgentConsole } from '@parley/agent-elements';

const element = document.querySelector<AgentConsole>('parley-console');
if (element) {
  if (!element.getAttribute('server')) element.server = location.origin;
  const language = new URLSearchParams(location.search).get('lang');
  if (language) element.language = language;
}
