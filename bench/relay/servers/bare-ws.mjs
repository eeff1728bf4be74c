// The floor: a bare `ws` relay. A socket joins conversations with {"j": c, "r": "v"|"a"};
// a frame {"c": c, ...} is forwarded as it is to the other side of conversation c.
import { WebSocketServer } from 'ws';
import { ready, serve } from './child.mjs';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, clientTracking: true });
/** Conversation → [visitor socket, agent socket]. */
const conversations = new Map();
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const text = data.toString();
    const frame = JSON.parse(text);
    if (frame.j !== undefined) {
      let pair = conversations.get(frame.j);
      if (!pair) conversations.set(frame.j, (pair = [undefined, undefined]));
      pair[frame.r === 'v' ? 0 : 1] = socket;
      return;
    }
    const pair = conversations.get(frame.c);
    if (!pair) return;
    const to = pair[0] === socket ? pair[1] : pair[0];
    to?.send(text);
  });
  socket.on('error', () => {});
});
wss.on('listening', () => ready({ port: wss.address().port }));
serve(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
});
