// What the widget imports from @parley/core (visitor client, WebSocket transport,
// browser helpers; never the hub), minified and compressed, against the 12 KB brotli
// budget. The hub is measured alongside as the baseline the entry-point split saves.
import { kb, measure, report } from '../support/size.mjs';

const BUDGET_BROTLI = 12 * 1024;

const widgetImports = `
export { VisitorClient, createWebSocketTransport } from '@parley/core';
export { createTrajectoryTracker, createIndexedDbStorage } from '@parley/core/browser';
`;
const withHub = `${widgetImports}
export { createHub, createMemoryStore } from '@parley/core/hub';
`;
const agentImports = `export { AgentClient, createWebSocketTransport } from '@parley/core';`;

const client = await measure(widgetImports);
const agent = await measure(agentImports);
const hub = await measure(withHub);
report('@parley/core size (one minified ES module, dependencies inlined)', [
  ['widget imports (VisitorClient + WS + browser)', client],
  ['agent imports (AgentClient + WS)', agent],
  ['baseline: widget imports + hub', hub],
]);
const ratio = client.brotli / hub.brotli;
console.log(`\nwidget imports are ${(ratio * 100).toFixed(0)}% of the same with the hub (${kb(hub.brotli - client.brotli)} brotli saved)`);
const ok = client.brotli <= BUDGET_BROTLI;
console.log(`budget: ${kb(client.brotli)} brotli of ${kb(BUDGET_BROTLI)} — ${ok ? 'within' : 'OVER'} budget`);
if (!ok) process.exitCode = 1;
