// Relay benchmark: a 1:1 chat relay through Parley (the real server with its
// durable SQLite store), a bare `ws` relay (the floor) and a socket.io relay,
// side by side on loopback. Each server runs in its own process; this process
// drives the load.
//
// Topology, the same for all three: CONVERSATIONS visitor sockets and AGENTS agent
// sockets, each agent serving CONVERSATIONS/AGENTS conversations.
//  1. throughput: every conversation ping-pongs (visitor → agent → visitor …), one
//     message in flight per conversation; messages/s and one-way latency p50/p99.
//  2. fixed rate: RATE messages/s in total, visitor → agent, open loop; latency p50/p99,
//     measured after a warm-up at that rate (as phase 1 has one), so that it is the steady
//     state at RATE and not the tail of phase 1 (a durable server's disk is still writing
//     phase 1 back for a second or two).
//
// Run: npm run bench -- relay   (or: node --import tsx bench/relay/index.mjs)
// Environment: BENCH_CONVERSATIONS (1000), BENCH_AGENTS (50), BENCH_SECONDS (8), BENCH_RATE (1000),
// BENCH_ONLY (comma list of servers/*: bare-ws, socketio, parley), BENCH_PROFILE (a folder for CPU
// profiles of each server, <id>.cpuprofile for phase 1 and <id>-fixed.cpuprofile for phase 2),
// BENCH_ALLOC_PROFILE (a folder for sampled allocation profiles of phase 1, <id>.heapprofile),
// BENCH_DIAGNOSTIC (adds Parley over the in-memory store).
import { performance } from 'node:perf_hooks';
import { createBareDriver } from './drivers/bare.mjs';
import { createParleyDriver } from './drivers/parley.mjs';
import { createSocketIoDriver } from './drivers/socketio.mjs';
import { startServer } from './spawn.mjs';
import { availableParallelism } from 'node:os';
import { createSamples, fmt, threadCpuSeconds } from './stats.mjs';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const TEXT = 'Hello! I ordered the blue one last week and it has not arrived yet, can you check?';

const kinds = [
  { id: 'bare-ws', name: 'bare ws', server: 'bare-ws', driver: createBareDriver },
  { id: 'socketio', name: 'socket.io', server: 'socketio', driver: createSocketIoDriver },
  { id: 'parley', name: 'Parley', server: 'parley', driver: createParleyDriver },
  // BENCH_DIAGNOSTIC=1: Parley again over the in-memory store, to show what durability costs.
  ...(process.env.BENCH_DIAGNOSTIC
    ? [
        {
          id: 'parley-memory',
          name: 'Parley, memory store (not durable; diagnostic)',
          server: 'parley',
          env: { BENCH_STORE: 'memory' },
          driver: createParleyDriver,
        },
      ]
    : []),
].filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(k.server));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(kind) {
  const server = await startServer(kind.server, {
    ...kind.env,
    BENCH_AGENTS: String(AGENTS),
    BENCH_CAPACITY: String(Math.ceil(CONVERSATIONS / AGENTS)),
  });
  // One message id space; the send time of id i is at sentAt[i % size].
  const size = 1 << 20;
  const sentAt = new Float64Array(size);
  let nextId = 0;
  let mode = 'idle';
  let received = 0;
  let samples = createSamples();
  let measuring = false;
  /** The first message id that counts while measuring. */
  let measureFrom = 0;
  let driver;
  const send = (c, side) => {
    const id = nextId++;
    sentAt[id % size] = performance.now();
    driver.send(c, side, `${id} ${TEXT}`);
  };
  const onReceive = (c, side, id) => {
    if (measuring && id >= measureFrom) {
      received++;
      samples.add(performance.now() - sentAt[id % size]);
    }
    // Ping-pong: whoever received answers.
    if (mode === 'pingpong') send(c, side);
  };
  const started = performance.now();
  driver = await kind.driver(server.info, { conversations: CONVERSATIONS, agents: AGENTS, onReceive });
  const setupSeconds = (performance.now() - started) / 1000;

  // BENCH_PROFILE=<dir>: a CPU profile of the server during the ping-pong phase.
  if (process.env.BENCH_PROFILE) await server.profileStart();
  if (process.env.BENCH_ALLOC_PROFILE) await server.allocStart();
  // 1. Throughput.
  mode = 'pingpong';
  for (let c = 0; c < CONVERSATIONS; c++) send(c, 'v');
  await sleep(WARMUP_SECONDS * 1000);
  measuring = true;
  const t0 = performance.now();
  const serverCpu0 = threadCpuSeconds(server.pid);
  const loadCpu0 = process.cpuUsage();
  await sleep(SECONDS * 1000);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const loadCpu = process.cpuUsage(loadCpu0);
  const serverCpu1 = threadCpuSeconds(server.pid);
  const mainCpu = (serverCpu1.main - serverCpu0.main) / elapsed;
  const otherCpu = (serverCpu1.others - serverCpu0.others) / elapsed;
  const throughput = {
    perSecond: received / elapsed,
    p50: samples.percentile(50),
    p99: samples.percentile(99),
    serverCpu: mainCpu + otherCpu,
    mainCpu,
    otherCpu,
    loadCpu: (loadCpu.user + loadCpu.system) / 1e6 / elapsed,
  };
  if (process.env.BENCH_PROFILE) await server.profileStop(`${process.env.BENCH_PROFILE}/${kind.id}.cpuprofile`);
  if (process.env.BENCH_ALLOC_PROFILE) await server.allocStop(`${process.env.BENCH_ALLOC_PROFILE}/${kind.id}.heapprofile`);
  mode = 'idle';
  await sleep(1500);

  // 2. Fixed rate, open loop: a warm-up at RATE, then RATE for SECONDS, measured.
  let c = 0;
  const paced = async (seconds, atStart) => {
    let sent = 0;
    const start = performance.now();
    const total = RATE * seconds;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
      for (; sent < due; sent++) {
        if (sent === 0) await atStart?.();
        send(c, 'v');
        c = (c + 1) % CONVERSATIONS;
      }
      await sleep(1);
    }
    return sent;
  };
  await paced(WARMUP_SECONDS);
  const sent = await paced(SECONDS, async () => {
    // Measured from here: only messages sent from now on count (not the warm-up's last ones).
    if (process.env.BENCH_PROFILE) await server.profileStart();
    await server.loopDelayStart();
    received = 0;
    samples = createSamples();
    measureFrom = nextId;
    measuring = true;
  });
  const drainUntil = performance.now() + 5000;
  while (received < sent && performance.now() < drainUntil) await sleep(10);
  measuring = false;
  const fixed = {
    sent,
    received,
    p50: samples.percentile(50),
    p99: samples.percentile(99),
    percentiles: [50, 90, 99, 99.9, 100].map((p) => samples.percentile(p)),
    loop: await server.loopDelayStop(),
  };
  if (process.env.BENCH_PROFILE) await server.profileStop(`${process.env.BENCH_PROFILE}/${kind.id}-fixed.cpuprofile`);

  const memory = await server.memory();
  driver.close();
  await server.stop();
  return { name: kind.name, setupSeconds, throughput, fixed, rssMb: memory.rss / 2 ** 20 };
}

