// A WebSocket far end for browser tests, as a web-test-runner plugin: it starts
// a `ws` server on 127.0.0.1 (a free port) with the test run and stops it with
// the run. Browser code drives it through the `parley-ws` server command (see
// ws-test-server.ts next to this file):
//
//   { action: 'url' }                           → the server's base URL (ws://127.0.0.1:<port>)
//   { action: 'close', tag, code, reason }      → the server closes that connection
//   { action: 'drop', tag }                     → the server drops it without a close frame
//   { action: 'send-binary', tag, text }        → the server sends a binary frame
//   { action: 'seen', tag, closed? }            → { received, closed } as the server saw them;
//                                                 with `closed: true` waits for the close first
//
// A connection's tag is the path it connected to (`${url}/<tag>`). Text frames
// are echoed back.
import { WebSocketServer } from 'ws';

const COMMAND = 'parley-ws';
const WAIT_MS = 5000;

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function wsTestServerPlugin() {
  /** @type {WebSocketServer | undefined} */
  let server;
  let url = '';
  /** @type {Map<string, { socket: import('ws').WebSocket, received: string[], closed?: { code: number, reason: string } }>} */
  const connections = new Map();

  const until = async (check) => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`${COMMAND}: timed out`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const connection = (tag) => until(() => connections.get(tag));

  return {
    name: 'parley-ws-test-server',

    async serverStart() {
      server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      url = `ws://127.0.0.1:${server.address().port}`;
      server.on('connection', (socket, request) => {
        const tag = decodeURIComponent(new URL(request.url ?? '/', url).pathname.slice(1));
        const entry = { socket, received: [] };
        connections.set(tag, entry);
        socket.on('message', (data, isBinary) => {
          if (isBinary) return;
          const text = data.toString();
          entry.received.push(text);
          socket.send(text);
        });
        socket.on('close', (code, reason) => {
          entry.closed = { code, reason: reason.toString() };
        });
        socket.on('error', () => {});
      });
    },

    async serverStop() {
      if (!server) return;
      for (const socket of server.clients) socket.terminate();
      await new Promise((resolve) => server.close(resolve));
      server = undefined;
    },

    async executeCommand({ command, payload }) {
      if (command !== COMMAND) return undefined;
      switch (payload?.action) {
        case 'url':
          return url;
        case 'close': {
          const { socket } = await connection(payload.tag);
          socket.close(payload.code, payload.reason);
          return true;
        }
        case 'drop': {
          const { socket } = await connection(payload.tag);
          socket.terminate();
          return true;
        }
        case 'send-binary': {
          const { socket } = await connection(payload.tag);
          socket.send(Buffer.from(payload.text ?? ''), { binary: true });
          return true;
        }
        case 'seen': {
          const entry = await connection(payload.tag);
          if (payload.closed) await until(() => entry.closed);
          return { received: entry.received, closed: entry.closed ?? null };
        }
        default:
          throw new Error(`${COMMAND}: unknown action ${JSON.stringify(payload?.action)}`);
      }
    },
  };
}
