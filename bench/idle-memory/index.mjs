// Idle-connection memory: server memory per open, idle connection at CONNECTIONS
// connections, for Parley (each connection a visitor that said hello and was
// welcomed: the hub's state for it included), a bare `ws` server and socket.io
// (WebSocket transport). Each server runs in its own process; memory is read
// there after a full GC, before and after the connections: the delta ÷ connections.
//
// Run: npm run bench -- idle-memory   (or: node --import tsx bench/idle-memory/index.mjs)
// Environment: BENCH_CONNECTIONS (10000), BENCH_ONLY (comma list: bare-ws, socketio, parley),
// BENCH_HEAP_SNAPSHOT (a folder: heap snapshots of each server before and after the connections).
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import { connectAll, openSocket } from '../relay/drivers/sockets.mjs';
import { startServer } from '../relay/spawn.mjs';
import { fmt } from '../relay/stats.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10_000);

/** Resolves once the socket received a frame that passes `match`. */
function frame(socket, match) {
  return new Promise((resolve, reject) => {
    const onMessage = (data) => {
      const parsed = JSON.parse(data.toString());
      if (!match(parsed)) return;
      socket.off('message', onMessage);
      resolve(parsed);
    };
    socket.on('message', onMessage);
    socket.once('close', () => reject(new Error('closed')));
  });
}

const kinds = [
  {
    name: 'bare ws',
    server: 'bare-ws',
    connect: ({ port }) => openSocket(new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false })),
    close: (s) => s.terminate(),
  },
  {
    name: 'socket.io',
    server: 'socketio',
    connect: ({ port }) =>
      new Promise((resolve, reject) => {
        const socket = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      }),
    close: (s) => s.disconnect(),
  },
  {
    name: 'Parley',
    server: 'parley',
    env: { BENCH_AGENTS: '1', BENCH_CAPACITY: '1' },
    async connect({ port, siteId }) {
      const socket = await openSocket(new WebSocket(`ws://127.0.0.1:${port}/parley/ws?siteId=${siteId}`, { perMessageDeflate: false }));
      const welcome = frame(socket, (f) => f.type === 'welcome');
      socket.send(JSON.stringify({ type: 'hello', v: 1, role: 'visitor', siteId }));
      await welcome;
      return socket;
    },
    close: (s) => s.terminate(),
  },
].filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(k.server));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(kind) {
  const server = await startServer(kind.server, kind.env ?? {});
  await sleep(500);
  const before = await server.memory();
  const snapshots = process.env.BENCH_HEAP_SNAPSHOT;
  if (snapshots) await server.heapSnapshot(join(snapshots, `${kind.server}-before.heapsnapshot`));
  const started = Date.now();
  const sockets = await connectAll(CONNECTIONS, () => kind.connect(server.info), 200);
  const connectSeconds = (Date.now() - started) / 1000;
  await sleep(2_000);
  const after = await server.memory();
  if (snapshots) await server.heapSnapshot(join(snapshots, `${kind.server}-after.heapsnapshot`));
  // The server goes first, so the TIME_WAIT sockets are on its side, not on this side's ports.
  await server.stop();
  for (const socket of sockets) kind.close(socket);
  return {
    name: kind.name,
    connectSeconds,
    rssPer: (after.rss - before.rss) / CONNECTIONS,
    heapPer: (after.heapUsed - before.heapUsed) / CONNECTIONS,
    externalPer: (after.external - before.external) / CONNECTIONS,
    rssMb: after.rss / 2 ** 20,
  };
}

console.log(`idle memory: ${CONNECTIONS} idle connections per server (memory after a full GC, delta ÷ connections)`);
const results = [];
for (const kind of kinds) {
  process.stdout.write(`  running ${kind.name}… `);
  const result = await run(kind);
  results.push(result);
  console.log(`done (${fmt(result.connectSeconds)} s to connect)`);
}
const kb = (bytes) => fmt(bytes / 1024, 2);
const floor = results.find((r) => r.name === 'bare ws');
console.log('\n| server | RSS KiB / connection | heap KiB / connection | external KiB / connection | RSS MB total | RSS ÷ bare ws | heap ÷ bare ws |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${kb(r.rssPer)} | ${kb(r.heapPer)} | ${kb(r.externalPer)} | ${fmt(r.rssMb, 0)} | ${floor ? fmt(r.rssPer / floor.rssPer, 2) : 'n/a'}× | ${floor ? fmt(r.heapPer / floor.heapPer, 2) : 'n/a'}× |`,
  );
}
const parley = results.find((r) => r.name === 'Parley');
if (parley && floor) {
  console.log('\ntargets:');
  for (const [label, ok] of [
    ['idle memory per connection (RSS) ≤ 2× bare ws', parley.rssPer <= 2 * floor.rssPer],
    ['idle memory per connection (JS heap) ≤ 2× bare ws', parley.heapPer <= 2 * floor.heapPer],
  ]) {
    console.log(`  ${ok ? 'met   ' : 'MISSED'} ${label}`);
  }
}
