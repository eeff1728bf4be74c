// Load driver for Parley (servers/parley.mjs), speaking the protocol over raw ws
// sockets: agents sign in with their tokens and go online; each visitor says
// hello and asks for a chat, which the hub routes to an agent; then messages go
// both ways with `message.send` and arrive as `message` frames.
import { WebSocket } from 'ws';
import { connectAll, openSocket } from './sockets.mjs';

/** Sends a frame and resolves with the first frame that `match` accepts. */
function request(socket, frame, match) {
  return new Promise((resolve, reject) => {
    const onMessage = (data) => {
      const parsed = JSON.parse(data.toString());
      if (parsed.type === 'error' && (parsed.ref === undefined || parsed.ref === frame.ref)) {
        socket.off('message', onMessage);
        reject(new Error(`${frame.type}: ${parsed.code} ${parsed.message}`));
      } else if (match(parsed)) {
        socket.off('message', onMessage);
        resolve(parsed);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify(frame));
  });
}

export async function createParleyDriver({ port, siteId, tokens }, { conversations, agents, onReceive }) {
  const base = `ws://127.0.0.1:${port}/parley/ws`;
  const open = (query) => openSocket(new WebSocket(`${base}?${query}`, { perMessageDeflate: false }));
  const agentSockets = await connectAll(agents, async (i) => {
    const socket = await open('role=agent');
    await request(socket, { type: 'hello', v: 1, role: 'agent', token: tokens[i] }, (f) => f.type === 'welcome');
    await request(socket, { type: 'presence.set', ref: 'p', status: 'online' }, (f) => f.type === 'ack' && f.ref === 'p');
    return socket;
  });
  const agentIndex = new Map(tokens.slice(0, agents).map((_, i) => [`agt_bench_${i}`, i]));
  const sessions = new Array(conversations);
  const agentOf = new Array(conversations);
  const conversationOf = new Map();
  // Few at a time: routing needs to see each agent's load before the next chat.
  const visitorSockets = await connectAll(
    conversations,
    async (c) => {
      const socket = await open(`siteId=${siteId}`);
      await request(socket, { type: 'hello', v: 1, role: 'visitor', siteId }, (f) => f.type === 'welcome');
      const ack = await request(socket, { type: 'chat.request', ref: 'c', fields: {} }, (f) => f.type === 'ack' && f.ref === 'c');
      const session = ack.result.session;
      if (session.state !== 'active') throw new Error(`chat ${c} is ${session.state}: not enough agent capacity`);
      sessions[c] = session.id;
      agentOf[c] = agentIndex.get(session.agentId);
      conversationOf.set(session.id, c);
      return socket;
    },
    20,
  );
  const listen = (socket, side, from) =>
    socket.on('message', (data) => {
      const text = data.toString();
      // Only message frames matter here; acks, session and presence updates are skipped unparsed.
      if (!text.startsWith('{"type":"message"')) return;
      const { message } = JSON.parse(text);
      if (message.author.kind !== from) return;
      onReceive(conversationOf.get(message.sessionId), side, Number.parseInt(message.text, 10));
    });
  agentSockets.forEach((s) => listen(s, 'a', 'visitor'));
  visitorSockets.forEach((s) => listen(s, 'v', 'agent'));
  let ref = 0;
  return {
    sockets: conversations + agents,
    send(c, side, text) {
      const socket = side === 'v' ? visitorSockets[c] : agentSockets[agentOf[c]];
      const n = ++ref;
      socket.send(JSON.stringify({ type: 'message.send', ref: `r${n}`, sessionId: sessions[c], clientId: `cli_${side}${n}`, text }));
    },
    close() {
      for (const s of [...agentSockets, ...visitorSockets]) s.terminate();
    },
  };
}
