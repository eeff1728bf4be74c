// What the widget's first chunk imports from @parley/core (the visitor client
// without its chat machinery, WebSocket transport and the fallback that loads
// long-poll when WebSocket fails, browser helpers with the page-view tracker;
// never the hub), minified and compressed, against the 12 KB brotli budget. Alongside: the
// full client (`VisitorClient`: with the chat machinery, which the widget loads
// with its window), the same with `connectTo` (WebSocket with the long-poll
// fallback), the agent's imports, and the hub as the baseline the entry-point
// split saves; then which modules the full client's bytes go to.
import { breakdown, kb, measure, report } from '../support/size.mjs';

const BUDGET_BROTLI = 12 * 1024;

const firstChunkImports = `
export { VisitorClientBase, createWebSocketTransport, createFallbackTransport } from '@parley/core';
export { createPageViewTracker, createIndexedDbStorage } from '@parley/core/browser';
`;
const widgetImports = `
export { VisitorClient, createWebSocketTransport } from '@parley/core';
export { createTrajectoryTracker, createIndexedDbStorage } from '@parley/core/browser';
`;
const withConnectTo = `${widgetImports}
export { connectTo } from '@parley/core';
`;
const withHub = `${widgetImports}
export { createHub, createMemoryStore } from '@parley/core/hub';
`;
const agentImports = `export { AgentClient, createWebSocketTransport } from '@parley/core';`;

const firstChunk = await measure(firstChunkImports);
const client = await measure(widgetImports);
const connectTo = await measure(withConnectTo);
const agent = await measure(agentImports);
const hub = await measure(withHub);
report('@parley/core size (one minified ES module, dependencies inlined)', [
  ['widget first chunk (VisitorClientBase + WS…)', firstChunk],
  ['full client (VisitorClient + WS + browser)', client],
  ['full client + connectTo (long-poll)', connectTo],
  ['agent imports (AgentClient + WS)', agent],
  ['baseline: full client + hub', hub],
]);

const modules = await breakdown(widgetImports);
const shown = 16;
console.log('\nfull client by module (minified; brotli: what the bundle loses without it)');
for (const { module, minified, brotli } of modules.slice(0, shown)) {
  console.log(`${module.padEnd(54)}${kb(minified).padStart(10)}${kb(brotli).padStart(10)}`);
}
const rest = modules.slice(shown);
const sum = (list, key) => list.reduce((total, part) => total + part[key], 0);
console.log(`${`${rest.length} more`.padEnd(54)}${kb(sum(rest, 'minified')).padStart(10)}${kb(sum(rest, 'brotli')).padStart(10)}`);

const ratio = client.brotli / hub.brotli;
console.log(`\nthe full client is ${(ratio * 100).toFixed(0)}% of the same with the hub (${kb(hub.brotli - client.brotli)} brotli saved)`);
const ok = firstChunk.brotli <= BUDGET_BROTLI;
console.log(`budget (first chunk): ${kb(firstChunk.brotli)} brotli of ${kb(BUDGET_BROTLI)} — ${ok ? 'within' : 'OVER'} budget`);
console.log(`full client: ${kb(client.brotli)} brotli (${kb(BUDGET_BROTLI - client.brotli)} left)`);
console.log(`with connectTo: ${kb(connectTo.brotli)} brotli (${kb(BUDGET_BROTLI - connectTo.brotli)} left)`);
if (!ok) process.exitCode = 1;
