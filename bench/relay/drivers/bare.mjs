// Load driver for the bare ws relay (servers/bare-ws.mjs).
import { WebSocket } from 'ws';
import { connectAll, openSocket } from './sockets.mjs';

export async function createBareDriver({ port }, { conversations, agents, onReceive }) {
  const url = `ws://127.0.0.1:${port}`;
  const agentSockets = await connectAll(agents, () => openSocket(new WebSocket(url, { perMessageDeflate: false })));
  const visitorSockets = await connectAll(conversations, () => openSocket(new WebSocket(url, { perMessageDeflate: false })));
  const listen = (socket, side) =>
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      onReceive(frame.c, side, Number.parseInt(frame.t, 10));
    });
  agentSockets.forEach((s) => listen(s, 'a'));
  visitorSockets.forEach((s) => listen(s, 'v'));
  for (let c = 0; c < conversations; c++) {
    visitorSockets[c].send(JSON.stringify({ j: c, r: 'v' }));
    agentSockets[c % agents].send(JSON.stringify({ j: c, r: 'a' }));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    sockets: conversations + agents,
    send(c, side, text) {
      const socket = side === 'v' ? visitorSockets[c] : agentSockets[c % agents];
      socket.send(JSON.stringify({ c, t: text }));
    },
    close() {
      for (const s of [...agentSockets, ...visitorSockets]) s.terminate();
    },
  };
}