console.log(
  `relay: ${CONVERSATIONS} conversations over ${AGENTS} agent sockets, ${SECONDS} s per phase (after ${WARMUP_SECONDS} s warm-up), fixed rate ${RATE} msg/s`,
);
const results = [];
for (const kind of kinds) {
  process.stdout.write(`  running ${kind.name}… `);
  const result = await run(kind);
  results.push(result);
  console.log(`done (setup ${fmt(result.setupSeconds)} s)`);
}

const floor = results.find((r) => r.name === 'bare ws');
console.log(
  '\n| relay | msg/s (ping-pong) | p50 ms | p99 ms | server CPU | load CPU | p50 @ fixed rate | p99 @ fixed rate | server loop delay p99 / max @ fixed | delivered @ fixed | server RSS MB | msg/s ÷ bare ws | p99 @ fixed ÷ bare ws |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const ratioThroughput = floor ? r.throughput.perSecond / floor.throughput.perSecond : NaN;
  const ratioP99 = floor ? r.fixed.p99 / floor.fixed.p99 : NaN;
  console.log(
    `| ${r.name} | ${fmt(r.throughput.perSecond, 0)} | ${fmt(r.throughput.p50, 2)} | ${fmt(r.throughput.p99, 2)} | ${fmt(r.throughput.serverCpu * 100, 0)}% | ${fmt(r.throughput.loadCpu * 100, 0)}% | ${fmt(r.fixed.p50, 2)} | ${fmt(r.fixed.p99, 2)} | ${fmt(r.fixed.loop.p99, 1)} / ${fmt(r.fixed.loop.max, 1)} ms | ${r.fixed.received}/${r.fixed.sent} | ${fmt(r.rssMb, 0)} | ${fmt(ratioThroughput, 2)}× | ${fmt(ratioP99, 2)}× |`,
  );
}
console.log(`\n| latency @ ${RATE} msg/s, ms | p50 | p90 | p99 | p99.9 | max |`);
console.log('|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.fixed.percentiles.map((v) => fmt(v, 2)).join(' | ')} |`);
// Where the CPU goes, per message relayed in phase 1: the server's event loop, its other threads, and
// this process (the load). A relay can go no faster than `cores` ÷ their sum, nor than one core ÷ the
// event loop's share or the load's (each is one thread).
const cores = availableParallelism();
const perMessage = (share, r) => (share / r.throughput.perSecond) * 1e6;
console.log(`\n| CPU per message (ping-pong), µs | server event loop | server other threads | load generator | sum | ceiling on ${cores} cores, msg/s |`);
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  const t = r.throughput;
  const [main, others, load] = [t.mainCpu, t.otherCpu, t.loadCpu].map((share) => perMessage(share, r));
  const sum = main + others + load;
  const ceiling = Math.min(cores / sum, 1 / main, 1 / load) * 1e6;
  console.log(`| ${r.name} | ${fmt(main, 1)} | ${fmt(others, 1)} | ${fmt(load, 1)} | ${fmt(sum, 1)} | ${fmt(ceiling, 0)} |`);
}
const parley = results.find((r) => r.name === 'Parley');
const sio = results.find((r) => r.name === 'socket.io');
if (parley && floor) {
  const checks = [
    [`throughput ≥ 0.5× bare ws`, parley.throughput.perSecond >= 0.5 * floor.throughput.perSecond],
    ...(sio ? [[`throughput > socket.io`, parley.throughput.perSecond > sio.throughput.perSecond]] : []),
    [`p99 at ${RATE} msg/s ≤ 2× bare ws`, parley.fixed.p99 <= 2 * floor.fixed.p99],
  ];
  console.log('\ntargets:');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${label}`);
}
