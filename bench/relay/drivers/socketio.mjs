// Load driver for the socket.io relay (servers/socketio.mjs), WebSocket transport only.
import { io } from 'socket.io-client';
import { connectAll } from './sockets.mjs';

function openIo(url) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function createSocketIoDriver({ port }, { conversations, agents, onReceive }) {
  const url = `http://127.0.0.1:${port}`;
  const agentSockets = await connectAll(agents, () => openIo(url));
  const visitorSockets = await connectAll(conversations, () => openIo(url));
  agentSockets.forEach((s) => s.on('m', (c, text) => onReceive(c, 'a', Number.parseInt(text, 10))));
  visitorSockets.forEach((s) => s.on('m', (c, text) => onReceive(c, 'v', Number.parseInt(text, 10))));
  for (let c = 0; c < conversations; c++) {
    visitorSockets[c].emit('join', c, 'v');
    agentSockets[c % agents].emit('join', c, 'a');
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    sockets: conversations + agents,
    send(c, side, text) {
      (side === 'v' ? visitorSockets[c] : agentSockets[c % agents]).emit('m', c, text);
    },
    close() {
      for (const s of [...agentSockets, ...visitorSockets]) s.disconnect();
    },
  };
}
