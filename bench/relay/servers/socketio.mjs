// socket.io relay, WebSocket transport only (no polling): `join` (c, role) then
// `m` (c, text) is emitted to the other side of conversation c.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { ready, serve } from './child.mjs';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
const conversations = new Map();
io.on('connection', (socket) => {
  socket.on('join', (c, role) => {
    let pair = conversations.get(c);
    if (!pair) conversations.set(c, (pair = [undefined, undefined]));
    pair[role === 'v' ? 0 : 1] = socket;
  });
  socket.on('m', (c, text) => {
    const pair = conversations.get(c);
    if (!pair) return;
    const to = pair[0] === socket ? pair[1] : pair[0];
    to?.emit('m', c, text);
  });
});
http.listen(0, '127.0.0.1', () => ready({ port: http.address().port }));
serve(async () => {
  io.disconnectSockets(true);
  await new Promise((resolve) => io.close(() => resolve()));
});
